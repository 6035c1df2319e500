namespace Todo.Server.Dates;

/// <summary>
/// Reads English date phrases ("tomorrow at 5pm", "every mon and thu", "dec 24", "in 3 days") into a
/// <see cref="DueReading"/>, reckoned in the user's IANA zone from a given instant. Pure: no clock, no database.
/// <para>
/// Days. A weekday ("friday", "fri") is the next one after today, never today; "this friday" the next on or after
/// today; "next friday" the Friday of next week (weeks start on Monday); "next week" next week's Monday; "this
/// weekend" and "the weekend" (alone, or after "to", "over", "by"…) the coming Saturday (today on a weekend day); "next
/// weekend" next week's Saturday; "end of the week" this week's Sunday; "end of the month" its last day; "next month" the 1st of next month; "yesterday" is read (a past
/// due). A day and month ("dec 24", "24 december", "the 24th of december") is this year's when it is today or later,
/// else next year's; "on the 3rd" is the next 3rd on or after today, skipping months without that day. "feb 30" is an
/// error, never moved; "feb 29" is the next one that exists. A weekday written with a date must agree with it
/// ("Monday, 4 December" is an error when 4 December is a Friday). Slashed dates ("12/24") are not read, since both
/// day-first and month-first are common; ISO dates are ("2026-12-24", "2026-12-24 17:30"). "in 3 months" and
/// "in a month" count calendar months and stop at a shorter month's end (31 January + 1 month = 28 February).
/// </para>
/// <para>
/// Times. "noon" 12:00; "midnight" 23:59 of its day (due by the end of it); "morning" 09:00, "afternoon" 15:00,
/// "evening" 19:00, "tonight" and "night" 20:00. "07:30" with a leading zero and "17:30" are read as written. An hour
/// without am or pm ("at 5", "5:30", "at 8"): with a date or a rule, 1–7 is afternoon or evening (17:00) and 8–11
/// morning; after "tonight", "evening" or "afternoon" it is pm, after "morning" am; with no date it is the next time
/// that hour strikes between 07:00 and 22:59 ("at 8" at 15:00 is 20:00 today). Any other time without a date is today
/// while it is ahead, else tomorrow. "in 2 hours" is counted on the clock from the instant given, so across a DST
/// change it is two real hours.
/// </para>
/// <para>
/// Repeating. The first date is the first occurrence on or after today (or on or after the date after "starting"),
/// and for a timed rule one not yet passed. "every week", "every 2 weeks", "monthly", "every year" are pinned to the
/// weekday, day of the month or date they start on (BYDAY, BYMONTHDAY, BYMONTH), so moving one occurrence keeps the
/// rule; after "every!" they stay plain, and each step counts from the completion day. "every 31st" has no
/// occurrence in shorter months (RFC 5545); "every last day of the month" is the month's end. "every first monday",
/// "every 2nd tuesday", "every last friday" are the n-th weekday of each month; "every other tuesday" and "every second
/// tuesday" are every two weeks, as "every second week" is (with "of the month", "every second tuesday of the month"
/// is the n-th weekday again).
/// </para>
/// <para>
/// Titles are protected. Quoted text is never read. Lone numbers ("buy 2 tickets", "call 911", "read chapter 3") and
/// ordinals ("The 5th Wave") are not dates; "the 5th" needs a date word ("on", "by", "due", "until") before it. In
/// <see cref="Find"/>, a lone weekday, "daily", "weekly", "monthly", "noon", "midnight" or "in the morning" is read only
/// after a date word or at the end of the text (trailing #List, @label, !high, p1 and punctuation do not count), so
/// "Friday Night Lights tickets" and "Prepare weekly report" keep their titles. Weekday words that are everyday words
/// ("sun", "sat", "wed", "mon") need a date word before them or a time after them ("Mon Cheri", "sun cream").
/// "may" and "march" are months only with a day number ("may 5"; not "I may need", "march in the parade"), and then
/// only after a date word or at the end. A weekday after "black", "good", "cyber", "ash"… is a name ("Black Friday").
/// Ordinal words ("second") only count intervals after "every" ("every second week").
/// </para>
/// </summary>
public static class DateReader
{
    /// <summary>
    /// The best date phrase inside <paramref name="text"/> (quick add, chat): the longest one that is read, the later one
    /// when two are as long. <see cref="DateReadResult.None"/> when there is none; an error when the phrase names a
    /// date that does not exist ("feb 30").
    /// </summary>
    public static DateReadResult Find(string text, DateTimeOffset now, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new DatePhraseParser(DateTokenizer.Tokenize(text), now, ZonedTime.RequireZone(timeZone), timeZone);
        DatePhrase? best = null;
        for (var i = 0; i < parser.Tokens.Count; i++)
        {
            if (parser.ParseAt(i) is not { } phrase || !parser.StandsAsDate(phrase))
                continue;
            if (best is null || phrase.End - phrase.Start >= best.End - best.Start)
                best = phrase;
        }
        return best is null ? DateReadResult.None : ToResult(text, parser, best);
    }

    /// <summary>
    /// The whole of <paramref name="text"/> as one date phrase (due_string, filters). Punctuation around it is allowed;
    /// anything else is an error naming what was not understood.
    /// </summary>
    public static DateReadResult ReadWhole(string text, DateTimeOffset now, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new DatePhraseParser(DateTokenizer.Tokenize(text), now, ZonedTime.RequireZone(timeZone), timeZone);
        var tokens = parser.Tokens;
        var first = tokens.FindIndex(t => t.Kind != DateTokenKind.Punctuation);
        var last = tokens.FindLastIndex(t => t.Kind != DateTokenKind.Punctuation);
        if (first < 0)
            return new DateReadResult(null, "There is no date to read.");
        var phrase = parser.ParseAt(first);
        if (phrase is null)
            return new DateReadResult(null, $"'{text.Trim()}' is not a date this service understands.");
        if (phrase.End <= last)
        {
            var rest = text[tokens[phrase.End].Start..tokens[last].End];
            return new DateReadResult(null, $"'{rest}' in '{text.Trim()}' is not understood as part of a date.");
        }
        return ToResult(text, parser, phrase);
    }

    private static DateReadResult ToResult(string text, DatePhraseParser parser, DatePhrase phrase)
    {
        var start = parser.Tokens[phrase.Start].Start;
        var end = parser.Tokens[phrase.End - 1].End;
        var words = text[start..end];
        if (phrase.Error is { } error)
            return new DateReadResult(null, $"'{words}' is not a date: {error}");
        return new DateReadResult(new DateMatch(start, end - start, words, phrase.Reading!), null);
    }
}
