using System.Globalization;
using System.Net;
using Microsoft.Extensions.AI;
using Todo.Server.Chat;
using Todo.Server.Data;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Chat.ChatTestSupport;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Chat;

/// <summary>
/// A turn reads a bounded window of history (Chat:HistoryWindow, 20): the same commands and rows in a
/// 1,000-message conversation as in a 20-message one, and the model sees the latest 20 messages in order.
/// </summary>
public abstract class ChatHistoryWindowTests(ScriptedChatHost host)
{
    private const int Window = 20;

    private IServiceProvider Services => host.Services;

    private sealed record MeasuredTurn(ChatTurnDto Turn, int DbCommands, int RowsRead, IReadOnlyList<ChatMessage> Shown);

    /// <summary>Sends "what's pending?" to the conversation, counting the database work and capturing what the model was shown.</summary>
    private async Task<MeasuredTurn> MeasureAsync(TestUser user, Guid conversationId, string tag)
    {
        var request = ChatRequest(new { conversation_id = conversationId, message = "what's pending?" });
        var response = await user.Client.SendAsync(request);
        var turn = await ReadTurnAsync(response);

        static int Header(HttpResponseMessage response, string name) =>
            int.Parse(Assert.Single(response.Headers.GetValues(name)), CultureInfo.InvariantCulture);

        // The model's first call of the turn whose history holds this conversation's seeded messages.
        var shown = host.Model.Turns.Last(messages => messages.Any(m => m.Text.Contains($" {tag} ", StringComparison.Ordinal)));
        return new MeasuredTurn(turn, Header(response, DbCommandCounter.HeaderName), Header(response, DbCommandCounter.RowsHeaderName), shown);
    }

    private async Task<(Guid Id, List<Message> Seeded)> ConversationWithAsync(Guid userId, int messages, string tag)
    {
        var id = await Services.CreateConversationAsync(userId, tag);
        return (id, await Services.SeedMessagesAsync(id, messages, tag));
    }

    private static async Task SeedTasksAsync(TestUser user)
    {
        foreach (var title in new[] { "Buy milk", "Pay rent", "Call mom" })
        {
            var response = await user.Client.PostAsync("/api/tasks", System.Net.Http.Json.JsonContent.Create(new { title }, options: Json));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task ATurnInA1000MessageConversationCostsWhatATurnInA20MessageOneDoes()
    {
        var user = await host.CreateUserAsync();
        await SeedTasksAsync(user);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var warmUp = await ConversationWithAsync(user.Id, Window, "warm" + tag);
        var small = await ConversationWithAsync(user.Id, Window, "small" + tag);
        var large = await ConversationWithAsync(user.Id, 1000, "large" + tag);
        await MeasureAsync(user, warmUp.Id, "warm" + tag);

        var twenty = await MeasureAsync(user, small.Id, "small" + tag);
        var thousand = await MeasureAsync(user, large.Id, "large" + tag);

        Assert.Equal("list_tasks", Assert.Single(twenty.Turn.ToolCalls).Name);
        Assert.Equal("list_tasks", Assert.Single(thousand.Turn.ToolCalls).Name);
        Assert.Equal(twenty.Turn.Response, thousand.Turn.Response);
        Assert.True(twenty.DbCommands > 0 && twenty.RowsRead > Window, $"{twenty.DbCommands} commands, {twenty.RowsRead} rows: the counters saw the turn");
        Assert.Equal(twenty.DbCommands, thousand.DbCommands);
        Assert.Equal(twenty.RowsRead, thousand.RowsRead);
        Assert.InRange(thousand.RowsRead, Window, 100);

        Assert.Equal(Window + 1, twenty.Shown.Count(m => m.Role != ChatRole.System));
        Assert.Equal(Window + 1, thousand.Shown.Count(m => m.Role != ChatRole.System));
        Assert.Equal(1000 + 2, (await Services.StoredMessagesAsync(large.Id)).Count);
    }

    [Fact(Timeout = 120_000)]
    public async Task TheModelSeesTheLatestWindowOfMessagesInOrderThenTheNewOne()
    {
        var user = await host.CreateUserAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var large = await ConversationWithAsync(user.Id, 1000, tag);

        var measured = await MeasureAsync(user, large.Id, tag);

        var shown = measured.Shown.Where(m => m.Role != ChatRole.System).ToList();
        Assert.Equal(ChatRole.System, measured.Shown[0].Role);
        Assert.Equal(Window + 1, shown.Count);
        var expected = large.Seeded[^Window..]
            .Select(m => (m.Role == MessageRole.User ? ChatRole.User : ChatRole.Assistant, m.Content))
            .Append((ChatRole.User, "what's pending?"));
        Assert.Equal(expected, shown.Select(m => (m.Role, m.Text)));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task AShortConversationIsShownWhole()
    {
        var user = await host.CreateUserAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var small = await ConversationWithAsync(user.Id, 5, tag);

        var measured = await MeasureAsync(user, small.Id, tag);

        var shown = measured.Shown.Where(m => m.Role != ChatRole.System).Select(m => m.Text).ToList();
        Assert.Equal(small.Seeded.Select(m => m.Content).Append("what's pending?"), shown);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task TheWindowFollowsTheConversationAsItGrows()
    {
        var user = await host.CreateUserAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var conversation = await ConversationWithAsync(user.Id, Window, tag);
        var first = await MeasureAsync(user, conversation.Id, tag);

        var second = await MeasureAsync(user, conversation.Id, tag);

        // The window counts stored messages; the earlier reply comes with the call it made and its result.
        var shown = second.Shown.Where(m => m.Role != ChatRole.System).ToList();
        var callId = Assert.Single(shown.SelectMany(m => m.Contents).OfType<FunctionCallContent>()).CallId;
        Assert.False(string.IsNullOrEmpty(callId));
        var expected = conversation.Seeded[2..].Select(m => m.Content)
            .Concat(["what's pending?", $"call list_tasks {callId}", $"result of {callId}", first.Turn.Response, "what's pending?"]);
        Assert.Equal(expected, shown.Select(message => Describe(message)));
    }

    private static string Describe(ChatMessage message)
    {
        var calls = message.Contents.OfType<FunctionCallContent>().ToList();
        if (calls.Count > 0)
        {
            Assert.Equal(ChatRole.Assistant, message.Role);
            return "call " + string.Join(", ", calls.Select(call => call.Name + " " + call.CallId));
        }

        var results = message.Contents.OfType<FunctionResultContent>().ToList();
        if (results.Count > 0)
        {
            Assert.Equal(ChatRole.Tool, message.Role);
            return "result of " + string.Join(", ", results.Select(result => result.CallId));
        }

        return message.Text;
    }
}

public sealed class SqliteChatHistoryWindowTests(SqliteScriptedChatHost host) : ChatHistoryWindowTests(host), IClassFixture<SqliteScriptedChatHost>;

public sealed class PostgresChatHistoryWindowTests(PostgresScriptedChatHost host) : ChatHistoryWindowTests(host), IClassFixture<PostgresScriptedChatHost>;
