using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Accounts;
using Todo.Server.Data;
using Todo.Server.Dates;
using Todo.Server.History;
using Todo.Server.Lists;
using Todo.Server.Tasks.Filters;
using Todo.Server.Text;

namespace Todo.Server.Tasks;

public enum BulkAction
{
    Complete,
    Reopen,
    Delete,
    Move,
    AddLabel,
    RemoveLabel,
    SetPriority,
    SetDue,
}

/// <summary>One change for many tasks, and what it needs: the list of a move, the label, the priority or the due.</summary>
public sealed record BulkChange(BulkAction Action)
{
    public Guid? ListId { get; init; }
    public string? Label { get; init; }
    public TaskPriority? Priority { get; init; }
    public DueReading? Due { get; init; }

    /// <summary>A <see cref="Due"/> without a time keeps each task's time of day ("move them to monday").</summary>
    public bool KeepsTime { get; init; }
}

/// <summary>A task a bulk change could not change, and why.</summary>
public sealed record BulkFailure(Guid Id, string Detail);

/// <summary>How many tasks were matched and changed (already as asked: matched, not changed), and those that failed.</summary>
public sealed record BulkOutcome(int Matched, int Changed, Guid BatchId, IReadOnlyList<BulkFailure> Failed);

/// <summary>A task as read and as it is to be written (only the fields that differ are written); the event's kind when not the usual.</summary>
public sealed record TaskPlan(TaskItem Before, TaskItem After, ActivityKind? Kind = null);

public sealed partial class TaskService
{
    /// <summary>The most tasks one bulk change may touch.</summary>
    public const int BulkLimit = 1000;

    /// <summary>
    /// Applies <paramref name="change"/> to the tasks named by <paramref name="ids"/> or matched by <paramref name="filter"/>
    /// (one of them), as one batch, in a constant number of statements whatever the count: read, one UPDATE per distinct
    /// outcome (one for most changes), the labels when they change, and the events. More than <see cref="BulkLimit"/> tasks
    /// is an <see cref="InvalidTextException"/> naming <c>ids</c> or <c>filter</c>.
    /// </summary>
    public async Task<BulkOutcome> BulkAsync(
        Guid userId, BulkChange change, IReadOnlyList<Guid>? ids, string? filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if ((ids is null) == (filter is null))
        {
            throw new InvalidTextException("ids", "Name the tasks by ids or by filter (one of them).");
        }

        string? label = null;
        if (change.Action is BulkAction.AddLabel or BulkAction.RemoveLabel)
        {
            var wanted = change.Label ?? throw new InvalidTextException("label", "Say which label.");
            label = TaskLabels.Check(wanted, out var normalized) is { } problem ? throw new InvalidTextException("label", problem) : normalized;
        }

        var priority = change.Action == BulkAction.SetPriority
            ? ValidPriority(change.Priority ?? throw new InvalidTextException("priority", "Say which priority: none, low, medium or high."))
            : TaskPriority.None;
        return await InTransactionAsync(async () =>
        {
            string? listName = null;
            if (change.Action == BulkAction.Move)
            {
                var listId = change.ListId ?? throw new InvalidTextException("list_id", "Say which list to move the tasks to.");
                listName = await db.Lists.Where(l => l.Id == listId && l.UserId == userId).Select(l => l.Name).FirstOrDefaultAsync(cancellationToken)
                    ?? throw NoSuchList();
            }

            var failed = new List<BulkFailure>();
            List<TaskItem> tasks;
            if (ids is not null)
            {
                var distinct = ids.Distinct().ToList();
                if (distinct.Count > BulkLimit)
                {
                    throw new InvalidTextException("ids", $"At most {BulkLimit:N0} tasks at a time.");
                }

                tasks = await WithDetails(db.Tasks.AsNoTracking().Where(t => t.UserId == userId && distinct.Contains(t.Id)), userId)
                    .ToListAsync(cancellationToken);
                var found = tasks.Select(t => t.Id).ToHashSet();
                failed.AddRange(distinct.Where(id => !found.Contains(id)).Select(id => new BulkFailure(id, "You have no task with this id.")));
            }
            else
            {
                var parsed = FilterParser.Parse(filter) ?? throw new InvalidTextException("filter", "The filter is empty; write which tasks to change.");
                var matching = await SelectedAsync(userId, new TaskListQuery { Filter = filter }, parsed, cancellationToken);
                tasks = await WithDetails(matching.OrderBy(t => t.Number).Take(BulkLimit + 1), userId).ToListAsync(cancellationToken);
                if (tasks.Count > BulkLimit)
                {
                    throw new InvalidTextException("filter", $"The filter matches more than {BulkLimit:N0} tasks; narrow it down.");
                }
            }

            var now = Now();
            var plans = new List<TaskPlan>();
            foreach (var task in tasks)
            {
                var after = task.Copy();
                after.UpdatedAt = now;
                if (Apply(change, after, label, priority, listName, now) is { } failure)
                {
                    failed.Add(new BulkFailure(task.Id, failure));
                    continue;
                }

                var recurred = change.Action == BulkAction.Complete && !after.IsCompleted && after.DueDate != task.DueDate;
                plans.Add(new TaskPlan(task, after, recurred ? ActivityKind.Recurred : null));
            }

            var changed = await ApplyAsync(userId, plans, cancellationToken);
            return new BulkOutcome(tasks.Count, changed, activity.Context.BatchId, failed);
        }, cancellationToken);
    }

