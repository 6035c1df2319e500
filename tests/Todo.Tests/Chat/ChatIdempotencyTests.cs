using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Chat.ChatTestSupport;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Chat;

/// <summary>The Idempotency-Key header on POST /api/chat: a retry returns the first answer without running the turn again; on each provider.</summary>
public abstract class ChatIdempotencyTests(ApiFixture api)
{
    private IServiceProvider Services => api.Factory.Services;

    private static string NewKey() => "key-" + Guid.NewGuid().ToString("N");

    [Fact(Timeout = TestTimeout)]
    public async Task SameKeyTwiceReturnsTheIdenticalAnswerAndRunsTheTurnOnce()
    {
        var user = await api.CreateUserAsync();
        var key = NewKey();

        var first = await user.Client.PostChatAsync("add a task to buy stamps", idempotencyKey: key);
        var second = await user.Client.PostChatAsync("add a task to buy stamps", idempotencyKey: key);

        Assert.True(first.StatusCode == HttpStatusCode.OK, await DescribeAsync(first));
        Assert.True(second.StatusCode == HttpStatusCode.OK, await DescribeAsync(second));
        var firstBody = await first.Content.ReadAsStringAsync();
        var secondBody = await second.Content.ReadAsStringAsync();
        Assert.Equal(Canonical(JsonDocument.Parse(firstBody).RootElement), Canonical(JsonDocument.Parse(secondBody).RootElement));
        var answer = JsonDocument.Parse(firstBody).RootElement;
        Assert.Equal("add_task", answer.GetProperty("tool_calls")[0].GetProperty("name").GetString());

        var task = Assert.Single(await Services.StoredTasksAsync(user.Id));
        Assert.Equal("Buy stamps", task.Title);
        var conversation = Assert.Single(await Services.StoredConversationsAsync(user.Id));
        Assert.Equal(answer.GetProperty("conversation_id").GetGuid(), conversation.Id);
        Assert.Equal(2, (await Services.StoredMessagesAsync(conversation.Id)).Count);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task SameKeyOnAFollowUpTurnReplaysWithoutRunningItAgain()
    {
        var user = await api.CreateUserAsync();
        var start = await user.ChatOkAsync("add a task to buy stamps");
        var key = NewKey();

        var first = await user.ChatOkAsync("add a task to buy envelopes", start.ConversationId, key);
        var again = await user.ChatOkAsync("add a task to buy envelopes", start.ConversationId, key);

        Assert.Equal(first.Response, again.Response);
        Assert.Equal(first.ConversationId, again.ConversationId);
        Assert.Equal(["Buy stamps", "Buy envelopes"], (await Services.StoredTasksAsync(user.Id)).Select(t => t.Title));
        Assert.Equal(4, (await Services.StoredMessagesAsync(start.ConversationId)).Count);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task SameKeyWithADifferentMessageIs422AndRunsNothing()
    {
        var user = await api.CreateUserAsync();
        var key = NewKey();
        var first = await user.ChatOkAsync("add a task to buy stamps", idempotencyKey: key);

        var response = await user.Client.PostChatAsync("add a task to buy envelopes", idempotencyKey: key);

        await AssertProblemAsync(response, 422);
        Assert.Equal(["Buy stamps"], (await Services.StoredTasksAsync(user.Id)).Select(t => t.Title));
        Assert.Single(await Services.StoredConversationsAsync(user.Id));
        Assert.Equal(2, (await Services.StoredMessagesAsync(first.ConversationId)).Count);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task SameKeyWithADifferentConversationIs422()
    {
        var user = await api.CreateUserAsync();
        var key = NewKey();
        var first = await user.ChatOkAsync("add a task to buy stamps", idempotencyKey: key);

        var response = await user.Client.PostChatAsync("add a task to buy stamps", first.ConversationId, key);

        await AssertProblemAsync(response, 422);
        Assert.Single(await Services.StoredTasksAsync(user.Id));
        Assert.Equal(2, (await Services.StoredMessagesAsync(first.ConversationId)).Count);
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData(300)]
    [InlineData(201)]
    [InlineData(-1)] // a space inside
    [InlineData(-2)] // not ASCII
    public async Task InvalidKeyIs400AndRunsNothing(int length)
    {
        var user = await api.CreateUserAsync();
        var key = length switch
        {
            -1 => "has a space",
            -2 => "clé-ünïcode",
            _ => new string('k', length),
        };

        var response = await user.Client.PostChatAsync("add a task to buy stamps", idempotencyKey: key);

        var problem = await AssertProblemAsync(response, 400);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.Equals("Idempotency-Key", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(await Services.StoredTasksAsync(user.Id));
        Assert.Empty(await Services.StoredConversationsAsync(user.Id));
        Assert.Equal(0, await Services.InDbAsync(db => db.IdempotencyKeys.CountAsync(k => k.UserId == user.Id)));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task KeyOf200VisibleCharactersIsAccepted()
    {
        var user = await api.CreateUserAsync();
        var key = string.Concat(Enumerable.Range(0, 200).Select(i => (char)('!' + (i % 94))));

        var first = await user.ChatOkAsync("add a task to buy stamps", idempotencyKey: key);
        var again = await user.ChatOkAsync("add a task to buy stamps", idempotencyKey: key);

        Assert.Equal(first.ConversationId, again.ConversationId);
        Assert.Single(await Services.StoredTasksAsync(user.Id));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task KeysArePerUserSoAnotherUserWithTheSameKeyRunsItsOwnTurn()
    {
        var alice = await api.CreateUserAsync();
        var bob = await api.CreateUserAsync();
        var key = NewKey();

        var forAlice = await alice.ChatOkAsync("add a task to buy stamps", idempotencyKey: key);
        var forBob = await bob.ChatOkAsync("add a task to buy stamps", idempotencyKey: key);

        Assert.NotEqual(forAlice.ConversationId, forBob.ConversationId);
        Assert.Equal(bob.Id, (await Services.StoredConversationAsync(forBob.ConversationId))!.UserId);
        Assert.Equal(["Buy stamps"], (await Services.StoredTasksAsync(alice.Id)).Select(t => t.Title));
        Assert.Equal(["Buy stamps"], (await Services.StoredTasksAsync(bob.Id)).Select(t => t.Title));

        var bobDifferent = await bob.Client.PostChatAsync("add a task to buy envelopes", idempotencyKey: NewKey());
        Assert.Equal(HttpStatusCode.OK, bobDifferent.StatusCode);
        var aliceAgain = await alice.ChatOkAsync("add a task to buy stamps", idempotencyKey: key);
        Assert.Equal(forAlice.ConversationId, aliceAgain.ConversationId);
        Assert.Single(await Services.StoredTasksAsync(alice.Id));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ConcurrentRequestsWithTheSameKeyRunTheTurnOnce()
    {
        var user = await api.CreateUserAsync();
        var key = NewKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => user.Client.PostChatAsync("add a task to buy stamps", idempotencyKey: key)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.Conflict, string.Join(", ", statuses)));
        Assert.Contains(HttpStatusCode.OK, statuses);
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            await AssertProblemAsync(conflict, 409);
        }

        var answers = new List<string>();
        foreach (var ok in responses.Where(r => r.StatusCode == HttpStatusCode.OK))
        {
            answers.Add(Canonical(JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement));
        }

        Assert.Single(answers.Distinct());
        Assert.Single(await Services.StoredTasksAsync(user.Id));
        var conversation = Assert.Single(await Services.StoredConversationsAsync(user.Id));
        Assert.Equal(2, (await Services.StoredMessagesAsync(conversation.Id)).Count);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task KeyOfARequestForAnUnknownConversationIsReleased()
    {
        var user = await api.CreateUserAsync();
        var key = NewKey();
        var missing = Guid.NewGuid();

        await AssertProblemAsync(await user.Client.PostChatAsync("add a task to buy stamps", missing, key), 404);
        await AssertProblemAsync(await user.Client.PostChatAsync("add a task to buy stamps", missing, key), 404);

        Assert.Equal(0, await Services.InDbAsync(db => db.IdempotencyKeys.CountAsync(k => k.UserId == user.Id)));
    }
}

public sealed class SqliteChatIdempotencyTests(SqliteApi api) : ChatIdempotencyTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresChatIdempotencyTests(PostgresApi api) : ChatIdempotencyTests(api), IClassFixture<PostgresApi>;
