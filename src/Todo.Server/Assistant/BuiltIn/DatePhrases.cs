using System.Globalization;
using System.Text.RegularExpressions;
using Todo.Server.Dates;

namespace Todo.Server.Assistant.BuiltIn;

/// <summary>
/// The date in a request, the way <see cref="RequestParts"/> finds its list, labels and priority: one date phrase,
/// found by <see cref="DateReader.Find"/> (which never reads quoted text or titles such as "The 5th Wave"), taken out of
/// the words and passed on as the tools' <c>due</c> words, which the tool reads again in the user's own zone. The engine
/// does not know that zone, so it reads only where the phrase is and whether it names a real day (in UTC); a phrase
/// that names no day ("feb 30") or could be two ("3/4") is asked about instead of guessed.
/// </summary>
internal static partial class DatePhrases
{
    /// <summary>The zone the engine reads phrases in: only their place and validity count here, not their day.</summary>
    private const string ReadingZone = "UTC";

    /// <summary>Words with the date phrase taken out (<see cref="Rest"/>), the phrase (<see cref="Due"/>), or the question to ask (<see cref="Problem"/>).</summary>
    public sealed record Peeled(string Rest, string? Due, string? Problem)
    {
        public static Peeled Nothing(string text) => new(text, null, null);
    }

    /// <summary>
    /// Takes the one date phrase out of <paramref name="text"/>: "call mom tomorrow at 5" → ("call mom", "tomorrow at 5").
    /// An unreadable phrase ("feb 30") or a slashed date ("3/4", day-first or month-first) comes out too, with a question.
    /// </summary>
    public static Peeled Peel(string text, DateTimeOffset now)
    {
        var found = DateReader.Find(text, now, ReadingZone);
        if (found.Match is { } match)
        {
            // "meet Leon after 5:00 PM": a time the task is about, not when it is due, so it stays in the title.
            if (NotWhenDue().IsMatch(text[..match.Start]))
            {
                return Peeled.Nothing(text);
            }

            var rest = Tidy(text.Remove(match.Start, match.Length));
            return SecondPart(rest, match, now) is { } second
                ? new Peeled(Tidy(rest.Remove(second.Start, second.Length)), second.Start < match.Start ? $"{second.Text} {match.Text}" : $"{match.Text} {second.Text}", null)
                : new Peeled(rest, match.Text, null);
        }

        if (found.Error is { } error)
        {
            var words = UnreadWords().Match(error) is { Success: true } named ? named.Groups["words"].Value : null;
            var at = words is null ? -1 : text.IndexOf(words, StringComparison.OrdinalIgnoreCase);
            var rest = at < 0 ? text : Tidy(text.Remove(at, words!.Length));
            return new Peeled(rest, null, $"I couldn't read that date: {error} Which day do you mean?");
        }

        if (Unquoted(text) is var plain && SlashedDate().Match(plain) is { Success: true } slashed)
        {
            var day = slashed.Groups["date"].Value;
            var parts = day.Split('/');
            var first = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var second = int.Parse(parts[1], CultureInfo.InvariantCulture);
            var question = first <= 12 && second <= 12
                ? $"Is \"{day}\" the {DateWordsOrdinal(first)} of {MonthName(second)} or the {DateWordsOrdinal(second)} of {MonthName(first)}? Say the day with its month's name, like \"{second} {MonthName(first).ToLowerInvariant()}\"."
                : $"Which day is \"{day}\"? Say it with its month's name, like \"24 december\".";
            return new Peeled(Tidy(text.Remove(slashed.Index, slashed.Length)), null, question);
        }

        return Peeled.Nothing(text);
    }

    /// <summary>
    /// "every other week water the plants on saturday": a second phrase left in the words that, said with the first, is one
    /// date ("every other week on saturday"); null when there is none or the two do not read as one.
    /// </summary>
    private static DateMatch? SecondPart(string rest, DateMatch first, DateTimeOffset now)
    {
        if (DateReader.Find(rest, now, ReadingZone).Match is not { } second || NotWhenDue().IsMatch(rest[..second.Start]))
        {
            return null;
        }

        var together = second.Start < first.Start ? $"{second.Text} {first.Text}" : $"{first.Text} {second.Text}";
        return DateReader.ReadWhole(together, now, ReadingZone).Succeeded ? second : null;
    }

    /// <summary>
    /// Whether <paramref name="text"/> holds a date phrase for today or later, or a repeating one: "finish the report by 5pm",
    /// "take out the trash every tuesday night" ask for a task to do then, not for a change now.
    /// </summary>
    public static bool SaysWhenToDoIt(string text, DateTimeOffset now) =>
        DateReader.Find(text, now, ReadingZone).Match?.Reading is { } reading
        && (reading.IsRecurring || reading.Date >= DateOnly.FromDateTime(now.UtcDateTime));

