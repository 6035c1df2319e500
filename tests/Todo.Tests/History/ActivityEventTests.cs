using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using Todo.Server.Components;
using Todo.Server.Tasks;
using Todo.Tests.Chat;
using Todo.Tests.Infrastructure;
using Todo.Tests.Tasks;

using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.History;

/// <summary>
/// Every kind of event (created, updated, completed, reopened, deleted, restored, moved, recurred) from every source (REST,
/// the page, the assistant, MCP), with its changes as field → [before, after] and one batch per request, turn or page action.
/// </summary>
public abstract class ActivityEventTests(ApiFixture api)
{
    private const int TestTimeout = 60_000;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeout)]
    public async Task EveryKindOfChangeThroughRestIsOneApiEventWithItsChangesAndABatchOfItsOwn()
    {
        var user = await api.CreateUserAsync();
        var errands = await CreateListAsync(user, "Errands");

        var create = await user.Client.PostAsJsonAsync(
            "/api/tasks", new { title = "Buy milk", labels = HistoryTestSupport.L("shop"), priority = "high" }, HistoryTestSupport.Json, Cancellation);
        Assert.True(create.StatusCode == HttpStatusCode.Created, await DescribeAsync(create));
        var task = await TaskTestSupport.ReadTaskAsync(create);
        await PatchAsync(user, task.Id, new { title = "Buy oat milk" });
        var completed = await PatchAsync(user, task.Id, new { is_completed = true });
        await PatchAsync(user, task.Id, new { is_completed = false });
        await PatchAsync(user, task.Id, new { list_id = errands });
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/tasks/{task.Id}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.PostAsync($"/api/trash/{task.Id}/restore", null, Cancellation)).StatusCode);
        var daily = await CreateAsync(user, new { title = "Water plants", due_string = "every day" });
        var moved = await PatchAsync(user, daily.Id, new { is_completed = true });

        var events = await user.NewEventsAsync([]);

        Assert.Equal(
            ["created", "updated", "completed", "reopened", "moved", "deleted", "restored", "created", "recurred"],
            events.Select(e => e.Kind()));
        Assert.All(events, e => Assert.Equal("api", e.Source()));
        Assert.Equal(events.Count, events.Select(e => e.Batch()).Distinct().Count());
        Assert.All(events, e => Assert.False(e.Undone()));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.GetProperty("id").GetInt64()));
        Assert.All(events[..7], e => Assert.Equal((task.Id, task.Number), (e.TaskId(), e.GetProperty("task").GetProperty("number").GetInt32())));

        var created = events[0];
        Assert.Equal("Buy milk", created.GetProperty("task").GetProperty("title").GetString());
        Assert.Equal(("null", "\"Buy milk\""), created.Change("title"));
        Assert.Equal(("null", "[\"shop\"]"), created.Change("labels"));
        Assert.Equal(("null", "\"high\""), created.Change("priority"));
        Assert.Contains("\"Inbox\"", created.Change("list").After, StringComparison.Ordinal);
        Assert.DoesNotContain("is_completed", created.ChangedFields());

        Assert.Equal(["title"], events[1].ChangedFields());
        Assert.Equal(("\"Buy milk\"", "\"Buy oat milk\""), events[1].Change("title"));
        Assert.Equal("Buy oat milk", events[1].GetProperty("task").GetProperty("title").GetString());

        Assert.Equal(["completed_at", "is_completed"], events[2].ChangedFields());
        Assert.Equal(("false", "true"), events[2].Change("is_completed"));
        Assert.Equal("null", events[2].Change("completed_at").Before);
        Assert.Equal(completed.CompletedAt, JsonSerializer.Deserialize<DateTime>(events[2].Change("completed_at").After).ToUniversalTime());
        Assert.Equal(("true", "false"), events[3].Change("is_completed"));
        Assert.Equal("null", events[3].Change("completed_at").After);

        Assert.Equal(["list"], events[4].ChangedFields());
        var (from, to) = events[4].Change("list");
        Assert.Contains("\"Inbox\"", from, StringComparison.Ordinal);
        Assert.Contains($"\"{errands}\"", to, StringComparison.Ordinal);
        Assert.Contains("\"Errands\"", to, StringComparison.Ordinal);

        Assert.Empty(events[5].ChangedFields()); // deleted: the task itself went, no field changed
        Assert.Empty(events[6].ChangedFields());

        var recurred = events[8];
        Assert.Equal(daily.Id, recurred.TaskId());
        Assert.Equal(["due"], recurred.ChangedFields());
        var (dueBefore, dueAfter) = recurred.Change("due");
        Assert.Contains(daily.Due!.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), dueBefore, StringComparison.Ordinal);
        Assert.Contains(moved.Due!.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), dueAfter, StringComparison.Ordinal);
        Assert.Contains("FREQ=DAILY", dueAfter, StringComparison.Ordinal);
        Assert.False(moved.IsCompleted);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task APatchThatRetitlesAndCompletesIsTwoEventsOfOneBatch()
    {
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("Call mom");
        var before = await user.ActivityAsync();

        await PatchAsync(user, task.Id, new { title = "Call mom back", is_completed = true });

        var events = await user.NewEventsAsync(before);
        Assert.Equal(["updated", "completed"], events.Select(e => e.Kind()));
        Assert.Single(events.Select(e => e.Batch()).Distinct());
        Assert.NotEqual(before.Single().Batch(), events[0].Batch());
        Assert.Equal(("\"Call mom\"", "\"Call mom back\""), events[0].Change("title"));
        Assert.Equal(("false", "true"), events[1].Change("is_completed"));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task OriginalRoutesAndPutAreRecordedToo()
    {
        var user = await api.CreateUserAsync();
        var create = await user.Client.PostAsJsonAsync($"/api/{user.Id}/tasks", new { title = "Old route" }, HistoryTestSupport.Json, Cancellation);
        var task = await TaskTestSupport.ReadTaskAsync(create);
        var put = await user.Client.PutAsJsonAsync($"/api/{user.Id}/tasks/{task.Id}", new { title = "Old route, replaced", description = "d" }, HistoryTestSupport.Json, Cancellation);
        Assert.True(put.IsSuccessStatusCode, await DescribeAsync(put));
        var toggle = await user.Client.PatchAsync($"/api/{user.Id}/tasks/{task.Id}/complete", null, Cancellation);
        Assert.True(toggle.IsSuccessStatusCode, await DescribeAsync(toggle));
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/{user.Id}/tasks/{task.Id}", Cancellation)).StatusCode);

        var events = await user.NewEventsAsync([]);

        Assert.Equal(["created", "updated", "completed", "deleted"], events.Select(e => e.Kind()));
        Assert.Equal(["description", "title"], events[1].ChangedFields());
        Assert.Equal(("null", "\"d\""), events[1].Change("description"));
        Assert.All(events, e => Assert.Equal("api", e.Source()));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task APageActionIsOneWebBatchAndTheNextActionAnother()
    {
        var user = await api.CreateUserAsync();
        var scopes = api.Services.GetRequiredService<IServiceScopeFactory>();

        var created = await scopes.RunAsync<TaskService, TaskItem>(async tasks =>
        {
            var task = await tasks.CreateAsync(user.Id, "From the page", null, Cancellation);
            return (await tasks.SetCompletedAsync(user.Id, TaskKey.ById(task.Id), true, Cancellation))!;
        });
        await scopes.RunAsync<TaskService, TaskItem?>(tasks => tasks.DeleteAsync(user.Id, TaskKey.ById(created.Id), Cancellation));

        var events = await user.NewEventsAsync([]);
        Assert.Equal(["created", "completed", "deleted"], events.Select(e => e.Kind()));
        Assert.All(events, e => Assert.Equal("web", e.Source()));
        Assert.Equal(events[0].Batch(), events[1].Batch());
        Assert.NotEqual(events[1].Batch(), events[2].Batch());
        Assert.All(events, e => Assert.Equal(created.Id, e.TaskId()));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task AChatTurnIsOneAssistantBatch()
    {
        var user = await api.CreateUserAsync();

        var first = await user.ChatOkAsync("Remind me to call the plumber");
        await user.ChatOkAsync("mark it done", first.ConversationId);

        var events = await user.NewEventsAsync([]);
        Assert.Equal(["created", "completed"], events.Select(e => e.Kind()));
        Assert.All(events, e => Assert.Equal("assistant", e.Source()));
        Assert.NotEqual(events[0].Batch(), events[1].Batch());
        Assert.Equal(("null", "\"Call the plumber\""), events[0].Change("title"));
        Assert.Equal(("false", "true"), events[1].Change("is_completed"));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task EachMcpToolCallIsOneMcpBatch()
    {
        var user = await api.CreateUserAsync();
        await using var client = await McpTestClient.ConnectAsync(api, user.Token, Cancellation);

        await CallAsync(client, "add_task", new() { ["title"] = "Buy milk" });
        await CallAsync(client, "update_task", new() { ["task"] = "1", ["title"] = "Buy bread" });
        await CallAsync(client, "complete_task", new() { ["task"] = "1" });
        await CallAsync(client, "reopen_task", new() { ["task"] = "1" });
        await CallAsync(client, "delete_task", new() { ["task"] = "1" });

        var events = await user.NewEventsAsync([]);
        Assert.Equal(["created", "updated", "completed", "reopened", "deleted"], events.Select(e => e.Kind()));
        Assert.All(events, e => Assert.Equal("mcp", e.Source()));
        Assert.Equal(events.Count, events.Select(e => e.Batch()).Distinct().Count());
        Assert.Equal(("\"Buy milk\"", "\"Buy bread\""), events[1].Change("title"));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ActivityPagesNewestFirstWithACursorAndByTask()
    {
        var user = await api.CreateUserAsync();
        var first = await user.CreateTaskAsync("First");
        var second = await user.CreateTaskAsync("Second");
        for (var i = 0; i < 3; i++)
        {
            await PatchAsync(user, first.Id, new { title = $"First {i}" });
            await PatchAsync(user, second.Id, new { title = $"Second {i}" });
        }

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var response = await user.Client.GetFromJsonAsync<JsonElement>(
                "/api/activity?limit=3" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"), HistoryTestSupport.Json, Cancellation);
            var items = response.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 3);
            seen.AddRange(items.Select(e => e.GetProperty("id").GetInt64()));
            cursor = response.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(1, 8).Reverse().Select(i => (long)i), seen);
        var ofFirst = await user.ActivityAsync($"?task_id={first.Id}");
        Assert.Equal(4, ofFirst.Count);
        Assert.All(ofFirst, e => Assert.Equal(first.Id, e.TaskId()));
        await AssertValidationProblemAsync(await user.Client.GetAsync("/api/activity?cursor=nonsense", Cancellation), "cursor");

        var stranger = await api.CreateUserAsync();
        Assert.Empty(await stranger.ActivityAsync());
        Assert.Empty(await stranger.ActivityAsync($"?task_id={first.Id}"));
    }

    internal static async Task<Guid> CreateListAsync(TestUser user, string name)
    {
        var response = await user.Client.PostAsJsonAsync("/api/lists", new { name }, HistoryTestSupport.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await DescribeAsync(response));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(HistoryTestSupport.Json)).GetProperty("id").GetGuid();
    }

    internal static async Task<TaskDto> CreateAsync(TestUser user, object body)
    {
        var response = await user.Client.PostAsJsonAsync("/api/tasks", body, HistoryTestSupport.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await DescribeAsync(response));
        return await TaskTestSupport.ReadTaskAsync(response);
    }

    internal static async Task<TaskDto> PatchAsync(TestUser user, Guid id, object body)
    {
        var response = await user.Client.PatchAsJsonAsync($"/api/tasks/{id}", body, HistoryTestSupport.Json);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        return await TaskTestSupport.ReadTaskAsync(response);
    }

    private static async Task CallAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync(tool, arguments, cancellationToken: Cancellation);
        Assert.NotEqual(true, result.IsError);
        var structured = JsonSerializer.SerializeToElement(result.StructuredContent);
        Assert.True(structured.GetProperty("ok").GetBoolean(), structured.GetRawText());
    }
}

public sealed class SqliteActivityEventTests(SqliteApi api) : ActivityEventTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresActivityEventTests(PostgresApi api) : ActivityEventTests(api), IClassFixture<PostgresApi>;
