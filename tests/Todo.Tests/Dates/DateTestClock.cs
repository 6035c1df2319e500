using System.Globalization;
using Todo.Server.Dates;

namespace Todo.Tests.Dates;

/// <summary>The fixed clock the date tests read against, and assertions on readings.</summary>
internal static class DateTestClock
{
    /// <summary>Wednesday 25 November 2026, 15:00 UTC: 10:00 in New York, 07:00 in Los Angeles, 16:00 in Berlin,
    /// 20:30 in Kolkata, and already Thursday 26 November, 04:00, in Auckland.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);

    public const string Utc = "UTC";
    public const string NewYork = "America/New_York";
    public const string LosAngeles = "America/Los_Angeles";
    public const string Berlin = "Europe/Berlin";
    public const string Kolkata = "Asia/Kolkata";
    public const string Auckland = "Pacific/Auckland";

    public static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    public static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DueReading ReadWhole(string text, string zone, DateTimeOffset? now = null)
    {
        var result = DateReader.ReadWhole(text, now ?? Now, zone);
        Assert.True(result.Succeeded, $"'{text}' was not read: {result.Error}");
        Assert.Null(result.Error);
        return result.Match!.Reading;
    }

    public static void AssertReading(DueReading reading, string date, string? time, string? rule = null, bool fromCompletion = false)
    {
        Assert.Equal(date, reading.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(time, reading.Time?.ToString("HH:mm", CultureInfo.InvariantCulture));
        Assert.Equal(rule, reading.Recurrence);
        Assert.Equal(fromCompletion, reading.FromCompletion);
    }
}
