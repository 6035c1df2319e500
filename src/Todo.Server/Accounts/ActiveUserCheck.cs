using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Todo.Server.Data;

namespace Todo.Server.Accounts;

/// <summary>
/// Whether a token's user still exists and is active. The answer is kept for <see cref="AuthOptions.ActiveUserRecheck"/>,
/// so a deactivated user's tokens stop working within that time without a database read on every request.
/// </summary>
public sealed class ActiveUserCheck(IMemoryCache cache, IOptions<AuthOptions> options, IServiceScopeFactory scopes)
{
    public async ValueTask<bool> IsActiveAsync(Guid userId, CancellationToken cancellationToken)
    {
        var key = CacheKey(userId);
        if (cache.TryGetValue(key, out bool isActive))
        {
            return isActive;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TodoDbContext>();
        isActive = await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, cancellationToken);
        var recheck = options.Value.ActiveUserRecheck;
        if (recheck > TimeSpan.Zero)
        {
            cache.Set(key, isActive, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = recheck });
        }

        return isActive;
    }

    /// <summary>Drops the kept answer, so the user's next request is checked against the database (an account found gone).</summary>
    public void Forget(Guid userId) => cache.Remove(CacheKey(userId));

    private static (string, Guid) CacheKey(Guid userId) => (nameof(ActiveUserCheck), userId);
}
