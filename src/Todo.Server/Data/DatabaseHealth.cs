using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Todo.Server.Data;

/// <summary>Ready when the database answers and holds exactly this build's migrations.</summary>
internal sealed class DatabaseReadyCheck(TodoDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        MigrationStatus status;
        try
        {
            status = await DatabaseMigrator.GetStatusAsync(db, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database is unreachable.");
        }

        return status switch
        {
            { Unknown.Count: > 0 } => HealthCheckResult.Unhealthy("The database was migrated by a newer build."),
            { Pending.Count: > 0 } => HealthCheckResult.Unhealthy($"{status.Pending.Count} migration(s) pending."),
            _ => HealthCheckResult.Healthy(),
        };
    }
}

public static class DatabaseHealth
{
    private const string ReadyTag = "ready";

    public static WebApplicationBuilder AddTodoHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(3));
        return builder;
    }

    public static IEndpointRouteBuilder MapTodoHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, cancellationToken: context.RequestAborted);
    }
}
