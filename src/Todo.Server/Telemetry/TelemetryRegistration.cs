using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Todo.Server.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>The standard setting that turns export on: the OTLP collector's address.</summary>
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The standard setting that names the service; "todo" when unset.</summary>
    public const string ServiceNameSetting = "OTEL_SERVICE_NAME";

    public const string DefaultServiceName = "todo";

    private const string MicrosoftExtensionsAI = "Experimental.Microsoft.Extensions.AI";
    private const string ModelContextProtocol = "Experimental.ModelContextProtocol";
    private const string NpgsqlEntityFramework = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Whether telemetry is exported: <see cref="EndpointSetting"/> is set (environment or configuration).</summary>
    public static bool IsExported(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[EndpointSetting]);

    /// <summary>
    /// Traces, metrics and logs exported by OTLP when <see cref="EndpointSetting"/> is set (the exporter reads the other
    /// standard OTEL_EXPORTER_OTLP_* settings). Unset, nothing is registered: no listener, so no span is made.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        if (IsExported(builder.Configuration))
        {
            builder.Services.AddTelemetryPipeline(builder.Configuration).UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// The pipeline without an exporter: the resource, the sources and meters listened to, and the instrumentation.
    /// <see cref="AddTelemetry"/> adds the OTLP exporter to it; tests add an in-memory one.
    /// </summary>
    public static IOpenTelemetryBuilder AddTelemetryPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        var serviceName = configuration[ServiceNameSetting] is { Length: > 0 } name ? name : DefaultServiceName;
        return services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceVersion: TodoTelemetry.Version))
            .WithTracing(tracing => tracing
                .AddSource(TodoTelemetry.Name, MicrosoftExtensionsAI, ModelContextProtocol)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsHealthProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                // On PostgreSQL the Npgsql spans stand for the commands (they also cover raw Npgsql commands); EF Core's
                // would repeat them.
                .AddEntityFrameworkCoreInstrumentation(options => options.Filter = (provider, _) => provider != NpgsqlEntityFramework)
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(TodoTelemetry.Name, MicrosoftExtensionsAI, ModelContextProtocol)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation())
            .WithLogging(configureBuilder: null, configureOptions: options =>
            {
                options.IncludeScopes = true;
                options.IncludeFormattedMessage = true;
            });
    }

    private static bool IsHealthProbe(PathString path) => path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
