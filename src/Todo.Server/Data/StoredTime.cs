namespace Todo.Server.Data;

/// <summary>The time as the database keeps it: UTC, to the microsecond, so a value written reads back equal.</summary>
public static class StoredTime
{
    public static DateTime Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