    /// <summary>A whole date said alone ("tomorrow at 9", "at 6") as the tools' due takes it: its date words, else the text.</summary>
    public static string DueOf(string wholeDate, DateTimeOffset now) => Peel(wholeDate, now).Due ?? wholeDate;

    /// <summary>Whether <paramref name="text"/> holds a repeating date phrase ("every monday").</summary>
    public static bool Repeats(string text, DateTimeOffset now) =>
        DateReader.Find(text, now, ReadingZone).Match?.Reading is { IsRecurring: true };

    /// <summary>Whether <paramref name="text"/> is, as a whole, a date phrase (an answer to "which day?"); "at 6" is one, "6" is not.</summary>
    public static bool IsWholeDate(string text, DateTimeOffset now) =>
        DayLead().Match(text.Trim()) is var lead && text.Trim()[lead.Length..] is { Length: > 0 } day
        && (DateReader.ReadWhole(day, now, ReadingZone).Succeeded || (ClockLead().IsMatch(lead.Value) && DateReader.ReadWhole($"at {day}", now, ReadingZone).Succeeded));

    /// <summary>
    /// The filter term for the days a question asks about: "overdue", "today", "tomorrow", "next 7 days" ("this week":
    /// today and the six days after it), "next N days", "no date", "recurring"; null when it names no days.
    /// <paramref name="otherDay"/> is set when it names a day no term covers ("what's due friday?").
    /// </summary>
    public static string? ListTerm(string text, DateTimeOffset now, out string? otherDay)
    {
        otherDay = null;
        text = DayOwnedTasks().Replace(text, "${noun} on ${day}");
        var terms = new List<string>();
        if (NextDays().Match(text) is { Success: true } span)
        {
            var count = int.TryParse(span.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
                : Array.IndexOf(CountWords, span.Groups["n"].Value.ToLowerInvariant());
            return count is >= 1 and <= 366 ? string.Create(CultureInfo.InvariantCulture, $"next {count} days") : null;
        }

        if (ThisWeek().IsMatch(text))
        {
            return "next 7 days";
        }

        if (NextWeek().IsMatch(text))
        {
            return NextWeekTerm;
        }

        // "what's due this month", "anything due next month", "what do I have in december": the days of that calendar month
        // (a month named by its name is the next one of that name, this one included).
        DateOnly? start = Month().Match(text) is { Success: true } month
            ? new DateOnly(now.Year, now.Month, 1).AddMonths(month.Groups["next"].Success ? 1 : 0)
            : NamedMonth().Match(text) is { Success: true } named
                && DateTime.TryParseExact(named.Groups["name"].Value, "MMMM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var monthName)
                ? new DateOnly(now.Year, monthName.Month, 1).AddYears(monthName.Month < now.Month ? 1 : 0)
                : null;
        if (start is { } first)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"(due after: {first.AddDays(-1):yyyy-MM-dd} & due before: {first.AddMonths(1):yyyy-MM-dd})");
        }

        // "what's my next deadline", "what are my deadlines": the tasks that have a date.
        if (Deadline().IsMatch(text))
        {
            return DatedTerm;
        }

        if (BoundedDays(text, now) is { } bounded)
        {
            return bounded;
        }

        // "this weekend", "over the weekend": its Saturday and Sunday (only Sunday when said on a Sunday).
        if (WeekendDays(text, now) is { } days)
        {
            return "(" + string.Join(" | ", days.Select(day => "due on: " + IsoDay(day))) + ")";
        }

        if (Today().IsMatch(text))
        {
            terms.Add("today");
        }

        if (Tomorrow().IsMatch(text))
        {
            terms.Add("tomorrow");
        }

        if (Overdue().IsMatch(text))
        {
            terms.Add("overdue");
        }

        if (terms.Count > 0)
        {
            return terms.Count == 1 ? terms[0] : "(" + string.Join(" | ", terms) + ")";
        }

        if (NoDate().IsMatch(text))
        {
            return "no date";
        }

        if (Repeating().IsMatch(text))
        {
            return "recurring";
        }

        // "what do I have on friday?": that one day; a rule ("every monday") names no day to list.
        if (DateReader.Find(text, now, ReadingZone).Match is { } day)
        {
            if (!day.Reading.IsRecurring && !Span().IsMatch(day.Text) && DayLead().Replace(day.Text, "") is { Length: > 0 } phrase)
            {
                return "due on: " + phrase;
            }

            otherDay = day.Text;
        }

        return null;
    }

