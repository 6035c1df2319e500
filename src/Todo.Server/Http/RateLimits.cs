using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Todo.Server.Accounts;

namespace Todo.Server.Http;

public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Requests per minute to the auth routes from one client address; 0 lifts the limit.</summary>
    public int AuthPerMinute { get; set; } = 20;

    /// <summary>Chat turns per minute for one user; 0 lifts the limit.</summary>
    public int ChatPerMinute { get; set; } = 30;
}

public static class RateLimits
{
    public const string Auth = "auth";
    public const string Chat = "chat";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteRejectionAsync;
            limiter.AddPolicy(Auth, context => PerMinute(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown", Options(context).AuthPerMinute));
            limiter.AddPolicy(Chat, context => PerMinute(
                context.User.Identity?.IsAuthenticated == true ? context.User.GetUserId().ToString() : "anonymous",
                Options(context).ChatPerMinute));
        });
        return builder;
    }

    private static RateLimitingOptions Options(HttpContext context) =>
        context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitingOptions>>().Value;

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        permits <= 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = Problems.Create(
                StatusCodes.Status429TooManyRequests, "Too many requests", $"Too many requests; try again in {seconds} seconds."),
        });
    }
}
