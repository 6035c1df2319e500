using Microsoft.EntityFrameworkCore;
using Todo.Server.Accounts;
using Todo.Server.Data;
using Todo.Server.Dates;
using Todo.Server.Tasks;
using Todo.Server.Text;

namespace Todo.Server.Reminders;

/// <summary>A task's reminder on the wire: <c>at</c> is when it fires (RFC 3339, in the owner's zone), <c>minutes_before</c> as set.</summary>
public sealed record ReminderDto(Guid Id, DateTimeOffset? At, int? MinutesBefore);

/// <summary>
/// A task's reminders: written with the task (in its transaction, so a bad reminder changes nothing) and read for pages
/// of tasks, one query per page at most, none when no task of the page has any (<see cref="TaskItem.HasReminders"/>).
/// </summary>
public sealed class ReminderService(TodoDbContext db, TimeProvider time)
{
    /// <summary>
    /// Runs <paramref name="write"/> (a create or update of one task through <see cref="TaskService"/>) and, when
    /// <paramref name="input"/> was sent, replaces the task's reminders in the same transaction. A <c>minutes_before</c>
    /// reminder on a task without a due is an <see cref="InvalidTextException"/> naming reminders, and nothing is written.
    /// </summary>
    public async Task<(TaskItem? Task, IReadOnlyList<ReminderDto> Reminders)> WriteAsync(
        Guid userId, ReminderInput input, Func<Task<TaskItem?>> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(write);
        if (!input.Sent)
        {
            var task = await write();
            return task is null ? (null, []) : (task, await ReadAsync(task, cancellationToken));
        }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var task = await write();
            if (task is null)
            {
                return (null, []);
            }

            var written = await ReplaceAsync(userId, task, input.Reminders, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return (task, written);
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>Replaces the task's reminders (the task as just written, with its owner's zone).</summary>
    public async Task<IReadOnlyList<ReminderDto>> ReplaceAsync(
        Guid userId, TaskItem task, IReadOnlyList<ReminderSpec> reminders, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(reminders);
        var zone = task.OwnerTimeZone ?? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TimeZone)
            .FirstOrDefaultAsync(cancellationToken) ?? User.DefaultTimeZone;
        var dueMoment = ReminderSchedule.MomentOf(task.DueDate, task.DueTime, task.DueAt, zone);
        if (dueMoment is null && reminders.Any(r => r.MinutesBefore is not null))
        {
            throw new InvalidTextException(ReminderInput.Field, "A minutes_before reminder needs the task to have a due; set one, or remind at a moment with at.");
        }

        if (reminders.Count > ReminderInput.MaxPerTask)
        {
            throw new InvalidTextException(ReminderInput.Field, $"A task has at most {ReminderInput.MaxPerTask} reminders.");
        }

        var now = Now();
        var rows = reminders.Select((spec, i) =>
        {
            var at = spec.At?.UtcDateTime;
            return new Reminder
            {
                Id = Guid.CreateVersion7(now.AddMilliseconds(i)), // in the order given
                UserId = userId,
                TaskId = task.Id,
                At = at,
                MinutesBefore = spec.MinutesBefore,
                FireAt = ReminderSchedule.FireAt(at, spec.MinutesBefore, dueMoment),
                CreatedAt = now,
            };
        }).ToList();

        await db.Reminders.Where(r => r.TaskId == task.Id && r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (rows.Count > 0)
        {
            db.Reminders.AddRange(rows);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        task.HasReminders = rows.Count > 0;
        return [.. rows.Select(r => ToDto(r, zone))];
    }

    /// <summary>Removes all the task's reminders; how many there were.</summary>
    public async Task<int> RemoveAllAsync(Guid userId, TaskItem task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var removed = await db.Reminders.Where(r => r.TaskId == task.Id && r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        task.HasReminders = false;
        return removed;
    }

    /// <summary>
    /// Adds one reminder to the task (as just read, with its owner's zone), keeping the others; an equal one already there
    /// adds nothing. Null when added or already there, else why not (no due for minutes_before, or the task has the most).
    /// </summary>
    public async Task<string?> AddAsync(Guid userId, TaskItem task, ReminderSpec reminder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(reminder);
        var existing = await db.Reminders.AsNoTracking().Where(r => r.TaskId == task.Id && r.UserId == userId).ToListAsync(cancellationToken);
        var at = reminder.At?.UtcDateTime;
        if (existing.Any(r => r.MinutesBefore == reminder.MinutesBefore && ReminderSchedule.SameMoment(reminder.MinutesBefore is null ? r.At : null, at)))
        {
            return null;
        }

        if (existing.Count >= ReminderInput.MaxPerTask)
        {
            return $"A task has at most {ReminderInput.MaxPerTask} reminders.";
        }

        var zone = task.OwnerTimeZone ?? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TimeZone)
            .FirstOrDefaultAsync(cancellationToken) ?? User.DefaultTimeZone;
        var dueMoment = ReminderSchedule.MomentOf(task.DueDate, task.DueTime, task.DueAt, zone);
        if (reminder.MinutesBefore is not null && dueMoment is null)
        {
            return "A reminder before the due needs the task to have a due; give it one first.";
        }

        var now = Now();
        db.Reminders.Add(new Reminder
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            TaskId = task.Id,
            At = at,
            MinutesBefore = reminder.MinutesBefore,
            FireAt = ReminderSchedule.FireAt(at, reminder.MinutesBefore, dueMoment),
            CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        task.HasReminders = true;
        return null;
    }

    /// <summary>The task's reminders; no query when it has none.</summary>
    public async Task<IReadOnlyList<ReminderDto>> ReadAsync(TaskItem task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var all = await ReadAsync([task], cancellationToken);
        return all.TryGetValue(task.Id, out var reminders) ? reminders : [];
    }

    /// <summary>The reminders of a page of tasks, by task id: one query, none when no task of the page has any.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ReminderDto>>> ReadAsync(
        IReadOnlyCollection<TaskItem> tasks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var withReminders = tasks.Where(t => t.HasReminders).ToDictionary(t => t.Id);
        if (withReminders.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<ReminderDto>>();
        }

        var userId = withReminders.Values.First().UserId;
        var ids = withReminders.Keys.ToList();
        var rows = await db.Reminders.AsNoTracking()
            .Where(r => r.UserId == userId && ids.Contains(r.TaskId))
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.TaskId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<ReminderDto>)[.. g.Select(r => ToDto(r, withReminders[g.Key].OwnerTimeZone ?? User.DefaultTimeZone))]);
    }

    /// <summary>The reminder as sent: <c>at</c> when it fires next (or fired last), in <paramref name="zone"/>.</summary>
    public static ReminderDto ToDto(Reminder reminder, string zone)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var fires = reminder.FireAt ?? reminder.At;
        return new ReminderDto(reminder.Id, fires is { } at ? InZone(at, zone) : null, reminder.MinutesBefore);
    }

    internal static DateTimeOffset InZone(DateTime utc, string zone) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), ZonedTime.FindZone(zone) ?? TimeZoneInfo.Utc);

    private DateTime Now()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
