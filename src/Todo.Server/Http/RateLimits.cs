using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Todo.Server.Http;

public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Requests per minute to the auth routes from one client address; 0 lifts the limit.</summary>
    public int AuthPerMinute { get; set; } = 20;

    /// <summary>Chat turns per minute for one user, from the API and the web page together; 0 lifts the limit.</summary>
    public int ChatPerMinute { get; set; } = 30;

    /// <summary>Requests per minute to /mcp for one user (each tool call is one); 0 lifts the limit.</summary>
    public int McpPerMinute { get; set; } = 120;
}

public static class RateLimits
{
    public const string Auth = "auth";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteRejectionAsync;
            limiter.AddPolicy(Auth, context => PerMinute(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown", Options(context).AuthPerMinute));
        });
        builder.Services.AddSingleton<ChatTurnLimiter>();
        return builder;
    }

    internal static RateLimitingOptions Options(HttpContext context) =>
        context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitingOptions>>().Value;

    /// <summary>A fixed window of a minute per key; 0 permits lifts the limit.</summary>
    internal static RateLimitPartition<TKey> PerMinute<TKey>(TKey key, int permits) =>
        permits <= 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });

    /// <summary>When a refused lease may try again: what the limiter says, else a minute.</summary>
    internal static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);

    /// <summary>Whole seconds to wait, at least one.</summary>
    internal static int Seconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    /// <summary>The 429 problem with Retry-After.</summary>
    internal static ValueTask WriteTooManyRequestsAsync(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Seconds(retryAfter);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = Problems.Create(
                StatusCodes.Status429TooManyRequests, "Too many requests", $"Too many requests; try again in {seconds} seconds."),
        });
    }

    private static ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken) =>
        WriteTooManyRequestsAsync(context.HttpContext, RetryAfter(context.Lease));
}
