using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Todo.Server.Chat;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Chat.ChatTestSupport;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Chat;

/// <summary>POST /api/chat with the built-in engine: conversations, tool calls, history, limits and ownership, on each provider.</summary>
public abstract class ChatTurnTests(ApiFixture api)
{
    private IServiceProvider Services => api.Factory.Services;

    [Fact(Timeout = TestTimeout)]
    public async Task FirstMessageCreatesAConversationTitledFromItAndTheTaskItAsksFor()
    {
        var user = await api.CreateUserAsync();

        var response = await user.Client.PostChatAsync("Remind me to call the plumber");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(["conversation_id", "response", "tool_calls"], body.EnumerateObject().Select(p => p.Name).Order());
        var call = Assert.Single(body.GetProperty("tool_calls").EnumerateArray());
        Assert.Equal(["arguments", "name", "result"], call.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("add_task", call.GetProperty("name").GetString());
        Assert.Equal("Call the plumber", call.GetProperty("arguments").GetProperty("title").GetString());
        var result = call.GetProperty("result");
        Assert.True(result.GetProperty("ok").GetBoolean());
        Assert.Equal("added", result.GetProperty("action").GetString());
        Assert.Equal("Call the plumber", result.GetProperty("task").GetProperty("title").GetString());
        Assert.Equal(1, result.GetProperty("task").GetProperty("number").GetInt32());
        var reply = body.GetProperty("response").GetString()!;
        Assert.Contains("Call the plumber", reply, StringComparison.Ordinal);

        var conversationId = body.GetProperty("conversation_id").GetGuid();
        var conversation = await Services.StoredConversationAsync(conversationId);
        Assert.NotNull(conversation);
        Assert.Equal(user.Id, conversation.UserId);
        Assert.Equal("Remind me to call the plumber", conversation.Title);
        Assert.False(conversation.IsDeleted);

        var task = Assert.Single(await Services.StoredTasksAsync(user.Id));
        Assert.Equal("Call the plumber", task.Title);
        Assert.False(task.IsCompleted);
        var listed = await user.Client.GetFromJsonAsync<JsonElement>("/api/tasks", Json);
        Assert.Equal(["Call the plumber"], listed.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("title").GetString()));

        var messages = await Services.StoredMessagesAsync(conversationId);
        Assert.Equal([MessageRole.User, MessageRole.Assistant], messages.Select(m => m.Role));
        Assert.Equal(["Remind me to call the plumber", reply], messages.Select(m => m.Content));
        Assert.True(messages[0].CreatedAt < messages[1].CreatedAt);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task SixtyCharacterFirstMessageIsTitledWithItsFirst50CharactersEndingInAnEllipsis()
    {
        var user = await api.CreateUserAsync();
        const string message = "Could you please tell me which of my many tasks are pending?";
        Assert.Equal(60, message.Length);

        var turn = await user.ChatOkAsync(message);

        var title = (await Services.StoredConversationAsync(turn.ConversationId))!.Title!;
        Assert.Equal(50, title.Length);
        Assert.EndsWith("…", title, StringComparison.Ordinal);
        Assert.Equal(message[..49] + "…", title);
        var listed = await user.Client.GetFromJsonAsync<JsonElement>("/api/conversations", Json);
        Assert.Equal(title, listed.GetProperty("items")[0].GetProperty("title").GetString());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task FiftyCharacterFirstMessageIsTheWholeTitle()
    {
        var user = await api.CreateUserAsync();
        const string message = "Add a task to water the plants on the back porches";
        Assert.Equal(50, message.Length);

        var turn = await user.ChatOkAsync(message);

        Assert.Equal(message, (await Services.StoredConversationAsync(turn.ConversationId))!.Title);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task NextTurnContinuesTheConversationUsingItsHistory()
    {
        var user = await api.CreateUserAsync();
        var first = await user.ChatOkAsync("Remind me to call the plumber");
        var created = (await Services.StoredConversationAsync(first.ConversationId))!;

        var second = await user.ChatOkAsync("mark it done", first.ConversationId);

        Assert.Equal(first.ConversationId, second.ConversationId);
        var call = Assert.Single(second.ToolCalls);
        Assert.Equal("complete_task", call.Name);
        Assert.Contains("Call the plumber", second.Response, StringComparison.Ordinal);
        var task = Assert.Single(await Services.StoredTasksAsync(user.Id));
        Assert.Equal("Call the plumber", task.Title);
        Assert.True(task.IsCompleted);

        Assert.Single(await Services.StoredConversationsAsync(user.Id));
        var messages = await Services.StoredMessagesAsync(first.ConversationId);
        Assert.Equal([MessageRole.User, MessageRole.Assistant, MessageRole.User, MessageRole.Assistant], messages.Select(m => m.Role));
        Assert.Equal(["Remind me to call the plumber", first.Response, "mark it done", second.Response], messages.Select(m => m.Content));
        var updated = (await Services.StoredConversationAsync(first.ConversationId))!;
        Assert.True(updated.UpdatedAt > created.UpdatedAt, "The turn bumps the conversation's updated_at.");
        Assert.Equal(created.Title, updated.Title);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task SimultaneousTurnsInOneConversationAllStoreTheirRepliesAndMoveItsUpdatedAtForward()
    {
        const int turns = 12;
        var user = await api.CreateUserAsync();
        var first = await user.ChatOkAsync("Remind me to call the plumber");
        var before = (await Services.StoredConversationAsync(first.ConversationId))!.UpdatedAt;

        var replies = await Task.WhenAll(Enumerable.Range(1, turns).Select(i => user.ChatOkAsync($"add simultaneous item {i}", first.ConversationId)));

        Assert.All(replies, reply => Assert.Equal(first.ConversationId, reply.ConversationId));
        var messages = await Services.StoredMessagesAsync(first.ConversationId);
        Assert.Equal(2 + (2 * turns), messages.Count);
        Assert.Equal(turns + 1, (await Services.StoredTasksAsync(user.Id)).Count);
        var after = (await Services.StoredConversationAsync(first.ConversationId))!.UpdatedAt;
        Assert.True(after > before, "Simultaneous turns move updated_at forward.");
        Assert.True(after <= messages.Max(m => m.CreatedAt), "updated_at is never later than the latest message.");

        var last = await user.ChatOkAsync("what's pending?", first.ConversationId);
        var latest = (await Services.StoredMessagesAsync(last.ConversationId)).Max(m => m.CreatedAt);
        Assert.Equal(latest, (await Services.StoredConversationAsync(last.ConversationId))!.UpdatedAt);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ANewConversationDoesNotSeeAnotherConversationsHistory()
    {
        var user = await api.CreateUserAsync();
        var first = await user.ChatOkAsync("Remind me to call the plumber");

        var other = await user.ChatOkAsync("mark it done");

        Assert.NotEqual(first.ConversationId, other.ConversationId);
        Assert.False(Assert.Single(await Services.StoredTasksAsync(user.Id)).IsCompleted);
        Assert.Equal(2, (await Services.StoredConversationsAsync(user.Id)).Count);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task MessageOf2000CharactersIsAcceptedAndStoredWhole()
    {
        var user = await api.CreateUserAsync();
        var message = string.Concat(Enumerable.Repeat("hello there ", 200))[..1999] + "!";
        Assert.Equal(2000, message.Length);

        var turn = await user.ChatOkAsync(message);

        var messages = await Services.StoredMessagesAsync(turn.ConversationId);
        Assert.Equal(message, messages[0].Content);
        Assert.Equal(MessageRole.User, messages[0].Role);
        Assert.Equal(2, messages.Count);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task MessageOf2001CharactersIsRejectedNamingMessageAndNothingIsStored()
    {
        var user = await api.CreateUserAsync();
        var message = string.Concat(Enumerable.Repeat("hello there ", 200))[..2000] + "!";

        var response = await user.Client.PostChatAsync(message);

        await AssertValidationProblemAsync(response, "message");
        Assert.Empty(await Services.StoredConversationsAsync(user.Id));
        Assert.Equal(0, await Services.MessageCountAsync(user.Id));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task MessageOf2001CharactersToAnExistingConversationAddsNothing()
    {
        var user = await api.CreateUserAsync();
        var turn = await user.ChatOkAsync("hello");

        var response = await user.Client.PostChatAsync(new string('a', 2001), turn.ConversationId);

        await AssertValidationProblemAsync(response, "message");
        Assert.Equal(2, (await Services.StoredMessagesAsync(turn.ConversationId)).Count);
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("   \n\t ")]
    public async Task BlankMessageIsRejectedNamingMessage(string message)
    {
        var user = await api.CreateUserAsync();

        var response = await user.Client.PostChatAsync(message);

        await AssertValidationProblemAsync(response, "message");
        Assert.Empty(await Services.StoredConversationsAsync(user.Id));
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData("{}")]
    [InlineData("""{"message":null}""")]
    [InlineData("""{"conversation_id":null}""")]
    public async Task MissingMessageIsRejectedNamingMessage(string body)
    {
        var user = await api.CreateUserAsync();

        var response = await user.Client.SendAsync(RawChatRequest(body));

        await AssertValidationProblemAsync(response, "message");
        Assert.Empty(await Services.StoredConversationsAsync(user.Id));
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData("""{"message":123}""")]
    [InlineData("""{"message":true}""")]
    [InlineData("""{"message":["add a task to buy milk"]}""")]
    [InlineData("""{"message":{"text":"hi"}}""")]
    [InlineData("""{"message":"add a task to buy milk","conversation_id":"not-a-guid"}""")]
    [InlineData("""{"message":"add a task to buy milk","conversation_id":42}""")]
    [InlineData("""["add a task to buy milk"]""")]
    [InlineData("\"add a task to buy milk\"")]
    [InlineData("""{"message":"add a task to buy milk" """)]
    [InlineData("")]
    public async Task WronglyTypedOrMalformedBodyIsA400ProblemAndNothingIsStored(string body)
    {
        var user = await api.CreateUserAsync();

        var response = await user.Client.SendAsync(RawChatRequest(body));

        await AssertProblemAsync(response, 400);
        Assert.Empty(await Services.StoredConversationsAsync(user.Id));
        Assert.Empty(await Services.StoredTasksAsync(user.Id));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task UnknownConversationIs404AndNothingIsStored()
    {
        var user = await api.CreateUserAsync();

        var response = await user.Client.PostChatAsync("add a task to buy milk", Guid.NewGuid());

        await AssertProblemAsync(response, 404);
        Assert.Empty(await Services.StoredConversationsAsync(user.Id));
        Assert.Empty(await Services.StoredTasksAsync(user.Id));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task AnotherUsersConversationIs404AndNothingIsStoredInIt()
    {
        var alice = await api.CreateUserAsync();
        var bob = await api.CreateUserAsync();
        var turn = await alice.ChatOkAsync("Remind me to call the plumber");
        var before = await Services.StoredConversationAsync(turn.ConversationId);

        var response = await bob.Client.PostChatAsync("mark task 1 as done", turn.ConversationId);

        await AssertProblemAsync(response, 404);
        Assert.Equal(2, (await Services.StoredMessagesAsync(turn.ConversationId)).Count);
        Assert.Equal(before!.UpdatedAt, (await Services.StoredConversationAsync(turn.ConversationId))!.UpdatedAt);
        Assert.False(Assert.Single(await Services.StoredTasksAsync(alice.Id)).IsCompleted);
        Assert.Empty(await Services.StoredConversationsAsync(bob.Id));
        Assert.Empty(await Services.StoredTasksAsync(bob.Id));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task OriginalRouteRunsATurnForTheCaller()
    {
        var user = await api.CreateUserAsync();

        var first = await user.Client.ChatOkAsync("Add a task to water the plants", path: $"/api/{user.Id}/chat");
        var second = await user.Client.ChatOkAsync("mark it done", first.ConversationId, path: $"/api/{user.Id}/chat");

        Assert.Equal("add_task", Assert.Single(first.ToolCalls).Name);
        Assert.Equal(first.ConversationId, second.ConversationId);
        var task = Assert.Single(await Services.StoredTasksAsync(user.Id));
        Assert.Equal("Water the plants", task.Title);
        Assert.True(task.IsCompleted);
        Assert.Equal(4, (await Services.StoredMessagesAsync(first.ConversationId)).Count);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task OriginalRouteWithAnotherUsersIdIs403AndRunsNothing()
    {
        var alice = await api.CreateUserAsync();
        var bob = await api.CreateUserAsync();

        var response = await bob.Client.PostChatAsync("Add a task to water the plants", path: $"/api/{alice.Id}/chat");

        await AssertProblemAsync(response, 403);
        Assert.Empty(await Services.StoredConversationsAsync(alice.Id));
        Assert.Empty(await Services.StoredConversationsAsync(bob.Id));
        Assert.Empty(await Services.StoredTasksAsync(alice.Id));
        Assert.Empty(await Services.StoredTasksAsync(bob.Id));
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData("/api/chat")]
    [InlineData("/api/00000000-0000-0000-0000-000000000001/chat")]
    public async Task ChatWithoutATokenIs401(string path)
    {
        var response = await api.CreateClient().PostChatAsync("Add a task to water the plants", path: path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }
}

public sealed class SqliteChatTurnTests(SqliteApi api) : ChatTurnTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresChatTurnTests(PostgresApi api) : ChatTurnTests(api), IClassFixture<PostgresApi>;
