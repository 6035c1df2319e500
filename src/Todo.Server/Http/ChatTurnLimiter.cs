using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Todo.Server.Accounts;

namespace Todo.Server.Http;

/// <summary>
/// The per-user chat limit (<c>RateLimiting:ChatPerMinute</c>), one allowance for every way a turn arrives: the chat
/// API (<see cref="Filter"/>) and the web page's assistant panel.
/// </summary>
public sealed class ChatTurnLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> limiter;

    public ChatTurnLimiter(IOptions<RateLimitingOptions> options)
    {
        var permits = options.Value.ChatPerMinute;
        limiter = PartitionedRateLimiter.Create<Guid, Guid>(userId => RateLimits.PerMinute(userId, permits));
    }

    /// <summary>Takes one turn from the user's allowance; false, with how long to wait, when it is spent.</summary>
    public bool TryTake(Guid userId, out TimeSpan retryAfter)
    {
        using var lease = limiter.AttemptAcquire(userId);
        retryAfter = lease.IsAcquired ? TimeSpan.Zero : RateLimits.RetryAfter(lease);
        return lease.IsAcquired;
    }

    /// <summary>The chat routes' endpoint filter: a 429 problem with Retry-After once the caller's allowance is spent.</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated == true
            && !http.RequestServices.GetRequiredService<ChatTurnLimiter>().TryTake(http.User.GetUserId(), out var retryAfter))
        {
            await RateLimits.WriteTooManyRequestsAsync(http, retryAfter);
            return Results.Empty;
        }

        return await next(context);
    }

    public void Dispose() => limiter.Dispose();
}
