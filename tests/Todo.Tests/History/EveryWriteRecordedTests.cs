using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Dates;
using Todo.Server.History;
using Todo.Server.Lists;
using Todo.Server.Tasks;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.History;

/// <summary>
/// Nothing changes a task without an event: every public method of <see cref="TaskService"/> (found by reflection, so a new
/// one fails this test until it is listed here) is called on a seeded user, and the user's stored tasks and labels are
/// compared before and after. Each task that changed must have a new event naming it whose changes cover every field that
/// changed (or whose kind says it went to or came out of the trash); a method listed as a reader must change nothing and
/// record nothing, and one listed as a writer must change something (so no call passes by doing nothing). The only change
/// without an event is a task removed for good from the trash (purge: it was recorded when it was deleted).
/// </summary>
public abstract class EveryWriteRecordedTests(ApiFixture api)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>The seeded user: lists and tasks in every state a method may act on.</summary>
    private sealed record World(
        Guid UserId, Guid Inbox, Guid Work, Guid Spare, Guid Doomed,
        TaskItem Plain, TaskItem Done, TaskItem Daily, TaskItem Tagged, TaskItem InDoomed, TaskItem Trashed, TaskItem TrashedInDoomed);

    private sealed record Call(string Name, bool Writes, Func<TaskService, World, Task> Run);

    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Each public method's signature with the calls that exercise it (several for a method with several paths).</summary>
    private static readonly Dictionary<string, Call[]> Calls = new()
    {
        ["CreateAsync(Guid,String,String,CancellationToken)"] = [Writer("create", (s, w) => s.CreateAsync(w.UserId, "New", "With a description", None))],
        ["CreateAsync(Guid,String,String,NewTaskOptions,CancellationToken)"] =
        [
            Writer("create with options", (s, w) => s.CreateAsync(w.UserId, "New", null, new NewTaskOptions
            {
                ListId = w.Work, Labels = ["x", "y"], Priority = TaskPriority.High, Due = new DueReading(new DateOnly(2030, 1, 2), new TimeOnly(9, 30), "Europe/Berlin"),
            }, None)),
        ],
        ["TimeZoneOfAsync(Guid,CancellationToken)"] = [Reader("time zone", (s, w) => s.TimeZoneOfAsync(w.UserId, None))],
        ["ReadDueAsync(Guid,DueInput,CancellationToken)"] = [Reader("read due", (s, w) => s.ReadDueAsync(w.UserId, new DueInput("tomorrow", null, null, null, false), None))],
        ["ReadDueFromAsync(Guid,String,DateOnly,CancellationToken)"] = [Reader("read due from a day", (s, w) => s.ReadDueFromAsync(w.UserId, "monthly", new DateOnly(2030, 1, 2), None))],
        ["ClockAsync(Guid,CancellationToken)"] = [Reader("clock", (s, w) => s.ClockAsync(w.UserId, None))],
        ["InboxIdAsync(Guid,CancellationToken)"] = [Reader("inbox", (s, w) => s.InboxIdAsync(w.UserId, None))],
        ["MoveListTasksAsync(Guid,Guid,Guid,CancellationToken)"] = [Writer("move list's tasks", (s, w) => s.MoveListTasksAsync(w.UserId, w.Work, w.Spare, None))],
        ["DeleteListTasksAsync(Guid,Guid,CancellationToken)"] = [Writer("delete list's tasks", (s, w) => s.DeleteListTasksAsync(w.UserId, w.Doomed, None))],
        ["MoveTrashOutOfListAsync(Guid,Guid,CancellationToken)"] = [Writer("trash out of list", (s, w) => s.MoveTrashOutOfListAsync(w.UserId, w.Doomed, None))],
        ["ListLabelsAsync(Guid,CancellationToken)"] = [Reader("labels", (s, w) => s.ListLabelsAsync(w.UserId, None))],
        ["GetAsync(Guid,TaskKey,CancellationToken)"] = [Reader("get by key", (s, w) => s.GetAsync(w.UserId, TaskKey.ByNumber(w.Plain.Number), None))],
        ["GetAsync(Guid,Guid,CancellationToken)"] = [Reader("get by id", (s, w) => s.GetAsync(w.UserId, w.Plain.Id, None))],
        ["GetByNumberAsync(Guid,Int32,CancellationToken)"] = [Reader("get by number", (s, w) => s.GetByNumberAsync(w.UserId, w.Plain.Number, None))],
        ["ListTitlesAsync(Guid,Nullable`1,CancellationToken)"] = [Reader("titles", (s, w) => s.ListTitlesAsync(w.UserId, null, None))],
        ["ListPendingTitledAsync(Guid,String,CancellationToken)"] = [Reader("pending titled", (s, w) => s.ListPendingTitledAsync(w.UserId, w.Plain.Title, None))],
        ["CountAsync(Guid,TaskStatusFilter,String,CancellationToken)"] = [Reader("count", (s, w) => s.CountAsync(w.UserId, TaskStatusFilter.All, "a", None))],
        ["CountAsync(Guid,TaskListQuery,CancellationToken)"] = [Reader("count query", (s, w) => s.CountAsync(w.UserId, new TaskListQuery { Filter = "@a" }, None))],
        ["ListAsync(Guid,TaskListQuery,CancellationToken)"] = [Reader("list", (s, w) => s.ListAsync(w.UserId, new TaskListQuery { Filter = "today | no date" }, None))],
        ["ReplaceAsync(Guid,TaskKey,String,String,CancellationToken)"] = [Writer("replace", (s, w) => s.ReplaceAsync(w.UserId, TaskKey.ById(w.Plain.Id), "Replaced", "Now described", None))],
        ["UpdateAsync(Guid,TaskKey,TaskChanges,CancellationToken)"] =
        [
            Writer("update title", (s, w) => s.UpdateAsync(w.UserId, TaskKey.ById(w.Plain.Id), new TaskChanges { Title = "Retitled" }, None)),
            Writer("update description", (s, w) => s.UpdateAsync(w.UserId, TaskKey.ByNumber(w.Tagged.Number), new TaskChanges { Description = "Described" }, None)),
            Writer("update second wave", (s, w) => s.UpdateAsync(w.UserId, TaskKey.ById(w.Tagged.Id), new TaskChanges
            {
                Title = "Everything", ListId = w.Spare, Priority = TaskPriority.Low, Labels = ["b", "c"], Due = new DueReading(new DateOnly(2031, 5, 6), null, "UTC"),
            }, None)),
            Writer("update to the inbox", (s, w) => s.UpdateAsync(w.UserId, TaskKey.ById(w.Tagged.Id), new TaskChanges { ListId = null }, None)),
            Writer("update and complete", (s, w) => s.UpdateAsync(w.UserId, TaskKey.ById(w.Plain.Id), new TaskChanges { Title = "Done now", IsCompleted = true }, None)),
            Writer("update reopen", (s, w) => s.UpdateAsync(w.UserId, TaskKey.ById(w.Done.Id), new TaskChanges { IsCompleted = false }, None)),
            Writer("update stop repeating", (s, w) => s.UpdateAsync(w.UserId, TaskKey.ById(w.Daily.Id), new TaskChanges { StopsRecurrence = true }, None)),
            Writer("update clear due", (s, w) => s.UpdateAsync(w.UserId, TaskKey.ById(w.Daily.Id), new TaskChanges { Due = null }, None)),
        ],
        ["SetCompletedAsync(Guid,TaskKey,Boolean,CancellationToken)"] =
        [
            Writer("complete", (s, w) => s.SetCompletedAsync(w.UserId, TaskKey.ById(w.Plain.Id), true, None)),
            Writer("complete repeating", (s, w) => s.SetCompletedAsync(w.UserId, TaskKey.ById(w.Daily.Id), true, None)),
            Writer("reopen", (s, w) => s.SetCompletedAsync(w.UserId, TaskKey.ById(w.Done.Id), false, None)),
        ],
        ["ToggleCompletedAsync(Guid,TaskKey,CancellationToken)"] =
        [
            Writer("toggle open", (s, w) => s.ToggleCompletedAsync(w.UserId, TaskKey.ById(w.Plain.Id), None)),
            Writer("toggle done", (s, w) => s.ToggleCompletedAsync(w.UserId, TaskKey.ById(w.Done.Id), None)),
        ],
        ["DeleteAsync(Guid,TaskKey,CancellationToken)"] = [Writer("delete", (s, w) => s.DeleteAsync(w.UserId, TaskKey.ById(w.Tagged.Id), None))],
        ["RestoreAsync(Guid,Guid,CancellationToken)"] = [Writer("restore", (s, w) => s.RestoreAsync(w.UserId, w.Trashed.Id, None))],
        ["ListTrashAsync(Guid,Int32,TaskCursor,CancellationToken)"] = [Reader("trash", (s, w) => s.ListTrashAsync(w.UserId, 10, null, None))],
        ["PurgeAsync(Guid,Nullable`1,CancellationToken)"] =
        [
            Writer("purge one", (s, w) => s.PurgeAsync(w.UserId, w.Trashed.Id, None)),
            Writer("purge all", (s, w) => s.PurgeAsync(w.UserId, null, None)),
        ],
        ["PurgeTrashAsync(DateTime,CancellationToken)"] = [Writer("purge old trash", (s, w) => s.PurgeTrashAsync(DateTime.UtcNow.AddMinutes(1), None))],
        ["BulkAsync(Guid,BulkChange,IReadOnlyList`1,String,CancellationToken)"] =
        [
            Writer("bulk complete", (s, w) => s.BulkAsync(w.UserId, new BulkChange(BulkAction.Complete), [w.Plain.Id, w.Daily.Id, w.Done.Id], null, None)),
            Writer("bulk reopen", (s, w) => s.BulkAsync(w.UserId, new BulkChange(BulkAction.Reopen), null, "completed", None)),
            Writer("bulk delete", (s, w) => s.BulkAsync(w.UserId, new BulkChange(BulkAction.Delete), null, "pending", None)),
            Writer("bulk move", (s, w) => s.BulkAsync(w.UserId, new BulkChange(BulkAction.Move) { ListId = w.Spare }, [w.Plain.Id, w.Tagged.Id], null, None)),
            Writer("bulk add label", (s, w) => s.BulkAsync(w.UserId, new BulkChange(BulkAction.AddLabel) { Label = "new" }, null, "!@a", None)),
            Writer("bulk remove label", (s, w) => s.BulkAsync(w.UserId, new BulkChange(BulkAction.RemoveLabel) { Label = "a" }, null, "@a", None)),
            Writer("bulk priority", (s, w) => s.BulkAsync(w.UserId, new BulkChange(BulkAction.SetPriority) { Priority = TaskPriority.Medium }, [w.Plain.Id, w.Done.Id], null, None)),
            Writer("bulk due", (s, w) => s.BulkAsync(w.UserId, new BulkChange(BulkAction.SetDue) { Due = new DueReading(new DateOnly(2032, 3, 4), null, "UTC") }, null, "recurring | @a", None)),
        ],
        ["ApplyAsync(Guid,IReadOnlyList`1,CancellationToken)"] =
        [
            Writer("apply", async (s, w) =>
            {
                var before = (await s.GetAsync(w.UserId, w.Plain.Id, None))!;
                var after = before.Copy();
                after.Title = "Applied";
                after.Priority = TaskPriority.High;
                after.UpdatedAt = DateTime.UtcNow;
                await s.ApplyAsync(w.UserId, [new TaskPlan(before, after)], None);
            }),
        ],
    };

    private static Call Writer<T>(string name, Func<TaskService, World, Task<T>> run) => new(name, true, async (s, w) => await run(s, w));

    private static Call Writer(string name, Func<TaskService, World, Task> run) => new(name, true, run);

    private static Call Reader<T>(string name, Func<TaskService, World, Task<T>> run) => new(name, false, async (s, w) => await run(s, w));

    [Fact]
    public void EveryPublicMethodOfTaskServiceIsListed()
    {
        var methods = typeof(TaskService).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(Signature).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(methods);
        Assert.Equal(methods, Calls.Keys.Order(StringComparer.Ordinal));
    }

    [Fact(Timeout = 240_000)]
    public async Task EveryCallThatChangesATaskRecordsAnEventForItCoveringWhatChanged()
    {
        var failures = new List<string>();
        var writes = 0;
        foreach (var (method, calls) in Calls)
        {
            foreach (var call in calls)
            {
                var world = await SeedAsync();
                var before = await SnapshotAsync(world.UserId);
                var seq = await LatestSeqAsync(world.UserId);

                await using (var scope = api.Services.CreateAsyncScope())
                {
                    await call.Run(scope.ServiceProvider.GetRequiredService<TaskService>(), world);
                }

                var after = await SnapshotAsync(world.UserId);
                var events = await api.WithDbAsync(db => db.Activity.AsNoTracking()
                    .Where(a => a.UserId == world.UserId && a.Seq > seq).OrderBy(a => a.Seq).ToListAsync());
                var changed = Diff(before, after);
                var where = $"{method} [{call.Name}]";
                if (!call.Writes)
                {
                    if (changed.Count > 0 || events.Count > 0)
                    {
                        failures.Add($"{where} is listed as a reader but changed {changed.Count} task(s) and recorded {events.Count} event(s).");
                    }

                    continue;
                }

                if (changed.Count == 0)
                {
                    failures.Add($"{where} changed no task: the call does not exercise the write.");
                    continue;
                }

                writes++;
                foreach (var (taskId, fields) in changed)
                {
                    if (fields.Contains(Removed))
                    {
                        continue; // removed for good from the trash
                    }

                    var mine = events.Where(e => e.TaskId == taskId).ToList();
                    if (mine.Count == 0)
                    {
                        failures.Add($"{where} changed task {taskId} ({string.Join(", ", fields)}) without an event.");
                        continue;
                    }

                    var recorded = mine.SelectMany(RecordedFields).ToHashSet(StringComparer.Ordinal);
                    var missing = fields.Where(f => !recorded.Contains(f)).ToList();
                    if (missing.Count > 0)
                    {
                        failures.Add($"{where} changed {string.Join(", ", missing)} of task {taskId} but its events ({string.Join(", ", mine.Select(e => $"{e.Kind} {e.Changes}"))}) do not say so.");
                    }
                }

                var strays = events.Where(e => !changed.ContainsKey(e.TaskId)).ToList();
                if (strays.Count > 0)
                {
                    failures.Add($"{where} recorded events for tasks it did not change: {string.Join(", ", strays.Select(e => $"{e.Kind} {e.TaskNumber}"))}.");
                }

                if (events.Select(e => e.BatchId).Distinct().Count() > 1)
                {
                    failures.Add($"{where} recorded its events in {events.Select(e => e.BatchId).Distinct().Count()} batches (one call of one scope is one batch).");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(writes >= 30, $"Only {writes} writing calls were checked.");
    }

    private const string Removed = "(removed)";
    private const string Created = "(created)";
    private const string Trash = "(trash)";

    /// <summary>What an event says changed: its fields, and its kind for a task created, deleted or restored.</summary>
    private static IEnumerable<string> RecordedFields(ActivityEvent e)
    {
        foreach (var field in System.Text.Json.Nodes.JsonNode.Parse(e.Changes)!.AsObject().Select(c => c.Key))
        {
            yield return field;
        }

        switch (e.Kind)
        {
            case ActivityKind.Created:
                yield return Created;
                break;
            case ActivityKind.Deleted or ActivityKind.Restored:
                yield return Trash;
                break;
        }
    }

    /// <summary>Per task that differs: the fields (in the activity's names) that differ; created and removed tasks marked.</summary>
    private static Dictionary<Guid, List<string>> Diff(Dictionary<Guid, Dictionary<string, string>> before, Dictionary<Guid, Dictionary<string, string>> after)
    {
        var changed = new Dictionary<Guid, List<string>>();
        foreach (var id in before.Keys.Union(after.Keys))
        {
            if (!before.TryGetValue(id, out var was))
            {
                changed[id] = [Created];
            }
            else if (!after.TryGetValue(id, out var now))
            {
                changed[id] = [Removed];
            }
            else
            {
                var fields = was.Keys.Where(k => was[k] != now[k]).ToList();
                if (fields.Count > 0)
                {
                    changed[id] = fields;
                }
            }
        }

        return changed;
    }

    /// <summary>Every stored task of the user (in the trash too) as field → value, the fields named as events name them.</summary>
    private Task<Dictionary<Guid, Dictionary<string, string>>> SnapshotAsync(Guid userId) => api.WithDbAsync(async db =>
    {
        var tasks = await db.Tasks.IgnoreQueryFilters().AsNoTracking().Where(t => t.UserId == userId).ToListAsync();
        var labels = await db.TaskLabels.AsNoTracking().Where(l => l.UserId == userId).ToListAsync();
        return tasks.ToDictionary(t => t.Id, t => new Dictionary<string, string>
        {
            [TaskSnapshot.TitleField] = t.Title,
            [TaskSnapshot.DescriptionField] = t.Description ?? "",
            [TaskSnapshot.CompletedField] = t.IsCompleted ? "1" : "0",
            [TaskSnapshot.CompletedAtField] = t.CompletedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
            [TaskSnapshot.ListField] = t.ListId.ToString(),
            [TaskSnapshot.LabelsField] = string.Join(",", labels.Where(l => l.TaskId == t.Id).Select(l => l.Label).Order(StringComparer.Ordinal)),
            [TaskSnapshot.PriorityField] = t.Priority.ToString(),
            [TaskSnapshot.DueField] = string.Join("|", t.DueDate, t.DueTime, t.DueAt, t.DueTimeZone, t.DueRecurrence, t.DueFromCompletion),
            [Trash] = t.DeletedAt is null ? "live" : "trash",
        });
    });

    private Task<long> LatestSeqAsync(Guid userId) =>
        api.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.ActivitySeq).SingleAsync());

    private async Task<World> SeedAsync()
    {
        var user = await api.CreateUserAsync();
        await using var scope = api.Services.CreateAsyncScope();
        var tasks = scope.ServiceProvider.GetRequiredService<TaskService>();
        var lists = scope.ServiceProvider.GetRequiredService<ListService>();
        var userId = user.Id;
        var inbox = (await tasks.InboxIdAsync(userId, Cancellation))!.Value;
        async Task<Guid> ListAsync(string name) => (await lists.CreateAsync(userId, name, Cancellation)).List!.Id;
        var work = await ListAsync("Work");
        var spare = await ListAsync("Spare");
        var doomed = await ListAsync("Doomed");

        var plain = await tasks.CreateAsync(userId, "Plain", null, Cancellation);
        var done = await tasks.CreateAsync(userId, "Done", null, Cancellation);
        await tasks.SetCompletedAsync(userId, TaskKey.ById(done.Id), true, Cancellation);
        var every = await tasks.ReadDueAsync(userId, new DueInput("every day", null, null, null, false), Cancellation);
        var daily = await tasks.CreateAsync(userId, "Daily", null, new NewTaskOptions { Due = every }, Cancellation);
        var tagged = await tasks.CreateAsync(userId, "Tagged", null, new NewTaskOptions { ListId = work, Labels = ["a"] }, Cancellation);
        var inDoomed = await tasks.CreateAsync(userId, "In doomed", null, new NewTaskOptions { ListId = doomed, Labels = ["a"] }, Cancellation);
        var trashed = await tasks.CreateAsync(userId, "Trashed", null, new NewTaskOptions { ListId = work }, Cancellation);
        await tasks.DeleteAsync(userId, TaskKey.ById(trashed.Id), Cancellation);
        var trashedInDoomed = await tasks.CreateAsync(userId, "Trashed in doomed", null, new NewTaskOptions { ListId = doomed }, Cancellation);
        await tasks.DeleteAsync(userId, TaskKey.ById(trashedInDoomed.Id), Cancellation);
        Assert.NotNull(every?.Recurrence);
        return new World(userId, inbox, work, spare, doomed, plain, done, daily, tagged, inDoomed, trashed, trashedInDoomed);
    }

    private static string Signature(MethodInfo method) =>
        $"{method.Name}({string.Join(",", method.GetParameters().Select(p => p.ParameterType.Name))})";
}

public sealed class SqliteEveryWriteRecordedTests(SqliteApi api) : EveryWriteRecordedTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresEveryWriteRecordedTests(PostgresApi api) : EveryWriteRecordedTests(api), IClassFixture<PostgresApi>;
