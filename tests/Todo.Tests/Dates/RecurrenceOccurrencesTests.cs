using System.Globalization;
using Todo.Server.Dates;
using static Todo.Tests.Dates.DateTestClock;

namespace Todo.Tests.Dates;

/// <summary>The dates a rule's series steps through, from its anchor: intervals, weekdays, month ends, leap days,
/// rules with no such day, and anchors far in the past.</summary>
public sealed class RecurrenceOccurrencesTests
{
    [Theory]
    [InlineData("FREQ=DAILY", "2016-11-25", "2026-11-25", "2026-11-25 2026-11-26 2026-11-27 2026-11-28 2026-11-29")]
    [InlineData("FREQ=DAILY;INTERVAL=3", "2026-11-02", "2026-11-25", "2026-11-26 2026-11-29 2026-12-02 2026-12-05 2026-12-08")]
    [InlineData("FREQ=DAILY;INTERVAL=3", "2016-01-01", "2026-11-25", "2026-11-25 2026-11-28 2026-12-01 2026-12-04 2026-12-07")] // 3,981 days on
    [InlineData("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-27", "2026-11-28", "2026-11-30 2026-12-01 2026-12-02 2026-12-03 2026-12-04")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO", "2026-11-25", "2026-11-25", "2026-11-30 2026-12-07 2026-12-14 2026-12-21 2026-12-28")] // a Wednesday anchor is no Monday
    [InlineData("FREQ=WEEKLY;BYDAY=MO,TH", "2026-11-25", "2026-11-25", "2026-11-26 2026-11-30 2026-12-03 2026-12-07 2026-12-10")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2", "2026-11-25", "2026-11-25", "2026-11-25 2026-12-09 2026-12-23 2027-01-06 2027-01-20")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR", "2026-11-25", "2026-11-25", "2026-11-27 2026-12-07 2026-12-11 2026-12-21 2026-12-25")] // not the Monday before the anchor
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", "2016-11-23", "2026-11-25", "2026-11-25 2026-12-09 2026-12-23 2027-01-06 2027-01-20")] // 522 weeks on
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", "2016-11-30", "2026-11-25", "2026-12-02 2026-12-16 2026-12-30 2027-01-13 2027-01-27")] // 521 weeks on: the other week
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=1", "2026-11-25", "2026-11-25", "2026-12-01 2027-01-01 2027-02-01 2027-03-01 2027-04-01")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=31", "2027-01-31", "2027-01-31", "2027-01-31 2027-03-31 2027-05-31 2027-07-31 2027-08-31")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=-1", "2028-01-31", "2028-01-31", "2028-01-31 2028-02-29 2028-03-31 2028-04-30 2028-05-31")]
    [InlineData("FREQ=MONTHLY", "2027-01-31", "2027-01-31", "2027-01-31 2027-03-31 2027-05-31 2027-07-31 2027-08-31")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=29,30", "2027-01-29", "2027-01-29", "2027-01-29 2027-01-30 2027-03-29 2027-03-30 2027-04-29")]
    [InlineData("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=31", "2026-12-31", "2026-12-31", "2026-12-31 2027-08-31 2027-10-31 2027-12-31 2028-08-31")]
    [InlineData("FREQ=MONTHLY;BYDAY=-1FR", "2026-11-27", "2026-11-27", "2026-11-27 2026-12-25 2027-01-29 2027-02-26 2027-03-26")]
    [InlineData("FREQ=MONTHLY;BYDAY=5FR", "2027-01-29", "2027-01-29", "2027-01-29 2027-04-30 2027-07-30 2027-10-29 2027-12-31")]
    [InlineData("FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU", "2026-11-10", "2026-11-10", "2026-11-10 2027-01-12 2027-03-09 2027-05-11 2027-07-13")]
    [InlineData("FREQ=YEARLY", "2028-02-29", "2028-02-29", "2028-02-29 2032-02-29 2036-02-29 2040-02-29 2044-02-29")]
    [InlineData("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2026-11-25", "2026-11-25", "2028-02-29 2032-02-29 2036-02-29 2040-02-29 2044-02-29")]
    [InlineData("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2096-03-01", "2096-03-01", "2104-02-29 2108-02-29 2112-02-29 2116-02-29 2120-02-29")] // 2100 is no leap year
    [InlineData("FREQ=YEARLY;INTERVAL=2;BYMONTH=1;BYMONTHDAY=31", "2027-01-31", "2027-01-31", "2027-01-31 2029-01-31 2031-01-31 2033-01-31 2035-01-31")]
    [InlineData("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29", "2026-11-25", "2026-11-25", "2028-02-29 2032-02-29 2036-02-29 2040-02-29 2044-02-29")]
    public void TheSeriesStepsThroughTheseDates(string rrule, string anchor, string from, string dates)
    {
        var rule = RecurrenceRule.Parse(rrule);
        var expected = dates.Split(' ').Select(Day).ToList();

        var series = new List<DateOnly>();
        for (var date = RecurrenceOccurrences.FirstOnOrAfter(rule, Day(anchor), Day(from)); date is { } next && series.Count < expected.Count;
             date = RecurrenceOccurrences.FirstAfter(rule, Day(anchor), next))
            series.Add(next);

        Assert.Equal(expected, series);
    }

    [Theory]
    [InlineData("FREQ=DAILY", "2026-11-25", "2026-11-20", "2026-11-25")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,TH", "2026-11-25", "2026-11-01", "2026-11-26")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=1,15", "2026-11-10", "2026-10-01", "2026-11-15")]
    public void NothingComesBeforeTheAnchor(string rrule, string anchor, string from, string first) =>
        Assert.Equal(Day(first), RecurrenceOccurrences.FirstOnOrAfter(RecurrenceRule.Parse(rrule), Day(anchor), Day(from)));

    [Theory]
    [InlineData("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "2026-11-25", "2026-11-25")]
    [InlineData("FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31", "2026-11-25", "2026-11-25")]
    [InlineData("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "2026-11-25", "2026-11-25")]
    [InlineData("FREQ=DAILY", "9999-12-31", "9999-12-31")] // nothing after the last day there is
    [InlineData("FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1", "9998-06-01", "9999-06-01")]
    public void ARuleWithoutFurtherDaysHasNone(string rrule, string anchor, string after) =>
        Assert.Null(RecurrenceOccurrences.FirstAfter(RecurrenceRule.Parse(rrule), Day(anchor), Day(after)));

    [Theory]
    [InlineData("FREQ=DAILY", "2026-11-26")]
    [InlineData("FREQ=DAILY;INTERVAL=7", "2026-11-30")] // 1 January 1 was a Monday
    [InlineData("FREQ=WEEKLY;BYDAY=MO,TH", "2026-11-26")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "2026-12-07")] // 30 November is in an off week
    public void ASeriesAnchoredLongAgoKeepsItsPhase(string rrule, string next) =>
        // The anchor moves forward by whole intervals before Ical.Net is asked, so the series keeps its phase.
        Assert.Equal(Day(next), RecurrenceOccurrences.FirstAfter(RecurrenceRule.Parse(rrule), new DateOnly(1, 1, 1), Day("2026-11-25")));
}
