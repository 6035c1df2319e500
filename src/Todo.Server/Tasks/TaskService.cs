using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Todo.Server.Accounts;
using Todo.Server.Data;
using Todo.Server.Dates;
using Todo.Server.History;
using Todo.Server.Lists;
using Todo.Server.Tasks.Filters;
using Todo.Server.Text;

namespace Todo.Server.Tasks;

/// <summary>
/// The only code that changes tasks: the REST API, the assistant's tools, MCP and the web page all call it.
/// Every method acts for one user, whose id comes from the caller's token, and that ownership is part of
/// every query, so someone else's task is simply not found (null). Each call is at most two database round
/// trips; reads are not tracked. Titles and descriptions are checked against <see cref="TaskText"/> here
/// too (the REST API rejects bad input earlier, with the same rules), and a violation throws
/// <see cref="InvalidTextException"/>.
/// </summary>
public sealed partial class TaskService(TodoDbContext db, TimeProvider time, UserTimeZones? zones = null, ActivityWriter? writer = null)
{
    /// <summary>Every change is recorded by this writer, in the change's transaction (one made here writes with a batch of its own).</summary>
    private readonly ActivityWriter activity = writer ?? new ActivityWriter(db, new ActivityContext(), time);

    private bool IsPostgres => db is PostgresTodoDbContext;

    /// <summary>
    /// Creates a task with the user's next number. Throws <see cref="AccountGoneException"/> when the user does not
    /// exist (an account removed while one of its tokens is still valid).
    /// </summary>
    public Task<TaskItem> CreateAsync(
        Guid userId, string title, string? description = null, CancellationToken cancellationToken = default) =>
        CreateAsync(userId, title, description, new NewTaskOptions(), cancellationToken);

    /// <summary>
    /// Creates a task in <see cref="NewTaskOptions.ListId"/> (null: the Inbox) with its labels and priority. A list that
    /// is not the user's is an <see cref="InvalidTextException"/> naming <c>list_id</c>, worded as for a missing one.
    /// </summary>
    public async Task<TaskItem> CreateAsync(
        Guid userId, string title, string? description, NewTaskOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var now = Now();
        var task = new TaskItem
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Title = ValidTitle(title),
            Description = ValidDescription(description),
            CreatedAt = options.CreatedAt ?? now,
            UpdatedAt = now,
            IsCompleted = options.CompletedAt is not null,
            CompletedAt = options.CompletedAt,
            Priority = ValidPriority(options.Priority),
        };
        task.SetDue(options.Due);
        var labels = options.Labels is null ? [] : TaskLabels.Require(options.Labels);