    /// <summary>Changes <paramref name="task"/> in memory as <paramref name="change"/> asks; why not, when it cannot be.</summary>
    private static string? Apply(BulkChange change, TaskItem task, string? label, TaskPriority priority, string? listName, DateTime now)
    {
        switch (change.Action)
        {
            case BulkAction.Complete when task.DueRecurrence is not null && !task.IsCompleted
                && NextOccurrence(task, task.OwnerTimeZone ?? User.DefaultTimeZone, now) is { } next:
                task.SetDue(next);
                break;
            case BulkAction.Complete:
                task.CompletedAt = task.IsCompleted ? task.CompletedAt : now;
                task.IsCompleted = true;
                break;
            case BulkAction.Reopen:
                task.IsCompleted = false;
                task.CompletedAt = null;
                break;
            case BulkAction.Delete:
                task.DeletedAt = now;
                break;
            case BulkAction.Move:
                task.ListId = change.ListId!.Value;
                task.List = new TodoList { Id = task.ListId, UserId = task.UserId, Name = listName!, NormalizedName = TodoList.Normalize(listName!) };
                break;
            case BulkAction.AddLabel when !task.LabelNames.Contains(label!):
                if (task.LabelNames.Count >= Limits.LabelsPerTask)
                {
                    return $"It has {Limits.LabelsPerTask} labels already, the most a task can have.";
                }

                task.LabelNames = [.. task.LabelNames.Append(label!).Order(StringComparer.Ordinal)];
                break;
            case BulkAction.RemoveLabel:
                task.LabelNames = [.. task.LabelNames.Where(l => l != label)];
                break;
            case BulkAction.SetPriority:
                task.Priority = priority;
                break;
            case BulkAction.SetDue:
                var due = change is { KeepsTime: true, Due: { Time: null } day } && task.DueTime is { } time
                    ? day with { Time = time, TimeZone = task.DueTimeZone ?? day.TimeZone }
                    : change.Due;
                task.SetDue(NewDue(task.DueIn(task.OwnerTimeZone ?? User.DefaultTimeZone), new TaskChanges { Due = due }));
                break;
        }

        return null;
    }

    /// <summary>
    /// Writes each plan's fields that differ from what was read, and records them as the context's batch: one UPDATE per
    /// distinct set of values written, one DELETE and one INSERT for labels when any change, one statement for the events.
    /// How many tasks changed.
    /// </summary>
    public async Task<int> ApplyAsync(Guid userId, IReadOnlyList<TaskPlan> plans, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var events = new List<NewActivityEvent>();
        var writes = new List<(TaskPlan Plan, HashSet<string> Fields, bool Trash)>();
        foreach (var plan in plans)
        {
            var was = TaskSnapshot.Of(plan.Before);
            var now = TaskSnapshot.Of(plan.After);
            var changes = TaskSnapshot.Changes(was, now);
            if (changes.Count == 0 && was.InTrash == now.InTrash)
            {
                continue;
            }

            var fields = changes.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
            writes.Add((plan, fields, was.InTrash != now.InTrash));
            var kind = plan.Kind ?? TaskSnapshot.KindOf(was, now, fields);
            events.Add(new NewActivityEvent(kind, plan.After.Id, plan.After.Number, plan.After.Title, changes));
        }

        if (writes.Count == 0)
        {
            return 0;
        }

        await InTransactionAsync(async () =>
        {
            // One UPDATE per set of columns written (a handful whatever the count), each row's values joined in from a VALUES list.
            foreach (var group in writes.GroupBy(w => string.Join(",", w.Fields.Order(StringComparer.Ordinal)) + (w.Trash ? ",trash" : "")))
            {
                var (_, fields, trash) = group.First();
                var columns = WrittenColumns(fields, trash);
                var rows = group.Select(w => w.Plan.After).ToList();
                for (var start = 0; start < rows.Count; start += WriteChunk)
                {
                    await db.Database.ExecuteSqlAsync(WriteStatement(userId, columns, rows.Skip(start).Take(WriteChunk).ToList()), cancellationToken);
                }
            }

            var relabelled = writes.Where(w => w.Fields.Contains(TaskSnapshot.LabelsField)).Select(w => w.Plan.After).ToList();
            if (relabelled.Count > 0)
            {
                var relabelledIds = relabelled.Select(t => t.Id).ToList();
                await db.TaskLabels.Where(l => l.UserId == userId && relabelledIds.Contains(l.TaskId)).ExecuteDeleteAsync(cancellationToken);
                var rows = relabelled.SelectMany(t =>
                    t.LabelNames.Select(label => new TaskLabel { TaskId = t.Id, UserId = userId, TaskNumber = t.Number, Label = label })).ToList();
                if (rows.Count > 0)
                {
                    db.TaskLabels.AddRange(rows);
                    try
                    {
                        await db.SaveChangesAsync(cancellationToken);
                    }
                    finally
                    {
                        db.ChangeTracker.Clear();
                    }
                }
            }

            // Reminders follow a moved due (a repeating task's every one fires again): one more query for each task that has any.
            foreach (var (plan, fields, _) in writes.Where(w => w.Fields.Contains(TaskSnapshot.DueField) && w.Plan.Before.HasReminders))
            {
                var previous = plan.Kind == ActivityKind.Recurred ? plan.Before.DueIn(plan.Before.OwnerTimeZone ?? User.DefaultTimeZone) : null;
                await Reminders.ReminderSchedule.RescheduleAsync(db, userId, plan.After.Id, previous, plan.After.UpdatedAt, cancellationToken);
            }

            await activity.AppendAsync(userId, events, cancellationToken);
            return 0;
        }, cancellationToken);
        return writes.Count;
    }

