namespace Todo.Server.Dates;

/// <summary>
/// Reads English date phrases ("tomorrow at 5pm", "every mon and thu", "dec 24", "in 3 days") into a
/// <see cref="DueReading"/>, reckoned in the user's IANA zone from a given instant. Pure: no clock, no database.
/// <para>
/// Choices, where English leaves one open:
/// a weekday ("friday", "fri") is the next one after today, never today; "this friday" is the next on or after
/// today; "next friday" is the Friday of next week (weeks start on Monday); "next week" is next week's Monday,
/// "this weekend" the coming Saturday (today on a weekend day), "next weekend" next week's Saturday; "end of the
/// week" is this week's Sunday, "end of the month" its last day; "next month" the 1st of next month.
/// A day and month ("dec 24", "24 december", "the 24th of december") is this year's when it is today or later,
/// else next year's; "on the 3rd" is the next 3rd on or after today (a month without the day is skipped);
/// "feb 30" is an error, never moved; "feb 29" is the next one that exists. Slashed dates ("12/24") are not read
/// (day-first and month-first both exist); ISO dates ("2026-12-24", "2026-12-24 17:30") are.
/// Times: "at 5", "5:30" without am/pm mean 05:00–07:59 as afternoon or evening (17:00, 17:30) and 8–11 as morning,
/// "07:30" written with a leading zero is read as written; after "tonight", "evening" or "afternoon" any 1–11 is pm.
/// "noon" is 12:00, "midnight" 23:59 of its day (a due by the end of that day), "morning" 09:00, "afternoon" 15:00,
/// "evening" 19:00, "tonight" and "night" 20:00. A time without a date is today when it is still ahead, else
/// tomorrow. "yesterday" is read (a past due). "in 2 hours" is counted from the instant given.
/// Recurring: the first date is the first occurrence on or after today (for a timed rule, not yet passed);
/// "every week", "monthly", "every year" are pinned to today's weekday, day or date (BYDAY, BYMONTHDAY, BYMONTH),
/// except after "every!" where the next step simply counts from completion.
/// </para>
/// <para>
/// Titles are protected: quoted text is never read; lone numbers ("buy 2 tickets", "call 911") and ordinals
/// ("The 5th Wave") are not dates; "the 5th" needs "on" or "by" before it. In <see cref="Find"/>, a lone weekday,
/// "daily"/"weekly", or "noon" is read only after a date word ("on", "by", "due", "until") or at the end of the text
/// (tags such as #List, @label, !high after it do not count), so "Friday Night Lights tickets" keeps its title;
/// weekday words that are everyday words ("sun", "sat", "wed", "mon") need a date word before them or a time after
/// them; "may" and "march" are months only with a day number ("may 5"), and then also only before a date word or at
/// the end; a weekday after "black", "good", "ash"… is a name ("Black Friday").
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