        // PostgreSQL writes the task and its event in one statement; labels, and SQLite's event, are statements of their
        // own: all in one transaction, so a task is never left without them.
        task.LabelNames = labels;
        var created = IsPostgres ? CreatedEvent(task) : null;
        var transaction = db.Database.CurrentTransaction is null && (created is null || labels.Count > 0)
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        InsertedTask? inserted;
        try
        {
            inserted = await InsertAsync(task, options.ListId, created, cancellationToken);
            if (inserted is null && options.ListId is null && await EnsureInboxAsync(userId, cancellationToken))
            {
                // A user made without registration (an operator's insert, a test): the Inbox exists now.
                inserted = await InsertAsync(task, null, created, cancellationToken);
            }

            if (inserted is null)
            {
                if (options.ListId is not null && await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
                {
                    throw NoSuchList();
                }

                throw new AccountGoneException(userId);
            }

            if (labels.Count > 0)
            {
                await InsertLabelsAsync(userId, task.Id, inserted.Number, labels, cancellationToken);
            }

            // The row as written: the insert returned what the database chose (number, list), the rest is ours.
            task.Number = inserted.Number;
            task.ListId = inserted.ListId;
            task.List = new TodoList { Id = inserted.ListId, UserId = userId, Name = inserted.ListName, NormalizedName = TodoList.Normalize(inserted.ListName) };
            if (created is null)
            {
                await RecordAsync(userId, null, task, cancellationToken);
            }
            else
            {
                await activity.WrittenAsync(userId, cancellationToken);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }

        task.ReadAt = now;
        task.OwnerTimeZone = options.Due?.TimeZone;
        return task;
    }

    /// <summary>The user's IANA time zone ("UTC" for a user that does not exist): kept a few seconds, so most calls read nothing.</summary>
    public async Task<string> TimeZoneOfAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        if (zones is not null && zones.TryGet(userId, out var kept))
        {
            return kept;
        }

        var zone = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TimeZone).FirstOrDefaultAsync(cancellationToken)
            ?? User.DefaultTimeZone;
        zones?.Remember(userId, zone);
        return zone;
    }

    /// <summary>
    /// The due <paramref name="input"/> asks for, read in the user's zone (null: none, or nothing said); unreadable words are an
    /// <see cref="InvalidTextException"/> naming the field. No read at all when the input says nothing or only a date.
    /// </summary>
    public async Task<DueReading?> ReadDueAsync(Guid userId, DueInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!input.Changes)
        {
            return null;
        }

        var zone = await TimeZoneOfAsync(userId, cancellationToken);
        return input.Read(ClockIn(zone), zone);
    }

    /// <summary>
    /// A due phrase read as if said when <paramref name="day"/> begins in the user's zone (now, when that is today): a rule
    /// that names no day of its own ("every month", "daily") then starts on that day. Null when the day is past or the
    /// words cannot be read.
    /// </summary>
    public async Task<DueReading?> ReadDueFromAsync(Guid userId, string text, DateOnly day, CancellationToken cancellationToken = default)
    {
        var zone = await TimeZoneOfAsync(userId, cancellationToken);
        var clock = ClockIn(zone);
        if (day < clock.Today)
        {
            return null;
        }

        var said = day == clock.Today ? clock : DueClock.At(new DateTimeOffset(clock.StartOf(day), TimeSpan.Zero), clock.Zone);
        try
        {
            return new DueInput(text, null, null, null, false).Read(said, zone);
        }
        catch (InvalidTextException)
        {
            return null;
        }
    }

    /// <summary>Now, and the user's today in their zone: what due phrases and the date terms of filters are reckoned from.</summary>
    public async Task<DueClock> ClockAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var zone = await TimeZoneOfAsync(userId, cancellationToken);
        return ClockIn(zone);
    }

    private DueClock ClockIn(string zone) => DueClock.At(time.GetUtcNow(), ZonedTime.FindZone(zone) ?? TimeZoneInfo.Utc);

    /// <summary>The user's Inbox id, making the Inbox when it is missing; null when the user does not exist.</summary>
    public async Task<Guid?> InboxIdAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var inbox = await InboxQuery(userId).FirstOrDefaultAsync(cancellationToken);
        if (inbox == Guid.Empty && await EnsureInboxAsync(userId, cancellationToken))
        {
            inbox = await InboxQuery(userId).FirstOrDefaultAsync(cancellationToken);
        }

        return inbox == Guid.Empty ? null : inbox;
    }

    /// <summary>
    /// Moves every task of one of the user's lists to another of them (both checked by the caller), each change recorded;
    /// how many moved. Three statements whatever the count: read, move, record.
    /// </summary>
    public Task<int> MoveListTasksAsync(Guid userId, Guid fromListId, Guid toListId, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async () =>
        {
            var now = Now();
            var toName = await db.Lists.Where(l => l.Id == toListId && l.UserId == userId).Select(l => l.Name).FirstAsync(cancellationToken);
            var before = await WithDetails(db.Tasks.AsNoTracking().Where(t => t.UserId == userId && t.ListId == fromListId), userId)
                .ToListAsync(cancellationToken);
            var moved = await db.Tasks.Where(t => t.UserId == userId && t.ListId == fromListId)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.ListId, toListId).SetProperty(t => t.UpdatedAt, now), cancellationToken);
            await RecordAllAsync(userId, before, task =>
            {
                task.ListId = toListId;
                task.List = new TodoList { Id = toListId, UserId = userId, Name = toName, NormalizedName = TodoList.Normalize(toName) };
                task.UpdatedAt = now;
            }, cancellationToken);
            return moved;
        }, cancellationToken);

    /// <summary>
    /// Moves every task of one of the user's lists to the trash (each recorded); how many went. They wait there in the
    /// Inbox, as the list is about to go (<see cref="MoveTrashOutOfListAsync"/> takes those that were already there).
    /// </summary>
    public Task<int> DeleteListTasksAsync(Guid userId, Guid listId, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async () =>
        {
            var inbox = await InboxIdAsync(userId, cancellationToken) ?? throw new AccountGoneException(userId);
            var inboxName = await db.Lists.Where(l => l.Id == inbox).Select(l => l.Name).FirstAsync(cancellationToken);
            var now = Now();
            var before = await WithDetails(db.Tasks.AsNoTracking().Where(t => t.UserId == userId && t.ListId == listId), userId)
                .ToListAsync(cancellationToken);
            var trashed = await db.Tasks.Where(t => t.UserId == userId && t.ListId == listId).ExecuteUpdateAsync(set => set
                .SetProperty(t => t.DeletedAt, now).SetProperty(t => t.ListId, inbox).SetProperty(t => t.UpdatedAt, now), cancellationToken);
            await RecordAllAsync(userId, before, task =>
            {
                task.DeletedAt = now;
                task.ListId = inbox;
                task.List = new TodoList { Id = inbox, UserId = userId, Name = inboxName, NormalizedName = TodoList.Normalize(inboxName) };
                task.UpdatedAt = now;
            }, cancellationToken);
            return trashed;
        }, cancellationToken);

    /// <summary>
    /// The tasks in the trash that belong to one of the user's lists go to the Inbox (the list is being deleted), each move
    /// recorded. One read when there are none; else the Inbox, the move and the events.
    /// </summary>
    public Task MoveTrashOutOfListAsync(Guid userId, Guid listId, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async () =>
        {
            var trashed = db.Tasks.IgnoreQueryFilters().AsNoTracking().Where(t => t.UserId == userId && t.ListId == listId && t.DeletedAt != null);
            var before = await WithDetails(trashed, userId).ToListAsync(cancellationToken);
            if (before.Count == 0)
            {
                return 0;
            }

            var inbox = await db.Lists.AsNoTracking().Where(l => l.UserId == userId && l.IsInbox).Select(l => new { l.Id, l.Name })
                .FirstAsync(cancellationToken);
            var ids = before.Select(t => t.Id).ToList();
            var now = Now();
            await db.Tasks.IgnoreQueryFilters().Where(t => t.UserId == userId && ids.Contains(t.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.ListId, inbox.Id).SetProperty(t => t.UpdatedAt, now), cancellationToken);
            await RecordAllAsync(userId, before, task =>
            {
                task.ListId = inbox.Id;
                task.List = new TodoList { Id = inbox.Id, UserId = userId, Name = inbox.Name, NormalizedName = TodoList.Normalize(inbox.Name) };
                task.UpdatedAt = now;
            }, cancellationToken);
            return before.Count;
        }, cancellationToken);

    /// <summary>Records, in one statement, the change <paramref name="change"/> makes to each of <paramref name="tasks"/> (as read before it).</summary>
    private Task RecordAllAsync(Guid userId, IEnumerable<TaskItem> tasks, Action<TaskItem> change, CancellationToken cancellationToken)
    {
        var events = new List<NewActivityEvent>();
        foreach (var before in tasks)
        {
            var after = before.Copy();
            change(after);
            var was = TaskSnapshot.Of(before);
            var now = TaskSnapshot.Of(after);
            var changes = TaskSnapshot.Changes(was, now);
            if (changes.Count > 0 || was.InTrash != now.InTrash)
            {
                events.Add(new NewActivityEvent(TaskSnapshot.KindOf(was, now, [.. changes.Select(c => c.Key)]), after.Id, after.Number, after.Title, changes));
            }
        }

        return activity.AppendAsync(userId, events, cancellationToken);
    }

    /// <summary>The user's labels with how many tasks carry each, alphabetically (one GROUP BY on ix_task_labels_user_label_number).</summary>
    public async Task<IReadOnlyList<(string Name, int TaskCount)>> ListLabelsAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var rows = await db.TaskLabels.AsNoTracking()
            .Where(l => l.UserId == userId && db.Tasks.Any(t => t.Id == l.TaskId))
            .GroupBy(l => l.Label)
            .Select(g => new { Name = g.Key, Count = g.Count() })
            .OrderBy(x => x.Name)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => (row.Name, row.Count))];
    }

    public Task<TaskItem?> GetAsync(Guid userId, TaskKey key, CancellationToken cancellationToken = default) =>
        WithDetails(Owned(userId, key).AsNoTracking(), userId).FirstOrDefaultAsync(cancellationToken);

    public Task<TaskItem?> GetAsync(Guid userId, Guid id, CancellationToken cancellationToken = default) =>
        GetAsync(userId, TaskKey.ById(id), cancellationToken);

    public Task<TaskItem?> GetByNumberAsync(Guid userId, int number, CancellationToken cancellationToken = default) =>
        GetAsync(userId, TaskKey.ByNumber(number), cancellationToken);

    /// <summary>The user's pending tasks with this title (ignoring case), with their details, in number order: one round trip.</summary>
    public async Task<IReadOnlyList<TaskItem>> ListPendingTitledAsync(Guid userId, string title, CancellationToken cancellationToken = default)
    {
        var pending = db.Tasks.AsNoTracking().Where(t => t.UserId == userId && !t.IsCompleted)
            .Where(TaskTextSearch.TitleIs(ValidTitle(title), IsPostgres))
            .OrderBy(t => t.Number);
        return await WithDetails(pending, userId).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Every task of the user (or of one of the user's lists) as (number, title, is_completed), ordered by number: what
    /// words naming a task are matched against. One round trip, reading three columns.
    /// </summary>
    public async Task<IReadOnlyList<(int Number, string Title, bool IsCompleted)>> ListTitlesAsync(
        Guid userId, Guid? listId = null, CancellationToken cancellationToken = default)
    {
        var tasks = db.Tasks.AsNoTracking().Where(t => t.UserId == userId);
        if (listId is { } onList)
        {
            tasks = tasks.Where(t => t.ListId == onList);
        }

        var rows = await tasks
            .OrderBy(t => t.Number)
            .Select(t => new { t.Number, t.Title, t.IsCompleted })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => (row.Number, row.Title, row.IsCompleted))];
    }

    /// <summary>How many of the user's tasks a list with this status and search holds in all (one COUNT).</summary>
    public Task<int> CountAsync(Guid userId, TaskStatusFilter status, string? search, CancellationToken cancellationToken = default) =>
        Matching(userId, status, search).CountAsync(cancellationToken);

    /// <summary>
    /// How many of the user's tasks the query's status, search, list and filter select in all (one COUNT; order, size and
    /// cursor do not count). A bad filter is a <see cref="FilterException"/>.
    /// </summary>
    public async Task<int> CountAsync(Guid userId, TaskListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await (await SelectedAsync(userId, query, FilterParser.Parse(query.Filter), cancellationToken)).CountAsync(cancellationToken);
    }

    /// <summary>
    /// One page of the user's tasks (one round trip, whatever the page's depth). A bad <see cref="TaskListQuery.Filter"/>
    /// is a <see cref="FilterException"/> (an <see cref="InvalidTextException"/> naming <c>filter</c>), before any query.
    /// </summary>
    public async Task<TaskPage> ListAsync(Guid userId, TaskListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, TaskListQuery.MaxLimit, nameof(query));
        if (query.After is { } after && after.Sort != query.Sort)
        {
            throw new ArgumentException("The cursor was made for a different sort order.", nameof(query));
        }

        var filter = FilterParser.Parse(query.Filter);
        var tasks = await SelectedAsync(userId, query, filter, cancellationToken);
        var page = Page(tasks, query.Sort, query.After).Take(query.Limit + 1);
        if (filter is not null && FilterDueDates.IsNarrow(filter))
        {
            // Days ahead (today, tomorrow, next N days) match a few tasks spread over the user's numbers. Their columns are all
            // in ix_tasks_user_due_order, so the page's numbers come from that index alone, and only the page's own rows are
            // read. A wide term (overdue, before, after) matches densely: walking the numbers finds a page sooner.
            var numbers = page.Select(t => t.Number);
            page = Page(db.Tasks.AsNoTracking().Where(t => t.UserId == userId && numbers.Contains(t.Number)), query.Sort, null);
        }

        var rows = await WithDetails(page, userId).ToListAsync(cancellationToken);
        if (rows.Count <= query.Limit)
        {
            return new TaskPage(rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        return new TaskPage(rows, TaskCursor.After(rows[^1], query.Sort));
    }

    /// <summary>Replaces the editable fields (title and description; a null description clears it).</summary>
    public Task<TaskItem?> ReplaceAsync(
        Guid userId, TaskKey key, string title, string? description, CancellationToken cancellationToken = default)
    {
        var newTitle = ValidTitle(title);
        var newDescription = ValidDescription(description);
        return RecordedAsync(userId, key, async before =>
        {
            var now = Now();
            await Owned(userId, TaskKey.ById(before.Id)).ExecuteUpdateAsync(set => set
                .SetProperty(t => t.Title, newTitle)
                .SetProperty(t => t.Description, newDescription)
                .SetProperty(t => t.UpdatedAt, now), cancellationToken);
            var after = before.Copy();
            after.Title = newTitle;
            after.Description = newDescription;
            after.UpdatedAt = now;
            return after;
        }, cancellationToken);
    }

    /// <summary>
    /// Changes only the fields <paramref name="changes"/> sets. No changes: the task as it is. A list that is not the
    /// user's is an <see cref="InvalidTextException"/> naming <c>list_id</c>; bad labels one naming <c>labels</c>.
    /// </summary>
    public async Task<TaskItem?> UpdateAsync(
        Guid userId, TaskKey key, TaskChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.IsCompleted is { } completed)
        {
            return await UpdateThenCompleteAsync(userId, key, changes with { IsCompleted = null }, completed, cancellationToken);
        }

        if (changes.OnlyFirstWave)
        {
            return await UpdateFirstWaveAsync(userId, key, changes, cancellationToken);
        }

        // Checked before anything is written.
        var labels = changes.ChangesLabels ? TaskLabels.Require(changes.Labels ?? []) : null;
        var priority = changes.Priority is { } p ? ValidPriority(p) : (TaskPriority?)null;
        if (changes.Title is not null)
        {
            ValidTitle(changes.Title);
        }

        if (changes.ChangesDescription)
        {
            ValidDescription(changes.Description);
        }

        Guid? listId = null;
        if (changes.ChangesList)
        {
            listId = changes.ListId is { } wanted
                ? await db.Lists.AnyAsync(l => l.Id == wanted && l.UserId == userId, cancellationToken) ? wanted : throw NoSuchList()
                : await InboxIdAsync(userId, cancellationToken);
            if (listId is null)
            {
                return null; // no such user, so no such task
            }
        }

        return await RecordedAsync(userId, key, async target =>
        {
            var taskId = target.Id;
            var due = changes.ChangesDue || changes.StopsRecurrence
                ? TaskDue.Columns(NewDue(target.DueIn(target.DueTimeZone ?? User.DefaultTimeZone), changes))
                : null;

            var now = Now();
            await Owned(userId, TaskKey.ById(taskId)).ExecuteUpdateAsync(set =>
            {
                if (listId is { } list)
                {
                    set.SetProperty(t => t.ListId, list);
                }

                if (priority is { } newPriority)
                {
                    set.SetProperty(t => t.Priority, newPriority);
                }

                if (due is not null)
                {
                    SetDue(set, due);
                }

                set.SetProperty(t => t.UpdatedAt, now);
            }, cancellationToken);
            if (due is not null)
            {
                await Reminders.ReminderSchedule.RescheduleAsync(db, userId, taskId, null, now, cancellationToken); // reminders follow the due
            }

            if (labels is not null)
            {
                await db.TaskLabels.Where(l => l.TaskId == taskId && l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
                await InsertLabelsAsync(userId, taskId, target.Number, labels, cancellationToken);
            }

            var first = changes.ChangesDescription
                ? new TaskChanges { Title = changes.Title, Description = changes.Description }
                : new TaskChanges { Title = changes.Title };

            return await WriteFirstWaveAsync(userId, TaskKey.ById(taskId), first, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// The due after <paramref name="changes"/>: the new one, or none; a new date without a rule of its own keeps the
    /// task's rule (one occurrence moves); stopping the recurrence keeps the date and time.
    /// </summary>
    private static DueReading? NewDue(DueReading? current, TaskChanges changes)
    {
        var due = changes.ChangesDue ? changes.Due : current;
        if (changes.ChangesDue && due is { Recurrence: null } && current is { Recurrence: { } rule })
        {
            // One occurrence moves: the rule stays, and so does its time when the new day names none ("friday").
            due = due.Time is null && current.Time is not null
                ? due with { Time = current.Time, TimeZone = current.TimeZone, Recurrence = rule, FromCompletion = current.FromCompletion }
                : due with { Recurrence = rule, FromCompletion = current.FromCompletion };
        }

        return changes.StopsRecurrence && due is not null ? due with { Recurrence = null, FromCompletion = false } : due;
    }

    private static void SetDue(UpdateSettersBuilder<TaskItem> set, TaskDue due) => set
        .SetProperty(t => t.DueDate, due.Date)
        .SetProperty(t => t.DueTime, due.Time)
        .SetProperty(t => t.DueAt, due.At)
        .SetProperty(t => t.DueTimeZone, due.TimeZone)
        .SetProperty(t => t.DueRecurrence, due.Recurrence)
        .SetProperty(t => t.DueFromCompletion, due.FromCompletion)
        .SetProperty(t => t.DueOrder, due.Order);

    /// <summary>The other changes, then completion, in one transaction.</summary>
    private async Task<TaskItem?> UpdateThenCompleteAsync(
        Guid userId, TaskKey key, TaskChanges others, bool completed, CancellationToken cancellationToken)
    {
        if (others.IsEmpty)
        {
            return await SetCompletedAsync(userId, key, completed, cancellationToken);
        }

        return await InTransactionAsync(async () =>
        {
            var changed = await UpdateAsync(userId, key, others, cancellationToken);
            return changed is null ? null : await SetCompletedAsync(userId, TaskKey.ById(changed.Id), completed, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> in a transaction of its own, committed when it returns, or in the caller's when one is open.</summary>
    private async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Title and description: the task read (locked), written, and recorded; the answer is made from what was read.</summary>
    private Task<TaskItem?> UpdateFirstWaveAsync(Guid userId, TaskKey key, TaskChanges changes, CancellationToken cancellationToken)
    {
        if (changes.IsEmpty)
        {
            return GetAsync(userId, key, cancellationToken);
        }

        var newTitle = changes.Title is null ? null : ValidTitle(changes.Title);
        var newDescription = changes.ChangesDescription ? ValidDescription(changes.Description) : null;
        return RecordedAsync(userId, key, async task =>
        {
            var now = Now();
            await Owned(userId, TaskKey.ById(task.Id)).ExecuteUpdateAsync(set =>
            {
                if (newTitle is not null)
                {
                    set.SetProperty(t => t.Title, newTitle);
                }

                if (changes.ChangesDescription)
                {
                    set.SetProperty(t => t.Description, newDescription);
                }

                set.SetProperty(t => t.UpdatedAt, now);
            }, cancellationToken);
            task.Title = newTitle ?? task.Title;
            task.Description = changes.ChangesDescription ? newDescription : task.Description;
            task.UpdatedAt = now;
            task.ReadAt = now;
            return task;
        }, cancellationToken);
    }

    private Task<TaskItem?> WriteFirstWaveAsync(Guid userId, TaskKey key, TaskChanges changes, CancellationToken cancellationToken)
    {
        if (changes.IsEmpty)
        {
            return GetAsync(userId, key, cancellationToken);
        }

        var newTitle = changes.Title is null ? null : ValidTitle(changes.Title);
        var newDescription = changes.ChangesDescription ? ValidDescription(changes.Description) : null;
        var now = Now();
        return UpdateAndReadAsync(userId, key, set =>
        {
            if (newTitle is not null)
            {
                set.SetProperty(t => t.Title, newTitle);
            }

            if (changes.ChangesDescription)
            {
                set.SetProperty(t => t.Description, newDescription);
            }

            set.SetProperty(t => t.UpdatedAt, now);
        }, cancellationToken);
    }

    /// <summary>
    /// Completes (sets completed_at) or reopens (clears it) the task. Asking for the state it already has changes nothing,
    /// so completed_at keeps the moment it was first completed. Completing a repeating task keeps it open and moves its due
    /// to the next occurrence (<see cref="DueSchedule.Advance"/>); the answer carries the new due.
    /// </summary>
    public Task<TaskItem?> SetCompletedAsync(
        Guid userId, TaskKey key, bool completed, CancellationToken cancellationToken = default) =>
        ChangeCompletionAsync(userId, key, _ => completed, cancellationToken);

    /// <summary>Flips completion (a repeating task moves to its next occurrence instead of being completed).</summary>
    public Task<TaskItem?> ToggleCompletedAsync(Guid userId, TaskKey key, CancellationToken cancellationToken = default) =>
        ChangeCompletionAsync(userId, key, current => !current, cancellationToken);

    /// <summary>How many times a completion is tried again when another write changed the task between its read and its update.</summary>
    private const int CompletionAttempts = 50;

    /// <summary>
    /// Reads the task, then writes the new state only if the task is still as read (its completion and due),
    /// trying again when another write came between: two round trips, for a repeating task too, and concurrent toggles
    /// never lose one. The answer is the task as written.
    /// </summary>
    private async Task<TaskItem?> ChangeCompletionAsync(
        Guid userId, TaskKey key, Func<bool, bool> wanted, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await GetAsync(userId, key, cancellationToken) is not { } task)
            {
                return null;
            }

            var userZone = task.OwnerTimeZone ?? User.DefaultTimeZone;

            var complete = wanted(task.IsCompleted);
            var now = Now();
            var next = complete && task.DueRecurrence is not null ? NextOccurrence(task, userZone, now) : null;
            if (next is null && complete == task.IsCompleted)
            {
                return task;
            }

            var due = next is null ? null : TaskDue.Columns(next);
            var isCompleted = next is null && complete;
            DateTime? completedAt = isCompleted ? task.CompletedAt ?? now : null;
            // Still as read: completion and due compared as stored values, dates and times by their own types (SQLite keeps
            // timestamps as text, whose spelling another writer may choose differently, so updated_at cannot be compared).
            var (wasCompleted, dueDate, dueTime, rule) = (task.IsCompleted, task.DueDate, task.DueTime, task.DueRecurrence);
            var after = task.Copy();
            if (next is not null)
            {
                after.SetDue(next);
            }

            after.IsCompleted = isCompleted;
            after.CompletedAt = completedAt;
            after.UpdatedAt = now;
            after.ReadAt = now;
            var moveReminders = next is not null && task.HasReminders;
            var written = IsPostgres && !moveReminders
                ? await activity.WriteAndAppendAsync(
                    userId, CompletionUpdate(userId, task, isCompleted, completedAt, due, now), [Event(task, after, next is null ? null : ActivityKind.Recurred)!],
                    cancellationToken) == 1
                : await InTransactionAsync(async () =>
            {
                var updated = await Owned(userId, TaskKey.ById(task.Id))
                    .Where(t => t.IsCompleted == wasCompleted && t.DueDate == dueDate && t.DueTime == dueTime && t.DueRecurrence == rule)
                    .ExecuteUpdateAsync(set =>
                    {
                        if (due is not null)
                        {
                            SetDue(set, due);
                        }

                        set.SetProperty(t => t.IsCompleted, isCompleted)
                            .SetProperty(t => t.CompletedAt, completedAt)
                            .SetProperty(t => t.UpdatedAt, now);
                    }, cancellationToken);
                if (updated == 1)
                {
                    if (moveReminders)
                    {
                        // Its reminders move to the next occurrence, to fire once more.
                        await Reminders.ReminderSchedule.RescheduleAsync(db, userId, task.Id, task.DueIn(userZone), now, cancellationToken);
                    }

                    await RecordAsync(userId, task, after, cancellationToken, next is null ? null : ActivityKind.Recurred);
                }

                return updated == 1;
            }, cancellationToken);
            if (written)
            {
                return after;
            }

            if (attempt == CompletionAttempts)
            {
                throw new DbUpdateConcurrencyException($"Task {key} kept changing while it was being completed.");
            }
        }
    }

    /// <summary>
    /// The due a repeating task moves to when completed at <paramref name="now"/>; null when its rule has no occurrence
    /// left (then it is completed like any task). An all-day due's "today" is the user's.
    /// </summary>
    private static DueReading? NextOccurrence(TaskItem task, string userZone, DateTime now)
    {
        if (task.DueIn(userZone) is not { } due)
        {
            return null;
        }

        var next = DueSchedule.Advance(due, new DateTimeOffset(now, TimeSpan.Zero));
        return next.Date == due.Date ? null : next;
    }

    /// <summary>
    /// Moves the task to the trash and returns it as it was; null when there was none. It keeps its number, and comes back
    /// with <see cref="RestoreAsync"/> until it is purged.
    /// </summary>
    public Task<TaskItem?> DeleteAsync(Guid userId, TaskKey key, CancellationToken cancellationToken = default) =>
        RecordedAsync(userId, key, async before =>
        {
            var now = Now();
            var trashed = await Owned(userId, TaskKey.ById(before.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.DeletedAt, now).SetProperty(t => t.UpdatedAt, now), cancellationToken);
            if (trashed == 0)
            {
                return null;
            }

            var after = before.Copy();
            after.DeletedAt = now;
            after.UpdatedAt = now;
            return after;
        }, cancellationToken);

    /// <summary>Takes a task out of the trash, with its number, list, labels and due; null when the trash has no such task.</summary>
    public Task<TaskItem?> RestoreAsync(Guid userId, Guid id, CancellationToken cancellationToken = default) =>
        RecordedAsync(userId, TaskKey.ById(id), async before =>
        {
            var now = Now();
            var restored = await Trashed(userId, TaskKey.ById(before.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.DeletedAt, (DateTime?)null).SetProperty(t => t.UpdatedAt, now), cancellationToken);
            if (restored == 0)
            {
                return null;
            }

            var after = before.Copy();
            after.DeletedAt = null;
            after.UpdatedAt = now;
            return after;
        }, cancellationToken, inTrash: true);

    /// <summary>The user's trash, most recently deleted first.</summary>
    public async Task<TaskPage> ListTrashAsync(Guid userId, int limit, TaskCursor? after, CancellationToken cancellationToken = default)
    {
        var at = after?.Timestamp ?? default;
        var number = after?.Number ?? 0;
        var trash = db.Tasks.IgnoreQueryFilters().AsNoTracking().Where(t => t.UserId == userId && t.DeletedAt != null);
        if (after is not null)
        {
            trash = trash.Where(t => t.DeletedAt <= at && (t.DeletedAt < at || t.Number < number));
        }

        var items = await WithDetails(trash.OrderByDescending(t => t.DeletedAt).ThenByDescending(t => t.Number).Take(limit + 1), userId)
            .ToListAsync(cancellationToken);
        var next = items.Count > limit ? TrashCursor(items[limit - 1]) : null;
        return new TaskPage(items.Count > limit ? items[..limit] : items, next);
    }

    /// <summary>The position after <paramref name="task"/> in the trash: when it was deleted, then its number, both descending.</summary>
    public static TaskCursor TrashCursor(TaskItem task) =>
        new(TaskSort.UpdatedAtDescending, task.Number, Timestamp: task.DeletedAt ?? default);

    /// <summary>Removes one task of the trash for good (null: all of it); how many were removed.</summary>
    public Task<int> PurgeAsync(Guid userId, Guid? id, CancellationToken cancellationToken = default) =>
        db.Tasks.IgnoreQueryFilters()
            .Where(t => t.UserId == userId && t.DeletedAt != null && (id == null || t.Id == id))
            .ExecuteDeleteAsync(cancellationToken);

    /// <summary>Removes, for every user, what has been in the trash since before <paramref name="deletedBefore"/>.</summary>
    public Task<int> PurgeTrashAsync(DateTime deletedBefore, CancellationToken cancellationToken = default) =>
        db.Tasks.IgnoreQueryFilters()
            .Where(t => t.DeletedAt != null && t.DeletedAt < deletedBefore)
            .ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// Reads the task (locked until the transaction ends, on PostgreSQL; SQLite has one writer), runs
    /// <paramref name="write"/> on it, and records what changed, in one transaction. <paramref name="write"/> returns the
    /// task as it wrote it (null: nothing written).
    /// </summary>
    private Task<TaskItem?> RecordedAsync(
        Guid userId, TaskKey key, Func<TaskItem, Task<TaskItem?>> write, CancellationToken cancellationToken, bool inTrash = false) =>
        InTransactionAsync(async () =>
        {
            var before = await WithDetails(ForUpdate(userId, key, inTrash).AsNoTracking(), userId).FirstOrDefaultAsync(cancellationToken);
            if (before is null)
            {
                return null;
            }

            var after = await write(before.Copy());
            if (after is not null)
            {
                await RecordAsync(userId, before, after, cancellationToken);
            }

            return after;
        }, cancellationToken);

    /// <summary>One event for the change from <paramref name="before"/> (null: created) to <paramref name="after"/>; none when nothing differs.</summary>
    private Task RecordAsync(Guid userId, TaskItem? before, TaskItem after, CancellationToken cancellationToken, ActivityKind? kind = null) =>
        Event(before, after, kind) is { } change ? activity.AppendAsync(userId, [change], cancellationToken) : Task.CompletedTask;

    /// <summary>The event of the change from <paramref name="before"/> (null: created) to <paramref name="after"/>; null when nothing differs.</summary>
    private static NewActivityEvent? Event(TaskItem? before, TaskItem after, ActivityKind? kind = null)
    {
        var was = before is null ? null : TaskSnapshot.Of(before);
        var now = TaskSnapshot.Of(after);
        var changes = TaskSnapshot.Changes(was, now);
        if (was is not null && changes.Count == 0 && was.InTrash == now.InTrash)
        {
            return null;
        }

        var what = kind ?? TaskSnapshot.KindOf(was, now, [.. changes.Select(change => change.Key)]);
        return new NewActivityEvent(what, after.Id, after.Number, after.Title, changes);
    }

    /// <summary>
    /// PostgreSQL: the completion's UPDATE as <see cref="ChangeCompletionAsync"/> makes it, for
    /// <see cref="ActivityWriter.WriteAndAppendAsync"/> (a row returned: written). It only writes a live task still as
    /// read: completion and due unchanged.
    /// </summary>
    private static FormattableString CompletionUpdate(
        Guid userId, TaskItem read, bool isCompleted, DateTime? completedAt, TaskDue? due, DateTime now)
    {
        if (due is null)
        {
            return $"""
                UPDATE tasks SET is_completed = {isCompleted}, completed_at = {completedAt}, updated_at = {now}
                WHERE id = {read.Id} AND user_id = {userId} AND deleted_at IS NULL AND is_completed = {read.IsCompleted}
                  AND due_date IS NOT DISTINCT FROM {read.DueDate} AND due_time IS NOT DISTINCT FROM {read.DueTime}
                  AND due_recurrence IS NOT DISTINCT FROM {read.DueRecurrence}
                RETURNING 1
                """;
        }

        return $"""
            UPDATE tasks SET is_completed = {isCompleted}, completed_at = {completedAt}, updated_at = {now},
              due_date = {due.Date}, due_time = {due.Time}, due_at = {due.At}, due_time_zone = {due.TimeZone},
              due_recurrence = {due.Recurrence}, due_from_completion = {due.FromCompletion}, due_order = {due.Order}
            WHERE id = {read.Id} AND user_id = {userId} AND deleted_at IS NULL AND is_completed = {read.IsCompleted}
              AND due_date IS NOT DISTINCT FROM {read.DueDate} AND due_time IS NOT DISTINCT FROM {read.DueTime}
              AND due_recurrence IS NOT DISTINCT FROM {read.DueRecurrence}
            RETURNING 1
            """;
    }

    /// <summary>The task, row-locked for the rest of the transaction on PostgreSQL (a subquery FOR UPDATE), else as <see cref="Owned"/>.</summary>
    private IQueryable<TaskItem> ForUpdate(Guid userId, TaskKey key, bool inTrash)
    {
        if (!IsPostgres)
        {
            return inTrash ? Trashed(userId, key) : Owned(userId, key);
        }

        var rows = key switch
        {
            { Id: { } id } => db.Tasks.FromSql($"SELECT * FROM tasks WHERE id = {id} AND user_id = {userId} FOR UPDATE"),
            { Number: { } number } => db.Tasks.FromSql($"SELECT * FROM tasks WHERE user_id = {userId} AND number = {number} FOR UPDATE"),
            _ => throw new ArgumentException("The key names no task.", nameof(key)),
        };
        return inTrash ? rows.IgnoreQueryFilters().Where(t => t.DeletedAt != null) : rows;
    }

    private IQueryable<TaskItem> Trashed(Guid userId, TaskKey key) => key switch
    {
        { Id: { } id } => db.Tasks.IgnoreQueryFilters().Where(t => t.Id == id && t.UserId == userId && t.DeletedAt != null),
        { Number: { } number } => db.Tasks.IgnoreQueryFilters().Where(t => t.UserId == userId && t.Number == number && t.DeletedAt != null),
        _ => throw new ArgumentException("The key names no task.", nameof(key)),
    };

    /// <summary>
    /// A task with its list's name (a join on the key), its labels (one aggregate over task_labels' primary key per row)
    /// and its owner's time zone (an uncorrelated primary-key probe, run once), in the same statement: a page costs what
    /// the page of bare tasks costs, plus one index probe per task.
    /// </summary>
    private IQueryable<TaskItem> WithDetails(IQueryable<TaskItem> tasks, Guid userId)
    {
        var readAt = Now();
        return tasks.Select(t => new
        {
            Task = t,
            ListName = t.List!.Name,
            Labels = db.TaskLabels.Where(l => l.TaskId == t.Id).GroupBy(l => l.TaskId)
                .Select(g => string.Join(LabelSeparator, g.Select(l => l.Label))).FirstOrDefault(),
            TimeZone = db.Users.Where(u => u.Id == userId).Select(u => u.TimeZone).FirstOrDefault(),
            HasReminders = db.Reminders.Any(r => r.TaskId == t.Id),
        })
        .Select(row => Detailed(row.Task, row.ListName, row.Labels, row.TimeZone, readAt, row.HasReminders));
    }

    private const string LabelSeparator = " ";

    private static TaskItem Detailed(TaskItem task, string listName, string? labels, string? timeZone, DateTime readAt, bool hasReminders)
    {
        task.HasReminders = hasReminders;
        task.ReadAt = readAt;
        task.OwnerTimeZone = timeZone;
        task.List = new TodoList { Id = task.ListId, UserId = task.UserId, Name = listName, NormalizedName = TodoList.Normalize(listName) };
        task.LabelNames = string.IsNullOrEmpty(labels) ? [] : labels.Split(LabelSeparator);
        return task;
    }

    private IQueryable<Guid> InboxQuery(Guid userId) =>
        db.Lists.AsNoTracking().Where(l => l.UserId == userId && l.IsInbox).Select(l => l.Id);

    /// <summary>Makes the user's Inbox when there is none (the partial unique index keeps it one); false when the user does not exist.</summary>
    private async Task<bool> EnsureInboxAsync(Guid userId, CancellationToken cancellationToken)
    {
        var inbox = TodoList.NewInbox(userId, Now());
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO lists (id, user_id, name, normalized_name, is_inbox, created_at, updated_at)
            SELECT {inbox.Id}, {userId}, {inbox.Name}, {inbox.NormalizedName}, TRUE, {inbox.CreatedAt}, {inbox.UpdatedAt}
            FROM users WHERE id = {userId}
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        return inserted > 0 || await InboxQuery(userId).AnyAsync(cancellationToken);
    }

    private async Task InsertLabelsAsync(Guid userId, Guid taskId, int taskNumber, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        db.TaskLabels.AddRange(labels.Select(label => new TaskLabel { TaskId = taskId, UserId = userId, TaskNumber = taskNumber, Label = label }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static InvalidTextException NoSuchList() => new("list_id", "You have no list with this id.");

    private static TaskPriority ValidPriority(TaskPriority priority) => Enum.IsDefined(priority)
        ? priority
        : throw new InvalidTextException("priority", "The priority must be none, low, medium or high.");

    /// <summary>What the insert of a task returns: the number it took and the list it went into.</summary>
    private sealed record InsertedTask(int Number, Guid ListId, string ListName);

    private Task<InsertedTask?> InsertAsync(TaskItem task, Guid? listId, NewActivityEvent? created, CancellationToken cancellationToken) => IsPostgres
        ? InsertOnPostgresAsync(task, listId, created!, cancellationToken)
        : InsertOnSqliteAsync(task, listId, cancellationToken);

    /// <summary>
    /// The created event of <paramref name="task"/> before it is inserted: its number and list are the database's, so the
    /// event's list is <see cref="PendingList"/>, which the insert replaces with the list it chose.
    /// </summary>
    private static NewActivityEvent CreatedEvent(TaskItem task)
    {
        var pending = task.Copy();
        pending.List = PendingList;
        pending.ListId = PendingList.Id;
        return Event(null, pending)!;
    }

    /// <summary>The created event's list (<see cref="TaskSnapshot.Changes"/>: none before, the list after) around its id and name.</summary>
    private const string ListIdBefore = "[null,{\"id\":\"", ListNameBefore = "\",\"name\":", ListEnd = "}]";

    /// <summary>A list no task is in, standing for the one the insert chooses.</summary>
    private static readonly TodoList PendingList = new() { Id = Guid.Empty, Name = "", NormalizedName = "" };

    private IQueryable<TaskItem> Owned(Guid userId, TaskKey key) => key switch
    {
        { Id: { } id } => db.Tasks.Where(t => t.Id == id && t.UserId == userId),
        { Number: { } number } => db.Tasks.Where(t => t.UserId == userId && t.Number == number),
        _ => throw new ArgumentException("The key names no task.", nameof(key)),
    };

    /// <summary>One UPDATE scoped to the owner, then the row as it now is: two round trips.</summary>
    private async Task<TaskItem?> UpdateAndReadAsync(
        Guid userId, TaskKey key, Action<UpdateSettersBuilder<TaskItem>> setters, CancellationToken cancellationToken)
    {
        var updated = await Owned(userId, key).ExecuteUpdateAsync(setters, cancellationToken);
        return updated == 0 ? null : await GetAsync(userId, key, cancellationToken);
    }

    /// <summary>The order for <paramref name="sort"/> and, after a cursor, only the rows past it: (key, number) tuples compared.</summary>
    private static IQueryable<TaskItem> Page(IQueryable<TaskItem> tasks, TaskSort sort, TaskCursor? after)
    {
        var number = after?.Number ?? 0;
        var at = after?.Timestamp ?? default;
        var title = after?.Title ?? "";
        var hasCursor = after is not null;
        var priority = after?.Priority ?? TaskPriority.None;
        switch (sort)
        {
            case TaskSort.Priority:
                // ix_tasks_user_priority (user_id, priority DESC, number) serves this order and the cursor. Each cursor condition
                // starts with a bound on the key alone ("priority <= p"), which the database reads as the start of an index
                // range; the rest drops the rows of the cursor's own key up to its number.
                return (hasCursor ? tasks.Where(t => t.Priority <= priority && (t.Priority < priority || t.Number > number)) : tasks)
                    .OrderByDescending(t => t.Priority).ThenBy(t => t.Number);
            case TaskSort.Due:
                // Earliest due first, no date last (its key is after every date), ties by number: ix_tasks_user_due_order.
                return (hasCursor ? tasks.Where(t => t.DueOrder >= at && (t.DueOrder > at || t.Number > number)) : tasks)
                    .OrderBy(t => t.DueOrder).ThenBy(t => t.Number);
            case TaskSort.CreatedAt:
                return (hasCursor ? tasks.Where(t => t.CreatedAt >= at && (t.CreatedAt > at || t.Number > number)) : tasks)
                    .OrderBy(t => t.CreatedAt).ThenBy(t => t.Number);
            case TaskSort.CreatedAtDescending:
                return (hasCursor ? tasks.Where(t => t.CreatedAt <= at && (t.CreatedAt < at || t.Number < number)) : tasks)
                    .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Number);
            case TaskSort.UpdatedAt:
                return (hasCursor ? tasks.Where(t => t.UpdatedAt >= at && (t.UpdatedAt > at || t.Number > number)) : tasks)
                    .OrderBy(t => t.UpdatedAt).ThenBy(t => t.Number);
            case TaskSort.UpdatedAtDescending:
                return (hasCursor ? tasks.Where(t => t.UpdatedAt <= at && (t.UpdatedAt < at || t.Number < number)) : tasks)
                    .OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Number);
            case TaskSort.Title:
                // Compared and ordered by the database's collation, the same on both sides of the cursor.
                return (hasCursor ? tasks.Where(t => t.Title.CompareTo(title) >= 0 && (t.Title.CompareTo(title) > 0 || t.Number > number)) : tasks)
                    .OrderBy(t => t.Title).ThenBy(t => t.Number);
            default:
                // The number is unique per user: ix_tasks_user_number serves this order and the cursor.
                return (hasCursor ? tasks.Where(t => t.Number > number) : tasks).OrderBy(t => t.Number);
        }
    }

    /// <summary>
    /// PostgreSQL: one statement, the task and its <paramref name="created"/> event. The UPDATE takes the user's next task
    /// and event numbers and row-locks the user until the statement's transaction commits, so concurrent creates take
    /// consecutive numbers and events are numbered in commit order (as <see cref="ActivityWriter"/> numbers them); no user
    /// row, no insert. Outside a transaction the statement commits by itself: one round trip.
    /// </summary>
    private async Task<InsertedTask?> InsertOnPostgresAsync(TaskItem task, Guid? listId, NewActivityEvent created, CancellationToken cancellationToken)
    {
        // The list is the user's Inbox, or the one named if it is the user's: no list, no number taken and no insert.
        var wanted = listId ?? Guid.Empty;
        var inbox = listId is null;
        var priority = (short)task.Priority;
        var recorded = activity.Context;
        var source = recorded.Source.ToString().ToLowerInvariant();
        var kind = created.Kind.ToString().ToLowerInvariant();
        var changes = created.Changes.ToJsonString();
        var pendingList = created.Changes[TaskSnapshot.ListField]!.ToJsonString();
        var rows = await db.Database.SqlQuery<InsertedTask>($"""
            WITH target AS (
                SELECT id, name FROM lists WHERE user_id = {task.UserId} AND (id = {wanted} OR ({inbox} AND is_inbox))),
            taken AS (
                UPDATE users SET task_number_seq = task_number_seq + 1, activity_seq = activity_seq + 1
                WHERE id = {task.UserId} AND EXISTS (SELECT 1 FROM target)
                RETURNING task_number_seq, activity_seq),
            recorded AS (
                INSERT INTO activity (user_id, seq, batch_id, at, source, kind, task_id, task_number, task_title, changes, undoes_batch_id)
                SELECT {task.UserId}, taken.activity_seq, {recorded.BatchId}, {task.CreatedAt}, {source}, {kind}, {task.Id}, taken.task_number_seq,
                       {task.Title}, replace({changes}, {pendingList}, {ListIdBefore} || target.id || {ListNameBefore} || to_json(target.name)::text || {ListEnd}),
                       {recorded.UndoesBatchId}::uuid
                FROM taken, target),
            inserted AS (
                INSERT INTO tasks (id, user_id, number, title, description, is_completed, created_at, updated_at, completed_at, list_id, priority,
                                   due_date, due_time, due_at, due_time_zone, due_recurrence, due_from_completion, due_order)
                SELECT {task.Id}, {task.UserId}, taken.task_number_seq, {task.Title}, {task.Description}, {task.IsCompleted}, {task.CreatedAt}, {task.UpdatedAt}, {task.CompletedAt},
                       target.id, {priority}, {task.DueDate}, {task.DueTime}, {task.DueAt}, {task.DueTimeZone}, {task.DueRecurrence},
                       {task.DueFromCompletion}, {task.DueOrder}
                FROM taken, target
                RETURNING number, list_id)
            SELECT inserted.number, inserted.list_id, target.name AS list_name FROM inserted, target
            """).ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// SQLite has no data-modifying CTE: the counter UPDATE and the INSERT that reads it are one command in
    /// one write transaction (BEGIN IMMEDIATE, SQLite's single writer), unless the caller already opened one.
    /// </summary>
    private async Task<InsertedTask?> InsertOnSqliteAsync(TaskItem task, Guid? listId, CancellationToken cancellationToken)
    {
        var wanted = listId ?? Guid.Empty;
        var inbox = listId is null;
        var priority = (short)task.Priority;
        var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var rows = await db.Database.SqlQuery<InsertedTask>($"""
                UPDATE users SET task_number_seq = task_number_seq + 1 WHERE id = {task.UserId}
                    AND EXISTS (SELECT 1 FROM lists WHERE user_id = {task.UserId} AND (id = {wanted} OR ({inbox} AND is_inbox)));
                INSERT INTO tasks (id, user_id, number, title, description, is_completed, created_at, updated_at, completed_at, list_id, priority,
                                   due_date, due_time, due_at, due_time_zone, due_recurrence, due_from_completion, due_order)
                SELECT {task.Id}, {task.UserId}, users.task_number_seq, {task.Title}, {task.Description}, {task.IsCompleted}, {task.CreatedAt}, {task.UpdatedAt}, {task.CompletedAt},
                       lists.id, {priority}, {task.DueDate}, {task.DueTime}, {task.DueAt}, {task.DueTimeZone}, {task.DueRecurrence},
                       {task.DueFromCompletion}, {task.DueOrder}
                FROM users JOIN lists ON lists.user_id = users.id AND (lists.id = {wanted} OR ({inbox} AND lists.is_inbox))
                WHERE users.id = {task.UserId}
                RETURNING number, list_id, (SELECT name FROM lists WHERE lists.id = tasks.list_id) AS list_name
                """).ToListAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return rows.Count == 0 ? null : rows[0];
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>UTC, to the microsecond: what PostgreSQL keeps, so the value returned equals the value stored.</summary>
    private DateTime Now() => StoredTime.Now(time);

    private static string ValidTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return TaskText.Title.Require(title, "title");
    }

    /// <summary>Descriptions are kept as written; an empty or blank one is no description.</summary>
    private static string? ValidDescription(string? description) =>
        description is null ? null : TaskText.Description.Require(description, "description") is { } valid
            && !string.IsNullOrWhiteSpace(valid) ? valid : null;

    /// <summary>
    /// The user's tasks that the query's status, search, list and <paramref name="filter"/> (its filter, parsed once by the
    /// caller) select, ANDed: one WHERE clause. A filter with a
    /// date term needs the user's zone, which is usually kept (<see cref="TimeZoneOfAsync"/>).
    /// </summary>
    private async Task<IQueryable<TaskItem>> SelectedAsync(
        Guid userId, TaskListQuery query, FilterNode? filter, CancellationToken cancellationToken)
    {
        var clock = filter is not null && FilterNode.Any<DueTerm>(filter)
            ? await ClockAsync(userId, cancellationToken)
            : DueClock.At(time.GetUtcNow(), TimeZoneInfo.Utc);
        var tasks = Matching(userId, query.Status, query.Search);
        if (query.ListId is { } listId)
        {
            tasks = tasks.Where(t => t.ListId == listId);
        }

        return filter is null ? tasks : tasks.Where(FilterCompiler.Compile(filter, db.Lists.AsNoTracking(), db.TaskLabels.AsNoTracking(), userId, IsPostgres, clock));
    }

    /// <summary>The user's tasks with <paramref name="status"/> whose title or description contains <paramref name="search"/>.</summary>
    private IQueryable<TaskItem> Matching(Guid userId, TaskStatusFilter status, string? search)
    {
        var tasks = db.Tasks.AsNoTracking().Where(t => t.UserId == userId);
        tasks = status switch
        {
            TaskStatusFilter.Pending => tasks.Where(t => !t.IsCompleted),
            TaskStatusFilter.Completed => tasks.Where(t => t.IsCompleted),
            _ => tasks,
        };

        search = search?.Trim();
        if (string.IsNullOrEmpty(search))
        {
            return tasks;
        }

        return tasks.Where(TaskTextSearch.Contains(TaskText.Search.Require(search, "q"), IsPostgres));
    }
}