    /// <summary>The most tasks one UPDATE writes (its parameters stay within both databases' limits).</summary>
    private const int WriteChunk = 1000;

    /// <summary>A column a write sets: its name, its PostgreSQL type (for the VALUES list) and its value in a task.</summary>
    private sealed record WrittenColumn(string Name, string Type, Func<TaskItem, object?> Value);

    /// <summary>The columns that hold <paramref name="fields"/> (and deleted_at when the task goes to or leaves the trash), and updated_at.</summary>
    private static List<WrittenColumn> WrittenColumns(HashSet<string> fields, bool trash)
    {
        static object? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
        var columns = new List<WrittenColumn>();
        if (fields.Contains(TaskSnapshot.TitleField))
        {
            columns.Add(new("title", "text", t => t.Title));
        }

        if (fields.Contains(TaskSnapshot.DescriptionField))
        {
            columns.Add(new("description", "text", t => t.Description));
        }

        if (fields.Contains(TaskSnapshot.CompletedField) || fields.Contains(TaskSnapshot.CompletedAtField))
        {
            columns.Add(new("is_completed", "boolean", t => t.IsCompleted));
            columns.Add(new("completed_at", "timestamptz", t => Utc(t.CompletedAt)));
        }

        if (fields.Contains(TaskSnapshot.ListField))
        {
            columns.Add(new("list_id", "uuid", t => t.ListId));
        }

        if (fields.Contains(TaskSnapshot.PriorityField))
        {
            columns.Add(new("priority", "smallint", t => (short)t.Priority));
        }

        if (fields.Contains(TaskSnapshot.DueField))
        {
            columns.Add(new("due_date", "date", t => t.DueDate));
            columns.Add(new("due_time", "time", t => t.DueTime));
            columns.Add(new("due_at", "timestamptz", t => Utc(t.DueAt)));
            columns.Add(new("due_time_zone", "text", t => t.DueTimeZone));
            columns.Add(new("due_recurrence", "text", t => t.DueRecurrence));
            columns.Add(new("due_from_completion", "boolean", t => t.DueFromCompletion));
            columns.Add(new("due_order", "timestamptz", t => Utc(t.DueOrder)));
        }

        if (trash)
        {
            columns.Add(new("deleted_at", "timestamptz", t => Utc(t.DeletedAt)));
        }

        columns.Add(new("updated_at", "timestamptz", t => Utc(t.UpdatedAt)));
        return columns;
    }

    /// <summary>
    /// One UPDATE of the user's <paramref name="rows"/>, each to its own values: <c>UPDATE tasks SET … FROM (VALUES …)</c>
    /// (SQLite names the VALUES columns column1, column2, …; PostgreSQL is told each one's type).
    /// </summary>
    private FormattableString WriteStatement(Guid userId, List<WrittenColumn> columns, List<TaskItem> rows)
    {
        var postgres = IsPostgres;
        var arguments = new List<object?> { userId };
        string Argument(object? value, string type)
        {
            arguments.Add(value);
            var placeholder = "{" + (arguments.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
            return postgres ? placeholder + "::" + type : placeholder;
        }

        var values = string.Join(", ", rows.Select(row =>
            "(" + Argument(row.Id, "uuid") + ", " + string.Join(", ", columns.Select(c => Argument(c.Value(row), c.Type))) + ")"));
        var format = postgres
            ? "UPDATE tasks SET " + string.Join(", ", columns.Select(c => $"{c.Name} = v.{c.Name}"))
              + $" FROM (VALUES {values}) AS v(id, {string.Join(", ", columns.Select(c => c.Name))})"
              + " WHERE tasks.id = v.id AND tasks.user_id = {0}"
            : "UPDATE tasks SET " + string.Join(", ", columns.Select((c, i) => $"{c.Name} = v.column{i + 2}"))
              + $" FROM (VALUES {values}) AS v"
              + " WHERE tasks.id = v.column1 AND tasks.user_id = {0}";
        return FormattableStringFactory.Create(format, [.. arguments]);
    }
}
