using Microsoft.AspNetCore.RateLimiting;
using Todo.Server.Accounts;
using Todo.Server.Assistant;
using Todo.Server.Http;

namespace Todo.Server.Mcp;

/// <summary>
/// POST /mcp: MCP Streamable HTTP, stateless, behind the same bearer token as the REST API, with a per-user
/// allowance of requests (<c>RateLimiting:McpPerMinute</c>) and tool arguments checked against each tool's schema.
/// </summary>
public static class McpEndpoint
{
    private const string RateLimitPolicy = "mcp";

    public static WebApplicationBuilder AddTodoMcp(this WebApplicationBuilder builder)
    {
        builder.Services.AddMcpServer(options => options.ServerInfo = new() { Name = "todo", Version = "1.0" })
            .WithHttpTransport(http => http.Stateless = true)
            .WithRequestFilters(filters => filters.AddCallToolFilter(McpToolArguments.Filter))
            .WithTools<TaskMcpTools>(TaskTools.JsonOptions);
        builder.Services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(RateLimitPolicy, context =>
            RateLimits.PerMinute(
                context.User.Identity?.IsAuthenticated == true ? context.User.GetUserId().ToString() : "anonymous",
                RateLimits.Options(context).McpPerMinute)));
        return builder;
    }

    public static IEndpointConventionBuilder MapTodoMcp(this IEndpointRouteBuilder app) =>
        app.MapMcp("/mcp").RequireAuthorization().RequireRateLimiting(RateLimitPolicy).WithTags("MCP");
}
