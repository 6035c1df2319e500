using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Mcp;

/// <summary>
/// /mcp driven by the MCP SDK's own client (Streamable HTTP, in memory through the TestServer's handler): the
/// tools listed with their annotations, each tool called and checked through the REST API, ambiguity, another
/// user's tasks out of reach, and the bearer token required.
/// </summary>
public abstract class McpTests(ApiFixture api)
{
    private const int TestTimeout = 30_000;

    private static readonly Dictionary<string, string[]> ExpectedParameters = new()
    {
        ["add_task"] = ["title", "description", "list", "labels", "priority", "due", "remind_minutes_before", "existing"],
        ["list_tasks"] = ["filter", "status", "query", "list", "sort"],
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

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeout)]
    public async Task ToolsAreListedWithTitlesDescriptionsAndAnnotations()
    {
        var user = await api.CreateUserAsync();
        await using var client = await ConnectAsync(user.Token);

        var tools = (await client.ListToolsAsync(cancellationToken: Cancellation)).ToDictionary(t => t.Name);

        Assert.Equal(ExpectedParameters.Keys.Order(), tools.Keys.Order());
        foreach (var tool in tools.Values.Select(t => t.ProtocolTool))
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Title), $"{tool.Name} has no title");
            Assert.False(string.IsNullOrWhiteSpace(tool.Description), $"{tool.Name} has no description");
            Assert.NotNull(tool.Annotations);
            Assert.False(tool.Annotations.OpenWorldHint, $"{tool.Name} is not open-world");
        }

        var list = Annotations(tools, "list_tasks");
        Assert.True(list.ReadOnlyHint, "list_tasks is read-only");
        Assert.True(list.IdempotentHint, "list_tasks is idempotent");
        Assert.False(list.DestructiveHint, "list_tasks is not destructive");
        var delete = Annotations(tools, "delete_task");
        Assert.False(delete.ReadOnlyHint, "delete_task changes tasks");
        Assert.True(delete.DestructiveHint, "delete_task is destructive");
        var add = Annotations(tools, "add_task");
        Assert.False(add.ReadOnlyHint, "add_task changes tasks");
        Assert.False(add.DestructiveHint, "add_task only adds");
        Assert.False(add.IdempotentHint, "add_task twice adds two tasks");
        foreach (var name in new[] { "complete_task", "reopen_task", "update_task" })
        {
            Assert.False(Annotations(tools, name).ReadOnlyHint, $"{name} changes tasks");
        }

        Assert.True(Annotations(tools, "list_lists").ReadOnlyHint, "list_lists is read-only");
        Assert.True(Annotations(tools, "delete_list").DestructiveHint, "delete_list is destructive");
        Assert.False(Annotations(tools, "create_list").DestructiveHint, "create_list only adds");
        Assert.False(Annotations(tools, "complete_task").DestructiveHint, "complete_task is not destructive");
        Assert.False(Annotations(tools, "reopen_task").DestructiveHint, "reopen_task is not destructive");
        Assert.Equal("List tasks", tools["list_tasks"].ProtocolTool.Title);

        Assert.True(Annotations(tools, "bulk_tasks").DestructiveHint, "bulk_tasks can delete many tasks");
        Assert.False(Annotations(tools, "bulk_tasks").ReadOnlyHint, "bulk_tasks changes tasks");
        Assert.True(Annotations(tools, "empty_trash").DestructiveHint, "empty_trash removes tasks for good");
        Assert.False(Annotations(tools, "undo_last").ReadOnlyHint, "undo_last changes tasks");
        Assert.False(Annotations(tools, "undo_last").IdempotentHint, "undo_last twice takes back two changes");
        Assert.False(Annotations(tools, "restore_task").DestructiveHint, "restore_task only brings a task back");
        Assert.True(Annotations(tools, "list_activity").ReadOnlyHint, "list_activity is read-only");
        Assert.True(Annotations(tools, "list_trash").ReadOnlyHint, "list_trash is read-only");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task BulkTasksThenUndoLastOverMcpAreOneBatchEach()
    {
        var user = await api.CreateUserAsync();
        await using var client = await ConnectAsync(user.Token);
        foreach (var title in new[] { "Milk", "Eggs", "Call mom" })
        {
            await CallAsync(client, "add_task", new() { ["title"] = title, ["list"] = title == "Call mom" ? null : "Shopping" });
        }

        var bulk = await CallAsync(client, "bulk_tasks", new() { ["action"] = "delete", ["filter"] = "#Shopping" });
        Assert.Equal("bulk_changed", bulk.GetProperty("action").GetString());
        Assert.Equal(2, bulk.GetProperty("changed").GetInt32());
        var remaining = await user.Client.GetFromJsonAsync<JsonElement>("/api/tasks", ApiFixture.Json, Cancellation);
        Assert.Equal(["Call mom"], remaining.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("title").GetString()));

        var undo = await CallAsync(client, "undo_last", []);
        Assert.Equal("undone", undo.GetProperty("action").GetString());
        Assert.Equal(2, undo.GetProperty("undone").GetInt32());
        var back = await user.Client.GetFromJsonAsync<JsonElement>("/api/tasks", ApiFixture.Json, Cancellation);
        Assert.Equal(3, back.GetProperty("items").GetArrayLength());
        var activity = await user.Client.GetFromJsonAsync<JsonElement>("/api/activity", ApiFixture.Json, Cancellation);
        Assert.All(activity.GetProperty("items").EnumerateArray(), e => Assert.Equal("mcp", e.GetProperty("source").GetString()));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ToolInputSchemasHaveTheDocumentedParametersAndNoUserParameter()
    {
        var user = await api.CreateUserAsync();
        await using var client = await ConnectAsync(user.Token);

        var tools = await client.ListToolsAsync(cancellationToken: Cancellation);

        foreach (var tool in tools)
        {
            var schema = JsonSerializer.SerializeToElement(tool.ProtocolTool.InputSchema);
            Assert.Equal("object", schema.GetProperty("type").GetString());
            var parameters = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(ExpectedParameters[tool.Name].Order(), parameters.Order());
            Assert.DoesNotContain(parameters, p => p.Contains("user", StringComparison.OrdinalIgnoreCase)
                                                   || p.Contains("caller", StringComparison.OrdinalIgnoreCase)
                                                   || p.Contains("principal", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("user_id", schema.GetRawText(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("userId", schema.GetRawText(), StringComparison.OrdinalIgnoreCase);
            Assert.NotNull(tool.ProtocolTool.OutputSchema);
        }
    }

    [Fact(Timeout = TestTimeout)]
    public async Task AddTaskCreatesTheTaskForTheCaller()
    {
        var user = await api.CreateUserAsync();
        await using var client = await ConnectAsync(user.Token);

        var result = await CallAsync(client, "add_task", new() { ["title"] = "  Buy milk ", ["description"] = "Two litres" });

        Assert.True(result.GetProperty("ok").GetBoolean());
        Assert.Equal("added", result.GetProperty("action").GetString());
        var task = result.GetProperty("task");
        Assert.Equal((1, "Buy milk", false, "Two litres"),
            (task.GetProperty("number").GetInt32(), task.GetProperty("title").GetString(), task.GetProperty("is_completed").GetBoolean(),
                task.GetProperty("description").GetString()));
        var stored = Assert.Single(await RestTasksAsync(user));
        Assert.Equal((1, "Buy milk", "Two litres", false),
            (stored.GetProperty("number").GetInt32(), stored.GetProperty("title").GetString(), stored.GetProperty("description").GetString(),
                stored.GetProperty("is_completed").GetBoolean()));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task AddTaskWithADueIsListedByTheTodayFilter()
    {
        var user = await api.CreateUserAsync();
        await using var client = await ConnectAsync(user.Token);

        var today = await CallAsync(client, "add_task", new() { ["title"] = "Water plants", ["due"] = "today" });
        var later = await CallAsync(client, "add_task", new() { ["title"] = "Book flights", ["due"] = "in 3 days at 9am" });
        var unreadable = await CallAsync(client, "add_task", new() { ["title"] = "Party", ["due"] = "feb 30" });
        var listed = await CallAsync(client, "list_tasks", new() { ["filter"] = "today" });

        var due = today.GetProperty("task").GetProperty("due");
        var date = DateOnly.ParseExact(due.GetProperty("date").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(date.DayOfWeek.ToString(), due.GetProperty("weekday").GetString());
        Assert.Equal("09:00", later.GetProperty("task").GetProperty("due").GetProperty("time").GetString());
        Assert.Equal((false, "due"), (unreadable.GetProperty("ok").GetBoolean(), unreadable.GetProperty("argument").GetString()));
        var only = Assert.Single(listed.GetProperty("tasks").EnumerateArray());
        Assert.Equal(("Water plants", due.GetRawText()), (only.GetProperty("title").GetString(), only.GetProperty("due").GetRawText()));
        Assert.Equal(2, (await RestTasksAsync(user)).Count);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ListTasksReturnsTheCallersTasksAsStructuredContent()
    {
        var user = await api.CreateUserAsync();
        await SeedAsync(user, "Buy milk", "Call the dentist", "Buy bread");
        await using var client = await ConnectAsync(user.Token);
        await CallAsync(client, "complete_task", new() { ["task"] = "2" });

        var all = await CallAsync(client, "list_tasks", []);
        var pending = await CallAsync(client, "list_tasks", new() { ["status"] = "pending" });
        var search = await CallAsync(client, "list_tasks", new() { ["query"] = "buy" });

        Assert.Equal(("listed", "all", 3), (all.GetProperty("action").GetString(), all.GetProperty("status").GetString(), all.GetProperty("count").GetInt32()));
        Assert.Equal(
            [(1, "Buy milk", false), (2, "Call the dentist", true), (3, "Buy bread", false)],
            all.GetProperty("tasks").EnumerateArray().Select(t =>
                (t.GetProperty("number").GetInt32(), t.GetProperty("title").GetString()!, t.GetProperty("is_completed").GetBoolean())));
        Assert.Equal([1, 3], Numbers(pending.GetProperty("tasks")));
        Assert.Equal([1, 3], Numbers(search.GetProperty("tasks")));
        Assert.Equal("buy", search.GetProperty("query").GetString());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task CompleteAndReopenWorkByNumberAndByTitleWords()
    {
        var user = await api.CreateUserAsync();
        await SeedAsync(user, "Buy milk", "Call the plumber");
        await using var client = await ConnectAsync(user.Token);

        var byNumber = await CallAsync(client, "complete_task", new() { ["task"] = "2" });
        Assert.Equal(("completed", 2), (byNumber.GetProperty("action").GetString(), byNumber.GetProperty("task").GetProperty("number").GetInt32()));
        Assert.Equal([false, true], (await RestTasksAsync(user)).Select(t => t.GetProperty("is_completed").GetBoolean()));

        var reopenByWords = await CallAsync(client, "reopen_task", new() { ["task"] = "plumber" });
        Assert.Equal(("reopened", 2), (reopenByWords.GetProperty("action").GetString(), reopenByWords.GetProperty("task").GetProperty("number").GetInt32()));
        Assert.Equal([false, false], (await RestTasksAsync(user)).Select(t => t.GetProperty("is_completed").GetBoolean()));

        var completeByWords = await CallAsync(client, "complete_task", new() { ["task"] = "milk" });
        Assert.Equal(("completed", "Buy milk"), (completeByWords.GetProperty("action").GetString(), completeByWords.GetProperty("task").GetProperty("title").GetString()));
        var reopenByNumber = await CallAsync(client, "reopen_task", new() { ["task"] = "#1" });
        Assert.Equal("reopened", reopenByNumber.GetProperty("action").GetString());
        var again = await CallAsync(client, "reopen_task", new() { ["task"] = "1" });
        Assert.Equal("already_pending", again.GetProperty("action").GetString());
        Assert.Equal([false, false], (await RestTasksAsync(user)).Select(t => t.GetProperty("is_completed").GetBoolean()));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task UpdateTaskRenamesAndDescribes()
    {
        var user = await api.CreateUserAsync();
        await SeedAsync(user, "Buy milk", "Call mom");
        await using var client = await ConnectAsync(user.Token);

        var renamed = await CallAsync(client, "update_task", new() { ["task"] = "2", ["title"] = "Call mom tonight" });
        var described = await CallAsync(client, "update_task", new() { ["task"] = "milk", ["description"] = "Oat, not cow" });

        Assert.Equal(("updated", "Call mom tonight"), (renamed.GetProperty("action").GetString(), renamed.GetProperty("task").GetProperty("title").GetString()));
        Assert.Equal(["title"], renamed.GetProperty("changed").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["description"], described.GetProperty("changed").EnumerateArray().Select(c => c.GetString()));
        var stored = await RestTasksAsync(user);
        Assert.Equal(["Buy milk", "Call mom tonight"], stored.Select(t => t.GetProperty("title").GetString()));
        Assert.Equal("Oat, not cow", stored[0].GetProperty("description").GetString());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task DeleteTaskDeletesByNumberAndByTitleWords()
    {
        var user = await api.CreateUserAsync();
        await SeedAsync(user, "Buy milk", "Team meeting notes", "Water the plants");
        await using var client = await ConnectAsync(user.Token);

        var byWords = await CallAsync(client, "delete_task", new() { ["task"] = "the meeting task" });
        var byNumber = await CallAsync(client, "delete_task", new() { ["task"] = "3" });
        var gone = await CallAsync(client, "delete_task", new() { ["task"] = "3" });

        Assert.Equal(("deleted", "Team meeting notes"), (byWords.GetProperty("action").GetString(), byWords.GetProperty("task").GetProperty("title").GetString()));
        Assert.Equal(("deleted", 3), (byNumber.GetProperty("action").GetString(), byNumber.GetProperty("task").GetProperty("number").GetInt32()));
        Assert.Equal((false, "not_found"), (gone.GetProperty("ok").GetBoolean(), gone.GetProperty("error").GetString()));
        Assert.Equal(["Buy milk"], (await RestTasksAsync(user)).Select(t => t.GetProperty("title").GetString()));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task AmbiguousReferenceReturnsTheCandidatesAndChangesNothing()
    {
        var user = await api.CreateUserAsync();
        await SeedAsync(user, "Call mom", "Buy milk", "Call dad");
        await using var client = await ConnectAsync(user.Token);

        var complete = await CallAsync(client, "complete_task", new() { ["task"] = "call" });
        var delete = await CallAsync(client, "delete_task", new() { ["task"] = "call" });
        var update = await CallAsync(client, "update_task", new() { ["task"] = "call", ["title"] = "Renamed" });

        foreach (var result in new[] { complete, delete, update })
        {
            Assert.False(result.GetProperty("ok").GetBoolean());
            Assert.Equal("ambiguous", result.GetProperty("error").GetString());
            Assert.Equal(
                [(1, "Call mom"), (3, "Call dad")],
                result.GetProperty("candidates").EnumerateArray().Select(c => (c.GetProperty("number").GetInt32(), c.GetProperty("title").GetString()!)));
        }

        var stored = await RestTasksAsync(user);
        Assert.Equal(["Call mom", "Buy milk", "Call dad"], stored.Select(t => t.GetProperty("title").GetString()));
        Assert.All(stored, t => Assert.False(t.GetProperty("is_completed").GetBoolean()));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task UnknownReferenceSaysNotFound()
    {
        var user = await api.CreateUserAsync();
        await SeedAsync(user, "Buy milk");
        await using var client = await ConnectAsync(user.Token);

        var byNumber = await CallAsync(client, "complete_task", new() { ["task"] = "42" });
        var byWords = await CallAsync(client, "complete_task", new() { ["task"] = "dentist" });

        Assert.Equal(("not_found", "42"), (byNumber.GetProperty("error").GetString(), byNumber.GetProperty("reference").GetString()));
        Assert.Equal("not_found", byWords.GetProperty("error").GetString());
        Assert.False(Assert.Single(await RestTasksAsync(user)).GetProperty("is_completed").GetBoolean());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task SecondUserCannotSeeOrTouchTheFirstUsersTasks()
    {
        var first = await api.CreateUserAsync();
        var second = await api.CreateUserAsync();
        await using var firstClient = await ConnectAsync(first.Token);
        await using var secondClient = await ConnectAsync(second.Token);
        await CallAsync(firstClient, "add_task", new() { ["title"] = "Secret plan" });

        var list = await CallAsync(secondClient, "list_tasks", []);
        var search = await CallAsync(secondClient, "list_tasks", new() { ["query"] = "secret" });
        var complete = await CallAsync(secondClient, "complete_task", new() { ["task"] = "1" });
        var completeByWords = await CallAsync(secondClient, "complete_task", new() { ["task"] = "secret plan" });
        var update = await CallAsync(secondClient, "update_task", new() { ["task"] = "1", ["title"] = "Hijacked" });
        var delete = await CallAsync(secondClient, "delete_task", new() { ["task"] = "1" });
        var deleteByWords = await CallAsync(secondClient, "delete_task", new() { ["task"] = "secret" });

        Assert.Equal(0, list.GetProperty("count").GetInt32());
        Assert.Empty(list.GetProperty("tasks").EnumerateArray());
        Assert.Equal(0, search.GetProperty("count").GetInt32());
        foreach (var result in new[] { complete, completeByWords, update, delete, deleteByWords })
        {
            Assert.Equal((false, "not_found"), (result.GetProperty("ok").GetBoolean(), result.GetProperty("error").GetString()));
            Assert.Empty(result.GetProperty("candidates").EnumerateArray());
        }

        // The second user's own task 1 is theirs; the first user's task is untouched.
        var own = await CallAsync(secondClient, "add_task", new() { ["title"] = "My own" });
        Assert.Equal(1, own.GetProperty("task").GetProperty("number").GetInt32());
        var completeOwn = await CallAsync(secondClient, "complete_task", new() { ["task"] = "1" });
        Assert.Equal(("completed", "My own"), (completeOwn.GetProperty("action").GetString(), completeOwn.GetProperty("task").GetProperty("title").GetString()));
        var firstTask = Assert.Single(await RestTasksAsync(first));
        Assert.Equal(("Secret plan", false), (firstTask.GetProperty("title").GetString(), firstTask.GetProperty("is_completed").GetBoolean()));
        var firstList = await CallAsync(firstClient, "list_tasks", []);
        Assert.Equal(["Secret plan"], firstList.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task McpWithoutATokenIs401WithBearerChallenge()
    {
        using var client = api.CreateClient();
        using var response = await client.SendAsync(InitializeRequest(authorization: null), Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")]
    public async Task McpWithAnInvalidTokenIs401(string token)
    {
        using var client = api.CreateClient();
        using var response = await client.SendAsync(InitializeRequest(new AuthenticationHeaderValue("Bearer", token)), Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task SdkClientCannotConnectWithoutAValidToken()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var client = await ConnectAsync("not-a-valid-token");
        });

        Assert.True(McpTestClient.IsUnauthorized(error), "expected a 401 from /mcp, got: " + error);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task DeleteAndUpdateAreNotAdvertisedAsIdempotentBecauseRepeatedWordsCanNameAnotherTask()
    {
        var user = await api.CreateUserAsync();
        await SeedAsync(user, "Buy milk", "Buy milk for grandma");
        await using var client = await ConnectAsync(user.Token);
        var tools = (await client.ListToolsAsync(cancellationToken: Cancellation)).ToDictionary(t => t.Name);
        Assert.False(Annotations(tools, "delete_task").IdempotentHint, "delete_task must not be advertised as idempotent");
        Assert.False(Annotations(tools, "update_task").IdempotentHint, "update_task must not be advertised as idempotent");

        // Why: the same words, repeated after the exact match is gone, name the other task.
        var first = await CallAsync(client, "delete_task", new() { ["task"] = "buy milk" });
        Assert.Equal(("deleted", "Buy milk"), (first.GetProperty("action").GetString(), first.GetProperty("task").GetProperty("title").GetString()));
        Assert.Equal(["Buy milk for grandma"], (await RestTasksAsync(user)).Select(t => t.GetProperty("title").GetString()));
        var repeated = await CallAsync(client, "delete_task", new() { ["task"] = "buy milk" });
        Assert.Equal("Buy milk for grandma", repeated.GetProperty("task").GetProperty("title").GetString());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task McpToolChangesAreTheSameTasksTheRestApiServes()
    {
        var user = await api.CreateUserAsync();
        using (var created = await user.Client.PostAsJsonAsync("/api/tasks", new { title = "From REST" }, ApiFixture.Json, Cancellation))
        {
            created.EnsureSuccessStatusCode();
        }

        await using var client = await ConnectAsync(user.Token);
        var added = await CallAsync(client, "add_task", new() { ["title"] = "From MCP" });
        var list = await CallAsync(client, "list_tasks", []);

        Assert.Equal(2, added.GetProperty("task").GetProperty("number").GetInt32());
        Assert.Equal(["From REST", "From MCP"], list.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        Assert.Equal(["From REST", "From MCP"], (await RestTasksAsync(user)).Select(t => t.GetProperty("title").GetString()));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task AddTaskPutsTheTaskInANamedListMadeWhenMissingWithLabelsAndPriority()
    {
        var user = await api.CreateUserAsync();
        await using var client = await ConnectAsync(user.Token);

        var first = await CallAsync(client, "add_task", new()
        {
            ["title"] = "Bananas", ["list"] = "Shopping", ["labels"] = new List<string> { "Errands", "@home" }, ["priority"] = "high",
        });
        var second = await CallAsync(client, "add_task", new() { ["title"] = "Bread", ["list"] = "shopping" });
        var inbox = await CallAsync(client, "add_task", new() { ["title"] = "Call mom" });

        Assert.True(first.GetProperty("list_created").GetBoolean());
        var task = first.GetProperty("task");
        Assert.Equal(("Shopping", "high"), (task.GetProperty("list").GetString(), task.GetProperty("priority").GetString()));
        Assert.Equal(["errands", "home"], task.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["title", "list", "labels", "priority"], first.GetProperty("changed").EnumerateArray().Select(c => c.GetString()));
        Assert.False(second.TryGetProperty("list_created", out _), "the list existed, ignoring case");
        Assert.Equal("Shopping", second.GetProperty("task").GetProperty("list").GetString());
        Assert.Equal("Inbox", inbox.GetProperty("task").GetProperty("list").GetString());
        Assert.False(inbox.GetProperty("task").TryGetProperty("labels", out _), "no labels, no labels field");
        Assert.False(inbox.GetProperty("task").TryGetProperty("priority", out _), "no priority, no priority field");

        var stored = await RestTasksAsync(user);
        Assert.Equal(["Shopping", "Shopping", "Inbox"], stored.Select(t => t.GetProperty("list").GetProperty("name").GetString()));
        Assert.Equal(["errands", "home"], stored[0].GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("high", stored[0].GetProperty("priority").GetString());
        Assert.Equal(["Inbox", "Shopping"], await RestListNamesAsync(user));
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData("labels", "bad label")]
    [InlineData("labels", "")]
    [InlineData("priority", "extreme")]
    [InlineData("list", "   \u0007")]
    public async Task AddTaskRefusesABadArgumentNamingItAndChangesNothing(string argument, string value)
    {
        var user = await api.CreateUserAsync();
        await using var client = await ConnectAsync(user.Token);
        var arguments = new Dictionary<string, object?> { ["title"] = "Bananas", ["list"] = "Shopping" };
        arguments[argument] = argument == "labels" ? new List<string> { "fine", value } : (object)value;

        var result = await CallAsync(client, "add_task", arguments);

        Assert.Equal((false, "invalid", argument),
            (result.GetProperty("ok").GetBoolean(), result.GetProperty("error").GetString(), result.GetProperty("argument").GetString()));
        Assert.Empty(await RestTasksAsync(user));
        Assert.Equal(["Inbox"], await RestListNamesAsync(user));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ALabelsArgumentOfTheWrongShapeIsAToolErrorNamingIt()
    {
        var user = await api.CreateUserAsync();
        await using var client = await ConnectAsync(user.Token);

        var numbers = await client.CallToolAsync("add_task", new Dictionary<string, object?> { ["title"] = "X", ["labels"] = new List<int> { 1, 2 } },
            cancellationToken: Cancellation);
        var text = await client.CallToolAsync("add_task", new Dictionary<string, object?> { ["title"] = "X", ["labels"] = "errands" },
            cancellationToken: Cancellation);
        var tooMany = await client.CallToolAsync("add_task",
            new Dictionary<string, object?> { ["title"] = "X", ["labels"] = Enumerable.Range(0, 101).Select(i => $"l{i}").ToArray() },
            cancellationToken: Cancellation);

        foreach (var result in new[] { numbers, text, tooMany })
        {
            Assert.True(result.IsError);
            Assert.Contains("'labels'", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, StringComparison.Ordinal);
        }

        Assert.Empty(await RestTasksAsync(user));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ListTasksReadsOneListAndFilters()
    {
        var user = await api.CreateUserAsync();
        await using var client = await ConnectAsync(user.Token);
        await CallAsync(client, "add_task", new() { ["title"] = "Milk", ["list"] = "Shopping", ["labels"] = new List<string> { "errands" } });
        await CallAsync(client, "add_task", new() { ["title"] = "Report", ["list"] = "Work", ["priority"] = "high" });
        await CallAsync(client, "add_task", new() { ["title"] = "Stamps", ["labels"] = new List<string> { "errands" }, ["priority"] = "high" });

        var shopping = await CallAsync(client, "list_tasks", new() { ["list"] = "shopping" });
        var errands = await CallAsync(client, "list_tasks", new() { ["filter"] = "@errands" });
        var high = await CallAsync(client, "list_tasks", new() { ["filter"] = "priority:high" });
        var both = await CallAsync(client, "list_tasks", new() { ["filter"] = "@errands & priority:high" });
        var missing = await CallAsync(client, "list_tasks", new() { ["list"] = "Costco" });
        var bad = await CallAsync(client, "list_tasks", new() { ["filter"] = "priority:extreme (" });

        Assert.Equal(("Shopping", 1), (shopping.GetProperty("list").GetString(), shopping.GetProperty("count").GetInt32()));
        Assert.Equal(["Milk"], Titles(shopping));
        Assert.Equal(["Milk", "Stamps"], Titles(errands));
        Assert.Equal(["Report", "Stamps"], Titles(high));
        Assert.Equal(["Stamps"], Titles(both));
        Assert.Equal(("not_found", "list"), (missing.GetProperty("error").GetString(), missing.GetProperty("argument").GetString()));
        Assert.Equal(["Inbox", "Shopping", "Work"], missing.GetProperty("lists").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(("invalid", "filter"), (bad.GetProperty("error").GetString(), bad.GetProperty("argument").GetString()));
        Assert.Equal(["Inbox", "Shopping", "Work"], await RestListNamesAsync(user));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task UpdateTaskMovesLabelsAndSetsThePriority()
    {
        var user = await api.CreateUserAsync();
        await SeedAsync(user, "Buy milk", "Call mom");
        await using var client = await ConnectAsync(user.Token);

        var moved = await CallAsync(client, "update_task", new() { ["task"] = "1", ["list"] = "Shopping" });
        var tagged = await CallAsync(client, "update_task", new() { ["task"] = "milk", ["add_labels"] = new List<string> { "errands", "dairy" } });
        var untagged = await CallAsync(client, "update_task", new() { ["task"] = "1", ["remove_labels"] = new List<string> { "dairy" } });
        var ranked = await CallAsync(client, "update_task", new() { ["task"] = "2", ["priority"] = "low", ["labels"] = new List<string> { "family" } });
        var cleared = await CallAsync(client, "update_task", new() { ["task"] = "2", ["labels"] = Array.Empty<string>() });
        var home = await CallAsync(client, "update_task", new() { ["task"] = "1", ["list"] = "Inbox" });
        var nothing = await CallAsync(client, "update_task", new() { ["task"] = "1" });
        var badPriority = await CallAsync(client, "update_task", new() { ["task"] = "1", ["priority"] = "whenever" });

        Assert.True(moved.GetProperty("list_created").GetBoolean());
        Assert.Equal(["list"], Changed(moved));
        Assert.Equal(["dairy", "errands"], tagged.GetProperty("task").GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["errands"], untagged.GetProperty("task").GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["labels", "priority"], Changed(ranked));
        Assert.Equal(["labels"], Changed(cleared));
        Assert.False(cleared.GetProperty("task").TryGetProperty("labels", out _));
        Assert.Equal(("Inbox", false), (home.GetProperty("task").GetProperty("list").GetString(), home.TryGetProperty("list_created", out _)));
        Assert.Equal("invalid", nothing.GetProperty("error").GetString());
        Assert.Equal(("invalid", "priority"), (badPriority.GetProperty("error").GetString(), badPriority.GetProperty("argument").GetString()));

        var stored = await RestTasksAsync(user);
        Assert.Equal(["Inbox", "Inbox"], stored.Select(t => t.GetProperty("list").GetProperty("name").GetString()));
        Assert.Equal(["errands"], stored[0].GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(("low", 0), (stored[1].GetProperty("priority").GetString(), stored[1].GetProperty("labels").GetArrayLength()));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ListsAreCreatedRenamedListedAndDeleted()
    {
        var user = await api.CreateUserAsync();
        await using var client = await ConnectAsync(user.Token);

        var created = await CallAsync(client, "create_list", new() { ["name"] = "Garden" });
        var again = await CallAsync(client, "create_list", new() { ["name"] = "garden" });
        var renamed = await CallAsync(client, "rename_list", new() { ["list"] = "garden", ["name"] = "Yard" });
        var inbox = await CallAsync(client, "rename_list", new() { ["list"] = "Inbox", ["name"] = "Stuff" });
        await CallAsync(client, "add_task", new() { ["title"] = "Mow the lawn", ["list"] = "Yard" });
        await CallAsync(client, "add_task", new() { ["title"] = "Rake leaves", ["list"] = "Yard" });
        var lists = await CallAsync(client, "list_lists", []);
        var refused = await CallAsync(client, "delete_list", new() { ["list"] = "Yard" });
        var badChoice = await CallAsync(client, "delete_list", new() { ["list"] = "Yard", ["tasks"] = "shred" });
        var deleted = await CallAsync(client, "delete_list", new() { ["list"] = "Yard", ["tasks"] = "move" });
        var gone = await CallAsync(client, "delete_list", new() { ["list"] = "Yard" });

        Assert.Equal(("list_created", "Garden"), (created.GetProperty("action").GetString(), created.GetProperty("list").GetProperty("name").GetString()));
        Assert.Equal("list_exists", again.GetProperty("action").GetString());
        Assert.Equal(("list_renamed", "Yard", "Garden"),
            (renamed.GetProperty("action").GetString(), renamed.GetProperty("list").GetProperty("name").GetString(), renamed.GetProperty("old_name").GetString()));
        Assert.Equal(("invalid", "list"), (inbox.GetProperty("error").GetString(), inbox.GetProperty("argument").GetString()));
        Assert.Equal(
            [("Inbox", true, 0), ("Yard", false, 2)],
            lists.GetProperty("lists").EnumerateArray().Select(l =>
                (l.GetProperty("name").GetString()!, l.GetProperty("is_inbox").GetBoolean(), l.GetProperty("pending_count").GetInt32())));
        Assert.Equal(("has_tasks", 2), (refused.GetProperty("error").GetString(), refused.GetProperty("task_count").GetInt32()));
        Assert.Equal(("invalid", "tasks"), (badChoice.GetProperty("error").GetString(), badChoice.GetProperty("argument").GetString()));
        Assert.Equal(("list_deleted", 2), (deleted.GetProperty("action").GetString(), deleted.GetProperty("tasks_moved").GetInt32()));
        Assert.Equal("not_found", gone.GetProperty("error").GetString());
        Assert.Equal(["Inbox", "Inbox"], (await RestTasksAsync(user)).Select(t => t.GetProperty("list").GetProperty("name").GetString()));
        Assert.Equal(["Inbox"], await RestListNamesAsync(user));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task AnotherUsersListsAndLabelsAreNeitherSeenNorUsed()
    {
        var first = await api.CreateUserAsync();
        var second = await api.CreateUserAsync();
        await using var firstClient = await ConnectAsync(first.Token);
        await using var secondClient = await ConnectAsync(second.Token);
        await CallAsync(firstClient, "add_task", new() { ["title"] = "Secret plan", ["list"] = "Secret", ["labels"] = new List<string> { "hidden" } });

        var lists = await CallAsync(secondClient, "list_lists", []);
        var read = await CallAsync(secondClient, "list_tasks", new() { ["list"] = "Secret" });
        var byLabel = await CallAsync(secondClient, "list_tasks", new() { ["filter"] = "@hidden | #Secret" });
        var rename = await CallAsync(secondClient, "rename_list", new() { ["list"] = "Secret", ["name"] = "Mine" });
        var delete = await CallAsync(secondClient, "delete_list", new() { ["list"] = "Secret", ["tasks"] = "delete" });
        var add = await CallAsync(secondClient, "add_task", new() { ["title"] = "My plan", ["list"] = "Secret" });
        var secondLists = await CallAsync(secondClient, "list_lists", []);

        Assert.Equal(["Inbox"], lists.GetProperty("lists").EnumerateArray().Select(l => l.GetProperty("name").GetString()));
        Assert.Equal(["Inbox"], read.GetProperty("lists").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(0, byLabel.GetProperty("count").GetInt32());
        Assert.Equal("not_found", rename.GetProperty("error").GetString());
        Assert.Equal("not_found", delete.GetProperty("error").GetString());
        Assert.True(add.GetProperty("list_created").GetBoolean(), "naming another user's list makes the caller's own");
        Assert.Equal([("Inbox", 0), ("Secret", 1)],
            secondLists.GetProperty("lists").EnumerateArray().Select(l => (l.GetProperty("name").GetString()!, l.GetProperty("pending_count").GetInt32())));

        var firstTasks = await RestTasksAsync(first);
        var firstTask = Assert.Single(firstTasks);
        Assert.Equal(("Secret plan", "Secret"), (firstTask.GetProperty("title").GetString(), firstTask.GetProperty("list").GetProperty("name").GetString()));
        var firstLists = await CallAsync(firstClient, "list_lists", []);
        Assert.Equal([("Inbox", 0), ("Secret", 1)],
            firstLists.GetProperty("lists").EnumerateArray().Select(l => (l.GetProperty("name").GetString()!, l.GetProperty("pending_count").GetInt32())));
    }

    private static string[] Titles(JsonElement list) => [.. list.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()!)];

    private static string[] Changed(JsonElement result) => [.. result.GetProperty("changed").EnumerateArray().Select(c => c.GetString()!)];

    private static async Task<List<string?>> RestListNamesAsync(TestUser user)
    {
        var lists = await user.Client.GetFromJsonAsync<JsonElement>("/api/lists", ApiFixture.Json, Cancellation);
        return [.. lists.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("name").GetString())];
    }

    private Task<McpClient> ConnectAsync(string token) => McpTestClient.ConnectAsync(api, token, Cancellation);

    /// <summary>Calls a tool; checks it did not fail as a call and that its text content is the same JSON as its structured content.</summary>
    private static async Task<JsonElement> CallAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync(tool, arguments, cancellationToken: Cancellation);
        Assert.NotEqual(true, result.IsError);
        Assert.NotNull(result.StructuredContent);
        var structured = JsonSerializer.SerializeToElement(result.StructuredContent);
        Assert.Equal(JsonValueKind.Object, structured.ValueKind);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.True(JsonElement.DeepEquals(structured, JsonDocument.Parse(text).RootElement),
            $"structured content {structured.GetRawText()} differs from the text {text}");
        return structured;
    }

    private static ToolAnnotations Annotations(Dictionary<string, McpClientTool> tools, string name) =>
        tools[name].ProtocolTool.Annotations ?? throw new InvalidOperationException($"{name} has no annotations");

    private static int[] Numbers(JsonElement tasks) => [.. tasks.EnumerateArray().Select(t => t.GetProperty("number").GetInt32())];

    /// <summary>Creates tasks through the REST API, numbered 1, 2, 3… in order.</summary>
    private static async Task SeedAsync(TestUser user, params string[] titles)
    {
        foreach (var title in titles)
        {
            using var response = await user.Client.PostAsJsonAsync("/api/tasks", new { title }, ApiFixture.Json, Cancellation);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>The user's tasks as GET /api/tasks answers them, in number order.</summary>
    private static async Task<List<JsonElement>> RestTasksAsync(TestUser user)
    {
        var page = await user.Client.GetFromJsonAsync<JsonElement>("/api/tasks?limit=100", ApiFixture.Json, Cancellation);
        return [.. page.GetProperty("items").EnumerateArray().OrderBy(t => t.GetProperty("number").GetInt32())];
    }

    private static HttpRequestMessage InitializeRequest(AuthenticationHeaderValue? authorization)
    {
        const string Initialize = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1.0"}}}
            """;
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent(Initialize, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Authorization = authorization;
        return request;
    }
}

public sealed class SqliteMcpTests(SqliteApi api) : McpTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresMcpTests(PostgresApi api) : McpTests(api), IClassFixture<PostgresApi>;
