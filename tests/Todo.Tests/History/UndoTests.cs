using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Todo.Server.Tasks;
using Todo.Tests.Chat;
using Todo.Tests.Infrastructure;
using Todo.Tests.Tasks;

using static Todo.Tests.History.HistoryTestSupport;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.History;

/// <summary>
/// POST /api/activity/undo and /redo: a single change, a chat turn, a bulk change; the latest batch by default, walking back;
/// redo; refusals (409 naming the task when it changed since, 409 with nothing to undo, 404 for a batch that is not yours).
/// </summary>
public abstract class UndoTests(ApiFixture api)
{
    private const int TestTimeout = 60_000;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeout)]
    public async Task UndoPutsASingleChangeBackAndMarksItsEventsUndone()
    {
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("Buy milk");
        await ActivityEventTests.PatchAsync(user, task.Id, new { title = "Buy bread", priority = "high", labels = HistoryTestSupport.L("shop") });
        var patch = (await user.ActivityAsync())[0];

        var (batch, undoneBatch, undone) = await OkAsync(user.UndoAsync());

        Assert.Equal(patch.Batch(), undoneBatch);
        Assert.Equal(1, undone);
        Assert.NotEqual(patch.Batch(), batch);
        var now = await user.GetTaskAsync(task.Id);
        Assert.Equal(("Buy milk", "none", 0), (now.Title, now.Priority.ToString().ToLowerInvariant(), now.Labels.Count));
        var events = await user.ActivityAsync();
        var undo = events[0];
        Assert.Equal((batch, "updated", "api", false), (undo.Batch(), undo.Kind(), undo.Source(), undo.Undone()));
        Assert.Equal(("\"Buy bread\"", "\"Buy milk\""), undo.Change("title"));
        Assert.Equal(("[\"shop\"]", "[]"), undo.Change("labels"));
        Assert.True(events.Single(e => e.Batch() == patch.Batch()).Undone());
        Assert.False(events.Single(e => e.Kind() == "created").Undone());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task RepeatedUndoWalksBackRedoWalksForwardAndUndoAfterRedoTakesTheRedoneBatchAgain()
    {
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("Plan trip");
        await ActivityEventTests.PatchAsync(user, task.Id, new { title = "Plan the trip" });
        await ActivityEventTests.PatchAsync(user, task.Id, new { is_completed = true });
        var batches = (await user.NewEventsAsync([])).Select(e => e.Batch()).ToList();
        Assert.Equal(3, batches.Distinct().Count());

        Assert.Equal(batches[2], (await OkAsync(user.UndoAsync())).UndoneBatchId);
        Assert.False((await user.GetTaskAsync(task.Id)).IsCompleted);
        Assert.Equal(batches[1], (await OkAsync(user.UndoAsync())).UndoneBatchId);
        Assert.Equal("Plan trip", (await user.GetTaskAsync(task.Id)).Title);
        Assert.Equal(batches[0], (await OkAsync(user.UndoAsync())).UndoneBatchId);

        // Undoing the creation puts the task in the trash (an event of kind deleted), not out of existence.
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync($"/api/tasks/{task.Id}", Cancellation)).StatusCode);
        Assert.Equal("deleted", (await user.ActivityAsync())[0].Kind());
        var trash = await user.Client.GetFromJsonAsync<JsonElement>("/api/trash", Json, Cancellation);
        Assert.Equal([task.Id], trash.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("task").GetProperty("id").GetGuid()));

        var nothing = await AssertProblemAsync(await user.UndoAsync(), 409);
        Assert.Contains("nothing to undo", nothing.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);

        await OkAsync(user.RedoAsync());
        var restored = await user.GetTaskAsync(task.Id);
        Assert.Equal((task.Number, "Plan trip", false), (restored.Number, restored.Title, restored.IsCompleted));
        Assert.Equal("restored", (await user.ActivityAsync())[0].Kind());
        await OkAsync(user.RedoAsync());
        Assert.Equal("Plan the trip", (await user.GetTaskAsync(task.Id)).Title);
        await OkAsync(user.RedoAsync());
        Assert.True((await user.GetTaskAsync(task.Id)).IsCompleted);
        await AssertProblemAsync(await user.RedoAsync(), 409);

        // Everything is done again, so nothing of the original batches shows as undone, and undo takes the last of them again.
        var events = await user.ActivityAsync();
        Assert.All(events.Where(e => batches.Contains(e.Batch())), e => Assert.False(e.Undone(), e.GetRawText()));
        Assert.Equal(batches[2], (await OkAsync(user.UndoAsync())).UndoneBatchId);
        Assert.False((await user.GetTaskAsync(task.Id)).IsCompleted);
        Assert.Equal("Plan the trip", (await user.GetTaskAsync(task.Id)).Title);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task UndoingARedoByItsBatchTakesTheChangeBackAgainAndRedoThenDoesItAgain()
    {
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("Draft");
        await ActivityEventTests.PatchAsync(user, task.Id, new { title = "Final" });
        var change = (await user.ActivityAsync())[0].Batch();
        var undo = await OkAsync(user.UndoAsync());
        var redo = await OkAsync(user.RedoAsync());
        Assert.Equal((change, undo.BatchId), (undo.UndoneBatchId, redo.UndoneBatchId));
        Assert.Equal("Final", (await user.GetTaskAsync(task.Id)).Title);

        var undoRedo = await OkAsync(user.UndoAsync(redo.BatchId));

        Assert.Equal("Draft", (await user.GetTaskAsync(task.Id)).Title);
        var events = await user.ActivityAsync();
        bool UndoneOf(Guid batch) => events.Single(e => e.Batch() == batch).Undone();
        Assert.Equal((true, false, true, false), (UndoneOf(change), UndoneOf(undo.BatchId), UndoneOf(redo.BatchId), UndoneOf(undoRedo.BatchId)));

        // The change is undone again, by the first undo, so redo takes that back: the change is done again.
        Assert.Equal(undo.BatchId, (await OkAsync(user.RedoAsync())).UndoneBatchId);
        Assert.Equal("Final", (await user.GetTaskAsync(task.Id)).Title);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task UndoOfABatchWhoseTaskChangedSinceIsAConflictNamingTheTaskAndChangesNothing()
    {
        var user = await api.CreateUserAsync();
        await user.CreateTaskAsync("Warm up");
        var task = await user.CreateTaskAsync("Buy milk");
        await ActivityEventTests.PatchAsync(user, task.Id, new { title = "Buy oat milk" });
        var retitle = (await user.ActivityAsync())[0].Batch();
        await ActivityEventTests.PatchAsync(user, task.Id, new { title = "Buy soy milk" });
        var before = await user.ActivityAsync();

        var problem = await AssertProblemAsync(await user.UndoAsync(retitle), 409);

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains($"{task.Number}", detail, StringComparison.Ordinal);
        Assert.Contains("Buy oat milk", detail, StringComparison.Ordinal);
        Assert.Equal("Buy soy milk", (await user.GetTaskAsync(task.Id)).Title);
        Assert.Equal(before.Count, (await user.ActivityAsync()).Count);
        Assert.All(await user.ActivityAsync(), e => Assert.False(e.Undone()));

        // A later change of another field is no conflict: the batch's own field is put back.
        await ActivityEventTests.PatchAsync(user, task.Id, new { priority = "low" });
        var latestTitle = before[0].Batch();
        Assert.Equal(latestTitle, (await OkAsync(user.UndoAsync(latestTitle))).UndoneBatchId);
        var now = await user.GetTaskAsync(task.Id);
        Assert.Equal(("Buy oat milk", "low"), (now.Title, now.Priority.ToString().ToLowerInvariant()));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task AnUnknownBatchIsNotFoundAnotherUsersToo()
    {
        var user = await api.CreateUserAsync();
        var other = await api.CreateUserAsync();
        await other.CreateTaskAsync("Theirs");
        var theirs = (await other.ActivityAsync())[0].Batch();

        await AssertProblemAsync(await user.UndoAsync(Guid.NewGuid()), 404);
        await AssertProblemAsync(await user.UndoAsync(theirs), 404);
        Assert.Single((await other.ListAsync()).Items);
        Assert.False((await other.ActivityAsync())[0].Undone());
        var nothing = await AssertProblemAsync(await user.UndoAsync(), 409);
        Assert.Contains("nothing to undo", nothing.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        await AssertProblemAsync(await user.RedoAsync(), 409);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task AnUndoneBatchCannotBeUndoneAgainByItsId()
    {
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("Once");
        await ActivityEventTests.PatchAsync(user, task.Id, new { is_completed = true });
        var batch = (await user.ActivityAsync())[0].Batch();
        await OkAsync(user.UndoAsync(batch));

        await AssertProblemAsync(await user.UndoAsync(batch), 409);
        Assert.False((await user.GetTaskAsync(task.Id)).IsCompleted);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task UndoOfAChatTurnTakesBackWhatTheTurnDid()
    {
        var user = await api.CreateUserAsync();
        var turn = await user.ChatOkAsync("Remind me to call the plumber");
        var created = (await user.ActivityAsync())[0];
        Assert.Equal(("assistant", "created"), (created.Source(), created.Kind()));
        await user.ChatOkAsync("mark it done", turn.ConversationId);
        var completed = (await user.ActivityAsync())[0];

        Assert.Equal(completed.Batch(), (await OkAsync(user.UndoAsync())).UndoneBatchId);
        Assert.False((await user.GetTaskAsync(created.TaskId())).IsCompleted);
        Assert.Equal(created.Batch(), (await OkAsync(user.UndoAsync(created.Batch()))).UndoneBatchId);

        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync($"/api/tasks/{created.TaskId()}", Cancellation)).StatusCode);
        Assert.Empty((await user.ListAsync()).Items);
        var events = await user.ActivityAsync();
        Assert.True(events.Single(e => e.Batch() == created.Batch()).Undone());
        Assert.True(events.Single(e => e.Batch() == completed.Batch()).Undone());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task UndoOfABulkChangeTakesBackEveryTaskAsOneBatch()
    {
        var user = await api.CreateUserAsync();
        var tasks = new List<TaskDto>();
        for (var i = 0; i < 5; i++)
        {
            tasks.Add(await user.CreateTaskAsync($"Task {i}"));
        }

        await ActivityEventTests.PatchAsync(user, tasks[0].Id, new { is_completed = true });
        var bulk = await user.BulkOkAsync(new { action = "add_label", label = "later", ids = tasks.Select(t => t.Id) });
        var deleted = await user.BulkOkAsync(new { action = "delete", filter = "@later" });
        Assert.Equal(5, deleted.GetProperty("changed").GetInt32());

        var undoDelete = await OkAsync(user.UndoAsync());
        Assert.Equal((deleted.GetProperty("batch_id").GetGuid(), 5), (undoDelete.UndoneBatchId, undoDelete.Undone));
        Assert.Equal(5, (await user.ListAsync()).Items.Count);
        Assert.All((await user.ActivityAsync()).Take(5), e => Assert.Equal(("restored", undoDelete.BatchId), (e.Kind(), e.Batch())));

        var undoLabels = await OkAsync(user.UndoAsync());
        Assert.Equal((bulk.GetProperty("batch_id").GetGuid(), 5), (undoLabels.UndoneBatchId, undoLabels.Undone));
        Assert.All((await user.ListAsync()).Items, t => Assert.Empty(t.Labels));
        Assert.True((await user.GetTaskAsync(tasks[0].Id)).IsCompleted);
        var labels = await user.Client.GetFromJsonAsync<JsonElement>("/api/labels", Json, Cancellation);
        Assert.Equal(0, labels.GetProperty("items").GetArrayLength());
    }
}

public sealed class SqliteUndoTests(SqliteApi api) : UndoTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresUndoTests(PostgresApi api) : UndoTests(api), IClassFixture<PostgresApi>;
