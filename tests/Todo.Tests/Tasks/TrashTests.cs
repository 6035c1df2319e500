using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Tasks;
using Todo.Tests.History;
using Todo.Tests.Infrastructure;

using static Todo.Tests.History.HistoryTestSupport;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Tasks;

/// <summary>
/// Deletion moves a task to the trash: gone from every read (lists, counts, labels, list pending counts), listed in
/// GET /api/trash, restored with its number, purged one by one or all; deleting a list trashes its tasks.
/// </summary>
public abstract class TrashTests(ApiFixture api)
{
    private const int TestTimeout = 60_000;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeout)]
    public async Task ADeletedTaskIsGoneFromEveryReadAndComesBackWithItsNumber()
    {
        var user = await api.CreateUserAsync();
        var work = await ActivityEventTests.CreateListAsync(user, "Work");
        var kept = await ActivityEventTests.CreateAsync(user, new { title = "Kept", labels = HistoryTestSupport.L("x"), list_id = work });
        var task = await ActivityEventTests.CreateAsync(user, new { title = "Binned", labels = HistoryTestSupport.L("x", "y"), list_id = work, due_string = "tomorrow" });

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/tasks/{task.Id}", Cancellation)).StatusCode);

        await AssertProblemAsync(await user.Client.GetAsync($"/api/tasks/{task.Id}", Cancellation), 404);
        await AssertProblemAsync(await user.Client.DeleteAsync($"/api/tasks/{task.Id}", Cancellation), 404);
        await AssertProblemAsync(await user.Client.PatchAsJsonAsync($"/api/tasks/{task.Id}", new { title = "No" }, Json, Cancellation), 404);
        Assert.Equal([kept.Id], (await user.ListAsync()).Items.Select(t => t.Id));
        Assert.Equal([kept.Id], (await user.ListAsync("?filter=%40y%20%7C%20%40x")).Items.Select(t => t.Id));
        Assert.Equal([kept.Id], (await user.ListAsync($"?list_id={work}")).Items.Select(t => t.Id));
        Assert.Equal([kept.Id], (await user.Client.GetFromJsonAsync<JsonElement>($"/api/{user.Id}/tasks", Json, Cancellation))
            .GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()));
        Assert.Equal([("x", 1)], await LabelsAsync(user));
        Assert.Equal(1, await PendingAsync(user, work));
        Assert.Equal((1, 1), await CountsAsync(user.Id));

        var trash = await user.Client.GetFromJsonAsync<JsonElement>("/api/trash", Json, Cancellation);
        var item = Assert.Single(trash.GetProperty("items").EnumerateArray());
        Assert.Equal((task.Id, task.Number, "Binned"), (item.GetProperty("task").GetProperty("id").GetGuid(),
            item.GetProperty("task").GetProperty("number").GetInt32(), item.GetProperty("task").GetProperty("title").GetString()));
        Assert.True(item.GetProperty("deleted_at").GetDateTime() > DateTime.UtcNow.AddMinutes(-5));
        Assert.Equal(JsonValueKind.Null, trash.GetProperty("next_cursor").ValueKind);

        var restore = await user.Client.PostAsync($"/api/trash/{task.Id}/restore", null, Cancellation);
        Assert.True(restore.StatusCode == HttpStatusCode.OK, await DescribeAsync(restore));
        var restored = await TaskTestSupport.ReadTaskAsync(restore);
        Assert.Equal((task.Id, task.Number, task.Title, task.List, task.Due), (restored.Id, restored.Number, restored.Title, restored.List, restored.Due));
        Assert.Equal(["x", "y"], restored.Labels);
        Assert.Equal(restored, await user.GetTaskAsync(task.Id));
        Assert.Equal([("x", 2), ("y", 1)], await LabelsAsync(user));
        Assert.Equal(2, await PendingAsync(user, work));
        Assert.Equal(0, (await user.Client.GetFromJsonAsync<JsonElement>("/api/trash", Json, Cancellation)).GetProperty("items").GetArrayLength());
        await AssertProblemAsync(await user.Client.PostAsync($"/api/trash/{task.Id}/restore", null, Cancellation), 404);

        var events = await user.ActivityAsync();
        Assert.Equal(["restored", "deleted"], events.Take(2).Select(e => e.Kind()));
        var next = await user.CreateTaskAsync("After");
        Assert.Equal(task.Number + 1, next.Number);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task TheOriginalDeleteRouteTrashesToo()
    {
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("Old route");

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/{user.Id}/tasks/{task.Id}", Cancellation)).StatusCode);

        await AssertProblemAsync(await user.Client.GetAsync($"/api/{user.Id}/tasks/{task.Id}", Cancellation), 404);
        var stored = await api.WithDbAsync(db => db.Tasks.IgnoreQueryFilters().AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.NotNull(stored.DeletedAt);
        Assert.Equal("deleted", (await user.ActivityAsync())[0].Kind());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task TheTrashPagesMostRecentlyDeletedFirstAndIsTheCallersOnly()
    {
        var user = await api.CreateUserAsync();
        var tasks = new List<TaskDto>();
        for (var i = 0; i < 7; i++)
        {
            tasks.Add(await user.CreateTaskAsync($"Binned {i}"));
        }

        foreach (var task in tasks)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/tasks/{task.Id}", Cancellation)).StatusCode);
        }

        // Three more deleted in one bulk call share one deleted_at: the number breaks the tie.
        var same = new List<TaskDto>();
        for (var i = 0; i < 3; i++)
        {
            same.Add(await user.CreateTaskAsync($"Together {i}"));
        }

        await user.BulkOkAsync(new { action = "delete", ids = same.Select(t => t.Id) });

        var seen = new List<int>();
        string? cursor = null;
        do
        {
            var page = await user.Client.GetFromJsonAsync<JsonElement>(
                "/api/trash?limit=3" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"), Json, Cancellation);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("task").GetProperty("number").GetInt32()));
            cursor = page.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(1, 10).Reverse(), seen);
        await AssertValidationProblemAsync(await user.Client.GetAsync("/api/trash?cursor=bad", Cancellation), "cursor");
        var stranger = await api.CreateUserAsync();
        Assert.Equal(0, (await stranger.Client.GetFromJsonAsync<JsonElement>("/api/trash", Json, Cancellation)).GetProperty("items").GetArrayLength());
        await AssertProblemAsync(await stranger.Client.PostAsync($"/api/trash/{tasks[0].Id}/restore", null, Cancellation), 404);
        await AssertProblemAsync(await stranger.Client.DeleteAsync($"/api/trash/{tasks[0].Id}", Cancellation), 404);
        Assert.Equal(204, (int)(await stranger.Client.DeleteAsync("/api/trash", Cancellation)).StatusCode);
        Assert.Equal(10, await TrashedAsync(user.Id));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task PurgeRemovesOneOrAllForGoodAndLeavesLiveTasks()
    {
        var user = await api.CreateUserAsync();
        var live = await user.CreateTaskAsync("Live");
        var one = await user.CreateTaskAsync("One");
        var two = await user.CreateTaskAsync("Two");
        var three = await user.CreateTaskAsync("Three");
        foreach (var task in new[] { one, two, three })
        {
            await user.Client.DeleteAsync($"/api/tasks/{task.Id}", Cancellation);
        }

        await AssertProblemAsync(await user.Client.DeleteAsync($"/api/trash/{live.Id}", Cancellation), 404);
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/trash/{one.Id}", Cancellation)).StatusCode);
        Assert.Equal(2, await TrashedAsync(user.Id));
        await AssertProblemAsync(await user.Client.DeleteAsync($"/api/trash/{one.Id}", Cancellation), 404);
        await AssertProblemAsync(await user.Client.PostAsync($"/api/trash/{one.Id}/restore", null, Cancellation), 404);

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync("/api/trash", Cancellation)).StatusCode);
        Assert.Equal(0, await TrashedAsync(user.Id));
        Assert.Equal([live.Id], (await user.ListAsync()).Items.Select(t => t.Id));
        Assert.Equal([live.Id], await api.WithDbAsync(db => db.Tasks.IgnoreQueryFilters().Where(t => t.UserId == user.Id).Select(t => t.Id).ToListAsync()));

        // Undoing the deletion of a purged task is refused, naming it.
        var deletion = (await user.ActivityAsync()).First(e => e.Kind() == "deleted" && e.TaskId() == three.Id).Batch();
        var problem = await AssertProblemAsync(await user.UndoAsync(deletion), 409);
        Assert.Contains("Three", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task DeletingAListWithItsTasksTrashesThemRestorableIntoTheInbox()
    {
        var user = await api.CreateUserAsync();
        var list = await ActivityEventTests.CreateListAsync(user, "Project");
        var first = await ActivityEventTests.CreateAsync(user, new { title = "Step one", list_id = list, labels = HistoryTestSupport.L("p") });
        var second = await ActivityEventTests.CreateAsync(user, new { title = "Step two", list_id = list });
        var before = await user.ActivityAsync();

        var delete = await user.Client.DeleteAsync($"/api/lists/{list}?tasks=delete", Cancellation);
        Assert.True(delete.StatusCode == HttpStatusCode.NoContent, await DescribeAsync(delete));

        Assert.Empty((await user.ListAsync()).Items);
        Assert.Empty(await LabelsAsync(user));
        var events = await user.NewEventsAsync(before);
        Assert.Equal(["deleted", "deleted"], events.Select(e => e.Kind()));
        Assert.Single(events.Select(e => e.Batch()).Distinct());
        var restore = await user.Client.PostAsync($"/api/trash/{first.Id}/restore", null, Cancellation);
        Assert.True(restore.StatusCode == HttpStatusCode.OK, await DescribeAsync(restore));
        var restored = await TaskTestSupport.ReadTaskAsync(restore);
        Assert.Equal((first.Number, "Inbox"), (restored.Number, restored.List.Name));
        Assert.Equal(["p"], restored.Labels);
        Assert.Equal([first.Id], (await user.ListAsync()).Items.Select(t => t.Id));
        Assert.Equal(second.Id, (await user.Client.GetFromJsonAsync<JsonElement>("/api/trash", Json, Cancellation))
            .GetProperty("items")[0].GetProperty("task").GetProperty("id").GetGuid());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task AListWhoseOnlyTasksAreInTheTrashCanBeDeletedAndTheyStayRestorable()
    {
        var user = await api.CreateUserAsync();
        var list = await ActivityEventTests.CreateListAsync(user, "Old");
        var task = await ActivityEventTests.CreateAsync(user, new { title = "Forgotten", list_id = list });
        await user.Client.DeleteAsync($"/api/tasks/{task.Id}", Cancellation);
        Assert.Equal(0, await PendingAsync(user, list));

        var delete = await user.Client.DeleteAsync($"/api/lists/{list}", Cancellation);
        Assert.True(delete.StatusCode == HttpStatusCode.NoContent, await DescribeAsync(delete));

        var restore = await user.Client.PostAsync($"/api/trash/{task.Id}/restore", null, Cancellation);
        Assert.True(restore.StatusCode == HttpStatusCode.OK, await DescribeAsync(restore));
        Assert.Equal("Inbox", (await TaskTestSupport.ReadTaskAsync(restore)).List.Name);
    }

    private static async Task<List<(string, int)>> LabelsAsync(TestUser user)
    {
        var labels = await user.Client.GetFromJsonAsync<JsonElement>("/api/labels", Json, Cancellation);
        return [.. labels.GetProperty("items").EnumerateArray().Select(l => (l.GetProperty("name").GetString()!, l.GetProperty("task_count").GetInt32()))];
    }

    private static async Task<int> PendingAsync(TestUser user, Guid listId)
    {
        var lists = await user.Client.GetFromJsonAsync<JsonElement>("/api/lists", Json, Cancellation);
        return lists.GetProperty("items").EnumerateArray().Single(l => l.GetProperty("id").GetGuid() == listId).GetProperty("pending_count").GetInt32();
    }

    /// <summary>TaskService's two counts (what the assistant's totals come from): by status, and by query with a filter.</summary>
    private async Task<(int, int)> CountsAsync(Guid userId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var tasks = scope.ServiceProvider.GetRequiredService<TaskService>();
        return (await tasks.CountAsync(userId, TaskStatusFilter.All, null, Cancellation),
            await tasks.CountAsync(userId, new TaskListQuery { Filter = "@x" }, Cancellation));
    }

    private Task<int> TrashedAsync(Guid userId) =>
        api.WithDbAsync(db => db.Tasks.IgnoreQueryFilters().CountAsync(t => t.UserId == userId && t.DeletedAt != null));
}

public sealed class SqliteTrashTests(SqliteApi api) : TrashTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresTrashTests(PostgresApi api) : TrashTests(api), IClassFixture<PostgresApi>;
