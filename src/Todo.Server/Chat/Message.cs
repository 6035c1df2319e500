using System.Text.Json;
using System.Text.Json.Nodes;
using Todo.Server.Text;

namespace Todo.Server.Chat;

public sealed class Message
{
    public Guid Id { get; set; }
    public Guid ConversationId { get; set; }
    public MessageRole Role { get; set; }
    public required string Content { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// The tools the assistant called before writing this reply, as a JSON array of
    /// <c>{call_id, name, arguments, result}</c> (<see cref="StoredToolCalls"/>); null for the user's messages and
    /// replies without calls. jsonb on PostgreSQL, TEXT on SQLite.
    /// </summary>
    public string? ToolCalls { get; set; }
}

/// <summary>Stored as the labels USER and ASSISTANT (a PostgreSQL enum type; text with a CHECK on SQLite).</summary>
public enum MessageRole
{
    User,
    Assistant,
}

/// <summary>One tool call of an assistant turn as stored with its reply: the call's id, the tool, its arguments and what it answered.</summary>
public sealed record StoredToolCall(string CallId, string Name, JsonElement Arguments, JsonElement Result);

/// <summary>Writes and reads <see cref="Message.ToolCalls"/>.</summary>
public static class StoredToolCalls
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>
    /// The calls as the column's JSON, null when there are none. Every string (keys too) is made storable first:
    /// PostgreSQL's jsonb refuses NUL characters and unpaired surrogates, which a model's arguments may hold.
    /// </summary>
    public static string? Write(IReadOnlyList<StoredToolCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        if (calls.Count == 0)
        {
            return null;
        }

        var array = new JsonArray();
        foreach (var call in calls)
        {
            array.Add(new JsonObject
            {
                ["call_id"] = TextElements.Sanitize(call.CallId),
                ["name"] = TextElements.Sanitize(call.Name),
                ["arguments"] = Storable(JsonNode.Parse(call.Arguments.GetRawText())),
                ["result"] = Storable(JsonNode.Parse(call.Result.GetRawText())),
            });
        }

        return array.ToJsonString(Json);
    }

    /// <summary>The calls stored in <paramref name="json"/>; empty for null or anything unreadable.</summary>
    public static IReadOnlyList<StoredToolCall> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<StoredToolCall>>(json, Json) is { } calls
                ? [.. calls.Where(call => call.CallId is not null && call.Name is not null)
                    .Select(call => call with { Arguments = Defined(call.Arguments), Result = Defined(call.Result) })]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static readonly JsonElement Null = JsonDocument.Parse("null").RootElement.Clone();

    private static JsonElement Defined(JsonElement element) => element.ValueKind == JsonValueKind.Undefined ? Null : element;

    private static JsonNode? Storable(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj.ToList())
                {
                    obj.Remove(key);
                    copy[TextElements.Sanitize(key)] = Storable(value);
                }

                return copy;
            case JsonArray array:
                var items = array.ToList();
                array.Clear();
                var list = new JsonArray();
                foreach (var item in items)
                {
                    list.Add(Storable(item));
                }

                return list;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return JsonValue.Create(TextElements.Sanitize(value.GetValue<string>()));
            default:
                return node;
        }
    }
}
