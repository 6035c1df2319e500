using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Todo.Server.Http;

/// <summary>
/// The per-user chat limit (<c>RateLimiting:ChatPerMinute</c>), one allowance for every way a turn arrives: the chat
/// API and the web page's assistant panel, taken by <see cref="Chat.ChatTurns"/>.
/// </summary>
public sealed class ChatTurnLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> limiter;

    public ChatTurnLimiter(IOptions<RateLimitingOptions> options)
    {
        var permits = options.Value.ChatPerMinute;
        limiter = PartitionedRateLimiter.Create<Guid, Guid>(userId => RateLimits.AttemptsPerMinute(userId, permits));
    }

    /// <summary>Takes one turn from the user's allowance; false, with how long to wait, when it is spent.</summary>
    public bool TryTake(Guid userId, out TimeSpan retryAfter)
    {
        using var lease = limiter.AttemptAcquire(userId);
        retryAfter = lease.IsAcquired ? TimeSpan.Zero : RateLimits.RetryAfter(lease);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
