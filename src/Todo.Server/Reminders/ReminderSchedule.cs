using Microsoft.EntityFrameworkCore;
using Todo.Server.Accounts;
using Todo.Server.Data;
using Todo.Server.Dates;

namespace Todo.Server.Reminders;

/// <summary>
/// When reminders fire. An <c>at</c> reminder fires at its moment; a <c>minutes_before</c> one that many minutes before
/// the task's due: before the due's moment when it has a time, before 09:00 in the owner's time zone on the due day when
/// it is all-day. When the due changes, the reminders follow (<see cref="RescheduleAsync"/>): the ones whose moment
/// changed fire again, and when a repeating task moves to its next occurrence every reminder moves with it, an
/// <c>at</c> reminder by as much as the due moved, so each occurrence fires each reminder once.
/// </summary>
public static class ReminderSchedule
{
    /// <summary>The time of day an all-day due counts back from.</summary>
    public static readonly TimeOnly AllDayTime = new(9, 0);

    /// <summary>The moment a due stands for (UTC): its instant, or 09:00 of its day in <paramref name="userZone"/> when all-day.</summary>
    public static DateTime? MomentOf(DateOnly? date, TimeOnly? time, DateTime? dueAt, string? userZone)
    {
        if (date is not { } day)
        {
            return null;
        }

        if (time is not null && dueAt is { } at)
        {
            return DateTime.SpecifyKind(at, DateTimeKind.Utc);
        }

        var zone = ZonedTime.FindZone(userZone) ?? TimeZoneInfo.Utc;
        return ZonedTime.ToInstant(day, AllDayTime, zone).UtcDateTime;
    }

    public static DateTime? MomentOf(DueReading? due, string? userZone) =>
        due is null ? null : MomentOf(due.Date, due.Time, due.ToInstant()?.UtcDateTime, userZone);

    /// <summary>When a reminder fires for a due whose moment is <paramref name="dueMoment"/>; null when it cannot (minutes before no due).</summary>
    public static DateTime? FireAt(DateTime? at, int? minutesBefore, DateTime? dueMoment) =>
        minutesBefore is { } minutes ? dueMoment?.AddMinutes(-minutes) : at;

    /// <summary>
    /// Follows a change of the task's due (already written): without a due the task's reminders go; otherwise each one's
    /// fire time is worked out again from the due as stored, and one whose time changed fires again. With
    /// <paramref name="previousDue"/> (a repeating task moved to its next occurrence) every reminder fires again and an
    /// <c>at</c> reminder moves by as much as the due did. One query when the task has no reminders.
    /// </summary>
    public static async Task RescheduleAsync(
        TodoDbContext db, Guid userId, Guid taskId, DueReading? previousDue, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (
            from r in db.Reminders
            join t in db.Tasks on r.TaskId equals t.Id
            where r.TaskId == taskId && r.UserId == userId
            select new
            {
                Reminder = r,
                t.DueDate,
                t.DueTime,
                t.DueAt,
                Zone = db.Users.Where(u => u.Id == userId).Select(u => u.TimeZone).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return;
        }

        var first = rows[0];
        var zone = first.Zone ?? User.DefaultTimeZone;
        var moment = MomentOf(first.DueDate, first.DueTime, first.DueAt, zone);
        if (moment is null)
        {
            // No due: its reminders go with it.
            await db.Reminders.Where(r => r.TaskId == taskId && r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            return;
        }

        var shift = previousDue is null ? (TimeSpan?)null : moment.Value - MomentOf(previousDue, zone);
        try
        {
            foreach (var row in rows)
            {
                var reminder = row.Reminder;
                if (shift is { } by && reminder.At is { } at)
                {
                    reminder.At = DateTime.SpecifyKind(at, DateTimeKind.Utc) + by;
                }

                var fireAt = FireAt(reminder.At, reminder.MinutesBefore, moment);
                if (shift is not null || !SameMoment(fireAt, reminder.FireAt))
                {
                    reminder.FireAt = fireAt;
                    reminder.FiredAt = null;
                    reminder.ClaimedUntil = null;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    internal static bool SameMoment(DateTime? a, DateTime? b) =>
        a is null ? b is null : b is not null && DateTime.SpecifyKind(a.Value, DateTimeKind.Utc) == DateTime.SpecifyKind(b.Value, DateTimeKind.Utc);
}