    /// <summary>The days of the weekend <paramref name="text"/> names ("this weekend", "next weekend"): Saturday and Sunday, only Sunday when said on a Sunday.</summary>
    private static DateOnly[]? WeekendDays(string text, DateTimeOffset now) =>
        Weekend().Match(text) is { Success: true } weekend
        && DateReader.Find(weekend.Groups["next"].Success ? "next weekend" : "this weekend", now, ReadingZone).Match is { Reading.Date: var first }
            ? first.DayOfWeek == DayOfWeek.Saturday ? [first, first.AddDays(1)] : [first]
            : null;

    /// <summary>
    /// "due before friday", "anything by tomorrow", "what's due after the weekend": the days on one side of a day ("by" takes
    /// the day in); null when no day follows such a word.
    /// </summary>
    private static string? BoundedDays(string text, DateTimeOffset now)
    {
        if (Bound().Match(text) is not { Success: true } bound)
        {
            return null;
        }

        var after = bound.Groups["after"].Success;
        var said = bound.Groups["day"].Value;
        string day;
        if (WeekendDays(said, now) is { } weekend && Weekend().Match(said).Index <= "the ".Length)
        {
            day = IsoDay(after ? weekend[^1] : weekend[0]);
        }
        else if (DateReader.Find(said, now, ReadingZone).Match is { Start: 0, Reading.IsRecurring: false } found && !Span().IsMatch(found.Text)
            && DayLead().Replace(found.Text, "") is { Length: > 0 } phrase)
        {
            day = phrase;
        }
        else
        {
            return null;
        }

        return after ? "due after: " + day
            : bound.Groups["by"].Success ? $"(due before: {day} | due on: {day})"
            : "due before: " + day;
    }

