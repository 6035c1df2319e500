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
                task.SetDue(NewDue(task.DueIn(task.OwnerTimeZone ?? User.DefaultTimeZone), new TaskChanges { Due = change.Due }));
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
            foreach (var group in writes.GroupBy(w => Written(w.Plan.After, w.Fields, w.Trash)))
            {
                var (plan, fields, trash) = group.First();
                var after = plan.After;
                var ids = group.Select(w => w.Plan.After.Id).ToList();
                await db.Tasks.IgnoreQueryFilters().Where(t => t.UserId == userId && ids.Contains(t.Id)).ExecuteUpdateAsync(set =>
                {
                    if (fields.Contains(TaskSnapshot.TitleField))
                    {
                        set.SetProperty(t => t.Title, after.Title);
                    }

                    if (fields.Contains(TaskSnapshot.DescriptionField))
                    {
                        set.SetProperty(t => t.Description, after.Description);
                    }

                    if (fields.Contains(TaskSnapshot.CompletedField) || fields.Contains(TaskSnapshot.CompletedAtField))
                    {
                        set.SetProperty(t => t.IsCompleted, after.IsCompleted).SetProperty(t => t.CompletedAt, after.CompletedAt);
                    }

                    if (fields.Contains(TaskSnapshot.ListField))
                    {
                        set.SetProperty(t => t.ListId, after.ListId);
                    }

                    if (fields.Contains(TaskSnapshot.PriorityField))
                    {
                        set.SetProperty(t => t.Priority, after.Priority);
                    }

                    if (fields.Contains(TaskSnapshot.DueField))
                    {
                        SetDue(set, new TaskDue(after.DueDate, after.DueTime, after.DueAt, after.DueTimeZone, after.DueRecurrence, after.DueFromCompletion, after.DueOrder));
                    }

                    if (trash)
                    {
                        set.SetProperty(t => t.DeletedAt, after.DeletedAt);
                    }

                    set.SetProperty(t => t.UpdatedAt, after.UpdatedAt);
                }, cancellationToken);
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

    /// <summary>The columns a write sets, with their values, as one comparable value: writes with equal ones share an UPDATE.</summary>
    private static string Written(TaskItem t, HashSet<string> fields, bool trash)
    {
        var values = new JsonArray();
        foreach (var field in fields.Order(StringComparer.Ordinal))
        {
            values.Add(field);
            values.Add(field switch
            {
                TaskSnapshot.TitleField => t.Title,
                TaskSnapshot.DescriptionField => t.Description,
                TaskSnapshot.CompletedField or TaskSnapshot.CompletedAtField => new JsonArray(t.IsCompleted, t.CompletedAt),
                TaskSnapshot.ListField => t.ListId,
                TaskSnapshot.PriorityField => (int)t.Priority,
                TaskSnapshot.DueField => TaskSnapshot.DueNode(t.DueIn(User.DefaultTimeZone)),
                _ => null, // labels are written apart
            });
        }

        values.Add(trash ? t.DeletedAt : null);
        values.Add(t.UpdatedAt);
        return values.ToJsonString();
    }
}
