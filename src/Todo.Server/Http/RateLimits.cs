using System.Globalization;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Todo.Server.Http;

public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>
    /// Sign-in and sign-up attempts per minute from one client address (the API's and the web forms' posts; viewing
    /// the forms is free): a burst of this many, then one more every 60/N seconds; 0 lifts the limit.
    /// </summary>
    public int AuthPerMinute { get; set; } = 20;

    /// <summary>Chat turns per minute for one user, from the API and the web page together; 0 lifts the limit.</summary>
    public int ChatPerMinute { get; set; } = 30;

    /// <summary>Requests per minute to /mcp for one user (each tool call is one); 0 lifts the limit.</summary>
    public int McpPerMinute { get; set; } = 120;

    /// <summary>Reads of calendar feeds (anonymous, by secret address) per minute from one client address; 0 lifts the limit.</summary>
    public int CalendarFeedPerMinute { get; set; } = 60;
}

public static class RateLimits
{
    /// <summary>The policy of the sign-in and sign-up routes and pages; it counts only posts, the attempts.</summary>
    public const string Auth = "auth";

    /// <summary>The policy of the anonymous calendar feed: reads per client address.</summary>
    public const string CalendarFeed = "calendar-feed";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteRejectionAsync;
            limiter.AddPolicy(Auth, context => HttpMethods.IsPost(context.Request.Method)
                ? AttemptsPerMinute(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", Options(context).AuthPerMinute)
                : RateLimitPartition.GetNoLimiter(""));
            limiter.AddPolicy(CalendarFeed, context =>
                AttemptsPerMinute("feed:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), Options(context).CalendarFeedPerMinute));
        });
        builder.Services.AddSingleton<ChatTurnLimiter>();
        return builder;
    }

    internal static RateLimitingOptions Options(HttpContext context) =>
        context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitingOptions>>().Value;

    /// <summary>
    /// A token bucket per key: <paramref name="attempts"/> at once, then one more every minute/<paramref name="attempts"/>.
    /// Unlike a fixed window, a refusal's Retry-After is the time until the next attempt is allowed (at most one
    /// refill step), not the rest of a minute. 0 attempts lifts the limit.
    /// </summary>
    internal static RateLimitPartition<TKey> AttemptsPerMinute<TKey>(TKey key, int attempts) =>
        attempts <= 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = attempts,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / attempts,
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

    /// <summary>A browser's form post gets a page saying how long to wait; API clients get the 429 problem.</summary>
    private static ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = RetryAfter(context.Lease);
        return AcceptsHtml(context.HttpContext.Request)
            ? WriteTooManyAttemptsPageAsync(context.HttpContext, retryAfter, cancellationToken)
            : WriteTooManyRequestsAsync(context.HttpContext, retryAfter);
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static async ValueTask WriteTooManyAttemptsPageAsync(HttpContext context, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        var seconds = Seconds(retryAfter);
        var back = HtmlEncoder.Default.Encode(context.Request.Path + context.Request.QueryString);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Too many attempts · Todo</title><link rel="stylesheet" href="/app.css"></head>
            <body><main class="account-card"><h1>Too many attempts</h1><p>Wait {seconds} {(seconds == 1 ? "second" : "seconds")}, then <a href="{back}">try again</a>.</p></main></body>
            </html>
            """, cancellationToken);
    }
}
