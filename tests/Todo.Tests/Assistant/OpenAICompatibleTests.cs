using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Assistant;
using Todo.Server.Chat;
using Todo.Server.Data;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Assistant;

/// <summary>The server's settings for the OpenAI-compatible provider, pointed at a scripted model.</summary>
internal static class ScriptedModelSettings
{
    public const string Model = "test-model";
    public const string ApiKey = "test-key";
    public const int HistoryWindow = 4;

    /// <summary>The servers' clock: Wednesday 25 November 2026, 15:00 UTC, Thursday 04:00 in Auckland.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);

    public static IReadOnlyDictionary<string, string?> For(ScriptedOpenAIServer model, TimeSpan timeout) => new Dictionary<string, string?>
    {
        ["Assistant:Provider"] = "openai",
        ["Assistant:Endpoint"] = model.BaseAddress.ToString(),
        ["Assistant:Model"] = Model,
        ["Assistant:ApiKey"] = ApiKey,
        ["Assistant:Timeout"] = timeout.ToString("c", CultureInfo.InvariantCulture),
        ["Chat:HistoryWindow"] = HistoryWindow.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>A fixture whose server's assistant is an OpenAI-compatible model scripted by the test.</summary>
public interface IScriptedModelApi
{
    ScriptedOpenAIServer Model { get; }
}

/// <summary>SQLite on <see cref="ScriptedModelSettings.Now"/>, with a 30-second turn timeout (room for the OpenAI client's retries of a 5xx).</summary>
public class SqliteOpenAIApi : SqliteApi, IScriptedModelApi
{
    public ScriptedOpenAIServer Model { get; } = ScriptedOpenAIServer.Start();

    protected virtual TimeSpan Timeout => TimeSpan.FromSeconds(30);

    protected override IReadOnlyDictionary<string, string?>? Settings => ScriptedModelSettings.For(Model, Timeout);

    protected override void ConfigureTestServices(IServiceCollection services) => new TestClock(ScriptedModelSettings.Now).Use(services);

    protected override void CleanUp()
    {
        base.CleanUp();
        Task.Run(() => Model.DisposeAsync().AsTask()).GetAwaiter().GetResult();
    }
}

/// <summary>PostgreSQL on <see cref="ScriptedModelSettings.Now"/>, with a 30-second turn timeout.</summary>
public class PostgresOpenAIApi(PostgresServer server) : PostgresApi(server), IScriptedModelApi
{
    public ScriptedOpenAIServer Model { get; } = ScriptedOpenAIServer.Start();

    protected virtual TimeSpan Timeout => TimeSpan.FromSeconds(30);

    protected override IReadOnlyDictionary<string, string?>? Settings => ScriptedModelSettings.For(Model, Timeout);

    protected override void ConfigureTestServices(IServiceCollection services) => new TestClock(ScriptedModelSettings.Now).Use(services);

    protected override void CleanUp()
    {
        base.CleanUp();
        Task.Run(() => Model.DisposeAsync().AsTask()).GetAwaiter().GetResult();
    }
}

/// <summary>SQLite with <c>Assistant:Timeout=00:00:04</c>.</summary>
public sealed class SqliteOpenAITimeoutApi : SqliteOpenAIApi
{
    protected override TimeSpan Timeout => TimeSpan.FromSeconds(4);
}

/// <summary>PostgreSQL with <c>Assistant:Timeout=00:00:04</c>.</summary>
public sealed class PostgresOpenAITimeoutApi(PostgresServer server) : PostgresOpenAIApi(server)
{
    protected override TimeSpan Timeout => TimeSpan.FromSeconds(4);
}

/// <summary>Shared steps of the tests against a scripted OpenAI-compatible model.</summary>
public abstract class ScriptedModelTestsBase(ApiFixture api, ScriptedOpenAIServer model)
{
    protected const int TestTimeout = 60_000;

    protected ApiFixture Api => api;

    protected ScriptedOpenAIServer Model => model;

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    protected static async Task<HttpResponseMessage> ChatAsync(TestUser user, string message, Guid? conversationId = null) =>
        await user.Client.PostAsJsonAsync("/api/chat", new { conversation_id = conversationId, message }, ApiFixture.Json, Cancellation);

    protected static async Task<JsonElement> ChatOkAsync(TestUser user, string message, Guid? conversationId = null)
    {
        using var response = await ChatAsync(user, message, conversationId);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /api/chat answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The stored messages of the caller's conversations, oldest first, as (role, content).</summary>
    protected async Task<List<(MessageRole Role, string Content)>> StoredMessagesAsync(Guid userId, Guid? conversationId = null)
    {
        var rows = await api.WithDbAsync(db => db.Messages.AsNoTracking()
            .Where(m => db.Conversations.Any(c => c.Id == m.ConversationId && c.UserId == userId)
                        && (conversationId == null || m.ConversationId == conversationId))
            .Select(m => new { m.Role, m.Content, m.CreatedAt })
            .ToListAsync(Cancellation));
        return [.. rows.OrderBy(m => m.CreatedAt).Select(m => (m.Role, m.Content))];
    }

    protected static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Contains("kept", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}

/// <summary>
/// The OpenAI-compatible provider against a scripted chat-completions server on loopback: what the server sends
/// the model (tools, prompt, key, model, history window), tool calls run for the caller with their results sent
/// back, the reply stored, and model failures answered 502 with the user's message kept.
/// </summary>
public abstract class OpenAICompatibleTests(ApiFixture api, ScriptedOpenAIServer model) : ScriptedModelTestsBase(api, model)
{
    /// <summary>The system message of a user in the default zone (UTC) on the servers' clock.</summary>
    private static readonly string UtcPrompt = AssistantPrompt.For(ScriptedModelSettings.Now, "UTC");

    private static readonly Dictionary<string, string[]> ExpectedParameters = new()
    {
        ["add_task"] = ["title", "description", "list", "labels", "priority", "due", "remind_minutes_before", "existing"],
        ["list_tasks"] = ["status", "query", "filter", "list", "sort"],
        ["complete_task"] = ["task", "list"],
        ["reopen_task"] = ["task", "list"],
        ["delete_task"] = ["task", "list"],
        ["update_task"] = ["task", "title", "description", "list", "labels", "add_labels", "remove_labels", "priority", "due", "due_shift", "repeat", "remind_minutes_before", "remind_at", "remove_reminders"],
        ["list_lists"] = [],
        ["create_list"] = ["name"],
        ["rename_list"] = ["list", "name"],
        ["delete_list"] = ["list", "tasks"],
        ["bulk_tasks"] = ["action", "filter", "tasks", "list", "label", "priority", "due"],
        ["undo_last"] = [],
        ["list_activity"] = ["limit", "day", "source"],
        ["list_trash"] = [],
        ["restore_task"] = ["task"],
        ["empty_trash"] = [],
    };

    private static readonly Dictionary<string, string[]> ExpectedRequired = new()
    {
        ["add_task"] = ["title"],
        ["list_tasks"] = [],
        ["complete_task"] = ["task"],
        ["reopen_task"] = ["task"],
        ["delete_task"] = ["task"],
        ["update_task"] = ["task"],
        ["list_lists"] = [],
        ["create_list"] = ["name"],
        ["rename_list"] = ["list", "name"],
        ["delete_list"] = ["list"],
        ["bulk_tasks"] = ["action"],
        ["undo_last"] = [],
        ["list_activity"] = [],
        ["list_trash"] = [],
        ["restore_task"] = ["task"],
        ["empty_trash"] = [],
    };

    [Fact(Timeout = TestTimeout)]
    public async Task RequestCarriesTheToolSchemasWithoutAnyUserParameter()
    {
        var user = await Api.CreateUserAsync();
        Model.Script(ScriptedReply.Text("Hello! I can manage your tasks."));

        await ChatOkAsync(user, "Hi there");

        var request = Assert.Single(Model.Requests);
        var tools = request.Tools;
        Assert.Equal(ExpectedParameters.Keys.Order(), tools.Select(t => t.GetProperty("function").GetProperty("name").GetString()!).Order());
        foreach (var tool in tools)
        {
            Assert.Equal("function", tool.GetProperty("type").GetString());
            var function = tool.GetProperty("function");
            var name = function.GetProperty("name").GetString()!;
            Assert.False(string.IsNullOrWhiteSpace(function.GetProperty("description").GetString()), $"{name} has no description");
            var parameters = function.GetProperty("parameters");
            Assert.Equal("object", parameters.GetProperty("type").GetString());
            var properties = parameters.GetProperty("properties");
            Assert.Equal(ExpectedParameters[name].Order(), properties.EnumerateObject().Select(p => p.Name).Order());
            foreach (var property in properties.EnumerateObject())
            {
                Assert.True(property.Value.TryGetProperty("description", out var description) && description.GetString()!.Length > 0,
                    $"{name}.{property.Name} has no description");
            }

            var required = parameters.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(r => r.GetString()!).ToArray() : [];
            Assert.Equal(ExpectedRequired[name].Order(), required.Order());
            Assert.DoesNotContain(PropertyNamesIn(parameters), LooksLikeAUser);
        }

        Assert.DoesNotContain(tools, t => t.GetProperty("function").GetRawText().Contains("user_id", StringComparison.OrdinalIgnoreCase)
                                          || t.GetProperty("function").GetRawText().Contains("userId", StringComparison.OrdinalIgnoreCase));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task RequestCarriesExactlyTheToolsOfTheBuiltInEngineAndMcpInOrder()
    {
        var user = await Api.CreateUserAsync();
        Model.Script(ScriptedReply.Text("Hello!"));

        await ChatOkAsync(user, "Hi");

        var names = Assert.Single(Model.Requests).Tools.Select(t => t.GetProperty("function").GetProperty("name").GetString()!).ToList();
        Assert.Equal(TaskToolNames.All, names);
        Assert.Equal(TaskTools.AsMcpTools().Select(tool => tool.ProtocolTool.Name), names);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task SystemPromptGivesTodayWithItsWeekdayTheTimeAndTheZoneOfTheUser()
    {
        var user = await Api.CreateUserAsync();
        await SetTimeZoneAsync(user, "Pacific/Auckland");
        Model.Script(ScriptedReply.Text("Hello!"));

        await ChatOkAsync(user, "Hello assistant");

        // 15:00 UTC on Wednesday is already Thursday 04:00 in Auckland.
        var (role, prompt) = Assert.Single(Model.Requests).Transcript[0];
        Assert.Equal("system", role);
        Assert.Equal(AssistantPrompt.For(ScriptedModelSettings.Now, "Pacific/Auckland"), prompt);
        Assert.StartsWith(AssistantPrompt.System, prompt, StringComparison.Ordinal);
        Assert.EndsWith("Today is Thursday 26 November 2026 (2026-11-26), and it is 04:00 in the user's time zone, Pacific/Auckland.",
            prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("Wednesday", prompt, StringComparison.Ordinal);
        foreach (var topic in new[]
                 {
                     "list \"Groceries\"", "my to do list", "due", "every friday", "\"none\" removes", "remind_minutes_before",
                     "priority", "labels", "undo_last", "trash", "confirm", "bulk_tasks", "one add_task call each", "ask one short question",
                     "with its weekday",
                 })
        {
            Assert.Contains(topic, prompt, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ScriptedAddTaskWithAListAndADueIsReadInTheUsersZoneAndTheReplyReturned()
    {
        var user = await Api.CreateUserAsync();
        await SetTimeZoneAsync(user, "Pacific/Auckland");
        using (var created = await user.Client.PostAsJsonAsync("/api/lists", new { name = "Groceries" }, ApiFixture.Json, Cancellation))
        {
            created.EnsureSuccessStatusCode();
        }

        const string Reply = "Added task 1, \"Broccoli\", in Groceries, due Friday 27 November at 17:00.";
        Model.Script(
            ScriptedReply.ToolCalls(new ScriptedToolCall("call_add_1", "add_task", """{"title":"Broccoli","list":"Groceries","due":"friday at 5pm"}""")),
            ScriptedReply.Text("Added task 1, \"Broccoli\", ", "in Groceries, due Friday 27 November at 17:00."));

        var answer = await ChatOkAsync(user, "add broccoli to my grocery list for friday at 5pm");

        Assert.Equal(Reply, answer.GetProperty("response").GetString());
        var task = Assert.Single(await Api.WithDbAsync(db => db.Tasks.AsNoTracking()
            .Where(t => t.UserId == user.Id)
            .Select(t => new { t.Title, List = db.Lists.Where(l => l.Id == t.ListId).Select(l => l.Name).First(), t.DueDate, t.DueTime, t.DueTimeZone })
            .ToListAsync(Cancellation)));
        Assert.Equal(("Broccoli", "Groceries", new DateOnly(2026, 11, 27), new TimeOnly(17, 0), "Pacific/Auckland"),
            (task.Title, task.List, task.DueDate, task.DueTime, task.DueTimeZone));

        // The result the model words its reply from: the list, and the due with its weekday; no list was created.
        var result = JsonDocument.Parse(ScriptedOpenAIServer.TextOf(Model.Requests[1].Messages[^1])).RootElement;
        Assert.Equal("added", result.GetProperty("action").GetString());
        Assert.False(result.TryGetProperty("list_created", out _));
        var added = result.GetProperty("task");
        Assert.Equal(("Groceries", "2026-11-27", "Friday"), (added.GetProperty("list").GetString(),
            added.GetProperty("due").GetProperty("date").GetString(), added.GetProperty("due").GetProperty("weekday").GetString()));
        Assert.Equal([(MessageRole.User, "add broccoli to my grocery list for friday at 5pm"), (MessageRole.Assistant, Reply)],
            await StoredMessagesAsync(user.Id));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task RequestCarriesTheSystemPromptTheKeyTheModelAndStreaming()
    {
        var user = await Api.CreateUserAsync();
        Model.Script(ScriptedReply.Text("Hello!"));

        await ChatOkAsync(user, "Hello assistant");

        var request = Assert.Single(Model.Requests);
        Assert.Equal(ScriptedOpenAIServer.CompletionsPath, request.Path);
        Assert.Equal("Bearer " + ScriptedModelSettings.ApiKey, request.Authorization);
        Assert.Equal(ScriptedModelSettings.Model, request.Model);
        Assert.True(request.Streaming, "the chat turn streams from the model: " + request.RawBody);
        Assert.Equal(
            [("system", UtcPrompt), ("user", "Hello assistant")],
            request.Transcript);
        Assert.Contains("add_task", request.Transcript[0].Text, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task LaterTurnsSendTheStoredHistoryWindowOfPriorUserAndAssistantTexts()
    {
        var user = await Api.CreateUserAsync();
        Model.Script(ScriptedReply.Text("Reply one"), ScriptedReply.Text("Reply ", "two"));
        var first = await ChatOkAsync(user, "Message one");
        var conversationId = first.GetProperty("conversation_id").GetGuid();
        await ChatOkAsync(user, "Message two", conversationId);

        var requests = Model.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(
            [("system", UtcPrompt), ("user", "Message one"), ("assistant", "Reply one"), ("user", "Message two")],
            requests[1].Transcript);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task HistorySentToTheModelIsBoundedByTheHistoryWindow()
    {
        var user = await Api.CreateUserAsync();
        Model.Script(ScriptedReply.Text("Reply 1"), ScriptedReply.Text("Reply 2"), ScriptedReply.Text("Reply 3"), ScriptedReply.Text("Reply 4"));
        var conversationId = (await ChatOkAsync(user, "Message 1")).GetProperty("conversation_id").GetGuid();
        await ChatOkAsync(user, "Message 2", conversationId);
        await ChatOkAsync(user, "Message 3", conversationId);
        await ChatOkAsync(user, "Message 4", conversationId);

        var last = Model.Requests[^1];

        // Chat:HistoryWindow = 4: the four latest stored messages, then the new one; the oldest turn is left out.
        Assert.Equal(
            [
                ("system", UtcPrompt),
                ("user", "Message 2"), ("assistant", "Reply 2"),
                ("user", "Message 3"), ("assistant", "Reply 3"),
                ("user", "Message 4"),
            ],
            last.Transcript);
        Assert.Equal(8, (await StoredMessagesAsync(user.Id, conversationId)).Count);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ScriptedToolCallRunsForTheCallerAndItsResultGoesBackToTheModel()
    {
        var user = await Api.CreateUserAsync();
        var other = await Api.CreateUserAsync();
        Model.Script(
            ScriptedReply.ToolCalls(new ScriptedToolCall("call_add_1", "add_task", """{"title":"Buy milk"}""")),
            ScriptedReply.Text("I added task 1, ", "\"Buy milk\"."));

        var answer = await ChatOkAsync(user, "Please remember to buy milk");

        // The task exists, for the caller only.
        var tasks = await Api.WithDbAsync(db => db.Tasks.AsNoTracking()
            .Select(t => new { t.UserId, t.Number, t.Title, t.IsCompleted }).ToListAsync(Cancellation));
        var task = Assert.Single(tasks, t => t.UserId == user.Id);
        Assert.Equal((1, "Buy milk", false), (task.Number, task.Title, task.IsCompleted));
        Assert.DoesNotContain(tasks, t => t.UserId == other.Id);

        // Two model calls: the second carries the assistant's tool call and the tool's JSON result.
        var requests = Model.Requests;
        Assert.Equal(2, requests.Count);
        var messages = requests[1].Messages;
        Assert.Equal(["system", "user", "assistant", "tool"], messages.Select(m => m.GetProperty("role").GetString()));
        var call = Assert.Single(messages[2].GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("call_add_1", call.GetProperty("id").GetString());
        Assert.Equal("add_task", call.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("Buy milk", JsonDocument.Parse(call.GetProperty("function").GetProperty("arguments").GetString()!).RootElement.GetProperty("title").GetString());
        var toolMessage = messages[3];
        Assert.Equal("call_add_1", toolMessage.GetProperty("tool_call_id").GetString());
        var toolResult = JsonDocument.Parse(ScriptedOpenAIServer.TextOf(toolMessage)).RootElement;
        Assert.True(toolResult.GetProperty("ok").GetBoolean());
        Assert.Equal("added", toolResult.GetProperty("action").GetString());
        Assert.Equal(1, toolResult.GetProperty("task").GetProperty("number").GetInt32());
        Assert.Equal("Buy milk", toolResult.GetProperty("task").GetProperty("title").GetString());
        Assert.Equal(UtcPrompt, ScriptedOpenAIServer.TextOf(messages[0]));
        Assert.Equal("Please remember to buy milk", ScriptedOpenAIServer.TextOf(messages[1]));

        // The answer: the final text, and the call with its arguments and result.
        Assert.Equal("I added task 1, \"Buy milk\".", answer.GetProperty("response").GetString());
        var reported = Assert.Single(answer.GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("add_task", reported.GetProperty("name").GetString());
        Assert.Equal("Buy milk", reported.GetProperty("arguments").GetProperty("title").GetString());
        Assert.Equal("added", reported.GetProperty("result").GetProperty("action").GetString());
        Assert.Equal(1, reported.GetProperty("result").GetProperty("task").GetProperty("number").GetInt32());

        // Stored: the user's message and the final reply.
        var conversationId = answer.GetProperty("conversation_id").GetGuid();
        Assert.Equal(
            [(MessageRole.User, "Please remember to buy milk"), (MessageRole.Assistant, "I added task 1, \"Buy milk\".")],
            await StoredMessagesAsync(user.Id, conversationId));
        using var history = await user.Client.GetAsync($"/api/conversations/{conversationId}/messages", Cancellation);
        var items = (await history.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json, Cancellation)).GetProperty("items");
        Assert.Equal(["user", "assistant"], items.EnumerateArray().Select(i => i.GetProperty("role").GetString()));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ScriptedBulkTasksThenUndoLastChangeAndTakeBackTheTasksOfTheCaller()
    {
        var user = await Api.CreateUserAsync();
        await new AssistantSession(Api, user.Id).SeedAsync("Milk #Shopping", "Eggs #Shopping", "Call mom");
        Model.Script(
            ScriptedReply.ToolCalls(new ScriptedToolCall("call_bulk_1", "bulk_tasks", """{"action":"complete","filter":"#Shopping"}""")),
            ScriptedReply.Text("Marked 2 tasks as done."));

        var bulk = await ChatOkAsync(user, "yes, complete them");

        Assert.Equal([true, true, false], await CompletedAsync(user.Id));
        var bulkResult = JsonDocument.Parse(ScriptedOpenAIServer.TextOf(Model.Requests[1].Messages[^1])).RootElement;
        Assert.Equal(("bulk_changed", 2, 2), (bulkResult.GetProperty("action").GetString(), bulkResult.GetProperty("matched").GetInt32(),
            bulkResult.GetProperty("changed").GetInt32()));

        Model.Script(
            ScriptedReply.ToolCalls(new ScriptedToolCall("call_undo_1", "undo_last", "{}")),
            ScriptedReply.Text("Undone: Milk and Eggs are pending again."));
        var undo = await ChatOkAsync(user, "undo", bulk.GetProperty("conversation_id").GetGuid());

        Assert.Equal([false, false, false], await CompletedAsync(user.Id));
        var reported = Assert.Single(undo.GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("undo_last", reported.GetProperty("name").GetString());
        Assert.Equal(("undone", 2), (reported.GetProperty("result").GetProperty("action").GetString(), reported.GetProperty("result").GetProperty("undone").GetInt32()));

    }

    private static async Task SetTimeZoneAsync(TestUser user, string timeZone)
    {
        using var response = await user.Client.PatchAsJsonAsync("/api/auth/me", new { time_zone = timeZone }, ApiFixture.Json, Cancellation);
        response.EnsureSuccessStatusCode();
    }

    private Task<List<bool>> CompletedAsync(Guid userId) =>
        Api.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.Number).Select(t => t.IsCompleted).ToListAsync(Cancellation));

    [Fact(Timeout = TestTimeout)]
    public async Task LaterTurnsSendTheEarlierTurnsToolCallAndResultBeforeItsReply()
    {
        var user = await Api.CreateUserAsync();
        Model.Script(
            ScriptedReply.ToolCalls(new ScriptedToolCall("call_add_7", "add_task", """{"title":"Buy milk"}""")),
            ScriptedReply.Text("Added it."),
            ScriptedReply.Text("You're welcome."));
        var first = await ChatOkAsync(user, "Please remember to buy milk");
        var conversationId = first.GetProperty("conversation_id").GetGuid();

        await ChatOkAsync(user, "thanks", conversationId);

        var messages = Model.Requests[^1].Messages;
        Assert.Equal(["system", "user", "assistant", "tool", "assistant", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("Please remember to buy milk", ScriptedOpenAIServer.TextOf(messages[1]));
        var call = Assert.Single(messages[2].GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("call_add_7", call.GetProperty("id").GetString());
        Assert.Equal("add_task", call.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("Buy milk", JsonDocument.Parse(call.GetProperty("function").GetProperty("arguments").GetString()!).RootElement.GetProperty("title").GetString());
        Assert.Equal("call_add_7", messages[3].GetProperty("tool_call_id").GetString());
        var result = JsonDocument.Parse(ScriptedOpenAIServer.TextOf(messages[3])).RootElement;
        Assert.Equal("added", result.GetProperty("action").GetString());
        Assert.Equal(1, result.GetProperty("task").GetProperty("number").GetInt32());
        Assert.Equal("Buy milk", result.GetProperty("task").GetProperty("title").GetString());
        Assert.Equal("Added it.", ScriptedOpenAIServer.TextOf(messages[4]));
        Assert.Equal("thanks", ScriptedOpenAIServer.TextOf(messages[5]));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ToolCallsActOnTheCallersOwnTasksEvenWhenTheModelNamesAnotherUser()
    {
        var owner = await Api.CreateUserAsync();
        var caller = await Api.CreateUserAsync();
        using (var created = await owner.Client.PostAsJsonAsync("/api/tasks", new { title = "Owner's secret task" }, ApiFixture.Json, Cancellation))
        {
            created.EnsureSuccessStatusCode();
        }

        // A confused or malicious model passes the owner's id and refers to task 1; the caller has no task 1.
        Model.Script(
            ScriptedReply.ToolCalls(
                new ScriptedToolCall("call_1", "complete_task", $$"""{"task":"1","user_id":"{{owner.Id}}"}"""),
                new ScriptedToolCall("call_2", "add_task", $$"""{"title":"Mine","user_id":"{{owner.Id}}"}""")),
            ScriptedReply.Text("Done."));

        var answer = await ChatOkAsync(caller, "complete task 1 and add Mine");

        var calls = answer.GetProperty("tool_calls").EnumerateArray().ToList();
        Assert.Equal(["complete_task", "add_task"], calls.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("not_found", calls[0].GetProperty("result").GetProperty("error").GetString());
        Assert.Equal("added", calls[1].GetProperty("result").GetProperty("action").GetString());
        var tasks = await Api.WithDbAsync(db => db.Tasks.AsNoTracking()
            .Where(t => t.UserId == owner.Id || t.UserId == caller.Id)
            .Select(t => new { t.UserId, t.Title, t.IsCompleted }).ToListAsync(Cancellation));
        Assert.Equal([("Owner's secret task", false)], tasks.Where(t => t.UserId == owner.Id).Select(t => (t.Title, t.IsCompleted)));
        Assert.Equal(["Mine"], tasks.Where(t => t.UserId == caller.Id).Select(t => t.Title));

        // Both results went back to the model, each under its own call id.
        var toolMessages = Model.Requests[1].Messages.Where(m => m.GetProperty("role").GetString() == "tool").ToList();
        Assert.Equal(["call_1", "call_2"], toolMessages.Select(m => m.GetProperty("tool_call_id").GetString()));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ModelHttp500GivesA502AndKeepsTheUsersMessage()
    {
        var user = await Api.CreateUserAsync();
        Model.Script([], then: ScriptedReply.Error(HttpStatusCode.InternalServerError, "The model crashed."));

        using var response = await ChatAsync(user, "Add a task to water the plants");

        await AssertProblemAsync(response, HttpStatusCode.BadGateway);
        Assert.Equal([(MessageRole.User, "Add a task to water the plants")], await StoredMessagesAsync(user.Id));

        // The OpenAI client retries a 5xx 3 times (at once here: the script sends Retry-After: 0); every
        // attempt is the same request and all failed, and only then does the turn fail.
        var requests = Model.Requests;
        Assert.Equal(4, requests.Count);
        Assert.All(requests, r => Assert.Equal(requests[0].RawBody, r.RawBody));
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData("invalid-json-event")]
    [InlineData("unauthorized")]
    [InlineData("empty-stream")]
    public async Task ModelFailureGivesA502AndKeepsTheUsersMessage(string failure)
    {
        var user = await Api.CreateUserAsync();
        var reply = failure switch
        {
            "invalid-json-event" => ScriptedReply.Raw("text/event-stream", "data: {\"id\": this is not json\n\ndata: [DONE]\n\n"),
            "unauthorized" => ScriptedReply.Error(HttpStatusCode.Unauthorized, "Incorrect API key provided."),
            "empty-stream" => ScriptedReply.Raw("text/event-stream", "data: [DONE]\n\n"),
            _ => throw new ArgumentOutOfRangeException(nameof(failure)),
        };
        Model.Script(ScriptedReply.Text("First reply"));
        var conversationId = (await ChatOkAsync(user, "First message")).GetProperty("conversation_id").GetGuid();
        Model.Script([], then: reply);

        using var response = await ChatAsync(user, "Second message", conversationId);

        await AssertProblemAsync(response, HttpStatusCode.BadGateway);
        Assert.Equal(
            [(MessageRole.User, "First message"), (MessageRole.Assistant, "First reply"), (MessageRole.User, "Second message")],
            await StoredMessagesAsync(user.Id, conversationId));
        Assert.Single(Model.Requests);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ModelFailureAfterAToolRanStoresNoReplyButTheToolsChangeStays()
    {
        var user = await Api.CreateUserAsync();
        Model.Script(
            [ScriptedReply.ToolCalls(new ScriptedToolCall("call_9", "add_task", """{"title":"Pay bills"}"""))],
            then: ScriptedReply.Error(HttpStatusCode.BadRequest, "Context too long."));

        using var response = await ChatAsync(user, "Add pay bills");

        await AssertProblemAsync(response, HttpStatusCode.BadGateway);
        Assert.Equal([(MessageRole.User, "Add pay bills")], await StoredMessagesAsync(user.Id));
        Assert.Equal(["Pay bills"], await Api.WithDbAsync(db => db.Tasks.AsNoTracking()
            .Where(t => t.UserId == user.Id).Select(t => t.Title).ToListAsync(Cancellation)));
    }

    private static IEnumerable<string> PropertyNamesIn(JsonElement schema)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in schema.EnumerateObject())
                {
                    if (property.Name == "properties" && property.Value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var parameter in property.Value.EnumerateObject())
                        {
                            yield return parameter.Name;
                        }
                    }

                    foreach (var nested in PropertyNamesIn(property.Value))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in schema.EnumerateArray())
                {
                    foreach (var nested in PropertyNamesIn(item))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }

    private static bool LooksLikeAUser(string name) =>
        name.Contains("user", StringComparison.OrdinalIgnoreCase) || name.Contains("owner", StringComparison.OrdinalIgnoreCase);
}

public sealed class SqliteOpenAICompatibleTests(SqliteOpenAIApi api)
    : OpenAICompatibleTests(api, api.Model), IClassFixture<SqliteOpenAIApi>;

public sealed class PostgresOpenAICompatibleTests(PostgresOpenAIApi api)
    : OpenAICompatibleTests(api, api.Model), IClassFixture<PostgresOpenAIApi>;

/// <summary>A model slower than <c>Assistant:Timeout</c> (2 s): a 504 within bounds, the user's message kept.</summary>
public abstract class OpenAICompatibleTimeoutTests(ApiFixture api, ScriptedOpenAIServer model) : ScriptedModelTestsBase(api, model)
{
    [Fact(Timeout = TestTimeout)]
    public async Task ModelSlowerThanTheTimeoutGivesA504AndKeepsTheUsersMessage()
    {
        var user = await Api.CreateUserAsync();
        Model.Script(ScriptedReply.Text("First reply"));
        var conversationId = (await ChatOkAsync(user, "First message")).GetProperty("conversation_id").GetGuid();
        Model.Script([], then: ScriptedReply.Delayed(TimeSpan.FromSeconds(20), ScriptedReply.Text("Too late")));

        var clock = Stopwatch.StartNew();
        using var response = await ChatAsync(user, "Second message", conversationId);
        clock.Stop();

        await AssertProblemAsync(response, HttpStatusCode.GatewayTimeout);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(3.5), TimeSpan.FromSeconds(15));
        Assert.Equal(
            [(MessageRole.User, "First message"), (MessageRole.Assistant, "First reply"), (MessageRole.User, "Second message")],
            await StoredMessagesAsync(user.Id, conversationId));
        Assert.Single(Model.Requests);

        // The server gave up on the model's request rather than leaving it running.
        var deadline = Stopwatch.StartNew();
        while (Model.AbortedRequests == 0 && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(50, Cancellation);
        }

        Assert.Equal(1, Model.AbortedRequests);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ToolCallFollowedByASlowModelGivesA504WithNoReplyStored()
    {
        var user = await Api.CreateUserAsync();
        Model.Script(
            [ScriptedReply.ToolCalls(new ScriptedToolCall("call_1", "list_tasks", "{}"))],
            then: ScriptedReply.Delayed(TimeSpan.FromSeconds(20), ScriptedReply.Text("Too late")));

        var clock = Stopwatch.StartNew();
        using var response = await ChatAsync(user, "What's pending?");
        clock.Stop();

        await AssertProblemAsync(response, HttpStatusCode.GatewayTimeout);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Equal([(MessageRole.User, "What's pending?")], await StoredMessagesAsync(user.Id));
        Assert.True(Model.Requests.Count >= 2, "the tool's result was sent back before the model stalled");
    }
}

public sealed class SqliteOpenAICompatibleTimeoutTests(SqliteOpenAITimeoutApi api)
    : OpenAICompatibleTimeoutTests(api, api.Model), IClassFixture<SqliteOpenAITimeoutApi>;

public sealed class PostgresOpenAICompatibleTimeoutTests(PostgresOpenAITimeoutApi api)
    : OpenAICompatibleTimeoutTests(api, api.Model), IClassFixture<PostgresOpenAITimeoutApi>;
