namespace Todo.Server.Dates;

/// <summary>
/// Local dates and times in a user's IANA zone and the instants they name. A local time that a DST change
/// skips (02:30 on the spring-forward night in Berlin) moves forward by the length of the gap (03:30 summer
/// time); a local time that happens twice (02:30 on the fall-back night) is the first of the two (summer time).
/// </summary>
public static class ZonedTime
{
    /// <summary>The zone named by an IANA id ("Europe/Berlin"), or null when the system does not know it.</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
            return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;
    }

    /// <summary>The zone named by an IANA id; an <see cref="ArgumentException"/> when it is unknown.</summary>
    public static TimeZoneInfo RequireZone(string id) =>
        FindZone(id) ?? throw new ArgumentException($"'{id}' is not a known IANA time zone.", nameof(id));

    /// <summary>The wall-clock date and time in <paramref name="zone"/> at <paramref name="instant"/>.</summary>
    public static DateTime LocalAt(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    /// <summary>The date in <paramref name="zone"/> at <paramref name="instant"/>: what "today" means there.</summary>
    public static DateOnly TodayAt(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(LocalAt(instant, zone));

    /// <summary>The instant of a local date and time in <paramref name="zone"/>, by the DST rules above (offset zero).</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
            offset = zone.GetUtcOffset(local.AddDays(-1)); // the offset before the gap carries the time past it
        else if (zone.IsAmbiguousTime(local))
            offset = zone.GetAmbiguousTimeOffsets(local).Max(); // the larger offset is the earlier instant
        else
            offset = zone.GetUtcOffset(local);
        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }

    /// <summary>The same instant as <see cref="ToInstant"/>, carrying the zone's offset at that moment (RFC 3339 with offset).</summary>
    public static DateTimeOffset ToZonedDateTime(DateOnly date, TimeOnly time, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(ToInstant(date, time, zone), zone);
}
