using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Todo.Server.Data;

namespace Todo.Server.Accounts;

/// <summary>
/// Whether a token's or a session's user still exists and is active, and the user's current security stamp. The
/// answer is kept for <see cref="AuthOptions.ActiveUserRecheck"/>, so a request costs no database read of its own:
/// a deactivated user's tokens and sessions stop working within that time, and a rotated stamp (sign-out) ends the
/// other copies of a session cookie within that time on every server. The server that signs out forgets its answer
/// at once (<see cref="Forget"/>).
/// </summary>
public sealed class ActiveUserCheck(IMemoryCache cache, IOptions<AuthOptions> options, IServiceScopeFactory scopes)
{
    public async ValueTask<bool> IsActiveAsync(Guid userId, CancellationToken cancellationToken) =>
        await ActiveStampAsync(userId, cancellationToken) is not null;

    /// <summary>The user's security stamp when the user exists and is active; else null.</summary>
    public async ValueTask<string?> ActiveStampAsync(Guid userId, CancellationToken cancellationToken)
    {
        var key = Key(userId);
        if (cache.TryGetValue(key, out string? stamp))
        {
            return stamp;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TodoDbContext>();
        stamp = await db.Users.Where(u => u.Id == userId && u.IsActive).Select(u => u.SecurityStamp).FirstOrDefaultAsync(cancellationToken);
        var recheck = options.Value.ActiveUserRecheck;
        if (recheck > TimeSpan.Zero)
        {
            cache.Set(key, stamp, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = recheck });
        }

        return stamp;
    }

    /// <summary>Drops the kept answer for <paramref name="userId"/>, so this server reads the user again on the next request (after sign-out, or an account found gone).</summary>
    public void Forget(Guid userId) => cache.Remove(Key(userId));

    private static (string, Guid) Key(Guid userId) => (nameof(ActiveUserCheck), userId);
}
