using System.Net;
using System.Text.Json;
using Todo.Server.Chat;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Chat.ChatTestSupport;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Chat;

/// <summary>POST /api/chat with Accept: text/event-stream: tool_call, delta and done events, parsed; on each provider.</summary>
public abstract class ChatStreamingTests(ApiFixture api)
{
    private static readonly string[] EventTypes = ["tool_call", "delta", "done"];

    private IServiceProvider Services => api.Factory.Services;

    private static string Deltas(IEnumerable<SseEvent> events) =>
        string.Concat(events.Where(e => e.Type == "delta").Select(e => e.Json.GetProperty("text").GetString()));

    [Fact(Timeout = TestTimeout)]
    public async Task StreamedTurnSendsTheToolCallThenTheReplyTextThenDone()
    {
        var user = await api.CreateUserAsync();

        var events = await user.Client.ChatStreamAsync("Remind me to call the plumber");

        Assert.All(events, e => Assert.Contains(e.Type, EventTypes));
        var toolCall = Assert.Single(events, e => e.Type == "tool_call").Json;
        Assert.Equal("add_task", toolCall.GetProperty("name").GetString());
        Assert.Equal("Call the plumber", toolCall.GetProperty("arguments").GetProperty("title").GetString());
        Assert.True(toolCall.GetProperty("result").GetProperty("ok").GetBoolean());
        Assert.Equal("Call the plumber", toolCall.GetProperty("result").GetProperty("task").GetProperty("title").GetString());
        Assert.Equal("tool_call", events[0].Type);
        Assert.Contains(events, e => e.Type == "delta");
        Assert.Equal("done", events[^1].Type);
        Assert.Single(events, e => e.Type == "done");

        var done = events[^1].Json;
        var response = done.GetProperty("response").GetString()!;
        Assert.Equal(response, Deltas(events));
        Assert.Contains("Call the plumber", response, StringComparison.Ordinal);
        Assert.Equal(Canonical(toolCall), Canonical(Assert.Single(done.GetProperty("tool_calls").EnumerateArray())));

        var conversationId = done.GetProperty("conversation_id").GetGuid();
        Assert.Equal(user.Id, (await Services.StoredConversationAsync(conversationId))!.UserId);
        var messages = await Services.StoredMessagesAsync(conversationId);
        Assert.Equal([(MessageRole.User, "Remind me to call the plumber"), (MessageRole.Assistant, response)], messages.Select(m => (m.Role, m.Content)));
        Assert.Equal("Call the plumber", Assert.Single(await Services.StoredTasksAsync(user.Id)).Title);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ReplyWithoutToolsStreamsSeveralDeltasThatMakeTheResponse()
    {
        var user = await api.CreateUserAsync();
        await user.ChatOkAsync("add a task to buy milk");
        await user.ChatOkAsync("add a task to walk the dog");

        var events = await user.Client.ChatStreamAsync("what can you do?");

        Assert.DoesNotContain(events, e => e.Type == "tool_call");
        Assert.True(events.Count(e => e.Type == "delta") > 1, string.Join("\n", events));
        var done = events[^1];
        Assert.Equal("done", done.Type);
        Assert.Equal(done.Json.GetProperty("response").GetString(), Deltas(events));
        Assert.Empty(done.Json.GetProperty("tool_calls").EnumerateArray());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task StreamedTurnsStoreTheSameRowsAsJsonTurns()
    {
        var viaJson = await api.CreateUserAsync();
        var viaStream = await api.CreateUserAsync();

        var jsonFirst = await viaJson.ChatOkAsync("Remind me to call the plumber");
        var jsonSecond = await viaJson.ChatOkAsync("mark it done", jsonFirst.ConversationId);
        var streamFirst = await viaStream.Client.ChatStreamAsync("Remind me to call the plumber");
        var streamedId = streamFirst[^1].Json.GetProperty("conversation_id").GetGuid();
        var streamSecond = await viaStream.Client.ChatStreamAsync("mark it done", streamedId);

        Assert.Equal(jsonFirst.Response, streamFirst[^1].Json.GetProperty("response").GetString());
        Assert.Equal(jsonSecond.Response, streamSecond[^1].Json.GetProperty("response").GetString());
        Assert.Equal(streamedId, streamSecond[^1].Json.GetProperty("conversation_id").GetGuid());
        var jsonRows = await Services.StoredMessagesAsync(jsonFirst.ConversationId);
        var streamRows = await Services.StoredMessagesAsync(streamedId);
        Assert.Equal(jsonRows.Select(m => (m.Role, m.Content)), streamRows.Select(m => (m.Role, m.Content)));
        Assert.Equal(4, streamRows.Count);
        Assert.Equal(
            (await Services.StoredTasksAsync(viaJson.Id)).Select(t => (t.Number, t.Title, t.IsCompleted)),
            (await Services.StoredTasksAsync(viaStream.Id)).Select(t => (t.Number, t.Title, t.IsCompleted)));
        Assert.Equal(
            (await Services.StoredConversationAsync(jsonFirst.ConversationId))!.Title,
            (await Services.StoredConversationAsync(streamedId))!.Title);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task StreamedReplayOfAnIdempotentRequestRepeatsTheFirstAnswer()
    {
        var user = await api.CreateUserAsync();
        var key = "sse-" + Guid.NewGuid().ToString("N");
        var first = await user.ChatOkAsync("add a task to buy stamps", idempotencyKey: key);

        var replay = await user.Client.ChatStreamAsync("add a task to buy stamps", idempotencyKey: key);

        var call = Assert.Single(first.ToolCalls);
        var replayedCall = Assert.Single(replay, e => e.Type == "tool_call").Json;
        Assert.Equal(call.Name, replayedCall.GetProperty("name").GetString());
        Assert.Equal(Canonical(call.Arguments), Canonical(replayedCall.GetProperty("arguments")));
        Assert.Equal(Canonical(call.Result), Canonical(replayedCall.GetProperty("result")));
        Assert.Equal(first.Response, Deltas(replay));
        var done = replay[^1];
        Assert.Equal("done", done.Type);
        Assert.Equal(first.ConversationId, done.Json.GetProperty("conversation_id").GetGuid());
        Assert.Equal(first.Response, done.Json.GetProperty("response").GetString());

        Assert.Single(await Services.StoredTasksAsync(user.Id));
        Assert.Equal(2, (await Services.StoredMessagesAsync(first.ConversationId)).Count);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task JsonReplayOfAStreamedIdempotentRequestIsItsDoneEvent()
    {
        var user = await api.CreateUserAsync();
        var key = "sse-" + Guid.NewGuid().ToString("N");
        var streamed = await user.Client.ChatStreamAsync("add a task to buy stamps", idempotencyKey: key);

        var again = await user.Client.PostChatAsync("add a task to buy stamps", idempotencyKey: key);
        var againStreamed = await user.Client.ChatStreamAsync("add a task to buy stamps", idempotencyKey: key);

        Assert.True(again.StatusCode == HttpStatusCode.OK, await DescribeAsync(again));
        var body = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(Canonical(streamed[^1].Json), Canonical(body));
        Assert.Equal(Canonical(streamed[^1].Json), Canonical(againStreamed[^1].Json));
        Assert.Single(await Services.StoredTasksAsync(user.Id));
        Assert.Equal(2, (await Services.StoredMessagesAsync(body.GetProperty("conversation_id").GetGuid())).Count);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task StreamedRequestForAnUnknownConversationIsA404Problem()
    {
        var user = await api.CreateUserAsync();

        var response = await user.Client.PostChatAsync("what's pending?", Guid.NewGuid(), stream: true);

        await AssertProblemAsync(response, 404);
        Assert.Empty(await Services.StoredConversationsAsync(user.Id));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task StreamedRequestWithAnInvalidMessageIsA400Problem()
    {
        var user = await api.CreateUserAsync();

        var response = await user.Client.PostChatAsync(new string('a', 2001), stream: true);

        await AssertValidationProblemAsync(response, "message");
        Assert.Empty(await Services.StoredConversationsAsync(user.Id));
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData("""{"message":123}""")]
    [InlineData("""{"message":"add a task to buy milk" """)]
    public async Task StreamedRequestWithAMalformedBodyIsA400Problem(string body)
    {
        var user = await api.CreateUserAsync();

        var response = await user.Client.SendAsync(RawChatRequest(body, stream: true));

        await AssertProblemAsync(response, 400);
        Assert.Empty(await Services.StoredConversationsAsync(user.Id));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task StreamedRequestWithoutATokenIs401()
    {
        var response = await api.CreateClient().PostChatAsync("what's pending?", stream: true);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class SqliteChatStreamingTests(SqliteApi api) : ChatStreamingTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresChatStreamingTests(PostgresApi api) : ChatStreamingTests(api), IClassFixture<PostgresApi>;
