using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Todo.Server.Data;

public sealed record MigrationStatus(
    IReadOnlyList<string> Applied,
    IReadOnlyList<string> Pending,
    IReadOnlyList<string> Unknown)
{
    public bool IsCurrent => Pending.Count == 0 && Unknown.Count == 0;
}

/// <summary>
/// Applies and reverts this build's migrations. Refuses to touch a database that holds a migration this
/// build does not know (it was migrated by a newer build). On PostgreSQL the whole check-then-migrate runs
/// under a session advisory lock, so servers starting together against one database take turns.
/// </summary>
public sealed partial class DatabaseMigrator(IServiceScopeFactory scopes, DatabaseConnection connection, ILogger<DatabaseMigrator> logger)
{
    public const string HistoryTable = "__EFMigrationsHistory";

    // Any constant shared by every copy of the server; the value spells "todo migr".
    private const long AdvisoryLockKey = 0x746F_646F_6D69_6772;

    public async Task<MigrationStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TodoDbContext>();
        return await GetStatusAsync(db, cancellationToken);
    }

    /// <summary>Migrates forward to <paramref name="target"/> (all pending when null). Returns the migrations applied.</summary>
    public Task<IReadOnlyList<string>> MigrateAsync(string? target = null, CancellationToken cancellationToken = default) =>
        RunLockedAsync(async (db, status) =>
        {
            var known = db.Database.GetMigrations().ToList();
            var targetId = target is null ? known.LastOrDefault() ?? Migration.InitialDatabase : ResolveTarget(known, target);
            var targetIndex = known.IndexOf(targetId);
            var currentIndex = status.Applied.Count - 1;
            if (targetIndex < currentIndex)
            {
                throw new OperatorException(
                    $"The database is already past {targetId}; use 'db rollback {target}' to go back.");
            }

            var toApply = known.Skip(currentIndex + 1).Take(targetIndex - currentIndex).ToList();
            if (toApply.Count > 0)
            {
                await db.GetService<IMigrator>().MigrateAsync(targetId, cancellationToken);
            }

            return toApply;
        }, cancellationToken);

    /// <summary>Reverts to <paramref name="target"/> (one step back when null; "0" empties the schema). Returns the migrations reverted.</summary>
    public Task<IReadOnlyList<string>> RollbackAsync(string? target = null, CancellationToken cancellationToken = default) =>
        RunLockedAsync(async (db, status) =>
        {
            var known = db.Database.GetMigrations().ToList();
            if (status.Applied.Count == 0)
            {
                return [];
            }

            var targetId = target is null
                ? status.Applied.Count > 1 ? status.Applied[^2] : Migration.InitialDatabase
                : ResolveTarget(known, target);
            var targetIndex = targetId == Migration.InitialDatabase ? -1 : known.IndexOf(targetId);
            if (targetIndex > status.Applied.Count - 1)
            {
                throw new OperatorException($"{targetId} is not applied yet; use 'db migrate {target}' to go forward.");
            }

            var toRevert = status.Applied.Skip(targetIndex + 1).Reverse().ToList();
            if (toRevert.Count > 0)
            {
                await db.GetService<IMigrator>().MigrateAsync(targetId, cancellationToken);
            }

            return toRevert;
        }, cancellationToken);

    /// <summary>
    /// The start-up step: refuses a database migrated by a newer build, and applies pending migrations
    /// when <paramref name="migrate"/> is set.
    /// </summary>
    public async Task PrepareAsync(bool migrate, CancellationToken cancellationToken = default)
    {
        if (migrate)
        {
            var applied = await MigrateAsync(cancellationToken: cancellationToken);
            if (applied.Count > 0)
            {
                LogApplied(logger, string.Join(", ", applied));
            }

            return;
        }

        var status = await GetStatusAsync(cancellationToken);
        RefuseUnknown(status);
        if (status.Pending.Count > 0)
        {
            LogPending(logger, string.Join(", ", status.Pending));
        }
    }

    internal static async Task<MigrationStatus> GetStatusAsync(TodoDbContext db, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        return new MigrationStatus(
            applied.Where(known.Contains).ToList(),
            known.Except(applied).ToList(),
            applied.Except(known).ToList());
    }

    private async Task<IReadOnlyList<string>> RunLockedAsync(
        Func<TodoDbContext, MigrationStatus, Task<IReadOnlyList<string>>> action,
        CancellationToken cancellationToken)
    {
        await using var advisoryLock = await AcquireLockAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TodoDbContext>();
        var status = await GetStatusAsync(db, cancellationToken);
        RefuseUnknown(status);
        return await action(db, status);
    }

    private static void RefuseUnknown(MigrationStatus status)
    {
        if (status.Unknown.Count > 0)
        {
            throw new OperatorException(
                $"The database holds migration {string.Join(", ", status.Unknown)}, which this build does not know " +
                "(it was migrated by a newer build). Nothing was changed; run a build that includes it.");
        }
    }

    private async Task<IAsyncDisposable?> AcquireLockAsync(CancellationToken cancellationToken)
    {
        if (connection.Provider != DatabaseProvider.Postgres)
        {
            // SQLite: EF Core's own migration lock serialises migrators on one file.
            return null;
        }

        // The lock lives as long as this session, outside EF's pool; it is released when the session closes.
        var lockConnection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await lockConnection.OpenAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await CreateDatabaseAsync(cancellationToken);
            await lockConnection.OpenAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection);
        command.Parameters.AddWithValue("key", AdvisoryLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return lockConnection;
    }

    private async Task CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var creator = scope.ServiceProvider.GetRequiredService<TodoDbContext>().GetService<IRelationalDatabaseCreator>();
        try
        {
            await creator.CreateAsync(cancellationToken);
            LogCreated(logger);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another server created it at the same moment.
        }
    }

    /// <summary>Accepts "0", a position (1 = the first migration), a full migration id or its name.</summary>
    private static string ResolveTarget(List<string> known, string target)
    {
        if (target == Migration.InitialDatabase)
        {
            return Migration.InitialDatabase;
        }

        if (int.TryParse(target, out var position) && position >= 1 && position <= known.Count)
        {
            return known[position - 1];
        }

        return known.FirstOrDefault(id =>
                   string.Equals(id, target, StringComparison.OrdinalIgnoreCase) ||
                   string.Equals(id[(id.IndexOf('_') + 1)..], target, StringComparison.OrdinalIgnoreCase))
               ?? throw new OperatorException(
                   $"No migration '{target}' in this build. Known: 0, {string.Join(", ", known)}.");
    }

    [LoggerMessage(LogLevel.Information, "Applied migrations: {Migrations}")]
    private static partial void LogApplied(ILogger logger, string migrations);

    [LoggerMessage(LogLevel.Warning, "The database lacks migrations {Migrations}; run 'db migrate'. /health/ready answers 503 until then.")]
    private static partial void LogPending(ILogger logger, string migrations);

    [LoggerMessage(LogLevel.Information, "Created the database")]
    private static partial void LogCreated(ILogger logger);
}
