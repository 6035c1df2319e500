using Todo.Server.Assistant;

namespace Todo.Server.Mcp;

/// <summary>POST /mcp: MCP Streamable HTTP, stateless, behind the same bearer token as the REST API.</summary>
public static class McpEndpoint
{
    public static WebApplicationBuilder AddTodoMcp(this WebApplicationBuilder builder)
    {
        builder.Services.AddMcpServer(options => options.ServerInfo = new() { Name = "todo", Version = "1.0" })
            .WithHttpTransport(http => http.Stateless = true)
            .WithTools<TaskMcpTools>(TaskTools.JsonOptions);
        return builder;
    }

    public static IEndpointConventionBuilder MapTodoMcp(this IEndpointRouteBuilder app) =>
        app.MapMcp("/mcp").RequireAuthorization().WithTags("MCP");
}
