using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Todo.Server.Accounts;
using Todo.Server.Data;
using Todo.Server.Http;

namespace Todo.Server.Chat;

public enum IdempotencyOutcome
{
    /// <summary>The key is new and now ours: run the turn, then complete or release it.</summary>
    Claimed,

    /// <summary>The turn ran before: answer with <see cref="IdempotencyClaim.Response"/>.</summary>
    Replay,

    /// <summary>The first request with this key is still running.</summary>
    InProgress,

    /// <summary>The key was used for a different request.</summary>
    Mismatch,
}

public sealed record IdempotencyClaim(IdempotencyOutcome Outcome, ChatTurnDto? Response = null);

/// <summary>
/// Chat answers kept by (user, Idempotency-Key) in the database, so a retry to any server returns the first
/// answer without running the turn again.
/// </summary>
public sealed class IdempotencyStore(TodoDbContext db, TimeProvider time, IOptions<ChatSettings> settings)
{
    public const int MaxKeyLength = 200;

    public static bool IsValidKey(string key) =>
        key.Length is > 0 and <= MaxKeyLength && key.All(c => c is >= '!' and <= '~');

    public static string HashRequest(ChatRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{request.ConversationId}\n{request.Message}")));

    public async Task<IdempotencyClaim> ClaimAsync(Guid userId, string key, string requestHash, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(userId, key, cancellationToken);
        if (existing is not null)
        {
            return Judge(existing, requestHash);
        }

        db.Add(new IdempotencyRecord { UserId = userId, Key = key, RequestHash = requestHash, CreatedAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new IdempotencyClaim(IdempotencyOutcome.Claimed);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsForeignKeyViolation(e))
        {
            // No user for the key to belong to: the account was removed while its token is still valid.
            throw new AccountGoneException(userId, e);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            // A concurrent request claimed the key between our read and our insert.
            return await FindAsync(userId, key, cancellationToken) is { } winner
                ? Judge(winner, requestHash)
                : new IdempotencyClaim(IdempotencyOutcome.InProgress);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public Task CompleteAsync(Guid userId, string key, ChatTurnDto response, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(response, ApiConventions.Json);
        return db.Set<IdempotencyRecord>().Where(r => r.UserId == userId && r.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Response, json), cancellationToken);
    }

    /// <summary>Forgets a claim whose turn failed, so the client's retry runs it again.</summary>
    public Task ReleaseAsync(Guid userId, string key) =>
        db.Set<IdempotencyRecord>().Where(r => r.UserId == userId && r.Key == key && r.Response == null).ExecuteDeleteAsync();

    public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - settings.Value.IdempotencyKeyLifetime;
        return db.Set<IdempotencyRecord>().Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private Task<IdempotencyRecord?> FindAsync(Guid userId, string key, CancellationToken cancellationToken) =>
        db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);

    private static IdempotencyClaim Judge(IdempotencyRecord record, string requestHash) => record switch
    {
        _ when record.RequestHash != requestHash => new IdempotencyClaim(IdempotencyOutcome.Mismatch),
        { Response: null } => new IdempotencyClaim(IdempotencyOutcome.InProgress),
        _ => new IdempotencyClaim(IdempotencyOutcome.Replay, JsonSerializer.Deserialize<ChatTurnDto>(record.Response, ApiConventions.Json)),
    };
}
