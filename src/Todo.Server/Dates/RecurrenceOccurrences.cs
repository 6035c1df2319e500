using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using IcalRule = Ical.Net.DataTypes.RecurrenceRule;

namespace Todo.Server.Dates;

/// <summary>
/// The occurrences of a <see cref="RecurrenceRule"/>, as Ical.Net (RFC 5545) expands them. A series is anchored at a
/// date (DTSTART, a DATE without time or zone): it counts its intervals from the anchor and never has an occurrence
/// before it. The anchor itself is an occurrence only when the rule matches it. Occurrences are local dates; the wall-clock
/// time and the instant are added by the caller (<see cref="ZonedTime"/>), so DST changes never move a date.
/// RFC 5545 skips what does not exist: "BYMONTHDAY=31" has no occurrence in a 30-day month, "BYMONTH=2;BYMONTHDAY=29"
/// none in a common year, and a bare "FREQ=MONTHLY" anchored on the 31st none in a shorter month.
/// </summary>
public static class RecurrenceOccurrences
{
    // A rule that matches nothing (BYMONTH=2;BYMONTHDAY=30) stops after this many empty steps of its frequency. The
    // sparsest rule we accept that still matches ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29" across 2100) waits 2,922 days.
    private static readonly EvaluationOptions Options = new() { MaxUnmatchedIncrementsLimit = 4000 };

    /// <summary>The first occurrence on or after <paramref name="from"/> of <paramref name="rule"/> anchored at
    /// <paramref name="anchor"/>, or null when there is none (BYMONTH=2;BYMONTHDAY=30, or past the year 9999).</summary>
    public static DateOnly? FirstOnOrAfter(RecurrenceRule rule, DateOnly anchor, DateOnly from)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (from < anchor)
            from = anchor;
        anchor = LatestEquivalentAnchor(rule, anchor, from);
        var evaluator = new RecurrencePatternEvaluator(new IcalRule(rule.ToString()) { FirstDayOfWeek = DayOfWeek.Monday });
        try
        {
            // Evaluation starts near the period asked about, though it may hand back a few earlier occurrences first.
            foreach (var period in evaluator.Evaluate(new CalDateTime(anchor), new CalDateTime(from), Options))
            {
                var date = period.StartTime.Date;
                if (date >= from)
                    return date;
            }
            return null;
        }
        catch (EvaluationException) // no occurrence within the unmatched-steps limit, or none before the year 10000
        {
            return null;
        }
        catch (ArgumentOutOfRangeException) // a step past 31 December 9999 (Ical.Net gives up on the last weeks before it)
        {
            return null;
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public static DateOnly? FirstAfter(RecurrenceRule rule, DateOnly anchor, DateOnly after) =>
        after == DateOnly.MaxValue ? null : FirstOnOrAfter(rule, anchor, after.AddDays(1));

    /// <summary>
    /// Ical.Net walks from the anchor to the period asked about one interval at a time (about 0.1 ms for ten years of
    /// "every day"). A daily or weekly series is the same series from any of its interval boundaries, so the anchor moves
    /// forward by whole intervals (days, or weeks: the weekday and the week's place in the cycle stay) to the last one not
    /// after <paramref name="from"/>; what it skips lies before <paramref name="from"/>. A monthly or yearly series keeps
    /// its anchor, whose day of the month a bare rule repeats; it walks a twelfth or less as many steps.
    /// </summary>
    private static DateOnly LatestEquivalentAnchor(RecurrenceRule rule, DateOnly anchor, DateOnly from)
    {
        var days = rule.Frequency switch
        {
            RecurrenceFrequency.Daily => rule.Interval,
            RecurrenceFrequency.Weekly => rule.Interval * 7,
            _ => 0,
        };
        if (days == 0)
            return anchor;
        var gap = from.DayNumber - anchor.DayNumber;
        return anchor.AddDays(gap - gap % days);
    }
}
