namespace Todo.Server.Dates;

/// <summary>
/// Steps a recurring due. Occurrences are local dates in the due's zone at the due's local time, so "every day at
/// 9am" stays 09:00 on the wall clock across DST changes; the dates come from <see cref="RecurrenceOccurrences"/> (Ical.Net),
/// the instant from <see cref="ZonedTime"/>.
/// </summary>
public static class DueSchedule
{
    /// <summary>
    /// The first occurrence of <paramref name="rrule"/> that comes after <paramref name="after"/>: for a timed due the
    /// first whose instant is later, for an all-day due the first whose date is later than the local date of
    /// <paramref name="after"/>. The series counts its intervals from <paramref name="anchor"/>. Null when the rule
    /// has no further occurrence.
    /// </summary>
    public static DateOnly? NextOccurrence(string rrule, TimeZoneInfo zone, DateOnly anchor, TimeOnly? time, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var rule = RecurrenceRule.Parse(rrule);
        var afterDate = ZonedTime.TodayAt(after, zone);
        if (time is not { } at)
            return RecurrenceOccurrences.FirstAfter(rule, anchor, afterDate);
        var candidate = RecurrenceOccurrences.FirstOnOrAfter(rule, anchor, afterDate);
        while (candidate is { } date && ZonedTime.ToInstant(date, at, zone) <= after)
            candidate = RecurrenceOccurrences.FirstAfter(rule, anchor, date);
        return candidate;
    }

    /// <summary>
    /// The due a recurring task moves to when it is completed at <paramref name="completedAt"/>. From the due (the usual
    /// rule): the first occurrence after the old due that is also after today, so a task completed long after its due
    /// moves once, to its first occurrence after today, and missed occurrences do not pile up. From completion
    /// ("every!"): the series restarts on the completion day and the due is its next step ("every! 3 days" completed on
    /// the 10th is due on the 13th). A due that does not recur is returned unchanged.
    /// </summary>
    public static DueReading Advance(DueReading due, DateTimeOffset completedAt)
    {
        ArgumentNullException.ThrowIfNull(due);
        if (due.Recurrence is null)
            return due;
        var zone = ZonedTime.RequireZone(due.TimeZone);
        var rule = RecurrenceRule.Parse(due.Recurrence);
        var today = ZonedTime.TodayAt(completedAt, zone);
        var next = due.FromCompletion
            ? RecurrenceOccurrences.FirstAfter(rule, today, today)
            : RecurrenceOccurrences.FirstAfter(rule, due.Date, due.Date > today ? due.Date : today);
        return next is { } date ? due with { Date = date } : due;
    }
}
