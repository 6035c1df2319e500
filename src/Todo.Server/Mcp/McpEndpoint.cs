using Microsoft.AspNetCore.RateLimiting;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Todo.Server.Accounts;
using Todo.Server.Assistant;
using Todo.Server.Data;
using Todo.Server.Http;
using Todo.Server.Telemetry;

namespace Todo.Server.Mcp;

/// <summary>
/// POST /mcp: MCP Streamable HTTP, stateless, behind the same bearer token as the REST API, with a per-user
/// allowance of requests (<c>RateLimiting:McpPerMinute</c>) and tool arguments checked against each tool's schema.
/// </summary>
public static partial class McpEndpoint
{
    public const string AccountGoneText = "Your account no longer exists; sign in again. Nothing was changed.";

    private const string RateLimitPolicy = "mcp";

    public static WebApplicationBuilder AddTodoMcp(this WebApplicationBuilder builder)
    {
        builder.Services.AddMcpServer(options => options.ServerInfo = new() { Name = "todo", Version = "1.0" })
            .WithHttpTransport(http => http.Stateless = true)
            .WithTools(TaskTools.AsMcpTools())
            .WithRequestFilters(filters => filters
                .AddCallToolFilter(ToolCallTelemetry.CountMcpCalls)
                .AddCallToolFilter(AnswerKnownFailures)
                .AddCallToolFilter(McpToolArguments.Filter));
        builder.Services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(RateLimitPolicy, context =>
            RateLimits.AttemptsPerMinute(
                context.User.Identity?.IsAuthenticated == true ? context.User.GetUserId().ToString() : "anonymous",
                RateLimits.Options(context).McpPerMinute)));
        return builder;
    }

    public static IEndpointConventionBuilder MapTodoMcp(this IEndpointRouteBuilder app) =>
        app.MapMcp("/mcp").RequireAuthorization().RequireRateLimiting(RateLimitPolicy).WithTags("MCP");

    /// <summary>
    /// A tool call that meets a failure the REST API answers with 401 or 503 gets a tool error saying so, instead of
    /// the SDK's "An error occurred invoking" and an error in the log. A removed account is also forgotten by the
    /// token check, so the client's next request is a 401.
    /// </summary>
    private static McpRequestHandler<CallToolRequestParams, CallToolResult> AnswerKnownFailures(
        McpRequestHandler<CallToolRequestParams, CallToolResult> next) => async (request, cancellationToken) =>
    {
        try
        {
            return await next(request, cancellationToken);
        }
        catch (AccountGoneException e)
        {
            request.Services?.GetRequiredService<ActiveUserCheck>().Forget(e.UserId);
            return ToolError(AccountGoneText);
        }
        catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
        {
            if (request.Services?.GetService<ILoggerFactory>() is { } logs)
            {
                LogUnavailable(logs.CreateLogger(typeof(McpEndpoint).FullName!), request.Params?.Name, e);
            }

            return ToolError(DatabaseErrors.DescribeUnavailable(e));
        }
    };

    internal static CallToolResult ToolError(string text) => new() { IsError = true, Content = [new TextContentBlock { Text = text }] };

    [LoggerMessage(LogLevel.Warning, "MCP tool {Tool} answered unavailable: the database is unavailable or not writable")]
    private static partial void LogUnavailable(ILogger logger, string? tool, Exception exception);
}
