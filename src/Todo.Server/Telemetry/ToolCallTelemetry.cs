using System.Text.Json;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Todo.Server.Assistant;

namespace Todo.Server.Telemetry;

/// <summary>
/// Counts task tool calls in <see cref="TodoTelemetry.ToolCalls"/> by tool, caller (assistant or mcp) and outcome: ok, error
/// (the tool answered <c>"ok": false</c>, or MCP answered a tool error), exception or cancelled. The assistant's spans for
/// tool calls (<c>execute_tool …</c>) come from Microsoft.Extensions.AI's function invocation.
/// </summary>
public static class ToolCallTelemetry
{
    public const string Assistant = "assistant";
    public const string Mcp = "mcp";

    public const string Ok = "ok";
    public const string Error = "error";
    public const string Threw = "exception";
    public const string Cancelled = "cancelled";

    /// <summary>A tool the chat's model calls, counted.</summary>
    public static AIFunction Counted(AIFunction tool) => new CountedFunction(tool);

    /// <summary>An MCP tools/call filter that counts each call; outermost, so it sees every answer.</summary>
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> CountMcpCalls(
        McpRequestHandler<CallToolRequestParams, CallToolResult> next) => async (context, cancellationToken) =>
    {
        // A name the server does not know is not a tag value: the client chooses it.
        var name = context.MatchedPrimitive is McpServerTool tool ? tool.ProtocolTool.Name : "unknown";
        CallToolResult result;
        try
        {
            result = await next(context, cancellationToken);
        }
        catch (Exception e)
        {
            TodoTelemetry.ToolCalled(name, Mcp, OutcomeOf(e));
            throw;
        }

        TodoTelemetry.ToolCalled(name, Mcp, result.IsError == true || !IsOk(result.StructuredContent) ? Error : Ok);
        return result;
    };

    private static string OutcomeOf(Exception e) => e is OperationCanceledException ? Cancelled : Threw;

    /// <summary>Whether a tool's answer says it worked: every <see cref="TaskToolResult"/> has <c>ok</c>.</summary>
    private static bool IsOk(object? result) => result switch
    {
        TaskToolResult answer => answer.Ok,
        JsonElement { ValueKind: JsonValueKind.Object } json => !(json.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.False),
        _ => true,
    };

    private sealed class CountedFunction(AIFunction tool) : DelegatingAIFunction(tool)
    {
        protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
        {
            object? result;
            try
            {
                result = await base.InvokeCoreAsync(arguments, cancellationToken);
            }
            catch (Exception e)
            {
                TodoTelemetry.ToolCalled(Name, Assistant, OutcomeOf(e));
                throw;
            }

            TodoTelemetry.ToolCalled(Name, Assistant, IsOk(result) ? Ok : Error);
            return result;
        }
    }
}
