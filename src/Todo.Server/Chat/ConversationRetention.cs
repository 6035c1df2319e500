using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Todo.Server.Data;
using Todo.Server.Tasks;
using Todo.Server.Telemetry;

namespace Todo.Server.Chat;

public sealed record RetentionResult(int SoftDeleted, int Purged, int ExpiredIdempotencyKeys, int PurgedTasks = 0);

/// <summary>
/// Retention as the original system had it: conversations idle longer than Chat:InactiveDays are soft-deleted,
/// and those deleted longer than Chat:PurgeAfterDays are removed with their messages; tasks in the trash longer than
/// Tasks:TrashDays are removed for good. On PostgreSQL a session
/// advisory lock makes one server at a time do it; the others skip that round.
/// </summary>
public sealed partial class ConversationRetention(
    IServiceScopeFactory scopes,
    DatabaseConnection connection,
    TimeProvider time,
    IOptions<ChatSettings> settings,
    IOptions<TaskSettings> taskSettings,
    ILogger<ConversationRetention> logger)
{
    // Shared by every copy of the server; the value spells "todo purg".
    private const long AdvisoryLockKey = 0x746F_646F_7075_7267;

    /// <summary>Runs one round; null when another server holds the lock.</summary>
    public Task<RetentionResult?> RunOnceAsync(CancellationToken cancellationToken) =>
        TodoTelemetry.RunJobAsync(TodoTelemetry.Spans.RetentionRun, () => RunLockedAsync(cancellationToken));

    private async Task<RetentionResult?> RunLockedAsync(CancellationToken cancellationToken)
    {
        await using var lockConnection = await TryLockAsync(cancellationToken);
        if (connection.Provider == DatabaseProvider.Postgres && lockConnection is null)
        {
            return null;
        }

        try
        {
            return await RunAsync(cancellationToken);
        }
        finally
        {
            if (lockConnection is not null)
            {
                // Released before the round returns, not a moment later when the server notices the closed session.
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
                unlock.Parameters.AddWithValue("key", AdvisoryLockKey);
                await unlock.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
    }

    private async Task<RetentionResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TodoDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var idleBefore = now.AddDays(-settings.Value.InactiveDays);
        var purgeBefore = now.AddDays(-settings.Value.PurgeAfterDays);

        var softDeleted = await db.Conversations
            .Where(c => !c.IsDeleted && c.UpdatedAt < idleBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsDeleted, true).SetProperty(c => c.DeletedAt, now), cancellationToken);
        var purged = await db.Conversations
            .Where(c => c.IsDeleted && c.DeletedAt < purgeBefore)
            .ExecuteDeleteAsync(cancellationToken);
        var expiredKeys = await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().DeleteExpiredAsync(cancellationToken);
        var purgedTasks = await scope.ServiceProvider.GetRequiredService<TaskService>()
            .PurgeTrashAsync(now.AddDays(-taskSettings.Value.TrashDays), cancellationToken);

        var result = new RetentionResult(softDeleted, purged, expiredKeys, purgedTasks);
        if (softDeleted + purged + expiredKeys + purgedTasks > 0)
        {
            LogRound(logger, softDeleted, purged, expiredKeys, purgedTasks);
        }

        return result;
    }

    private async Task<NpgsqlConnection?> TryLockAsync(CancellationToken cancellationToken)
    {
        if (connection.Provider != DatabaseProvider.Postgres)
        {
            return null;
        }

        var lockConnection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Pooling = false }.ConnectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", lockConnection);
        command.Parameters.AddWithValue("key", AdvisoryLockKey);
        if (await command.ExecuteScalarAsync(cancellationToken) is true)
        {
            return lockConnection;
        }

        await lockConnection.DisposeAsync();
        return null;
    }

    [LoggerMessage(LogLevel.Information, "Retention: {SoftDeleted} conversation(s) soft-deleted, {Purged} purged, {Keys} idempotency key(s) expired, {Tasks} task(s) removed from the trash")]
    private static partial void LogRound(ILogger logger, int softDeleted, int purged, int keys, int tasks);
}

/// <summary>Runs <see cref="ConversationRetention"/> every Chat:RetentionInterval on every server; the lock keeps it to one at a time.</summary>
internal sealed partial class ConversationRetentionJob(
    ConversationRetention retention, IOptions<ChatSettings> settings, ILogger<ConversationRetentionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Value.RetentionInterval);
        do
        {
            try
            {
                await retention.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailure(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Warning, "The retention round failed; it runs again at the next interval")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
