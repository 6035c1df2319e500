using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Todo.Server.Data;

/// <summary>
/// Ready when the database answers, holds exactly this build's migrations, and takes changes: a server whose writes
/// would all be refused (a read-only file or volume, a full disk, a PostgreSQL standby or read-only default) is not
/// ready, and is again once they would succeed.
/// </summary>
internal sealed class DatabaseReadyCheck(TodoDbContext db) : IHealthCheck
{
    public const string NotWritable = "The database is not writable (read-only or out of space).";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        MigrationStatus status;
        bool writable;
        try
        {
            status = await DatabaseMigrator.GetStatusAsync(db, cancellationToken);
            writable = await IsWritableAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database is unreachable.", e);
        }

        return status switch
        {
            { Unknown.Count: > 0 } => HealthCheckResult.Unhealthy("The database was migrated by a newer build."),
            { Pending.Count: > 0 } => HealthCheckResult.Unhealthy($"{status.Pending.Count} migration(s) pending."),
            _ when !writable => HealthCheckResult.Unhealthy(NotWritable),
            _ => HealthCheckResult.Healthy(),
        };
    }

    private async Task<bool> IsWritableAsync(CancellationToken cancellationToken)
    {
        if (db is PostgresTodoDbContext)
        {
            // A standby, or read-only transactions by default (default_transaction_read_only, as set on a replica or
            // by an operator): one query, no write. A full disk shows only on writes, which answer 503 themselves.
            var readOnly = await db.Database.SqlQueryRaw<bool>(
                    """SELECT pg_is_in_recovery() OR current_setting('transaction_read_only')::boolean AS "Value" """)
                .ToListAsync(cancellationToken);
            return !readOnly[0];
        }

        // SQLite tells a read-only file only on a write, and a full disk only on a commit that grows the file: rewrite
        // the header's user_version with its own value and commit. The transaction takes its turn at SqliteWriteGate
        // like every writer; the commit appends one page to the WAL.
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var version = (await db.Database.SqlQueryRaw<long>("""SELECT user_version AS "Value" FROM pragma_user_version""")
                .ToListAsync(cancellationToken))[0];
#pragma warning disable EF1003 // PRAGMA takes no parameters; the value is the integer just read.
            await db.Database.ExecuteSqlRawAsync(
                "PRAGMA user_version = " + version.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
#pragma warning restore EF1003
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (DatabaseErrors.IsNotWritable(e))
        {
            return false;
        }
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