    private static string IsoDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>How a list answer names the days of <paramref name="term"/>: " due today", " overdue", " due in the next 7 days".</summary>
    public static string Describe(string term) => term switch
    {
        "today" => " due today",
        "tomorrow" => " due tomorrow",
        "overdue" => " overdue",
        "no date" => " with no date",
        "recurring" => " that repeat",
        "(today | overdue)" => " due today or overdue",
        _ when term.StartsWith("next ", StringComparison.Ordinal) => " due in the " + term,
        _ when term.StartsWith("due on: ", StringComparison.Ordinal) => " due " + term["due on: ".Length..],
        NextWeekTerm => " due next week",
        _ when term.StartsWith("(due on: ", StringComparison.Ordinal) => " due at the weekend",
        DatedTerm => " with a date",
        _ when ByTerm().Match(term) is { Success: true } by => " due by " + DayWords(by.Groups["day"].Value),
        _ when term.StartsWith("due before: ", StringComparison.Ordinal) => " due before " + DayWords(term["due before: ".Length..]),
        _ when term.StartsWith("due after: ", StringComparison.Ordinal) => " due after " + DayWords(term["due after: ".Length..]),
        _ when MonthTerm().Match(term) is { Success: true } month
            && DateOnly.TryParseExact(month.Groups["before"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var before) =>
            " due in " + before.AddDays(-1).ToString("MMMM", CultureInfo.InvariantCulture),
        _ => " due " + term.Trim('(', ')'),
    };

    /// <summary>A day of a filter term as a reply says it: "2026-11-28" → "Saturday, 28 November"; words stay as said.</summary>
    private static string DayWords(string day) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("dddd, d MMMM", CultureInfo.InvariantCulture)
            : day;

    /// <summary>The words with a phrase taken out: single spaces, no dangling "on"/"at"/"by" or stray commas at either end.</summary>
    public static string Tidy(string text)
    {
        var tidy = Spaces().Replace(text, " ").Trim();
        string before;
        do
        {
            before = tidy;
            tidy = DanglingEnd().Replace(tidy, "").Trim();
            tidy = DanglingStart().Replace(tidy, "").Trim();
        }
        while (!string.Equals(before, tidy, StringComparison.Ordinal));

        return Spaces().Replace(tidy.Replace(" ,", ",", StringComparison.Ordinal), " ");
    }

    private static readonly string[] CountWords =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen"];

    private static string MonthName(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    private static string DateWordsOrdinal(int number) =>
        number.ToString(CultureInfo.InvariantCulture) + ((number % 100) is 11 or 12 or 13 ? "th" : (number % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    /// <summary>The text with quoted words blanked (same length), so nothing inside quotes is taken for a date.</summary>
    private static string Unquoted(string text) => Quoted().Replace(text, match => new string(' ', match.Length));

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^'(?<words>.+?)' is not a date", RegexOptions.CultureInvariant)]
    private static partial Regex UnreadWords();

    [GeneratedRegex(@"""[^""]*""|(?<!\w)'[^']*'(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    /// <summary>"3/4", "12/24/2026" after a date word or at the end: a day that reads two ways.</summary>
    [GeneratedRegex(@"(?:\b(?:on|by|due|until|till|for)\s+)?(?<![\w/])(?<date>\d{1,2}/\d{1,2}(?:/\d{2,4})?)(?![\w/])(?=\s*[.!?]*\s*$)|\b(?:on|by|due|until|till)\s+(?<date>\d{1,2}/\d{1,2}(?:/\d{2,4})?)(?![\w/])", Options)]
    private static partial Regex SlashedDate();

    [GeneratedRegex(@"\b(?:next|coming|following)\s+(?<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen)\s+days\b", Options)]
    private static partial Regex NextDays();

    [GeneratedRegex(@"\b(?:this|the|current)\s+week\b|\bweek\s+ahead\b|\brest\s+of\s+(?:the\s+)?week\b|\bthis\s+week'?s\b|\b(?:coming\s+up|upcoming|soon)\b", Options)]
    private static partial Regex ThisWeek();

    /// <summary>Tasks named by their day: "friday's tasks", "monday stuff", "next week's plans".</summary>
    [GeneratedRegex(@"\b(?<day>(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:this|next)\s+(?:week|weekend|month))(?:'s)?\s+(?<noun>tasks?|to-?dos?|items|stuff|things|plans|agenda|schedule)\b", Options)]
    private static partial Regex DayOwnedTasks();

    [GeneratedRegex(@"\b(?:today|today'?s|tonight|this\s+(?:morning|afternoon|evening))\b", Options)]
    private static partial Regex Today();

    [GeneratedRegex(@"\b(?<!\bafter\s+)(?:tomorrow|tomorrow'?s|tmrw|tmr)\b", Options)]
    private static partial Regex Tomorrow();

    [GeneratedRegex(@"\b(?:overdue|past\s+due|late|missed)\b", Options)]
    private static partial Regex Overdue();

    [GeneratedRegex(@"\b(?:no|without\s+(?:a|any)?)\s*(?:due\s+)?dates?\b|\bundated\b|\bunscheduled\b", Options)]
    private static partial Regex NoDate();

    [GeneratedRegex(@"\b(?:recurring|repeating|repeat|repeats|regular)\b", Options)]
    private static partial Regex Repeating();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?:[\s,;:-]+|\s+(?:on|at|by|for|before|until|till|from|due|starting|in|this|every))+$", Options)]
    private static partial Regex DanglingEnd();

    [GeneratedRegex(@"^[\s,;:-]+", Options)]
    private static partial Regex DanglingStart();

    [GeneratedRegex(@"\b(?:after|since|from|between|past)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotWhenDue();

    /// <summary>The seven days after this week's seven ("what do I have next week?").</summary>
    private const string NextWeekTerm = "(due after: in 6 days & due before: in 14 days)";

    [GeneratedRegex(@"(?:\b(?<next>next)\s+)?\bweekend\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Weekend();

    /// <summary>A word putting the days asked about on one side of a day, and that day: "before friday", "by tomorrow", "after the weekend".</summary>
    [GeneratedRegex(@"\b(?:(?<after>after|later\s+than)|(?<by>by|until|till|til|through|thru|no\s+later\s+than)|before|earlier\s+than|ahead\s+of|prior\s+to)\s+(?<day>.+)$", Options)]
    private static partial Regex Bound();

    [GeneratedRegex(@"^\(due before: (?<day>[^|]+) \| due on: \k<day>\)$", Options)]
    private static partial Regex ByTerm();

    [GeneratedRegex(@"\bnext\s+week\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NextWeek();

    internal const string DatedTerm = "!no date";

    [GeneratedRegex(@"\b(?:this|the|current|(?<next>next))\s+month\b|\brest\s+of\s+(?:the\s+)?month\b", Options)]
    private static partial Regex Month();

    /// <summary>A month named as the time asked about: "in december", "for january", "during march".</summary>
    [GeneratedRegex(@"\b(?:in|for|during|through|throughout|over)\s+(?:the\s+month\s+of\s+)?(?<name>january|february|march|april|may|june|july|august|september|october|november|december)\b(?!\s+\d)", Options)]
    private static partial Regex NamedMonth();

    [GeneratedRegex(@"^\(due after: \d{4}-\d{2}-\d{2} & due before: (?<before>\d{4}-\d{2}-01)\)$", Options)]
    private static partial Regex MonthTerm();

    [GeneratedRegex(@"\bdeadlines?\b|\bdue\s+(?:next|first)\b|\bdue\s+dates\b", Options)]
    private static partial Regex Deadline();

    /// <summary>Words naming more than a day ("next week", "this month"), which "due on:" cannot list.</summary>
    [GeneratedRegex(@"\b(?:weeks?|months?|years?|weekend)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Span();

    [GeneratedRegex(@"^(?:(?:on|for|by|due|at)\s+)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayLead();

    [GeneratedRegex(@"\b(?:at|by)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClockLead();
}
