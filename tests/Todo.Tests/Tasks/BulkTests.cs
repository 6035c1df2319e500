using System.Net.Http.Json;
using System.Text.Json;
using Todo.Server.Tasks;
using Todo.Tests.History;
using Todo.Tests.Infrastructure;

using static Todo.Tests.History.HistoryTestSupport;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Tasks;

/// <summary>
/// POST /api/tasks/bulk: every action, by ids and by filter, as one batch; matched against changed; partial failures
/// (unknown ids, someone else's, a task that cannot take the label); 400s that change nothing.
/// </summary>
public abstract class BulkTests(ApiFixture api)
{
    private const int TestTimeout = 60_000;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeout)]
    public async Task CompleteByIdsCountsOnlyTasksThatChangedAndMovesARepeatingTaskOn()
    {
        var user = await api.CreateUserAsync();
        var open = await user.CreateTaskAsync("Open");
        var done = await user.CreateTaskAsync("Done");
        var doneBefore = await ActivityEventTests.PatchAsync(user, done.Id, new { is_completed = true });
        var daily = await ActivityEventTests.CreateAsync(user, new { title = "Daily", due_string = "every day" });
        var before = await user.ActivityAsync();

        var answer = await user.BulkOkAsync(new { action = "complete", ids = new[] { open.Id, done.Id, daily.Id, open.Id } });

        Assert.Equal((3, 2, 0), (answer.GetProperty("matched").GetInt32(), answer.GetProperty("changed").GetInt32(), answer.GetProperty("failed").GetArrayLength()));
        Assert.True((await user.GetTaskAsync(open.Id)).IsCompleted);
        var moved = await user.GetTaskAsync(daily.Id);
        Assert.False(moved.IsCompleted);
        Assert.True(moved.Due!.Date > daily.Due!.Date);
        Assert.Equal(doneBefore, await user.GetTaskAsync(done.Id));
        var events = await user.NewEventsAsync(before);
        Assert.Equal([(open.Id, "completed"), (daily.Id, "recurred")], events.Select(e => (e.TaskId(), e.Kind())).OrderBy(e => e.Item2, StringComparer.Ordinal));
        Assert.All(events, e => Assert.Equal((answer.GetProperty("batch_id").GetGuid(), "api"), (e.Batch(), e.Source())));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task EveryActionByFilter()
    {
        var user = await api.CreateUserAsync();
        var errands = await ActivityEventTests.CreateListAsync(user, "Errands");
        var a = await ActivityEventTests.CreateAsync(user, new { title = "Milk", labels = HistoryTestSupport.L("shop") });
        var b = await ActivityEventTests.CreateAsync(user, new { title = "Bread", labels = HistoryTestSupport.L("shop", "old") });
        var c = await ActivityEventTests.CreateAsync(user, new { title = "Call mom" });

        var completed = await user.BulkOkAsync(new { action = "complete", filter = "@shop" });
        Assert.Equal((2, 2), Counts(completed));
        var afterComplete = await CompletedAsync(user, a, b, c);
        Assert.Equal([true, true, false], afterComplete);

        var reopened = await user.BulkOkAsync(new { action = "reopen", filter = "completed" });
        Assert.Equal((2, 2), Counts(reopened));
        var afterReopen = await CompletedAsync(user, a, b, c);
        Assert.Equal([false, false, false], afterReopen);

        var moved = await user.BulkOkAsync(new { action = "move", filter = "@shop", list_id = errands });
        Assert.Equal((2, 2), Counts(moved));
        Assert.Equal(["Errands", "Errands", "Inbox"], await ListsAsync(user, a, b, c));
        Assert.Equal((2, 0), Counts(await user.BulkOkAsync(new { action = "move", filter = "#Errands", list_id = errands })));

        var labelled = await user.BulkOkAsync(new { action = "add_label", filter = "#Inbox | @old", label = "Later" });
        Assert.Equal((2, 2), Counts(labelled));
        Assert.Equal(["later", "old", "shop"], (await user.GetTaskAsync(b.Id)).Labels);
        Assert.Equal(["later"], (await user.GetTaskAsync(c.Id)).Labels);

        var unlabelled = await user.BulkOkAsync(new { action = "remove_label", filter = "@shop", label = "shop" });
        Assert.Equal((2, 2), Counts(unlabelled));
        Assert.Equal(["later", "old"], (await user.GetTaskAsync(b.Id)).Labels);
        Assert.Empty((await user.GetTaskAsync(a.Id)).Labels);

        var prioritized = await user.BulkOkAsync(new { action = "set_priority", filter = "@later", priority = "high" });
        Assert.Equal((2, 2), Counts(prioritized));
        Assert.Equal([TaskPriority.None, TaskPriority.High, TaskPriority.High], await PrioritiesAsync(user, a, b, c));

        var due = await user.BulkOkAsync(new { action = "set_due", filter = "priority:high", due_string = "tomorrow" });
        Assert.Equal((2, 2), Counts(due));
        var tomorrow = (await user.GetTaskAsync(b.Id)).Due!.Date;
        Assert.Equal(tomorrow, (await user.GetTaskAsync(c.Id)).Due!.Date);
        Assert.Null((await user.GetTaskAsync(a.Id)).Due);
        Assert.Equal((2, 2), Counts(await user.BulkOkAsync(new { action = "set_due", filter = "tomorrow" })));
        Assert.Null((await user.GetTaskAsync(b.Id)).Due);

        var deleted = await user.BulkOkAsync(new { action = "delete", filter = "#Errands" });
        Assert.Equal((2, 2), Counts(deleted));
        Assert.Equal([c.Id], (await user.ListAsync()).Items.Select(t => t.Id));
        Assert.Equal((0, 0), Counts(await user.BulkOkAsync(new { action = "delete", filter = "#Errands" })));

        // Each call is one batch: its events share its batch id.
        var events = await user.ActivityAsync();
        foreach (var answer in new[] { completed, reopened, moved, labelled, unlabelled, prioritized, due, deleted })
        {
            var batch = answer.GetProperty("batch_id").GetGuid();
            Assert.Equal(2, events.Count(e => e.Batch() == batch));
        }

        Assert.Equal(["deleted", "deleted"], events.Where(e => e.Batch() == deleted.GetProperty("batch_id").GetGuid()).Select(e => e.Kind()));
        Assert.All(events.Where(e => e.Batch() == moved.GetProperty("batch_id").GetGuid()), e => Assert.Equal("moved", e.Kind()));
        Assert.All(events.Where(e => e.Batch() == labelled.GetProperty("batch_id").GetGuid()), e => Assert.Equal(["labels"], e.ChangedFields()));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ATaskAtTheLabelLimitFailsAloneAndTheOthersChange()
    {
        var user = await api.CreateUserAsync();
        var full = await ActivityEventTests.CreateAsync(user, new { title = "Full", labels = Enumerable.Range(1, 20).Select(i => $"l{i}") });
        var roomy = await user.CreateTaskAsync("Roomy");
        var already = await ActivityEventTests.CreateAsync(user, new { title = "Full with it", labels = Enumerable.Range(1, 19).Select(i => $"l{i}").Append("extra") });

        var answer = await user.BulkOkAsync(new { action = "add_label", ids = new[] { full.Id, roomy.Id, already.Id }, label = "extra" });

        Assert.Equal((3, 1), Counts(answer));
        var failure = Assert.Single(answer.GetProperty("failed").EnumerateArray());
        Assert.Equal(full.Id, failure.GetProperty("id").GetGuid());
        Assert.Contains("20", failure.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(20, (await user.GetTaskAsync(full.Id)).Labels.Count);
        Assert.DoesNotContain("extra", (await user.GetTaskAsync(full.Id)).Labels);
        Assert.Equal(["extra"], (await user.GetTaskAsync(roomy.Id)).Labels);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task UnknownIdsAndSomeoneElsesAreReportedAndNothingOfTheirsChanges()
    {
        var user = await api.CreateUserAsync();
        var other = await api.CreateUserAsync();
        var mine = await user.CreateTaskAsync("Mine");
        var theirs = await other.CreateTaskAsync("Theirs");
        var unknown = Guid.NewGuid();
        var theirEvents = await other.ActivityAsync();

        foreach (var action in new object[]
        {
            new { action = "complete", ids = new[] { mine.Id, theirs.Id, unknown } },
            new { action = "delete", ids = new[] { theirs.Id, unknown } },
            new { action = "add_label", ids = new[] { theirs.Id }, label = "hacked" },
        })
        {
            var answer = await user.BulkOkAsync(action);
            var failed = answer.GetProperty("failed").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetGuid(), f => f.GetProperty("detail").GetString()!);
            Assert.Contains(theirs.Id, failed.Keys);
            Assert.All(failed.Values, detail => Assert.Contains("no task with this id", detail, StringComparison.Ordinal));
            Assert.DoesNotContain(mine.Id, failed.Keys);
        }

        Assert.True((await user.GetTaskAsync(mine.Id)).IsCompleted);
        Assert.Equal(theirs, await other.GetTaskAsync(theirs.Id));
        Assert.Equal(theirEvents.Count, (await other.ActivityAsync()).Count);

        // A filter only ever sees the caller's tasks.
        var all = await user.BulkOkAsync(new { action = "set_priority", filter = "pending | completed", priority = "low" });
        Assert.Equal((1, 1), Counts(all));
        Assert.Equal(theirs, await other.GetTaskAsync(theirs.Id));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task BadRequestsAre400sNamingTheFieldAndChangeNothing()
    {
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("Untouched");
        var before = await user.ActivityAsync();
        var many = Enumerable.Range(0, 1001).Select(_ => Guid.NewGuid()).Prepend(task.Id).ToArray();

        await AssertValidationProblemAsync(await user.BulkAsync(new { action = "complete", ids = many }), "ids");
        await AssertValidationProblemAsync(await user.BulkAsync(new { action = "complete", filter = "@@(" }), "filter");
        await AssertValidationProblemAsync(await user.BulkAsync(new { action = "complete" }), "ids");
        await AssertValidationProblemAsync(await user.BulkAsync(new { action = "complete", ids = new[] { task.Id }, filter = "pending" }), "ids");
        await AssertValidationProblemAsync(await user.BulkAsync(new { action = "move", ids = new[] { task.Id }, list_id = Guid.NewGuid() }), "list_id");
        await AssertValidationProblemAsync(await user.BulkAsync(new { action = "move", ids = new[] { task.Id } }), "list_id");
        await AssertValidationProblemAsync(await user.BulkAsync(new { action = "add_label", ids = new[] { task.Id }, label = "two words" }), "label");
        await AssertValidationProblemAsync(await user.BulkAsync(new { action = "remove_label", ids = new[] { task.Id } }), "label");
        await AssertValidationProblemAsync(await user.BulkAsync(new { action = "set_priority", ids = new[] { task.Id } }), "priority");
        await AssertValidationProblemAsync(await user.BulkAsync(new { action = "set_due", ids = new[] { task.Id }, due_string = "when pigs fly" }), "due_string");
        var unknownAction = await AssertProblemAsync(await user.BulkAsync(new { action = "explode", ids = new[] { task.Id } }), 400);
        Assert.Contains("action", unknownAction.GetRawText(), StringComparison.Ordinal);

        // Another user's list is no list of the caller's.
        var other = await api.CreateUserAsync();
        var theirList = await ActivityEventTests.CreateListAsync(other, "Theirs");
        await AssertValidationProblemAsync(await user.BulkAsync(new { action = "move", ids = new[] { task.Id }, list_id = theirList }), "list_id");

        Assert.Equal(task, await user.GetTaskAsync(task.Id));
        Assert.Equal(before.Count, (await user.ActivityAsync()).Count);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task AFilterMatchingMoreThanAThousandTasksIsA400()
    {
        var user = await api.CreateUserAsync();
        await api.SeedTasksAsync(user.Id, 1001);

        await AssertValidationProblemAsync(await user.BulkAsync(new { action = "complete", filter = "pending" }), "filter");
        var exactly = await user.BulkOkAsync(new { action = "complete", filter = "pending & !search: Seeded 1001" });
        Assert.Equal((1000, 1000), Counts(exactly));
        Assert.Single((await user.ListAsync("?status=pending")).Items);
    }

    private static (int Matched, int Changed) Counts(JsonElement answer) =>
        (answer.GetProperty("matched").GetInt32(), answer.GetProperty("changed").GetInt32());

    private static async Task<bool[]> CompletedAsync(TestUser user, params TaskDto[] tasks) =>
        [.. await Task.WhenAll(tasks.Select(async t => (await user.GetTaskAsync(t.Id)).IsCompleted))];

    private static async Task<string[]> ListsAsync(TestUser user, params TaskDto[] tasks) =>
        [.. await Task.WhenAll(tasks.Select(async t => (await user.GetTaskAsync(t.Id)).List.Name))];

    private static async Task<TaskPriority[]> PrioritiesAsync(TestUser user, params TaskDto[] tasks) =>
        [.. await Task.WhenAll(tasks.Select(async t => (await user.GetTaskAsync(t.Id)).Priority))];
}

public sealed class SqliteBulkTests(SqliteApi api) : BulkTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresBulkTests(PostgresApi api) : BulkTests(api), IClassFixture<PostgresApi>;
