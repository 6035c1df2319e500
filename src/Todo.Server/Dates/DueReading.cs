namespace Todo.Server.Dates;

/// <summary>
/// A due as the date reader reads it: the local <see cref="Date"/> in <see cref="TimeZone"/>, an optional local
/// <see cref="Time"/>, and for a repeating task its RFC 5545 <see cref="Recurrence"/> (the date is then the series'
/// current occurrence) and whether the next one counts from completion ("every!").
/// </summary>
public sealed record DueReading(DateOnly Date, TimeOnly? Time, string TimeZone, string? Recurrence = null, bool FromCompletion = false)
{
    public bool IsRecurring => Recurrence is not null;

    /// <summary>A timed due at <paramref name="instant"/> (due_datetime), as the local date and minute in <paramref name="timeZone"/>.</summary>
    public static DueReading AtInstant(DateTimeOffset instant, string timeZone)
    {
        var local = ZonedTime.LocalAt(instant, ZonedTime.RequireZone(timeZone));
        return new DueReading(DateOnly.FromDateTime(local), new TimeOnly(local.Hour, local.Minute), timeZone);
    }

    /// <summary>
    /// The canonical reading, which the reader reads back to the same due: "Friday, 4 December",
    /// "Friday, 4 December, 17:00" (the year is added when it is not <paramref name="currentYear"/>),
    /// "every Monday at 09:00", "every! 3 days".
    /// </summary>
    public string Describe(int? currentYear = null)
    {
        if (Recurrence is null)
            return DescribeOccurrence(currentYear);
        var rule = RecurrenceRule.Parse(Recurrence).Describe();
        if (FromCompletion)
            rule = "every!" + rule["every".Length..];
        return rule + (Time is { } at ? " at " + DateWords.TimeName(at) : "");
    }

    /// <summary>This occurrence's day and time, also for a repeating due ("Tuesday, 1 December, 09:00"): what "next" shows.</summary>
    public string DescribeOccurrence(int? currentYear = null) =>
        DateWords.DateName(Date, currentYear) + (Time is { } time ? ", " + DateWords.TimeName(time) : "");

    /// <summary>The instant of a timed due (offset zero), by <see cref="ZonedTime"/>'s DST rules; null for an all-day due.</summary>
    public DateTimeOffset? ToInstant() =>
        Time is { } time ? ZonedTime.ToInstant(Date, time, ZonedTime.RequireZone(TimeZone)) : null;

    /// <summary>The timed due with the zone's offset at that moment (due.datetime, RFC 3339); null for an all-day due.</summary>
    public DateTimeOffset? ToZonedDateTime() =>
        Time is { } time ? ZonedTime.ToZonedDateTime(Date, time, ZonedTime.RequireZone(TimeZone)) : null;
}

/// <summary>A date phrase found in a text: where it is (<see cref="Start"/>, <see cref="Length"/>), its words, and its reading.</summary>
public sealed record DateMatch(int Start, int Length, string Text, DueReading Reading);

/// <summary>
/// What <see cref="DateReader"/> made of a text: a <see cref="Match"/>, an <see cref="Error"/> saying what could not be
/// read ("'feb 30' is not a date: February has no 30th day"), or, for <see cref="DateReader.Find"/> only, neither (no date).
/// </summary>
public sealed record DateReadResult(DateMatch? Match, string? Error)
{
    public static readonly DateReadResult None = new(null, null);

    public bool Succeeded => Match is not null;
}
