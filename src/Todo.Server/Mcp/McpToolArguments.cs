using System.Globalization;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Todo.Server.Text;

namespace Todo.Server.Mcp;

/// <summary>
/// Checks a tool call's arguments against the tool's own input schema before the tool runs: an unknown argument,
/// a missing required one, a value of the wrong JSON type or an oversized string is a tool error that names the
/// argument, instead of the SDK's generic "An error occurred"; a tool that does not exist is a tool error listing
/// those that do. The tools then apply the same text rules as the API.
/// </summary>
internal static class McpToolArguments
{
    /// <summary>No argument of any tool needs more: the longest is a description of 1000 characters.</summary>
    public const int MaxStringLength = 8 * 1024;

    /// <summary>No array argument needs more: a task has at most 20 labels.</summary>
    public const int MaxArrayLength = 100;

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Filter(
        McpRequestHandler<CallToolRequestParams, CallToolResult> next) => async (context, cancellationToken) =>
    {
        if (context.MatchedPrimitive is not McpServerTool tool)
        {
            var names = (context.Server.ServerOptions.ToolCollection ?? []).Select(t => t.ProtocolTool.Name).Order(StringComparer.Ordinal);
            return McpEndpoint.ToolError(
                $"There is no tool named '{Shown(context.Params?.Name ?? "")}'. The tools are: {string.Join(", ", names)}.");
        }

        if (Problem(tool.ProtocolTool.InputSchema, context.Params?.Arguments) is { } problem)
        {
            return McpEndpoint.ToolError(problem);
        }

        return await next(context, cancellationToken);
    };

    /// <summary>What is wrong with <paramref name="arguments"/> for a tool with <paramref name="schema"/>, or null.</summary>
    public static string? Problem(JsonElement schema, IDictionary<string, JsonElement>? arguments)
    {
        var properties = schema.TryGetProperty("properties", out var declared) && declared.ValueKind == JsonValueKind.Object
            ? declared.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal)
            : [];
        arguments ??= new Dictionary<string, JsonElement>();

        foreach (var (name, value) in arguments)
        {
            if (!properties.TryGetValue(name, out var property))
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"Unknown argument '{Shown(name)}'. This tool takes: {string.Join(", ", properties.Keys)}.");
            }

            var allowed = Types(property);
            var type = TypeOf(value);
            if (allowed.Count > 0 && !allowed.Contains(type) && !(type == "integer" && allowed.Contains("number")))
            {
                return $"The argument '{name}' must be {Describe(allowed)}, not {Article(type)}.";
            }

            if (value.ValueKind == JsonValueKind.String && value.GetString()!.Length > MaxStringLength)
            {
                return string.Create(CultureInfo.InvariantCulture, $"The argument '{name}' is too long (at most {MaxStringLength} characters).");
            }

            if (value.ValueKind == JsonValueKind.Array && ItemsProblem(name, property, value) is { } itemsProblem)
            {
                return itemsProblem;
            }
        }

        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()).OfType<string>())
            {
                if (!arguments.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    return $"The argument '{name}' is required.";
                }
            }
        }

        return null;
    }

    /// <summary>An array argument (labels): at most <see cref="MaxArrayLength"/> items, each of the schema's item type and not oversized.</summary>
    private static string? ItemsProblem(string name, JsonElement property, JsonElement array)
    {
        if (array.GetArrayLength() > MaxArrayLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The argument '{name}' has too many items (at most {MaxArrayLength}).");
        }

        var allowed = property.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object ? Types(items) : [];
        foreach (var item in array.EnumerateArray())
        {
            var type = TypeOf(item);
            if (allowed.Count > 0 && !allowed.Contains(type) && !(type == "integer" && allowed.Contains("number")))
            {
                return $"Each item of the argument '{name}' must be {Describe(allowed)}, not {Article(type)}.";
            }

            if (item.ValueKind == JsonValueKind.String && item.GetString()!.Length > MaxStringLength)
            {
                return string.Create(CultureInfo.InvariantCulture, $"An item of the argument '{name}' is too long (at most {MaxStringLength} characters).");
            }
        }

        return null;
    }

    private static List<string> Types(JsonElement property) =>
        !property.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.String ? [type.GetString()!]
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()).OfType<string>()]
        : [];

    private static string TypeOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "null",
    };

    private static string Describe(List<string> types) =>
        string.Join(" or ", types.Select(t => t == "null" ? "null" : Article(t)));

    private static string Article(string type) => type switch
    {
        "null" => "null",
        "integer" or "array" or "object" => "an " + type,
        _ => "a " + type,
    };

    private static string Shown(string name) => TextElements.Truncate(TextElements.Sanitize(name), 64);
}
