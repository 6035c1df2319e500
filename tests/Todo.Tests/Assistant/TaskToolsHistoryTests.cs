using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Assistant;
using Todo.Tests.Chat;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Assistant;

/// <summary>bulk_tasks, undo_last, restore_task, list_trash, empty_trash and list_activity over a real database.</summary>
public abstract class TaskToolsHistoryTests(ApiFixture api)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Runs <paramref name="action"/> with the tools of a new scope: one request, one batch.</summary>
    private async Task<T> WithToolsAsync<T>(Guid userId, Func<TaskTools, Task<T>> action)
    {
        await using var scope = api.Factory.Services.CreateAsyncScope();
        return await action(AssistantSession.CreateTools(scope.ServiceProvider, userId));
    }

    private async Task<AssistantSession> UserWithAsync(params string[] tasks)
    {
        var session = await AssistantSession.StartAsync(api);
        await session.SeedAsync(tasks);
        return session;
    }

    private Task<List<Guid>> BatchesAsync(Guid userId) =>
        api.WithDbAsync(db => db.Activity.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Seq).Select(a => a.BatchId).ToListAsync());

    [Fact]
    public async Task BulkByFilterChangesTheMatchedTasksAsOneBatch()
    {
        var session = await UserWithAsync("Milk #Shopping", "Eggs #Shopping", "[x] Bread #Shopping", "Call mom");
        var before = (await BatchesAsync(session.UserId)).Count;

        var result = Assert.IsType<BulkToolResult>(await WithToolsAsync(session.UserId, tools => tools.BulkTasksAsync("complete", filter: "#Shopping")));

        Assert.Equal(("bulk_changed", "complete", 3, 2), (result.Action, result.BulkAction, result.Matched, result.Changed));
        Assert.Equal([1, 2, 3], result.Tasks.Select(t => t.Number));
        Assert.Empty(result.Failed);
        Assert.Equal([true, true, true, false], (await session.StoredTasksAsync()).Select(t => t.IsCompleted));
        var batches = (await BatchesAsync(session.UserId)).Skip(before).ToList();
        Assert.Equal(2, batches.Count);
        Assert.Single(batches.Distinct());
    }

    [Fact]
    public async Task BulkByNumbersReportsTheNumbersThatNameNoTaskAndChangesTheOthers()
    {
        var session = await UserWithAsync("Milk", "Eggs", "Bread");

        var result = Assert.IsType<BulkToolResult>(await WithToolsAsync(session.UserId, tools => tools.BulkTasksAsync("delete", tasks: ["1", "#3", "9"])));

        Assert.Equal((2, 2), (result.Matched, result.Changed));
        var failure = Assert.Single(result.Failed);
        Assert.Equal(9, failure.Task);
        Assert.Contains("#9", failure.Detail, StringComparison.Ordinal);
        Assert.Equal(["Eggs"], (await session.StoredTasksAsync()).Select(t => t.Title));
    }

    [Fact]
    public async Task BulkMovesToAListItMakesAndSaysSo()
    {
        var session = await UserWithAsync("Milk", "Eggs");

        var result = Assert.IsType<BulkToolResult>(await WithToolsAsync(session.UserId, tools => tools.BulkTasksAsync("move", tasks: ["1", "2"], list: "Groceries")));

        Assert.True(result.ListCreated);
        Assert.Equal(2, result.Changed);
        Assert.All(await session.StoredTasksWithPartsAsync(), t => Assert.Equal("Groceries", t.List!.Name));
    }

    [Fact]
    public async Task BulkDueOfADayKeepsEachTasksTimeAndAllDayDropsIt()
    {
        var session = await UserWithAsync("Dentist ^2030-01-02T10:00", "Bill ^2030-01-03");

        await WithToolsAsync(session.UserId, tools => tools.BulkTasksAsync("set_due", tasks: ["1", "2"], due: "2030-01-07"));
        var moved = (await session.StoredTasksAsync()).OrderBy(t => t.Number).Select(t => (t.DueDate, t.DueTime)).ToList();
        await WithToolsAsync(session.UserId, tools => tools.BulkTasksAsync("set_due", tasks: ["1", "2"], due: "2030-01-08 all day"));
        var allDay = (await session.StoredTasksAsync()).OrderBy(t => t.Number).Select(t => (t.DueDate, t.DueTime)).ToList();

        Assert.Equal([(new DateOnly(2030, 1, 7), new TimeOnly(10, 0)), (new DateOnly(2030, 1, 7), (TimeOnly?)null)], moved);
        Assert.Equal([(new DateOnly(2030, 1, 8), (TimeOnly?)null), (new DateOnly(2030, 1, 8), (TimeOnly?)null)], allDay);
    }

    [Theory]
    [InlineData("explode", "#Shopping", null, "action")]
    [InlineData("complete", null, null, "filter")]
    [InlineData("complete", "#Shopping", "1", "filter")]
    [InlineData("move", "#Shopping", null, "list")]
    [InlineData("complete", "((", null, "filter")]
    public async Task BulkRefusesWhatItCannotDoAndChangesNothing(string action, string? filter, string? number, string argument)
    {
        var session = await UserWithAsync("Milk #Shopping");

        var result = await WithToolsAsync(session.UserId, tools => tools.BulkTasksAsync(action, filter, number is null ? null : [number]));

        var error = Assert.IsType<TaskToolError>(result);
        Assert.Equal(("invalid", argument), (error.Error, error.Argument));
        Assert.False(Assert.Single(await session.StoredTasksAsync()).IsCompleted);
    }

    [Fact]
    public async Task UndoLastAfterAChatTurnTakesBackTheWholeTurn()
    {
        var user = await api.CreateUserAsync();
        var session = new AssistantSession(api, user.Id);
        await session.SeedAsync("Buy groceries", "Team meeting", "Call mom");

        await user.ChatOkAsync("complete tasks 1 and 3");
        Assert.Equal([true, false, true], (await session.StoredTasksAsync()).Select(t => t.IsCompleted));

        var result = Assert.IsType<UndoToolResult>(await WithToolsAsync(user.Id, tools => tools.UndoLastAsync()));

        Assert.Equal(2, result.Undone);
        Assert.Equal([(1, "reopened"), (3, "reopened")], result.Tasks.Select(t => (t.Number, t.Kind)).Order());
        Assert.All(await session.StoredTasksAsync(), t => Assert.False(t.IsCompleted));
        var activity = await user.Client.GetFromJsonAsync<JsonElement>("/api/activity?limit=4", ApiFixture.Json, Cancellation);
        var turn = activity.GetProperty("items").EnumerateArray().Skip(2).Select(e => e.GetProperty("source").GetString()).ToList();
        Assert.Equal(["assistant", "assistant"], turn);
    }

    [Fact]
    public async Task UndoLastWithNothingToUndoIsAReadableError()
    {
        var session = await UserWithAsync();

        var error = Assert.IsType<TaskToolError>(await WithToolsAsync(session.UserId, tools => tools.UndoLastAsync()));

        Assert.Equal("nothing_to_undo", error.Error);
        Assert.Contains("nothing to undo", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RestoreBringsATaskBackWithItsNumberByTitleOrNumber()
    {
        var session = await UserWithAsync("Buy groceries", "[del] Buy milk #Shopping", "[del] Dentist", "Call mom");

        var trash = Assert.IsType<TrashListResult>(await WithToolsAsync(session.UserId, tools => tools.ListTrashAsync()));
        Assert.Equal([2, 3], trash.Tasks.Select(t => t.Number).Order());
        var byWords = Assert.IsType<TaskActionResult>(await WithToolsAsync(session.UserId, tools => tools.RestoreTaskAsync("the milk task")));
        var byNumber = Assert.IsType<TaskActionResult>(await WithToolsAsync(session.UserId, tools => tools.RestoreTaskAsync("3")));

        Assert.Equal(("restored", 2, "Shopping"), (byWords.Action, byWords.Task.Number, byWords.Task.List));
        Assert.Equal(3, byNumber.Task.Number);
        Assert.Equal([1, 2, 3, 4], (await session.StoredTasksAsync()).Select(t => t.Number));
        var notTrashed = Assert.IsType<TaskToolError>(await WithToolsAsync(session.UserId, tools => tools.RestoreTaskAsync("1")));
        Assert.Equal("not_found", notTrashed.Error);
    }

    [Fact]
    public async Task EmptyTrashRemovesOnlyTheTrashForGood()
    {
        var session = await UserWithAsync("Keep", "[del] Gone", "[del] Gone too");

        var result = Assert.IsType<TrashEmptiedResult>(await WithToolsAsync(session.UserId, tools => tools.EmptyTrashAsync()));

        Assert.Equal(2, result.Removed);
        Assert.Empty(Assert.IsType<TrashListResult>(await WithToolsAsync(session.UserId, tools => tools.ListTrashAsync())).Tasks);
        Assert.Equal(["Keep"], (await session.StoredTasksAsync()).Select(t => t.Title));
        var all = await api.WithDbAsync(db => db.Tasks.IgnoreQueryFilters().CountAsync(t => t.UserId == session.UserId));
        Assert.Equal(1, all);
    }

    [Fact]
    public async Task ListActivityGroupsBatchesAndFiltersBySource()
    {
        var session = await UserWithAsync("Milk", "Eggs");
        await WithToolsAsync(session.UserId, tools => tools.BulkTasksAsync("complete", tasks: ["1", "2"]));

        var all = Assert.IsType<ActivityListResult>(await WithToolsAsync(session.UserId, tools => tools.ListActivityAsync()));
        var assistant = Assert.IsType<ActivityListResult>(await WithToolsAsync(session.UserId, tools => tools.ListActivityAsync(source: "assistant", day: "today")));

        Assert.Equal(4, all.Count);
        Assert.Equal([1, 1, 2, 2], all.Events.Select(e => e.Batch));
        Assert.Equal(["completed", "completed"], assistant.Events.Select(e => e.Kind));
        Assert.All(assistant.Events, e => Assert.Equal("assistant", e.Source));
        Assert.Equal("invalid", Assert.IsType<TaskToolError>(await WithToolsAsync(session.UserId, tools => tools.ListActivityAsync(source: "fax"))).Error);
    }
}

public sealed class SqliteTaskToolsHistoryTests(SqliteApi api) : TaskToolsHistoryTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresTaskToolsHistoryTests(PostgresApi api) : TaskToolsHistoryTests(api), IClassFixture<PostgresApi>;
