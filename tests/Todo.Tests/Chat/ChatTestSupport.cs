using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Chat;
using Todo.Server.Data;
using Todo.Server.Tasks;
using Todo.Tests.Infrastructure;

using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Chat;

/// <summary>One server-sent event as the client sees it: its type and its data (the lines joined).</summary>
public sealed record SseEvent(string Type, string Data)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement.Clone();
}

/// <summary>Shorthands the chat tests share: sending turns (JSON or SSE), parsing event streams, reading stored rows.</summary>
internal static class ChatTestSupport
{
    /// <summary>Every chat test is bounded: 60 s is far above what any of them needs.</summary>
    public const int TestTimeout = 60_000;

    public static JsonSerializerOptions Json => ApiFixture.Json;

    /// <summary>POST /api/chat (or <paramref name="path"/>) with the message, optional conversation id, Idempotency-Key and SSE Accept.</summary>
    public static Task<HttpResponseMessage> PostChatAsync(
        this HttpClient client, string message, Guid? conversationId = null, string? idempotencyKey = null,
        bool stream = false, string path = "/api/chat")
    {
        object body = conversationId is null ? new { message } : new { conversation_id = conversationId, message };
        return client.SendAsync(ChatRequest(body, idempotencyKey, stream, path));
    }

    public static HttpRequestMessage ChatRequest(object body, string? idempotencyKey = null, bool stream = false, string path = "/api/chat") =>
        WithHeaders(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) }, idempotencyKey, stream);

    public static HttpRequestMessage RawChatRequest(string body, string? idempotencyKey = null, bool stream = false, string path = "/api/chat") =>
        WithHeaders(new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") }, idempotencyKey, stream);

    private static HttpRequestMessage WithHeaders(HttpRequestMessage request, string? idempotencyKey, bool stream)
    {
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation(ChatApi.IdempotencyKeyHeader, idempotencyKey);
        }

        if (stream)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        }

        return request;
    }

    /// <summary>Sends a JSON turn and asserts it answered 200 with a turn.</summary>
    public static async Task<ChatTurnDto> ChatOkAsync(
        this HttpClient client, string message, Guid? conversationId = null, string? idempotencyKey = null, string path = "/api/chat")
    {
        var response = await client.PostChatAsync(message, conversationId, idempotencyKey, path: path);
        return await ReadTurnAsync(response);
    }

    public static Task<ChatTurnDto> ChatOkAsync(this TestUser user, string message, Guid? conversationId = null, string? idempotencyKey = null) =>
        user.Client.ChatOkAsync(message, conversationId, idempotencyKey);

    public static async Task<ChatTurnDto> ReadTurnAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<ChatTurnDto>(Json) ?? throw new InvalidOperationException("No turn in the answer.");
    }

    /// <summary>Sends a streamed turn, asserts a 200 event stream, and returns its events in order.</summary>
    public static async Task<List<SseEvent>> ChatStreamAsync(
        this HttpClient client, string message, Guid? conversationId = null, string? idempotencyKey = null)
    {
        var response = await client.PostChatAsync(message, conversationId, idempotencyKey, stream: true);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return ParseSse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Parses a text/event-stream body (WHATWG rules: event/data fields, blank line ends an event, ':' comments).</summary>
    public static List<SseEvent> ParseSse(string body)
    {
        var events = new List<SseEvent>();
        string? type = null;
        var data = new List<string>();
        foreach (var raw in body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.Length == 0)
            {
                Flush();
                continue;
            }

            if (raw.StartsWith(':'))
            {
                continue;
            }

            var colon = raw.IndexOf(':');
            var field = colon < 0 ? raw : raw[..colon];
            var value = colon < 0 ? "" : raw[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }

            switch (field)
            {
                case "event":
                    type = value;
                    break;
                case "data":
                    data.Add(value);
                    break;
            }
        }

        Flush();
        return events;

        void Flush()
        {
            if (data.Count > 0)
            {
                events.Add(new SseEvent(type ?? "message", string.Join('\n', data)));
            }

            type = null;
            data.Clear();
        }
    }

    public static async Task<T> InDbAsync<T>(this IServiceProvider services, Func<TodoDbContext, Task<T>> action)
    {
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TodoDbContext>());
    }

    /// <summary>A conversation's stored messages in the order they were written.</summary>
    public static Task<List<Message>> StoredMessagesAsync(this IServiceProvider services, Guid conversationId) =>
        services.InDbAsync(db => db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());

    /// <summary>Every conversation of the user, deleted or not.</summary>
    public static Task<List<Conversation>> StoredConversationsAsync(this IServiceProvider services, Guid userId) =>
        services.InDbAsync(db => db.Conversations.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.CreatedAt).ToListAsync());

    public static Task<Conversation?> StoredConversationAsync(this IServiceProvider services, Guid conversationId) =>
        services.InDbAsync(db => db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId));

    /// <summary>How many messages the user has in all their conversations.</summary>
    public static Task<int> MessageCountAsync(this IServiceProvider services, Guid userId) =>
        services.InDbAsync(db => db.Messages.CountAsync(m => db.Conversations.Any(c => c.Id == m.ConversationId && c.UserId == userId)));

    public static Task<List<TaskItem>> StoredTasksAsync(this IServiceProvider services, Guid userId) =>
        services.InDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.Number).ToListAsync());

    /// <summary>Stores <paramref name="count"/> alternating user/assistant messages, one second apart and ending an hour ago; answers them in order.</summary>
    public static async Task<List<Message>> SeedMessagesAsync(this IServiceProvider services, Guid conversationId, int count, string tag)
    {
        var start = DateTime.UtcNow.AddHours(-1).AddSeconds(-count);
        var messages = Enumerable.Range(0, count).Select(i => new Message
        {
            Id = Guid.CreateVersion7(),
            ConversationId = conversationId,
            Role = i % 2 == 0 ? MessageRole.User : MessageRole.Assistant,
            Content = $"{(i % 2 == 0 ? "note" : "noted")} {tag} {i}",
            CreatedAt = start.AddSeconds(i),
        }).ToList();
        await services.InDbAsync(async db =>
        {
            db.Messages.AddRange(messages);
            return await db.SaveChangesAsync();
        });
        return messages;
    }

    /// <summary>Creates an empty conversation for the user straight in the database.</summary>
    public static async Task<Guid> CreateConversationAsync(this IServiceProvider services, Guid userId, string title)
    {
        var now = DateTime.UtcNow.AddHours(-2);
        var conversation = new Conversation { Id = Guid.CreateVersion7(), UserId = userId, Title = title, CreatedAt = now, UpdatedAt = now };
        await services.InDbAsync(async db =>
        {
            db.Conversations.Add(conversation);
            return await db.SaveChangesAsync();
        });
        return conversation.Id;
    }

    /// <summary>The JSON text of an element with insignificant white space removed, for exact comparisons.</summary>
    public static string Canonical(JsonElement element) => JsonSerializer.Serialize(element);
}
