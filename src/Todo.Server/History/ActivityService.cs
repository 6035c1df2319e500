using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Accounts;
using Todo.Server.Data;
using Todo.Server.Lists;
using Todo.Server.Tasks;

namespace Todo.Server.History;

/// <summary>A page of activity, newest first, and the number to continue below (null on the last page).</summary>
public sealed record ActivityPage(IReadOnlyList<ActivityEvent> Items, long? Next);

/// <summary>What an undo did: its own batch, the batch it took back and how many tasks it changed.</summary>
public sealed record UndoResult(Guid BatchId, Guid UndoneBatchId, int Undone);

/// <summary>Why an undo could not be done: nothing to undo, no such batch, or a later change it would overwrite.</summary>
public sealed class UndoRefusedException(UndoRefusal reason, string detail) : Exception(detail)
{
    public UndoRefusal Reason => reason;
}

public enum UndoRefusal
{
    NothingToUndo,
    NoSuchBatch,
    AlreadyUndone,
    Conflict,
}

/// <summary>
/// The activity log read back, and undo: a batch's tasks are put back as they were before it, in a constant number of
/// statements whatever the batch's size (tasks put back the same way share one UPDATE), unless one of them changed since.
/// An undo is a batch of its own (so undoing an undo redoes).
/// </summary>
public sealed class ActivityService(TodoDbContext db, ActivityWriter writer, TaskService tasks, TimeProvider time)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    /// <summary>The user's events newest first, below <paramref name="before"/> (an event number), optionally of one task.</summary>
    public async Task<ActivityPage> ListAsync(
        Guid userId, int limit, long? before, Guid? taskId, CancellationToken cancellationToken = default)
    {
        var below = before ?? long.MaxValue;
        var events = db.Activity.AsNoTracking().Where(a => a.UserId == userId && a.Seq < below);
        if (taskId is { } task)
        {
            events = events.Where(a => a.TaskId == task);
        }

        var items = await events.OrderByDescending(a => a.Seq).Take(limit + 1).ToListAsync(cancellationToken);
        return items.Count > limit ? new(items[..limit], items[limit - 1].Seq) : new(items, null);
    }

    /// <summary>The user's events after number <paramref name="after"/>, oldest first: what a live stream sends to catch up.</summary>
    public async Task<IReadOnlyList<ActivityEvent>> AfterAsync(Guid userId, long after, int limit, CancellationToken cancellationToken = default) =>
        await db.Activity.AsNoTracking()
            .Where(a => a.UserId == userId && a.Seq > after)
            .OrderBy(a => a.Seq)
            .Take(limit)
            .ToListAsync(cancellationToken);

    /// <summary>The number of the user's latest event (0: none yet).</summary>
    public Task<long> LatestAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.ActivitySeq).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Takes back <paramref name="batchId"/>, or the user's latest batch that is neither undone nor an undo. Refused (with
    /// <see cref="UndoRefusedException"/>) when there is none, or when a task of it changed since.
    /// </summary>
    public Task<UndoResult> UndoAsync(Guid userId, Guid? batchId, CancellationToken cancellationToken = default) =>
        TakeBackAsync(userId, batchId, redo: false, cancellationToken);

    /// <summary>Takes back the user's latest undo that is not itself undone: what it undid is done again.</summary>
    public Task<UndoResult> RedoAsync(Guid userId, CancellationToken cancellationToken = default) =>
        TakeBackAsync(userId, null, redo: true, cancellationToken);

    private async Task<UndoResult> TakeBackAsync(Guid userId, Guid? batchId, bool redo, CancellationToken cancellationToken)
    {
        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;

        // PostgreSQL: the batch's events are locked until this undo commits, so a second undo of it (a double click) waits
        // and then finds it undone. SQLite has one writer at a time.
        var events = await (db is PostgresTodoDbContext ? BatchForUpdate(userId, batchId, redo) : Batch(userId, batchId, redo))
            .AsNoTracking().OrderBy(a => a.Seq).ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            throw batchId is null
                ? new UndoRefusedException(UndoRefusal.NothingToUndo, redo ? "There is nothing to redo." : "There is nothing to undo.")
                : new UndoRefusedException(UndoRefusal.NoSuchBatch, "You have no batch with this id.");
        }

        var undone = events[0].BatchId;
        if (events[0].UndoneByBatchId is not null)
        {
            throw new UndoRefusedException(UndoRefusal.AlreadyUndone, "That batch has already been undone.");
        }

        // Per task: each field as it was before the batch's first change of it, and as its last change left it.
        var targets = new Dictionary<Guid, BatchEffect>();
        foreach (var e in events)
        {
            if (!targets.TryGetValue(e.TaskId, out var effect))
            {
                targets[e.TaskId] = effect = new BatchEffect(e.TaskId, e.TaskNumber, e.TaskTitle);
            }

            effect.Add(e);
        }

        var ids = targets.Keys.ToList();
        var current = await db.Tasks.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.UserId == userId && ids.Contains(t.Id))
            .Select(t => new { Task = t, ListName = t.List!.Name, Labels = db.TaskLabels.Where(l => l.TaskId == t.Id).Select(l => l.Label).ToList() })
            .ToListAsync(cancellationToken);
        var byId = current.ToDictionary(row => row.Task.Id);
        var now = StoredTime.Now(time);
        var plans = new List<(TaskItem Before, TaskItem After)>();
        foreach (var effect in targets.Values)
        {
            if (!byId.TryGetValue(effect.TaskId, out var row))
            {
                throw Conflict(effect, "it has since been removed for good");
            }

            row.Task.List = new TodoList { Id = row.Task.ListId, UserId = userId, Name = row.ListName, NormalizedName = TodoList.Normalize(row.ListName) };
            row.Task.LabelNames = [.. row.Labels.Order(StringComparer.Ordinal)];
            var task = row.Task;
            var snapshot = TaskSnapshot.Of(task);
            if (!effect.StillAsLeft(snapshot))
            {
                throw Conflict(effect, "it changed after that");
            }

            plans.Add((task, effect.PutBack(task, now)));
        }

        // Only a list the batch moved a task out of can be gone; the task's current list exists (a foreign key keeps it).
        var lists = plans.Where(p => p.After.ListId != p.Before.ListId).Select(p => p.After.ListId).Distinct().ToList();
        List<Guid> existing = lists.Count == 0
            ? []
            : await db.Lists.Where(l => l.UserId == userId && lists.Contains(l.Id)).Select(l => l.Id).ToListAsync(cancellationToken);
        var orphan = plans.Find(p => p.After.ListId != p.Before.ListId && !existing.Contains(p.After.ListId));
        if (orphan.Before is not null)
        {
            throw Conflict(targets[orphan.Before.Id], "its list has since been deleted");
        }

        writer.Context.UndoesBatchId = undone;
        var changed = await tasks.ApplyAsync(userId, [.. plans.Select(p => new TaskPlan(p.Before, p.After))], cancellationToken);
        writer.Context.UndoesBatchId = null;
        var ownBatch = writer.Context.BatchId;
        // The batch taken back is undone by this one. When it was an undo, the batch it undid is done again (not undone); when
        // that batch was an undo too (this takes back a redo), the batch that one undid is undone by it again.
        var redone = events[0].UndoesBatchId;
        var mine = db.Activity.Where(a => a.UserId == userId);
        var marked = redone is null
            ? db.Activity.Where(a => a.UserId == userId && a.BatchId == undone)
            : db.Activity.Where(a => a.UserId == userId && (a.BatchId == undone || a.BatchId == redone
                || a.BatchId == mine.Where(o => o.BatchId == redone).Select(o => o.UndoesBatchId).FirstOrDefault()));
        await marked.ExecuteUpdateAsync(set => set.SetProperty(
                a => a.UndoneByBatchId, a => a.BatchId == undone ? ownBatch : a.BatchId == redone ? null : redone), cancellationToken);

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return new UndoResult(ownBatch, undone, changed);
    }

    /// <summary>
    /// The events of <paramref name="batchId"/>, or of the latest batch to undo: the latest batch of changes; for a redo the
    /// latest undo of such a batch (a redo, an undo of an undo, is not one).
    /// </summary>
    private IQueryable<ActivityEvent> Batch(Guid userId, Guid? batchId, bool redo)
    {
        var mine = db.Activity.Where(a => a.UserId == userId);
        return batchId is { } id
            ? mine.Where(a => a.BatchId == id)
            : mine.Where(a => a.BatchId == mine
                .Where(l => l.UndoneByBatchId == null && (redo
                    ? l.UndoesBatchId != null && !mine.Any(o => o.BatchId == l.UndoesBatchId && o.UndoesBatchId != null)
                    : l.UndoesBatchId == null))
                .OrderByDescending(l => l.Seq).Select(l => l.BatchId).FirstOrDefault());
    }

    /// <summary>As <see cref="Batch"/>, with the rows locked (PostgreSQL): one statement.</summary>
    private IQueryable<ActivityEvent> BatchForUpdate(Guid userId, Guid? batchId, bool redo) => batchId is { } id
        ? db.Activity.FromSql($"SELECT * FROM activity WHERE user_id = {userId} AND batch_id = {id} FOR UPDATE")
        : redo
            ? db.Activity.FromSql($"""
                SELECT * FROM activity WHERE user_id = {userId} AND batch_id = (
                    SELECT l.batch_id FROM activity AS l
                    WHERE l.user_id = {userId} AND l.undone_by_batch_id IS NULL AND l.undoes_batch_id IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM activity AS o
                                      WHERE o.user_id = {userId} AND o.batch_id = l.undoes_batch_id AND o.undoes_batch_id IS NOT NULL)
                    ORDER BY l.seq DESC LIMIT 1)
                FOR UPDATE
                """)
            : db.Activity.FromSql($"""
                SELECT * FROM activity WHERE user_id = {userId} AND batch_id = (
                    SELECT batch_id FROM activity
                    WHERE user_id = {userId} AND undone_by_batch_id IS NULL AND undoes_batch_id IS NULL
                    ORDER BY seq DESC LIMIT 1)
                FOR UPDATE
                """);

    private static UndoRefusedException Conflict(BatchEffect effect, string why) => new(
        UndoRefusal.Conflict, $"Task {effect.TaskNumber} “{effect.TaskTitle}” cannot be put back: {why}.");


    /// <summary>What one batch did to one task: each field's value before it and after it, and whether it was created.</summary>
    private sealed class BatchEffect(Guid taskId, int taskNumber, string taskTitle)
    {
        private readonly Dictionary<string, (JsonNode? Before, JsonNode? After)> fields = [];
        private bool? trashBefore;
        private bool trashAfter;

        public Guid TaskId => taskId;
        public int TaskNumber => taskNumber;
        public string TaskTitle => taskTitle;

        public void Add(ActivityEvent e)
        {
            // A task the batch created is only put in the trash: what it was made with is what a redo brings back.
            var changes = e.Kind == ActivityKind.Created ? [] : JsonNode.Parse(e.Changes)!.AsObject();
            foreach (var (field, change) in changes)
            {
                var pair = change!.AsArray();
                fields[field] = fields.TryGetValue(field, out var seen) ? (seen.Before, pair[1]?.DeepClone()) : (pair[0]?.DeepClone(), pair[1]?.DeepClone());
            }

            // A task the batch created goes to the trash when undone; one it deleted or restored goes back where it was.
            var (before, after) = e.Kind switch
            {
                ActivityKind.Created => (true, false),
                ActivityKind.Deleted => (false, true),
                ActivityKind.Restored => (true, false),
                _ => (trashAfter, trashAfter),
            };
            trashBefore ??= before;
            trashAfter = after;
        }

        /// <summary>True when the task is as the batch left it: every field it changed still holds the value it wrote.</summary>
        public bool StillAsLeft(TaskSnapshot now)
        {
            if (now.InTrash != trashAfter)
            {
                return false;
            }

            var current = now.Fields();
            return fields.All(f => !current.TryGetValue(f.Key, out var value) || JsonNode.DeepEquals(value, f.Value.After));
        }

        /// <summary>The task with every field the batch changed as it was before, at <paramref name="now"/>.</summary>
        public TaskItem PutBack(TaskItem current, DateTime now)
        {
            var task = current.Copy();
            foreach (var (field, (before, _)) in fields)
            {
                switch (field)
                {
                    case TaskSnapshot.TitleField when before is not null:
                        task.Title = before.GetValue<string>();
                        break;
                    case TaskSnapshot.DescriptionField:
                        task.Description = before?.GetValue<string>();
                        break;
                    case TaskSnapshot.CompletedField:
                        task.IsCompleted = before?.GetValue<bool>() ?? false;
                        break;
                    case TaskSnapshot.CompletedAtField:
                        task.CompletedAt = before?.GetValue<DateTime>();
                        break;
                    case TaskSnapshot.ListField when before is not null:
                        task.ListId = before["id"]!.GetValue<Guid>();
                        var name = before["name"]!.GetValue<string>();
                        task.List = new TodoList { Id = task.ListId, UserId = task.UserId, Name = name, NormalizedName = TodoList.Normalize(name) };
                        break;
                    case TaskSnapshot.LabelsField:
                        task.LabelNames = before is null ? [] : [.. before.AsArray().Select(l => l!.GetValue<string>())];
                        break;
                    case TaskSnapshot.PriorityField:
                        task.Priority = TaskSnapshot.PriorityFrom(before);
                        break;
                    case TaskSnapshot.DueField:
                        task.SetDue(TaskSnapshot.DueFrom(before, User.DefaultTimeZone));
                        break;
                }
            }

            task.DeletedAt = trashBefore == true ? current.DeletedAt ?? now : null;
            task.UpdatedAt = now;
            return task;
        }
    }
}
