using System.Globalization;
using IcalCalendar = Ical.Net.Calendar;
using Todo.Server.Dates;

namespace Todo.Tests.Dates;

/// <summary>The occurrences <see cref="RecurrenceRule"/> steps through are the ones Ical.Net, a maintained RFC 5545
/// implementation, expands for the same RRULE and start: over years, month ends and leap days.</summary>
public sealed class RecurrenceLibraryAgreementTests
{
    private static readonly string[] Starts = ["2026-11-25", "2027-01-31", "2028-02-29", "2026-03-29", "2026-12-31"];

    [Theory]
    [InlineData("FREQ=DAILY")]
    [InlineData("FREQ=DAILY;INTERVAL=3")]
    [InlineData("FREQ=WEEKLY")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,TH")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")]
    [InlineData("FREQ=WEEKLY;BYDAY=SA,SU")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR")]
    [InlineData("FREQ=WEEKLY;INTERVAL=3;BYDAY=SU")]
    [InlineData("FREQ=MONTHLY")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=1")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=31")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=-1")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=1,15")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=29,30")]
    [InlineData("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=31")]
    [InlineData("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15")]
    [InlineData("FREQ=MONTHLY;BYDAY=1MO")]
    [InlineData("FREQ=MONTHLY;BYDAY=-1FR")]
    [InlineData("FREQ=MONTHLY;BYDAY=5SA")]
    [InlineData("FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU")]
    [InlineData("FREQ=YEARLY")]
    [InlineData("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29")]
    [InlineData("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24")]
    [InlineData("FREQ=YEARLY;INTERVAL=2;BYMONTH=1;BYMONTHDAY=31")]
    public void StepsThroughTheSameDatesAsIcalNet(string rrule)
    {
        var rule = RecurrenceRule.Parse(rrule);
        foreach (var text in Starts)
        {
            // a due is always an occurrence of its rule, so the series starts on one
            var day = DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var start = rule.FirstOnOrAfter(day, day)!.Value;

            var expected = IcalNetOccurrences(rrule, start, 40);
            var ours = new List<DateOnly>();
            for (var date = rule.FirstAfter(start, start); date is { } next && ours.Count < expected.Count; date = rule.FirstAfter(start, next))
                ours.Add(next);

            Assert.True(expected.Count == 40, $"{rrule} from {text}: Ical.Net gave {expected.Count}");
            Assert.Equal(expected, ours);
        }
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-20", "09:00")]
    [InlineData("Europe/Berlin", "2026-03-20", "02:30")] // skipped on 29 March, repeated on 25 October
    [InlineData("America/New_York", "2026-03-01", "02:30")]
    [InlineData("America/New_York", "2026-10-25", "01:30")]
    [InlineData("Pacific/Auckland", "2026-09-20", "02:30")]
    [InlineData("Asia/Kolkata", "2026-03-20", "00:15")]
    public void DailyInstantsAcrossDstChangesAreTheOnesIcalNetGives(string zoneId, string first, string time)
    {
        var zone = ZonedTime.RequireZone(zoneId);
        var start = DateOnly.ParseExact(first, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var at = TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture);
        var calendar = IcalCalendar.Load($"""
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Todo//Tests//EN
            BEGIN:VEVENT
            UID:dst-agreement
            DTSTART;TZID={zoneId}:{start:yyyyMMdd}T{at:HHmm}00
            RRULE:FREQ=DAILY
            END:VEVENT
            END:VCALENDAR
            """.Replace("\n", "\r\n", StringComparison.Ordinal))!;

        var expected = calendar.Events.Single().GetOccurrences().Take(230)
            .Select(o => new DateTimeOffset(o.Period.StartTime.AsUtc, TimeSpan.Zero)).ToList();
        var ours = Enumerable.Range(0, 230).Select(i => ZonedTime.ToInstant(start.AddDays(i), at, zone)).ToList();

        Assert.Equal(expected, ours);
    }

    private static List<DateOnly> IcalNetOccurrences(string rrule, DateOnly start, int count)
    {
        var calendar = IcalCalendar.Load($"""
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Todo//Tests//EN
            BEGIN:VEVENT
            UID:recurrence-agreement
            DTSTART;VALUE=DATE:{start:yyyyMMdd}
            RRULE:{rrule}
            END:VEVENT
            END:VCALENDAR
            """.Replace("\n", "\r\n", StringComparison.Ordinal))!;
        return [.. calendar.Events.Single().GetOccurrences()
            .Select(o => DateOnly.FromDateTime(o.Period.StartTime.Value))
            .Where(d => d > start)
            .Take(count)];
    }
}
