using System.Globalization;
using IcalCalendar = Ical.Net.Calendar;
using Todo.Server.Dates;
using static Todo.Tests.Dates.DateTestClock;

namespace Todo.Tests.Dates;

/// <summary>Stepping recurring dues: from the due, from completion ("every!"), across month ends, leap days and DST.</summary>
public sealed class RecurrenceTests
{
    [Theory]
    [InlineData("FREQ=DAILY", "2026-11-25", "2026-11-25T15:00:00Z", "2026-11-26")]
    [InlineData("FREQ=DAILY", "2026-10-01", "2026-11-25T15:00:00Z", "2026-11-26")] // long overdue: one step, to after today
    [InlineData("FREQ=DAILY;INTERVAL=3", "2026-11-25", "2026-11-25T15:00:00Z", "2026-11-28")]
    [InlineData("FREQ=DAILY;INTERVAL=3", "2026-11-02", "2026-11-25T15:00:00Z", "2026-11-26")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,TH", "2026-11-26", "2026-11-25T15:00:00Z", "2026-11-30")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO", "2026-11-30", "2026-11-25T15:00:00Z", "2026-12-07")] // done early: still after the due
    [InlineData("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-27", "2026-11-27T15:00:00Z", "2026-11-30")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", "2026-11-25", "2026-11-25T15:00:00Z", "2026-12-09")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", "2026-11-25", "2026-12-10T15:00:00Z", "2026-12-23")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=1", "2026-06-01", "2026-11-25T15:00:00Z", "2026-12-01")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=31", "2027-01-31", "2027-01-31T10:00:00Z", "2027-03-31")] // no 31 February
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=-1", "2027-01-31", "2027-01-31T10:00:00Z", "2027-02-28")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=-1", "2028-01-31", "2028-01-31T10:00:00Z", "2028-02-29")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=1,15", "2026-12-01", "2026-12-01T10:00:00Z", "2026-12-15")]
    [InlineData("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1", "2026-12-01", "2026-12-01T10:00:00Z", "2027-02-01")]
    [InlineData("FREQ=MONTHLY;BYDAY=1MO", "2026-12-07", "2026-12-07T10:00:00Z", "2027-01-04")]
    [InlineData("FREQ=MONTHLY;BYDAY=-1FR", "2026-11-27", "2026-11-27T10:00:00Z", "2026-12-25")]
    [InlineData("FREQ=MONTHLY;BYDAY=5FR", "2027-01-29", "2027-01-29T10:00:00Z", "2027-04-30")] // only months with five Fridays
    [InlineData("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24", "2026-12-24", "2026-12-24T10:00:00Z", "2027-12-24")]
    [InlineData("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2028-02-29", "2028-02-29T10:00:00Z", "2032-02-29")]
    [InlineData("FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=25", "2020-11-25", "2026-11-25T15:00:00Z", "2027-11-25")]
    public void CompletingMovesAnAllDayDueToItsNextOccurrence(string rule, string due, string completedAt, string next)
    {
        var reading = new DueReading(Day(due), null, Utc, rule);

        var advanced = DueSchedule.Advance(reading, Instant(completedAt));

        Assert.Equal(reading with { Date = Day(next) }, advanced);
    }

    [Theory]
    [InlineData("FREQ=DAILY;INTERVAL=3", "2026-11-20", "2026-11-25T15:00:00Z", "2026-11-28")]
    [InlineData("FREQ=DAILY", "2026-11-01", "2026-11-25T15:00:00Z", "2026-11-26")]
    [InlineData("FREQ=WEEKLY", "2026-11-25", "2026-11-27T12:00:00Z", "2026-12-04")] // a week from the Friday it was done
    [InlineData("FREQ=MONTHLY", "2026-10-03", "2026-11-25T15:00:00Z", "2026-12-25")]
    public void EveryBangCountsFromTheCompletionDay(string rule, string due, string completedAt, string next)
    {
        var reading = new DueReading(Day(due), null, Utc, rule, FromCompletion: true);

        var advanced = DueSchedule.Advance(reading, Instant(completedAt));

        Assert.Equal(Day(next), advanced.Date);
        Assert.True(advanced.FromCompletion);
        Assert.Equal(rule, advanced.Recurrence);
    }

    [Fact]
    public void EveryBangCountsFromTheCompletionDayInTheUsersZone()
    {
        var reading = new DueReading(Day("2026-11-20"), new TimeOnly(9, 0), Berlin, "FREQ=DAILY;INTERVAL=3", FromCompletion: true);

        var advanced = DueSchedule.Advance(reading, Instant("2026-11-25T23:30:00Z")); // 00:30 on the 26th in Berlin

        Assert.Equal(Day("2026-11-29"), advanced.Date);
        Assert.Equal(new TimeOnly(9, 0), advanced.Time);
    }

    [Theory]
    [InlineData("every day", null, "FREQ=DAILY", "2026-11-25", "2026-11-26 2026-11-27 2026-11-28")]
    [InlineData("every weekday", null, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-25", "2026-11-26 2026-11-27 2026-11-30")]
    [InlineData("every monday", null, "FREQ=WEEKLY;BYDAY=MO", "2026-11-30", "2026-12-07 2026-12-14 2026-12-21")]
    [InlineData("every mon and thu", null, "FREQ=WEEKLY;BYDAY=MO,TH", "2026-11-26", "2026-11-30 2026-12-03 2026-12-07")]
    [InlineData("every 2 weeks", null, "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", "2026-11-25", "2026-12-09 2026-12-23 2027-01-06")]
    [InlineData("every month on the 1st", null, "FREQ=MONTHLY;BYMONTHDAY=1", "2026-12-01", "2027-01-01 2027-02-01 2027-03-01")]
    [InlineData("every last day of the month", null, "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-11-30", "2026-12-31 2027-01-31 2027-02-28")]
    [InlineData("every last day of the month", "2028-01-10T12:00:00Z", "FREQ=MONTHLY;BYMONTHDAY=-1", "2028-01-31", "2028-02-29 2028-03-31 2028-04-30")]
    [InlineData("every 31st", "2027-01-10T12:00:00Z", "FREQ=MONTHLY;BYMONTHDAY=31", "2027-01-31", "2027-03-31 2027-05-31 2027-07-31")] // no 31 February or April
    [InlineData("every year", null, "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=25", "2026-11-25", "2027-11-25 2028-11-25 2029-11-25")]
    [InlineData("every year", "2028-02-29T12:00:00Z", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2028-02-29", "2032-02-29 2036-02-29 2040-02-29")]
    [InlineData("every monday at 9am", null, "FREQ=WEEKLY;BYDAY=MO", "2026-11-30", "2026-12-07 2026-12-14 2026-12-21")]
    [InlineData("every! 3 days", null, "FREQ=DAILY;INTERVAL=3", "2026-11-25", "2026-11-28 2026-12-01 2026-12-04")]
    public void EveryRecurringFormMovesToItsNextDueWhenDoneOnTheDay(string phrase, string? now, string rule, string first, string nextDues)
    {
        var due = ReadWhole(phrase, Berlin, now is null ? Now : Instant(now));
        Assert.Equal(rule, due.Recurrence);
        Assert.Equal(Day(first), due.Date);

        List<DateOnly> dues = [];
        for (var i = 0; i < 3; i++)
        {
            due = DueSchedule.Advance(due, ZonedTime.ToInstant(due.Date, new TimeOnly(20, 0), ZonedTime.RequireZone(Berlin)));
            dues.Add(due.Date);
        }

        Assert.Equal(nextDues.Split(' ').Select(Day), dues);
        Assert.Equal(rule, due.Recurrence);
        Assert.Equal(phrase.Contains("9am", StringComparison.Ordinal) ? new TimeOnly(9, 0) : null, due.Time);
    }

    [Theory]
    [InlineData("every day", "2016-11-25", "2026-11-26")] // ten years late: tomorrow, not the 3,650 days missed
    [InlineData("every day at 9am", "2016-11-25", "2026-11-26")]
    [InlineData("every weekday", "2019-03-01", "2026-11-26")]
    [InlineData("every monday at 9am", "2019-03-04", "2026-11-30")]
    [InlineData("every 2 weeks", "2016-11-23", "2026-12-09")] // today is an occurrence of this one, and already past
    [InlineData("every 2 weeks", "2016-11-30", "2026-12-02")]
    [InlineData("every last day of the month", "2020-02-29", "2026-11-30")]
    [InlineData("every year", "2016-02-29", "2028-02-29")]
    [InlineData("every! 3 days", "2016-11-25", "2026-11-28")]
    public void ATaskDoneLongAfterItsDueMovesOnceToItsFirstDueAfterToday(string phrase, string oldDue, string next)
    {
        var read = ReadWhole(phrase, Berlin, Instant(oldDue + "T06:00:00Z"));
        Assert.Equal(Day(oldDue), read.Date);

        var advanced = DueSchedule.Advance(read, Now);

        Assert.Equal(Day(next), advanced.Date);
        Assert.Equal(read.Time, advanced.Time);
        Assert.Equal(read.Recurrence, advanced.Recurrence);
    }

    [Theory]
    [InlineData(Berlin, "FREQ=DAILY", "2026-03-28", "2026-03-28T08:30:00Z", "2026-03-29T09:00:00+02:00", -1)] // spring forward: 08:00Z, then 07:00Z
    [InlineData(Berlin, "FREQ=WEEKLY;BYDAY=MO", "2026-03-23", "2026-03-23T09:00:00Z", "2026-03-30T09:00:00+02:00", -1)]
    [InlineData(Berlin, "FREQ=WEEKLY;BYDAY=MO", "2026-10-19", "2026-10-19T08:00:00Z", "2026-10-26T09:00:00+01:00", 1)] // fall back: 07:00Z, then 08:00Z
    [InlineData(NewYork, "FREQ=DAILY", "2026-03-07", "2026-03-07T15:00:00Z", "2026-03-08T09:00:00-04:00", -1)] // 14:00Z, then 13:00Z
    [InlineData(NewYork, "FREQ=WEEKLY;BYDAY=MO", "2026-03-02", "2026-03-02T15:00:00Z", "2026-03-09T09:00:00-04:00", -1)]
    [InlineData(NewYork, "FREQ=WEEKLY;BYDAY=MO", "2026-10-26", "2026-10-26T14:00:00Z", "2026-11-02T09:00:00-05:00", 1)] // 13:00Z, then 14:00Z
    [InlineData(NewYork, "FREQ=MONTHLY;BYMONTHDAY=1", "2026-10-01", "2026-10-01T14:00:00Z", "2026-11-01T09:00:00-05:00", 1)] // the day of the change
    public void NineOClockStaysNineOClockAcrossADstChange(string zone, string rule, string due, string completedAt, string next, int hourShift)
    {
        var reading = new DueReading(Day(due), new TimeOnly(9, 0), zone, rule);

        var advanced = DueSchedule.Advance(reading, Instant(completedAt));

        Assert.Equal(new TimeOnly(9, 0), advanced.Time);
        Assert.Equal(next, advanced.ToZonedDateTime()!.Value.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Instant(next), advanced.ToInstant());
        Assert.Equal(TimeSpan.FromDays(advanced.Date.DayNumber - reading.Date.DayNumber) + TimeSpan.FromHours(hourShift),
            advanced.ToInstant()!.Value - reading.ToInstant()!.Value);
    }

    [Fact]
    public void NextTimedOccurrenceOfASeriesAnchoredYearsAgo()
    {
        var berlin = ZonedTime.RequireZone(Berlin);

        Assert.Equal(Day("2026-11-26"), DueSchedule.NextOccurrence("FREQ=DAILY", berlin, Day("2016-11-25"), new TimeOnly(9, 0), Now)); // 16:00 there: today's 09:00 is past
        Assert.Equal(Day("2026-11-25"), DueSchedule.NextOccurrence("FREQ=DAILY", berlin, Day("2016-11-25"), new TimeOnly(18, 0), Now));
        Assert.Equal(Day("2026-11-26"), DueSchedule.NextOccurrence("FREQ=WEEKLY;BYDAY=MO,TH", berlin, Day("2016-11-24"), new TimeOnly(9, 0), Now));
    }

    [Fact]
    public void ADueThatDoesNotRecurIsUnchanged()
    {
        var reading = new DueReading(Day("2026-11-25"), new TimeOnly(17, 0), Utc);

        Assert.Same(reading, DueSchedule.Advance(reading, Now));
    }

    [Fact]
    public void EveryDayAtNineStaysAtNineInBerlinAcrossBothDstChanges()
    {
        var nine = new TimeOnly(9, 0);
        var zone = ZonedTime.RequireZone(Berlin);
        List<DateTimeOffset> spring = [], autumn = [];
        for (DateOnly? date = Day("2026-03-27"); date < Day("2026-03-31"); date = DueSchedule.NextOccurrence("FREQ=DAILY", zone, Day("2026-03-01"), nine, ZonedTime.ToInstant(date!.Value, nine, zone)))
            spring.Add(new DueReading(date!.Value, nine, Berlin, "FREQ=DAILY").ToInstant()!.Value);
        for (DateOnly? date = Day("2026-10-23"); date < Day("2026-10-27"); date = DueSchedule.NextOccurrence("FREQ=DAILY", zone, Day("2026-10-01"), nine, ZonedTime.ToInstant(date!.Value, nine, zone)))
            autumn.Add(new DueReading(date!.Value, nine, Berlin, "FREQ=DAILY").ToInstant()!.Value);

        Assert.Equal([Instant("2026-03-27T08:00:00Z"), Instant("2026-03-28T08:00:00Z"), Instant("2026-03-29T07:00:00Z"), Instant("2026-03-30T07:00:00Z")], spring);
        Assert.Equal([Instant("2026-10-23T07:00:00Z"), Instant("2026-10-24T07:00:00Z"), Instant("2026-10-25T08:00:00Z"), Instant("2026-10-26T08:00:00Z")], autumn);
    }

    [Fact]
    public void CompletingTheDayBeforeTheSpringChangeKeepsNineOClock()
    {
        var due = new DueReading(Day("2026-03-28"), new TimeOnly(9, 0), Berlin, "FREQ=DAILY");

        var next = DueSchedule.Advance(due, Instant("2026-03-28T08:30:00Z"));

        Assert.Equal(Day("2026-03-29"), next.Date);
        Assert.Equal(Instant("2026-03-29T07:00:00Z"), next.ToInstant());
        Assert.Equal("2026-03-29T09:00:00+02:00", next.ToZonedDateTime()!.Value.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-11-25T07:00:00Z", "2026-11-25")] // 08:00 in Berlin: today's 09:00 is ahead
    [InlineData("2026-11-25T08:00:00Z", "2026-11-26")] // exactly 09:00: the next one
    [InlineData("2026-11-24T23:30:00Z", "2026-11-25")] // already the 25th in Berlin
    public void NextTimedOccurrenceIsTheFirstInstantAfter(string after, string next)
    {
        var date = DueSchedule.NextOccurrence("FREQ=DAILY", ZonedTime.RequireZone(Berlin), Day("2026-11-01"), new TimeOnly(9, 0), Instant(after));

        Assert.Equal(Day(next), date);
    }

    [Theory]
    [InlineData("FREQ=DAILY", "2026-11-26")]
    [InlineData("FREQ=WEEKLY;BYDAY=WE", "2026-12-02")]
    [InlineData("FREQ=WEEKLY;BYDAY=SA,SU", "2026-11-28")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-11-30")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=25", "2026-12-25")]
    [InlineData("FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1", "2027-01-01")]
    public void NextAllDayOccurrenceIsTheFirstDateAfterTheLocalDate(string rule, string next) =>
        Assert.Equal(Day(next), DueSchedule.NextOccurrence(rule, ZonedTime.RequireZone(Utc), Day("2026-01-01"), null, Now));

    [Fact]
    public void ARuleWithoutOccurrencesHasNoNext() =>
        Assert.Null(DueSchedule.NextOccurrence("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", ZonedTime.RequireZone(Utc), Day("2026-01-01"), null, Now));
}

/// <summary>Local times turned into instants, including the times DST changes skip or repeat.</summary>
public sealed class ZonedTimeTests
{
    [Theory]
    [InlineData(Berlin, "2026-03-29", "02:30", "2026-03-29T01:30:00Z")] // skipped: read as 03:30 summer time
    [InlineData(Berlin, "2026-10-25", "02:30", "2026-10-25T00:30:00Z")] // twice: the first, in summer time
    [InlineData(Berlin, "2026-11-25", "09:00", "2026-11-25T08:00:00Z")]
    [InlineData(Berlin, "2026-07-01", "09:00", "2026-07-01T07:00:00Z")]
    [InlineData(NewYork, "2026-03-08", "02:30", "2026-03-08T07:30:00Z")]
    [InlineData(NewYork, "2026-11-01", "01:30", "2026-11-01T05:30:00Z")]
    [InlineData(LosAngeles, "2026-07-01", "09:00", "2026-07-01T16:00:00Z")]
    [InlineData(Auckland, "2026-09-27", "02:30", "2026-09-26T14:30:00Z")]
    [InlineData(Auckland, "2027-04-04", "02:30", "2027-04-03T13:30:00Z")]
    [InlineData(Kolkata, "2026-11-25", "00:15", "2026-11-24T18:45:00Z")]
    public void LocalTimesBecomeInstants(string zone, string date, string time, string instant)
    {
        var at = ZonedTime.ToInstant(Day(date), TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), ZonedTime.RequireZone(zone));

        Assert.Equal(Instant(instant), at);
        Assert.Equal(TimeSpan.Zero, at.Offset);
    }

    // Our DST rules for skipped and repeated local times are the ones Ical.Net applies to a zoned DTSTART.
    [Theory]
    [InlineData(Berlin, "2026-03-20", "09:00")]
    [InlineData(Berlin, "2026-03-20", "02:30")] // skipped on 29 March, repeated on 25 October
    [InlineData(NewYork, "2026-03-01", "02:30")]
    [InlineData(NewYork, "2026-10-25", "01:30")]
    [InlineData(Auckland, "2026-09-20", "02:30")]
    [InlineData(Kolkata, "2026-03-20", "00:15")]
    public void DailyInstantsAcrossDstChangesAreTheOnesIcalNetGives(string zoneId, string first, string time)
    {
        var zone = ZonedTime.RequireZone(zoneId);
        var start = Day(first);
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

    [Fact]
    public void TheSkippedHalfHourReadsAsHalfPastThreeOnTheWallClock()
    {
        var zoned = new DueReading(Day("2026-03-29"), new TimeOnly(2, 30), Berlin).ToZonedDateTime()!.Value;

        Assert.Equal(new DateTime(2026, 3, 29, 3, 30, 0), zoned.DateTime);
        Assert.Equal(TimeSpan.FromHours(2), zoned.Offset);
    }

    [Fact]
    public void AnInstantBecomesTheLocalDateAndTimeOfTheUsersZone()
    {
        var reading = DueReading.AtInstant(Instant("2026-11-25T23:30:00-05:00"), Auckland);

        Assert.Equal(new DueReading(Day("2026-11-26"), new TimeOnly(17, 30), Auckland), reading);
        Assert.Equal(Instant("2026-11-26T04:30:00Z"), reading.ToInstant());
    }

    [Fact]
    public void AnAllDayDueHasNoInstant() =>
        Assert.Null(new DueReading(Day("2026-11-25"), null, Berlin).ToInstant());

    [Theory]
    [InlineData("Europe/Berlin", true)]
    [InlineData(" Asia/Kolkata ", true)]
    [InlineData("Not/A_Zone", false)]
    [InlineData("", false)]
    public void ZonesAreFoundByTheirIanaIds(string id, bool known) =>
        Assert.Equal(known, ZonedTime.FindZone(id) is not null);
}

/// <summary>The RRULE subset: what is accepted, its canonical text, and how it reads in English.</summary>
public sealed class RecurrenceRuleTests
{
    [Theory]
    [InlineData("freq=weekly;byday=th,mo", "FREQ=WEEKLY;BYDAY=MO,TH")]
    [InlineData("RRULE:FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=MONTHLY;BYMONTHDAY=-1")]
    [InlineData("FREQ=DAILY;INTERVAL=1", "FREQ=DAILY")]
    [InlineData("FREQ=YEARLY;BYMONTHDAY=24;BYMONTH=12", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=15,1", "FREQ=MONTHLY;BYMONTHDAY=1,15")]
    [InlineData("FREQ=WEEKLY;WKST=MO;BYDAY=SU,SA", "FREQ=WEEKLY;BYDAY=SA,SU")]
    [InlineData("FREQ=MONTHLY;BYDAY=-1FR,+2TU", "FREQ=MONTHLY;BYDAY=2TU,-1FR")]
    public void ReadsRulesIntoTheirCanonicalText(string text, string canonical) =>
        Assert.Equal(canonical, RecurrenceRule.Parse(text).ToString());

    [Theory]
    [InlineData("", "empty")]
    [InlineData("FREQ=HOURLY", "FREQ=HOURLY is not supported")]
    [InlineData("FREQ=WEEKLY;COUNT=3", "COUNT=3 is not supported")]
    [InlineData("FREQ=MONTHLY;BYDAY=6MO", "BYDAY 6MO is not a weekday")]
    [InlineData("FREQ=WEEKLY;BYDAY=1MO", "only with FREQ=MONTHLY")]
    [InlineData("FREQ=MONTHLY;BYDAY=1MO,TU", "without plain weekdays")]
    [InlineData("FREQ=DAILY;INTERVAL=0", "INTERVAL=0")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY 32")]
    [InlineData("FREQ=YEARLY;BYMONTH=13", "BYMONTH 13")]
    [InlineData("BYDAY=MO", "no FREQ")]
    [InlineData("FREQ=DAILY;FREQ=WEEKLY", "given twice")]
    [InlineData("FREQ=WEEKLY;BYMONTHDAY=3", "does not go with FREQ=WEEKLY")]
    [InlineData("FREQ", "not NAME=VALUE")]
    public void RefusesRulesOutsideTheSubset(string text, string problem)
    {
        Assert.False(RecurrenceRule.TryParse(text, out _, out var error));
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FREQ=DAILY", "every day")]
    [InlineData("FREQ=DAILY;INTERVAL=3", "every 3 days")]
    [InlineData("FREQ=WEEKLY", "every week")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO", "every Monday")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,TH", "every Monday and Thursday")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,WE,FR", "every Monday, Wednesday and Friday")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "every 2 weeks on Friday")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=1,15", "every month on the 1st and 15th")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=-1", "every month on the last day")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=22", "every month on the 22nd")]
    [InlineData("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24", "every year on 24 December")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=-2", "RRULE FREQ=MONTHLY;BYMONTHDAY=-2")]
    [InlineData("FREQ=MONTHLY;BYDAY=2TU", "every month on the 2nd Tuesday")]
    [InlineData("FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR", "every 3 months on the last Friday")]
    public void DescribesRulesInEnglish(string rule, string english) =>
        Assert.Equal(english, RecurrenceRule.Parse(rule).Describe());
}

/// <summary>The canonical reading of a due, as confirmations show it and as the reader reads it back.</summary>
public sealed class DueDescriptionTests
{
    [Theory]
    [InlineData("2026-12-04", null, null, false, "Friday, 4 December")]
    [InlineData("2026-12-04", "17:00", null, false, "Friday, 4 December, 17:00")]
    [InlineData("2027-12-24", null, null, false, "Friday, 24 December 2027")]
    [InlineData("2026-11-30", "09:00", "FREQ=WEEKLY;BYDAY=MO", false, "every Monday at 09:00")]
    [InlineData("2026-11-25", null, "FREQ=DAILY;INTERVAL=3", true, "every! 3 days")]
    [InlineData("2026-11-25", null, "FREQ=WEEKLY", true, "every! week")]
    public void DescribesTheDueWithItsWeekday(string date, string? time, string? rule, bool fromCompletion, string expected)
    {
        var reading = new DueReading(Day(date), time is null ? null : TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), Utc, rule, fromCompletion);

        Assert.Equal(expected, reading.Describe(currentYear: 2026));
    }

    [Fact]
    public void ARepeatingDueNamesItsRuleAndItsCurrentOccurrence()
    {
        var reading = ReadWhole("every 1st of the month at 9am", Utc);

        Assert.Equal("every month on the 1st at 09:00", reading.Describe());
        Assert.Equal("Tuesday, 1 December, 09:00", reading.DescribeOccurrence(currentYear: 2026));
    }

    [Fact]
    public void TheYearIsShownOnlyWhenItDiffers()
    {
        var reading = new DueReading(Day("2027-12-24"), null, Utc);

        Assert.Equal("Friday, 24 December", reading.Describe(currentYear: 2027));
        Assert.Equal("Friday, 24 December", reading.Describe());
    }

    [Theory]
    [InlineData("every monday at 9am")]
    [InlineData("every mon and thu")]
    [InlineData("every weekday at 8:30am")]
    [InlineData("every weekend")]
    [InlineData("every 2 weeks on friday")]
    [InlineData("every other day")]
    [InlineData("every month on the 1st and 15th")]
    [InlineData("every last day of the month")]
    [InlineData("every 2 months")]
    [InlineData("every 2nd tuesday")]
    [InlineData("every last friday")]
    [InlineData("monthly")]
    [InlineData("every year on dec 24")]
    [InlineData("yearly")]
    [InlineData("every! 3 days")]
    [InlineData("every! week")]
    [InlineData("tomorrow at 5pm")]
    [InlineData("dec 24")]
    [InlineData("2027-12-24 18:00")]
    [InlineData("next friday")]
    [InlineData("yesterday")]
    [InlineData("today at 10")]
    [InlineData("2025-01-02")]
    public void TheDescriptionReadsBackToTheSameDue(string phrase)
    {
        var reading = ReadWhole(phrase, Berlin);

        var described = reading.Describe(currentYear: 2026);

        Assert.Equal(reading, ReadWhole(described, Berlin));
    }
}
