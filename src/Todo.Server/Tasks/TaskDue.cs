using Todo.Server.Dates;

namespace Todo.Server.Tasks;

/// <summary>
/// A due as the tasks table stores it. All-day dues float: the date only, the same day in every zone. Timed dues keep
/// their local date and time, the zone they were set in and the instant (UTC) they name, so a change of the user's zone
/// never moves them; "today" and "overdue" compare the instant.
/// </summary>
public sealed record TaskDue(
    DateOnly? Date, TimeOnly? Time, DateTime? At, string? TimeZone, string? Recurrence, bool FromCompletion, DateTime Order)
{
    /// <summary>The sort key of a task without a due: after every real one (sort=due puts them last).</summary>
    public static readonly DateTime NoDueOrder = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    public static readonly TaskDue None = new(null, null, null, null, null, false, NoDueOrder);

    public static TaskDue Columns(DueReading? due)
    {
        if (due is null)
        {
            return None;
        }

        var timed = due.Time is not null;
        return new TaskDue(
            due.Date,
            due.Time,
            due.ToInstant()?.UtcDateTime,
            timed ? due.TimeZone : null,
            due.Recurrence,
            due.Recurrence is not null && due.FromCompletion,
            OrderOf(due.Date, due.Time));
    }

    /// <summary>The wall-clock sort key of a local date and time (00:00 for an all-day due).</summary>
    public static DateTime OrderOf(DateOnly date, TimeOnly? time) =>
        DateTime.SpecifyKind(date.ToDateTime(time ?? TimeOnly.MinValue), DateTimeKind.Utc);
}
