using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Todo.Server.Telemetry;
using Todo.Tests.Infrastructure;
using Todo.Tests.Webhooks;

namespace Todo.Tests.Telemetry;

/// <summary>
/// Export is on only when OTEL_EXPORTER_OTLP_ENDPOINT is set: unset, no provider is registered (nothing listens, so no
/// span is made); set, the OTLP exporter sends traces, metrics and logs there, named by OTEL_SERVICE_NAME. A loopback
/// receiver stands in for the collector (OTLP over HTTP with protobuf).
/// </summary>
public sealed class OtlpExportTests
{
    private const int TestTimeout = 60_000;

    [Fact(Timeout = TestTimeout)]
    public async Task WithoutAnEndpointNothingIsRegistered()
    {
        using var database = new TemporarySqliteDatabase();
        await using var factory = new TodoApiFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            [TelemetryRegistration.EndpointSetting] = "",
        });

        var services = factory.Services;

        Assert.Null(services.GetService<TracerProvider>());
        Assert.Null(services.GetService<MeterProvider>());
        Assert.Null(services.GetService<LoggerProvider>());
        Assert.DoesNotContain(services.GetServices<ILoggerProvider>(), p => p is OpenTelemetryLoggerProvider);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task WithAnEndpointTracesMetricsAndLogsAreSentThereUnderTheServiceName()
    {
        await using var collector = await WebhookReceiver.StartAsync();
        using var database = new TemporarySqliteDatabase();
        await using var factory = new TodoApiFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            [TelemetryRegistration.EndpointSetting] = collector.BaseAddress.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            [TelemetryRegistration.ServiceNameSetting] = "todo-otlp-test",
        });
        var services = factory.Services;

        var register = await factory.CreateClient().PostAsJsonAsync(
            "/api/auth/register", new { email = $"user-{Guid.NewGuid():N}@example.com", password = "correct horse battery" }, ApiFixture.Json);
        register.EnsureSuccessStatusCode();

        // The request's span ends as the request does, which can be just after the client has the answer: flush until
        // it has gone out (or 10 s).
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            Assert.True(services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
            Assert.True(services.GetRequiredService<MeterProvider>().ForceFlush(10_000));
            Assert.True(services.GetRequiredService<LoggerProvider>().ForceFlush(10_000));
            if (collector.At("/v1/traces").Any(r => r.Body.Contains("/api/auth/register", StringComparison.Ordinal)))
            {
                break;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        while (DateTime.UtcNow < deadline);

        foreach (var signal in new[] { "/v1/traces", "/v1/metrics", "/v1/logs" })
        {
            var sent = collector.At(signal);
            Assert.True(sent.Count > 0, $"nothing sent to {signal}; got: {string.Join(", ", collector.Received.Select(r => r.Path))}");
            Assert.All(sent, r => Assert.Equal("application/x-protobuf", r.ContentType));
            Assert.Contains(sent, r => r.Body.Contains("todo-otlp-test", StringComparison.Ordinal));
        }

        Assert.Contains(collector.At("/v1/traces"), r => r.Body.Contains("/api/auth/register", StringComparison.Ordinal));
    }
}
