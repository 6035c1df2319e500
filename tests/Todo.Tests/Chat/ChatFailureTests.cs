using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Chat;
using Todo.Server.Data;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Chat.ChatTestSupport;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Chat;

/// <summary>When the model fails, the answer is a 502 problem, the user's message is kept and no reply is stored; long replies are shortened.</summary>
public abstract class ChatFailureTests(ScriptedChatHost host)
{
    private IServiceProvider Services => host.Services;

    [Fact(Timeout = TestTimeout)]
    public async Task ModelFailureIs502WithTheUserMessageKeptAndNoReplyStored()
    {
        var user = await host.CreateUserAsync();
        var message = ScriptedChatClient.Fail + " add a task to buy milk";

        var response = await user.Client.PostChatAsync(message);

        var problem = await AssertProblemAsync(response, 502);
        Assert.Contains("kept", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var conversation = Assert.Single(await Services.StoredConversationsAsync(user.Id));
        var stored = Assert.Single(await Services.StoredMessagesAsync(conversation.Id));
        Assert.Equal((MessageRole.User, message), (stored.Role, stored.Content));
        Assert.Empty(await Services.StoredTasksAsync(user.Id));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ModelFailureInAnOngoingConversationKeepsTheMessageAndLeavesTheRestAsItWas()
    {
        var user = await host.CreateUserAsync();
        var turn = await user.ChatOkAsync("Remind me to call the plumber");
        var before = (await Services.StoredConversationAsync(turn.ConversationId))!;

        var response = await user.Client.PostChatAsync(ScriptedChatClient.Fail + " mark it done", turn.ConversationId);

        await AssertProblemAsync(response, 502);
        var messages = await Services.StoredMessagesAsync(turn.ConversationId);
        Assert.Equal([MessageRole.User, MessageRole.Assistant, MessageRole.User], messages.Select(m => m.Role));
        Assert.Equal(ScriptedChatClient.Fail + " mark it done", messages[^1].Content);
        Assert.Equal(before.UpdatedAt, (await Services.StoredConversationAsync(turn.ConversationId))!.UpdatedAt);
        Assert.False(Assert.Single(await Services.StoredTasksAsync(user.Id)).IsCompleted);

        var messagesApi = await user.Client.GetAsync($"/api/conversations/{turn.ConversationId}/messages");
        Assert.Equal(HttpStatusCode.OK, messagesApi.StatusCode);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task StreamedModelFailureEndsWithAnErrorEventAndNoReplyIsStored()
    {
        var user = await host.CreateUserAsync();
        var message = ScriptedChatClient.FailMidReply + " hello";

        var events = await user.Client.ChatStreamAsync(message);

        Assert.Equal(ScriptedChatClient.PartialText, Assert.Single(events, e => e.Type == "delta").Json.GetProperty("text").GetString());
        Assert.DoesNotContain(events, e => e.Type == "done");
        var error = events[^1];
        Assert.Equal("error", error.Type);
        Assert.Equal(502, error.Json.GetProperty("status").GetInt32());
        var conversation = Assert.Single(await Services.StoredConversationsAsync(user.Id));
        var stored = Assert.Single(await Services.StoredMessagesAsync(conversation.Id));
        Assert.Equal((MessageRole.User, message), (stored.Role, stored.Content));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ReplyOf5000CharactersIsStoredShortenedAtAWordBoundaryWithAnEllipsis()
    {
        var user = await host.CreateUserAsync();
        var full = ScriptedChatClient.LongReply;
        Assert.Equal(5000, full.Length);

        var turn = await user.ChatOkAsync(ScriptedChatClient.Lengthy + " tell me everything");

        var reply = turn.Response;
        Assert.InRange(reply.Length, 1000, 2000);
        Assert.EndsWith("…", reply, StringComparison.Ordinal);
        var kept = reply[..^1];
        Assert.StartsWith(kept, full, StringComparison.Ordinal);
        Assert.Equal(' ', full[kept.Length]);
        Assert.False(char.IsWhiteSpace(kept[^1]));
        var stored = await Services.StoredMessagesAsync(turn.ConversationId);
        Assert.Equal([MessageRole.User, MessageRole.Assistant], stored.Select(m => m.Role));
        Assert.Equal(reply, stored[1].Content);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task StreamedReplyOf5000CharactersEndsWithTheShortenedResponse()
    {
        var user = await host.CreateUserAsync();

        var events = await user.Client.ChatStreamAsync(ScriptedChatClient.Lengthy + " stream it");

        var done = events[^1];
        Assert.Equal("done", done.Type);
        var reply = done.Json.GetProperty("response").GetString()!;
        Assert.True(reply.Length <= 2000);
        Assert.EndsWith("…", reply, StringComparison.Ordinal);
        var conversationId = done.Json.GetProperty("conversation_id").GetGuid();
        Assert.Equal(reply, (await Services.StoredMessagesAsync(conversationId))[1].Content);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task IdempotencyKeyIsReleasedAfterAModelFailureSoTheRetryRuns()
    {
        var user = await host.CreateUserAsync();
        var tag = Guid.NewGuid().ToString("N");
        var message = $"{ScriptedChatClient.FailOnce}{tag}] hello";
        var key = "retry-" + tag;

        var failed = await user.Client.PostChatAsync(message, idempotencyKey: key);
        await AssertProblemAsync(failed, 502);
        Assert.Equal(0, await Services.InDbAsync(db => db.IdempotencyKeys.CountAsync(k => k.UserId == user.Id)));

        var retried = await user.Client.ChatOkAsync(message, idempotencyKey: key);
        var replayed = await user.Client.ChatOkAsync(message, idempotencyKey: key);

        Assert.Equal($"Recovered {tag}.", retried.Response);
        Assert.Equal((retried.ConversationId, retried.Response), (replayed.ConversationId, replayed.Response));
        Assert.Equal(2, host.Model.Attempts(tag));
        var conversations = await Services.StoredConversationsAsync(user.Id);
        Assert.Equal(2, conversations.Count);
        var rows = new List<(MessageRole, string)>();
        foreach (var conversation in conversations)
        {
            rows.AddRange((await Services.StoredMessagesAsync(conversation.Id)).Select(m => (m.Role, m.Content)));
        }

        Assert.Equal([(MessageRole.User, message), (MessageRole.User, message), (MessageRole.Assistant, $"Recovered {tag}.")], rows);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task IdempotencyKeyIsReleasedAfterAStreamedModelFailure()
    {
        var user = await host.CreateUserAsync();
        var tag = Guid.NewGuid().ToString("N");
        var message = $"{ScriptedChatClient.FailOnce}{tag}] hello";
        var key = "retry-" + tag;

        var failed = await user.Client.ChatStreamAsync(message, idempotencyKey: key);
        var retried = await user.Client.ChatStreamAsync(message, idempotencyKey: key);

        Assert.Equal("error", Assert.Single(failed).Type);
        Assert.Equal($"Recovered {tag}.", retried[^1].Json.GetProperty("response").GetString());
        Assert.Equal(2, host.Model.Attempts(tag));
    }
    [Fact(Timeout = TestTimeout)]
    public async Task ModelThatAnswersNoTextIs502WithTheUserMessageKept()
    {
        var user = await host.CreateUserAsync();
        var message = ScriptedChatClient.Silent + " hello";

        var response = await user.Client.PostChatAsync(message);

        await AssertProblemAsync(response, 502);
        var conversation = Assert.Single(await Services.StoredConversationsAsync(user.Id));
        Assert.Equal([(MessageRole.User, message)], (await Services.StoredMessagesAsync(conversation.Id)).Select(m => (m.Role, m.Content)));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task RetryWhileTheFirstRequestWithTheKeyIsStillRunningIs409ThenReplaysItsAnswer()
    {
        var user = await host.CreateUserAsync();
        var tag = Guid.NewGuid().ToString("N");
        var message = $"{ScriptedChatClient.Hold}{tag}] hello";
        var key = "busy-" + tag;
        var first = user.Client.PostChatAsync(message, idempotencyKey: key);
        var waited = Stopwatch.StartNew();
        while (!host.Model.Turns.Any(t => t[^1].Text == message) && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
        }

        var whileRunning = await user.Client.PostChatAsync(message, idempotencyKey: key);
        host.Model.Release(tag);
        var answer = await ReadTurnAsync(await first);
        var afterwards = await user.Client.ChatOkAsync(message, idempotencyKey: key);

        await AssertProblemAsync(whileRunning, 409);
        Assert.Equal($"Released {tag}.", answer.Response);
        Assert.Equal((answer.ConversationId, answer.Response), (afterwards.ConversationId, afterwards.Response));
        var conversation = Assert.Single(await Services.StoredConversationsAsync(user.Id));
        Assert.Equal(2, (await Services.StoredMessagesAsync(conversation.Id)).Count);
    }
}

public sealed class SqliteChatFailureTests(SqliteScriptedChatHost host) : ChatFailureTests(host), IClassFixture<SqliteScriptedChatHost>;

public sealed class PostgresChatFailureTests(PostgresScriptedChatHost host) : ChatFailureTests(host), IClassFixture<PostgresScriptedChatHost>;

/// <summary>With Assistant:Timeout of one second, a model that does not answer gives a 504 problem and the user's message is kept.</summary>
public abstract class ChatTimeoutTests(ScriptedChatHost host)
{
    private IServiceProvider Services => host.Services;

    [Fact(Timeout = TestTimeout)]
    public async Task ModelThatDoesNotAnswerInTimeIs504WithTheUserMessageKept()
    {
        var user = await host.CreateUserAsync();
        var message = ScriptedChatClient.Stall + " what's pending?";
        var clock = Stopwatch.StartNew();

        var response = await user.Client.PostChatAsync(message, idempotencyKey: "slow-" + Guid.NewGuid().ToString("N"));

        clock.Stop();
        var problem = await AssertProblemAsync(response, 504);
        Assert.Contains("in time", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(30));
        var conversation = Assert.Single(await Services.StoredConversationsAsync(user.Id));
        var stored = Assert.Single(await Services.StoredMessagesAsync(conversation.Id));
        Assert.Equal((MessageRole.User, message), (stored.Role, stored.Content));
        Assert.Equal(0, await Services.InDbAsync(db => db.IdempotencyKeys.CountAsync(k => k.UserId == user.Id)));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task StreamedTurnThatTimesOutEndsWithA504ErrorEvent()
    {
        var user = await host.CreateUserAsync();
        var conversationId = await Services.CreateConversationAsync(user.Id, "Earlier");
        await Services.SeedMessagesAsync(conversationId, 2, "earlier");

        var events = await user.Client.ChatStreamAsync(ScriptedChatClient.Stall + " mark it done", conversationId);

        var error = Assert.Single(events);
        Assert.Equal("error", error.Type);
        Assert.Equal(504, error.Json.GetProperty("status").GetInt32());
        var messages = await Services.StoredMessagesAsync(conversationId);
        Assert.Equal([MessageRole.User, MessageRole.Assistant, MessageRole.User], messages.Select(m => m.Role));
        Assert.Equal(ScriptedChatClient.Stall + " mark it done", messages[^1].Content);
    }
}

public sealed class SqliteChatTimeoutTests(SqliteOneSecondChatHost host) : ChatTimeoutTests(host), IClassFixture<SqliteOneSecondChatHost>;

public sealed class PostgresChatTimeoutTests(PostgresOneSecondChatHost host) : ChatTimeoutTests(host), IClassFixture<PostgresOneSecondChatHost>;
