using Microsoft.EntityFrameworkCore;
using Todo.Server.Accounts;
using Todo.Server.Data;
using Todo.Server.Text;

namespace Todo.Server.Tokens;

/// <summary>
/// A user's personal access tokens: creation (the secret returned once), listing, revocation, and the check of a
/// presented token. Ownership is part of every query. Validity is read from the database on every request (one
/// indexed query, no cache), so a revoked or expired token stops working at once on every server copy.
/// </summary>
public sealed partial class PersonalAccessTokenService(TodoDbContext db, TimeProvider time, ILogger<PersonalAccessTokenService> logger)
{
    /// <summary>The most tokens one user may hold; creating one more is a 409 until one is revoked.</summary>
    public const int MaxPerUser = 50;

    /// <summary>
    /// last_used_at is written at most once per this interval per token, not on every request: a busy script costs
    /// one write a minute, and the value shown is right to the minute.
    /// </summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Creates a token named <paramref name="name"/> that expires after <paramref name="expiresInDays"/> days (null: never).
    /// Returns the token (its secret is in no other answer) with its stored row, or null when the user already holds
    /// <see cref="MaxPerUser"/>.
    /// </summary>
    public async Task<(PersonalAccessToken Row, string Token)?> CreateAsync(
        Guid userId, string name, int? expiresInDays, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var valid = TokenText.Name.Require(name, "name");
        if (expiresInDays is < TokenText.MinExpiryDays or > TokenText.MaxExpiryDays)
        {
            throw new InvalidTextException("expires_in_days", TokenText.ExpiryProblem);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Takes the user's row lock, so two creations at once are counted one after the other and the limit holds.
        var owner = await db.Users.Where(u => u.Id == userId && u.IsActive)
            .ExecuteUpdateAsync(user => user.SetProperty(u => u.UpdatedAt, u => u.UpdatedAt), cancellationToken);
        if (owner == 0)
        {
            throw new AccountGoneException(userId);
        }

        if (await db.PersonalAccessTokens.CountAsync(t => t.UserId == userId, cancellationToken) >= MaxPerUser)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var (token, prefix) = PersonalAccessTokenFormat.New();
        var row = new PersonalAccessToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Name = valid,
            Prefix = prefix,
            TokenHash = PersonalAccessTokenFormat.Hash(token),
            CreatedAt = now,
            ExpiresAt = expiresInDays is { } days ? now.AddDays(days) : null,
        };
        db.PersonalAccessTokens.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        LogCreated(logger, row.Id, userId, prefix);
        return (row, token);
    }

    /// <summary>The user's tokens, newest first (at most <see cref="MaxPerUser"/>).</summary>
    public Task<List<PersonalAccessToken>> ListAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Deletes the user's token <paramref name="id"/>; false when the user has none with that id.</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid id, CancellationToken cancellationToken = default)
    {
        var removed = await db.PersonalAccessTokens.Where(t => t.Id == id && t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            LogRevoked(logger, id, userId);
        }

        return removed > 0;
    }

    /// <summary>
    /// The owner of <paramref name="token"/> when it is a stored, unexpired token of an active user and its secret
    /// matches (in constant time); else null. One indexed query by prefix, joined to the owner; then, at most once per
    /// <see cref="LastUsedPrecision"/>, the write of last_used_at.
    /// </summary>
    public async Task<TokenOwner?> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (PersonalAccessTokenFormat.PrefixOf(token) is not { } prefix)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var found = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.Prefix == prefix && (t.ExpiresAt == null || t.ExpiresAt > now))
            .Join(db.Users.Where(u => u.IsActive), t => t.UserId, u => u.Id,
                (t, u) => new { t.Id, t.UserId, t.TokenHash, t.LastUsedAt, u.Email })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || !PersonalAccessTokenFormat.Matches(token, found.TokenHash))
        {
            LogRefused(logger, prefix);
            return null;
        }

        if (found.LastUsedAt is not { } lastUsed || now - lastUsed >= LastUsedPrecision)
        {
            await RecordUseAsync(found.Id, found.UserId, now, cancellationToken);
        }

        return new TokenOwner(found.UserId, found.Email, found.Id);
    }

    /// <summary>
    /// Sets last_used_at unless another request (on any server) did within the interval. A database that takes no
    /// writes does not turn the request away: the token is valid, only its last use goes unrecorded.
    /// </summary>
    private async Task RecordUseAsync(Guid id, Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        var since = now - LastUsedPrecision;
        try
        {
            await db.PersonalAccessTokens
                .Where(t => t.Id == id && t.UserId == userId && (t.LastUsedAt == null || t.LastUsedAt <= since))
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.LastUsedAt, now), cancellationToken);
        }
        catch (Exception e) when (DatabaseErrors.IsNotWritable(e))
        {
            LogLastUseNotRecorded(logger, id, e);
        }
    }

    [LoggerMessage(LogLevel.Information, "Personal access token {TokenId} ({Prefix}) created for user {UserId}")]
    private static partial void LogCreated(ILogger logger, Guid tokenId, Guid userId, string prefix);

    [LoggerMessage(LogLevel.Information, "Personal access token {TokenId} of user {UserId} revoked")]
    private static partial void LogRevoked(ILogger logger, Guid tokenId, Guid userId);

    [LoggerMessage(LogLevel.Information, "Personal access token {Prefix} refused: unknown, revoked, expired, of an inactive user, or a wrong secret")]
    private static partial void LogRefused(ILogger logger, string prefix);

    [LoggerMessage(LogLevel.Warning, "The last use of personal access token {TokenId} was not recorded: the database takes no writes")]
    private static partial void LogLastUseNotRecorded(ILogger logger, Guid tokenId, Exception exception);
}

/// <summary>Who a valid personal access token acts for.</summary>
public sealed record TokenOwner(Guid UserId, string Email, Guid TokenId);
