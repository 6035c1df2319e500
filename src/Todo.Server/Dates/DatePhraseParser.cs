using System.Globalization;

namespace Todo.Server.Dates;

/// <summary>How much a phrase needs around it to be read inside a title: none, a date word before it or the end of
/// the text after it, or a date word before it.</summary>
internal enum Weakness { None = 0, NeedsDateWordOrEnd = 1, NeedsDateWord = 2 }

/// <summary>A phrase over tokens [<see cref="Start"/>, <see cref="End"/>): its reading, or the error that makes it no date.</summary>
internal sealed record DatePhrase(int Start, int End, DueReading? Reading, string? Error, Weakness Weakness);

/// <summary>The grammar of date phrases, over the tokens of one text, for one instant and zone. See <see cref="DateReader"/>.</summary>
internal sealed class DatePhraseParser(List<DateToken> tokens, DateTimeOffset now, TimeZoneInfo zone, string zoneId)
{
    private static readonly TimeOnly Morning = new(9, 0), Noon = new(12, 0), Afternoon = new(15, 0),
        Evening = new(19, 0), Night = new(20, 0), Midnight = new(23, 59);

    private static readonly string[] DateWordsBefore = ["on", "by", "due", "until", "till"];

    private readonly DateTime localNow = ZonedTime.LocalAt(now, zone);

    public List<DateToken> Tokens { get; } = tokens;

    private DateOnly Today => DateOnly.FromDateTime(localNow);

    private TimeOnly NowTime => new(localNow.Hour, localNow.Minute);

    /// <summary>The part of a day a phrase sets, which decides what a bare hour means.</summary>
    private enum DayPart { Any, Morning, Later }

    private sealed record DatePart(int End, DateOnly Date, Weakness Weakness, TimeOnly? Time = null, DayPart Part = DayPart.Any, string? Error = null, bool YearGiven = false);

    /// <summary>A time; <see cref="SpokenHour"/> is the hour as said when it came without am, pm or a part of the day ("at 8").</summary>
    private sealed record TimePart(int End, TimeOnly Time, Weakness Weakness, DayPart Part = DayPart.Any, int? SpokenHour = null);

    private sealed record RulePart(int End, RecurrenceRule Rule, bool FromCompletion, Weakness Weakness, TimeOnly? Time = null, DayPart Part = DayPart.Any);

    // ---- acceptance inside a title ----

    public bool StandsAsDate(DatePhrase phrase) => phrase.Weakness switch
    {
        Weakness.None => true,
        Weakness.NeedsDateWordOrEnd => AtEnd(phrase.End),
        _ => false,
    };

    private bool AtEnd(int index)
    {
        for (var i = index; i < Tokens.Count; i++)
            if (Tokens[i].Kind is not (DateTokenKind.Tag or DateTokenKind.Punctuation) || Tokens[i].Quoted)
                return false;
        return true;
    }

    // ---- phrases ----

    /// <summary>The longest phrase starting at token <paramref name="index"/>, with the date words before it.</summary>
    public DatePhrase? ParseAt(int index)
    {
        var at = index;
        while (Word(at) is { } word && DateWordsBefore.Contains(word))
            at++;
        if (at > index)
            return ParseCore(at) is { } led ? led with { Start = index, Weakness = Weakness.None } : null;
        return ParseCore(index);
    }

    private DatePhrase? ParseCore(int start)
    {
        var options = new List<DatePhrase>();

        if (Rule(start) is { } rule)
        {
            var ruleTime = TimeAfter(rule.End, rule.Part) ?? (rule.Time is { } t ? new TimePart(rule.End, t, Weakness.None) : null);
            options.Add(FromRule(start, rule, ruleTime));
            if (Starting(Math.Max(ruleTime?.End ?? 0, rule.End)) is { } from)
                options.Add(FromRule(start, rule, ruleTime, from));
        }

        if (Time(start, DayPart.Any) is { } time)
        {
            options.Add(FromTimeAlone(start, time));
            var next = Skip(time.End, ",");
            if (Word(next) == "on")
                next++;
            if (Date(next) is { } date && (date.Time is null || date.Part != DayPart.Any))
                options.Add(FromDate(start, date with { Time = null }, InPartOfDay(time, date)));
            if (Rule(Skip(time.End, ",")) is { } laterRule)
                options.Add(FromRule(start, laterRule with { Weakness = Weakness.None }, time));
        }

        if (Date(start) is { } day)
        {
            var timeOfDay = day.Time is null || day.Part != DayPart.Any ? TwelveAtNight(TimeAfter(day.End, day.Part), day.Time) : null;
            options.Add(FromDate(start, day, timeOfDay));

            // "friday all day": the day without a time.
            var allDay = Skip(day.End, ",");
            if (timeOfDay is null && day.Time is null && Word(allDay) == "all" && Word(allDay + 1) == "day")
                options.Add(FromDate(start, day with { End = allDay + 2 }, null));

            // "march 3rd every year", "the 15th every month", "sunday every week": a rule without days of its own, from that day.
            if (day.Error is null && Rule(Skip(Math.Max(timeOfDay?.End ?? 0, day.End), ",")) is { FromCompletion: false } repeat
                && repeat.Rule is { Weekdays.Count: 0, MonthDays.Count: 0, NthWeekdays.Count: 0, Months.Count: 0 })
            {
                var repeatTime = TimeAfter(repeat.End, repeat.Part) ?? (repeat.Time is { } ruleTime ? new TimePart(repeat.End, ruleTime, Weakness.None) : null) ?? timeOfDay
                    ?? (day.Time is { } said ? new TimePart(day.End, said, Weakness.None, day.Part) : null);
                options.Add(FromRule(start, repeat with { Weakness = (Weakness)Math.Min((int)day.Weakness, (int)repeat.Weakness) }, repeatTime, day with { Time = null }));
            }
        }

        return options.Count == 0 ? null : options.MaxBy(o => o.End);
    }

    /// <summary>
    /// A time said before its day, read in the part of the day said with the day or after it: "at 6 tonight" 18:00,
    /// "at 8 this morning" 08:00, "7:30 tomorrow morning" 07:30.
    /// </summary>
    private TimePart InPartOfDay(TimePart time, DatePart date)
    {
        var after = date.Part == DayPart.Any ? PartOfDay(Skip(date.End, ",")) : null;
        var part = after?.Part ?? date.Part;
        var end = after?.End ?? date.End;
        var said = time.SpokenHour is { } hour && part != DayPart.Any ? new TimeOnly(BareHour(hour, part), time.Time.Minute) : time.Time;
        return TwelveAtNight(time with { End = end, Time = said, SpokenHour = part == DayPart.Any ? time.SpokenHour : null }, after?.Time ?? date.Time)!;
    }

    /// <summary>"at 12 tonight", "tonight at 12": twelve said of the night is midnight (the end of the day), not noon.</summary>
    private static TimePart? TwelveAtNight(TimePart? time, TimeOnly? partOfDay) =>
        time is not null && time.Time == Noon && partOfDay >= Evening ? time with { Time = Midnight } : time;

    private DatePhrase FromTimeAlone(int start, TimePart time)
    {
        var (date, at) = time.SpokenHour is { } hour ? NextSensible(hour, time.Time.Minute) : (time.Time > NowTime ? Today : Today.AddDays(1), time.Time);
        return new DatePhrase(start, time.End, Reading(date, at), null, time.Weakness);
    }

    /// <summary>A bare hour without a date ("at 8"): the next time it strikes between 07:00 and 22:59, am or pm.</summary>
    private (DateOnly Date, TimeOnly Time) NextSensible(int hour, int minute)
    {
        TimeOnly[] candidates = hour >= 7 ? [new(hour, minute), new(hour + 12, minute)] : [new(hour + 12, minute)];
        var sensible = candidates.Where(t => t.Hour is >= 7 and <= 22).ToArray();
        foreach (var time in sensible)
            if (time > NowTime)
                return (Today, time);
        return (Today.AddDays(1), sensible[0]);
    }

    private DatePhrase FromDate(int start, DatePart date, TimePart? time)
    {
        var end = Math.Max(time?.End ?? 0, date.End);
        var weakness = time is null ? date.Weakness : (Weakness)Math.Min((int)date.Weakness, (int)time.Weakness);
        if (date.Error is { } error)
            return new DatePhrase(start, end, null, error, weakness);
        return new DatePhrase(start, end, Reading(date.Date, time?.Time ?? date.Time), null, weakness);
    }

    /// <summary>"starting friday", "from dec 1", "beginning next week", after a rule.</summary>
    private DatePart? Starting(int index)
    {
        var at = Skip(index, ",");
        if (Word(at) is not ("starting" or "from" or "beginning" or "start"))
            return null;
        return Date(at + 1) is { Time: null } date ? date : null;
    }

    /// <summary>The series starts on its first day on or after today (or after <paramref name="from"/>), not yet passed when timed.</summary>
    private DatePhrase FromRule(int start, RulePart rule, TimePart? time, DatePart? from = null)
    {
        var at = time?.Time;
        var firstDay = from?.Error is null ? from?.Date ?? Today : Today;
        if (!rule.FromCompletion)
            rule = rule with { Rule = Pinned(rule.Rule, firstDay) };
        var everyStep = rule.Rule with { Interval = 1 };
        var first = RecurrenceOccurrences.FirstOnOrAfter(everyStep, firstDay, firstDay);
        if (first == Today && at is { } t && t < NowTime)
            first = RecurrenceOccurrences.FirstAfter(everyStep, Today, Today);
        var end = Math.Max(Math.Max(time?.End ?? 0, rule.End), from?.End ?? 0);
        if (from?.Error is { } fromError)
            return new DatePhrase(start, end, null, fromError, Weakness.None);
        if (first is not { } date)
            return new DatePhrase(start, end, null, "the rule has no occurrence.", rule.Weakness);
        var weakness = time is null ? rule.Weakness : (Weakness)Math.Min((int)rule.Weakness, (int)time.Weakness);
        return new DatePhrase(start, end,
            Reading(date, at) with { Recurrence = rule.Rule.ToString(), FromCompletion = rule.FromCompletion }, null, weakness);
    }

    private DueReading Reading(DateOnly date, TimeOnly? time) => new(date, time, zoneId);

    // ---- times ----

    /// <summary>A time after a date or a rule: "at 5pm", ", 17:00", "morning", "in the evening", "at night".</summary>
    private TimePart? TimeAfter(int index, DayPart part)
    {
        var at = Skip(index, ",");
        if (PartOfDay(at) is { } dayPart)
            return TimeAfter(dayPart.End, dayPart.Part) is { } exact ? exact with { Weakness = Weakness.None } : dayPart;
        return Time(at, part);
    }

    private TimePart? PartOfDay(int index)
    {
        var at = index;
        if (Word(at) == "in" && Word(at + 1) == "the")
            at += 2;
        else if (Word(at) == "at" && Word(at + 1) == "night")
            at += 1;
        return Word(at) switch
        {
            "morning" => new TimePart(at + 1, Morning, Weakness.NeedsDateWordOrEnd, DayPart.Morning),
            "afternoon" => new TimePart(at + 1, Afternoon, Weakness.NeedsDateWordOrEnd, DayPart.Later),
            "evening" => new TimePart(at + 1, Evening, Weakness.NeedsDateWordOrEnd, DayPart.Later),
            "night" => new TimePart(at + 1, Night, Weakness.NeedsDateWordOrEnd, DayPart.Later),
            _ => null,
        };
    }

    private TimePart? Time(int index, DayPart part)
    {
        if (Word(index) == "at" || Punct(index) == "@")
        {
            if (Clock(index + 1, part, bareHourAllowed: true) is { } clock)
                return clock with { Weakness = Weakness.None };
            if (Word(index + 1) == "night")
                return new TimePart(index + 2, Night, Weakness.None, DayPart.Later);
            return null;
        }
        if (Word(index) == "in" && Word(index + 1) == "the" && PartOfDay(index) is { } dayPart)
            return dayPart;
        return Clock(index, part, bareHourAllowed: false);
    }

    /// <summary>"5pm", "5:30 pm", "17:30", "noon", "midnight"; a bare "5" or "5 o'clock" only where <paramref name="bareHourAllowed"/>.</summary>
    private TimePart? Clock(int index, DayPart part, bool bareHourAllowed)
    {
        if (Token(index) is not { } token)
            return null;
        switch (token.Kind)
        {
            case DateTokenKind.Clock when token.Meridiem is { } meridiem:
                if (token.Hour is < 1 or > 12 || token.Minute > 59)
                    return null;
                var hour = token.Hour % 12 + (meridiem == "pm" ? 12 : 0);
                return new TimePart(index + 1, new TimeOnly(hour, token.Minute), Weakness.None);
            case DateTokenKind.Clock:
                if (token.Hour > 23 || token.Minute > 59)
                    return null;
                return new TimePart(index + 1, new TimeOnly(token.ZeroPadded ? token.Hour : BareHour(token.Hour, part), token.Minute), Weakness.None,
                    SpokenHour: Spoken(token.Hour, token.ZeroPadded, part));
            case DateTokenKind.Number when bareHourAllowed || Word(index + 1) == "o'clock":
                if (token.Value > 23 || (token.ZeroPadded && token.Text.Length > 2))
                    return null;
                var end = Word(index + 1) == "o'clock" ? index + 2 : index + 1;
                return new TimePart(end, new TimeOnly(token.ZeroPadded ? token.Value : BareHour(token.Value, part), 0), Weakness.None,
                    SpokenHour: Spoken(token.Value, token.ZeroPadded, part));
            case DateTokenKind.Word when token.Text is "noon" or "midday":
                return new TimePart(index + 1, Noon, Weakness.NeedsDateWordOrEnd);
            case DateTokenKind.Word when token.Text == "midnight":
                return new TimePart(index + 1, Midnight, Weakness.NeedsDateWordOrEnd);
            default:
                return null;
        }
    }

    private static int? Spoken(int hour, bool zeroPadded, DayPart part) =>
        !zeroPadded && part == DayPart.Any && hour is >= 1 and <= 11 ? hour : null;

    /// <summary>An hour said without am or pm: 1–7 is afternoon or evening, 8–11 morning, unless the part of the day says.</summary>
    private static int BareHour(int hour, DayPart part) => part switch
    {
        _ when hour is 0 or >= 12 => hour,
        DayPart.Morning => hour,
        DayPart.Later => hour + 12,
        _ => hour <= 7 ? hour + 12 : hour,
    };

    // ---- dates ----

    private DatePart? Date(int index)
    {
        if (Token(index) is not { } token)
            return null;
        if (token.Kind == DateTokenKind.IsoDate)
            return IsoDate(index, token);
        if (token.Kind is DateTokenKind.Number or DateTokenKind.Ordinal)
            return DayMonth(index) ?? FromNow(index);
        if (token.Kind != DateTokenKind.Word)
            return null;

        var word = token.Text;
        switch (word)
        {
            case "today":
                return new DatePart(index + 1, Today, Weakness.None);
            case "tonight":
                return new DatePart(index + 1, Today, Weakness.None, Night, DayPart.Later);
            case "tomorrow" or "tmrw" or "tmr" or "tomorow" or "tommorow" or "tommorrow":
                return new DatePart(index + 1, Today.AddDays(1), Weakness.None);
            case "the" or "day" when DayAfterTomorrowEnd(index) is { } end:
                return new DatePart(end, Today.AddDays(2), Weakness.None);
            case "yesterday":
                return new DatePart(index + 1, Today.AddDays(-1), Weakness.None);
            case "this":
                return This(index);
            case "next":
                return Next(index);
            case "in":
                return In(index);
            case "the" when Word(index + 1) == "end":
                return EndOf(index + 1);
            // "to the weekend", "over the weekend", "by the weekend", or all the text: the coming one; "plan the weekend" is words.
            case "over" or "during" when Word(index + 1) == "the" && Word(index + 2) == "weekend":
                return This(index + 1);
            case "the" when Word(index + 1) == "weekend" && (index == 0 && index + 2 == Tokens.Count || Word(index - 1) is "to" or "over" or "for" or "at" or "on" or "by" or "until" or "till" or "during"):
                return This(index);
            case "end":
                return EndOf(index);
            case "eom":
                return new DatePart(index + 1, LastDayOfMonth(Today), Weakness.NeedsDateWordOrEnd);
            case "eod":
                return new DatePart(index + 1, Today, Weakness.NeedsDateWordOrEnd);
            // "the week after next": its Monday.
            case "the" or "week" when WeekAfterNextEnd(index) is { } end:
                return new DatePart(end, WeekStart(Today).AddDays(14), Weakness.None);
            case "the":
                return TheDay(index);
        }
        if (FromNow(index) is { } fromNow)
            return fromNow;
        if (DateWords.TryMonth(word, out _))
            return MonthDay(index);
        if (DateWords.TryWeekday(word, out var weekday))
            return Weekday(index, word, weekday);
        return null;
    }

    private static DatePart IsoDate(int index, DateToken token)
    {
        if (token.Value < 1 || token.Month is < 1 or > 12 || token.Day < 1 || token.Day > DateTime.DaysInMonth(token.Value, token.Month))
            return new DatePart(index + 1, default, Weakness.None, Error: "that day does not exist.");
        TimeOnly? time = null;
        if (token.Hour >= 0)
        {
            if (token.Hour > 23 || token.Minute > 59)
                return new DatePart(index + 1, default, Weakness.None, Error: "that time does not exist.");
            time = new TimeOnly(token.Hour, token.Minute);
        }
        return new DatePart(index + 1, new DateOnly(token.Value, token.Month, token.Day), Weakness.None, time);
    }

    private int? DayAfterTomorrowEnd(int index)
    {
        var at = Word(index) == "the" ? index + 1 : index;
        return Word(at) == "day" && Word(at + 1) == "after" && Word(at + 2) is "tomorrow" or "tmrw" ? at + 3 : null;
    }

    private int? WeekAfterNextEnd(int index)
    {
        var at = Word(index) == "the" ? index + 1 : index;
        return Word(at) == "week" && Word(at + 1) == "after" && Word(at + 2) == "next" ? at + 3 : null;
    }

    private DatePart? This(int index)
    {
        var next = Word(index + 1);
        return next switch
        {
            "morning" => new DatePart(index + 2, Today, Weakness.None, Morning, DayPart.Morning),
            "afternoon" => new DatePart(index + 2, Today, Weakness.None, Afternoon, DayPart.Later),
            "evening" => new DatePart(index + 2, Today, Weakness.None, Evening, DayPart.Later),
            "weekend" => new DatePart(index + 2, Today.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? Today : NextWeekday(DayOfWeek.Saturday, true), Weakness.None),
            _ when next is not null && DateWords.TryWeekday(next, out var day) => new DatePart(index + 2, NextWeekday(day, true), Weakness.None),
            _ => null,
        };
    }

    private DatePart? Next(int index)
    {
        var next = Word(index + 1);
        var nextMonday = WeekStart(Today).AddDays(7);
        return next switch
        {
            "week" => new DatePart(index + 2, nextMonday, Weakness.None),
            "weekend" => new DatePart(index + 2, nextMonday.AddDays(5), Weakness.None),
            "month" => new DatePart(index + 2, new DateOnly(Today.Year, Today.Month, 1).AddMonths(1), Weakness.None),
            "year" => new DatePart(index + 2, new DateOnly(Today.Year + 1, 1, 1), Weakness.None),
            _ when next is not null && DateWords.TryWeekday(next, out var day) =>
                new DatePart(index + 2, nextMonday.AddDays(RecurrenceRule.MondayFirst(day)), Weakness.None),
            _ => null,
        };
    }

    /// <summary>"3 days from now", "a week from today", "a week from friday", "2 weeks from tomorrow".</summary>
    private DatePart? FromNow(int index)
    {
        if (Count(index) is not { } count || Word(count.Next) is not { } unit || Word(count.Next + 1) != "from")
            return null;
        if (Word(count.Next + 2) is "now" or "today")
            return Span(count.Amount, unit, count.Next + 3);
        var days = unit.TrimEnd('s') switch { "day" => 1, "week" => 7, "fortnight" => 14, _ => 0 };
        return days > 0 && count.Amount is >= 1 and <= 1000 && Date(count.Next + 2) is { Error: null, Time: null } start
            ? start with { Date = start.Date.AddDays(days * count.Amount), Weakness = Weakness.None }
            : null;
    }

    /// <summary>"in 3 days", "in a week", "in 2 hours", "in half an hour", "in the morning" (a time: see <see cref="Time"/>).</summary>
    private DatePart? In(int index)
    {
        int amount, unitAt;
        if (Word(index + 1) == "half" && Word(index + 2) == "an" && Word(index + 3) == "hour")
            return After(index + 4, TimeSpan.FromMinutes(30));
        if (Count(index + 1) is { } count)
            (amount, unitAt) = count;
        else
            return null;
        return Word(unitAt) is { } unit ? Span(amount, unit, unitAt + 1) : null;
    }

    /// <summary>A span counted from now: whole days, weeks, months and years on the calendar; hours and minutes on the clock.</summary>
    private DatePart? Span(int amount, string unit, int end)
    {
        if (amount is < 1 or > 1000)
            return null;
        return unit.TrimEnd('s') switch
        {
            "day" => new DatePart(end, Today.AddDays(amount), Weakness.None),
            "week" => new DatePart(end, Today.AddDays(7 * amount), Weakness.None),
            "fortnight" => new DatePart(end, Today.AddDays(14 * amount), Weakness.None),
            "month" => new DatePart(end, Today.AddMonths(amount), Weakness.None),
            "year" => new DatePart(end, Today.AddYears(amount), Weakness.None),
            "hour" or "hr" => After(end, TimeSpan.FromHours(amount)),
            "minute" or "min" => After(end, TimeSpan.FromMinutes(amount)),
            _ => null,
        };
    }

    private DatePart After(int end, TimeSpan span)
    {
        var local = ZonedTime.LocalAt(now + span, zone);
        return new DatePart(end, DateOnly.FromDateTime(local), Weakness.None, new TimeOnly(local.Hour, local.Minute), DayPart.Any);
    }

    private DatePart? EndOf(int index)
    {
        if (Word(index + 1) != "of")
            return null;
        var at = index + 2;
        var next = false;
        if (Word(at) is "the" or "this")
            at++;
        else if (Word(at) == "next")
            (at, next) = (at + 1, true);
        return Word(at) switch
        {
            "day" when !next => new DatePart(at + 1, Today, Weakness.None),
            "month" => new DatePart(at + 1, LastDayOfMonth(next ? Today.AddMonths(1) : Today), Weakness.None),
            "week" => new DatePart(at + 1, WeekStart(Today).AddDays(next ? 13 : 6), Weakness.None),
            "year" => new DatePart(at + 1, new DateOnly(Today.Year + (next ? 1 : 0), 12, 31), Weakness.None),
            _ => null,
        };
    }

    /// <summary>
    /// "the 3rd" (the next 3rd of a month), "the 24th of december", "the first of the month" (the next 1st), "the 15th of
    /// next month".
    /// </summary>
    private DatePart? TheDay(int index)
    {
        int dayOfMonth;
        if (Token(index + 1) is { Kind: DateTokenKind.Ordinal or DateTokenKind.Number } day && day.Value is >= 1 and <= 31)
        {
            if (DayMonth(index + 1) is { } dated)
                return dated;
            if (day.Kind != DateTokenKind.Ordinal)
                return null;
            dayOfMonth = day.Value;
        }
        else if (Word(index + 1) == "last" && Word(index + 2) == "day" && Word(index + 3) == "of" && Word(index + 5) == "month"
            && Word(index + 4) is "the" or "this" or "next")
        {
            // "the last day of the month", "the last day of next month"
            var month = Word(index + 4) == "next" ? Today.AddMonths(1) : Today;
            return new DatePart(index + 6, LastDayOfMonth(month), Weakness.None);
        }
        else if (Word(index + 1) is not { } word || !DateWords.TryDayOrdinalWord(word, out dayOfMonth))
        {
            return null;
        }

        var end = index + 2;
        var weakness = Weakness.NeedsDateWord;
        var from = Today;
        if (Word(end) == "of" && Word(end + 2) == "month" && Word(end + 1) is "the" or "this" or "next")
        {
            from = Word(end + 1) == "next" ? new DateOnly(Today.Year, Today.Month, 1).AddMonths(1) : Today;
            (end, weakness) = (end + 3, Weakness.None);
        }
        else if (Token(index + 1) is not { Kind: DateTokenKind.Ordinal })
        {
            return null; // "the first" alone is a position ("the first task"), not a day
        }

        var date = from;
        for (var i = 0; i < 13; i++, date = date.AddMonths(1))
        {
            if (dayOfMonth <= DateTime.DaysInMonth(date.Year, date.Month))
            {
                var candidate = new DateOnly(date.Year, date.Month, dayOfMonth);
                if (candidate >= from)
                    return new DatePart(end, candidate, weakness);
            }
        }
        return null;
    }

    /// <summary>"24 december", "24th of dec", "24 dec 2026".</summary>
    private DatePart? DayMonth(int index)
    {
        var day = Token(index)!;
        if (day.Value is < 1 or > 31)
            return null;
        var at = index + 1;
        if (Word(at) == "of")
            at++;
        if (Word(at) is not { } monthWord || !DateWords.TryMonth(monthWord, out var month))
            return null;
        var (year, end) = Year(at + 1);
        var weakness = DateWords.VerbMonths.Contains(monthWord) ? Weakness.NeedsDateWordOrEnd : Weakness.None;
        return Resolve(end, month, day.Value, year, weakness);
    }

    /// <summary>"dec 24", "december 24th", "dec 24, 2026".</summary>
    private DatePart? MonthDay(int index)
    {
        var monthWord = Word(index)!;
        DateWords.TryMonth(monthWord, out var month);
        if (Token(index + 1) is not { Kind: DateTokenKind.Number or DateTokenKind.Ordinal } day || day.Quoted || day.Value is < 1 or > 31 || day.ZeroPadded && day.Text.Length > 2)
            return null;
        var (year, end) = Year(index + 2);
        var weakness = DateWords.VerbMonths.Contains(monthWord) ? Weakness.NeedsDateWordOrEnd : Weakness.None;
        return Resolve(end, month, day.Value, year, weakness);
    }

    private (int? Year, int End) Year(int index)
    {
        var at = Skip(index, ",");
        return Token(at) is { Kind: DateTokenKind.Number, Quoted: false, Value: >= 1900 and <= 2999 } year && year.Text.Length == 4
            ? (year.Value, at + 1)
            : (null, index);
    }

    private DatePart Resolve(int end, int month, int day, int? year, Weakness weakness)
    {
        var longest = month == 2 ? 29 : DateTime.DaysInMonth(2001, month);
        if (day > longest)
            return new DatePart(end, default, weakness, Error: $"{DateWords.MonthName(month)} has no {DateWords.Ordinal(day)} day.");
        if (year is { } y)
        {
            return day <= DateTime.DaysInMonth(y, month)
                ? new DatePart(end, new DateOnly(y, month, day), weakness, YearGiven: true)
                : new DatePart(end, default, weakness, Error: $"{DateWords.MonthName(month)} {y} has no {DateWords.Ordinal(day)} day.");
        }
        for (var candidateYear = Today.Year; candidateYear <= Today.Year + 8; candidateYear++)
        {
            if (day > DateTime.DaysInMonth(candidateYear, month))
                continue;
            var candidate = new DateOnly(candidateYear, month, day);
            if (candidate >= Today)
                return new DatePart(end, candidate, weakness);
        }
        return new DatePart(end, default, weakness, Error: "that day does not exist.");
    }

    private DatePart? Weekday(int index, string word, DayOfWeek day)
    {
        if (index > 0 && Word(index - 1) is { } before && DateWords.NamedDayWords.Contains(before))
            return null;
        var afterComma = Skip(index + 1, ",");
        if (Token(afterComma) is { Kind: DateTokenKind.Number or DateTokenKind.Ordinal } && DayMonth(afterComma) is { } dated)
        {
            if (dated.Error is null && dated.Date.DayOfWeek != day && !dated.YearGiven && NearestWithWeekday(dated.Date, day) is { } matching)
                return dated with { Date = matching, Weakness = Weakness.None };
            if (dated.Error is null && dated.Date.DayOfWeek != day)
                return dated with
                {
                    Error = string.Create(CultureInfo.InvariantCulture,
                        $"{dated.Date.Day} {DateWords.MonthName(dated.Date.Month)} {dated.Date.Year} is a {DateWords.WeekdayName(dated.Date.DayOfWeek)}, not a {DateWords.WeekdayName(day)}."),
                };
            return dated with { Weakness = Weakness.None };
        }
        // "thursday after next": the one after the coming one.
        if (Word(index + 1) == "after" && Word(index + 2) == "next")
            return new DatePart(index + 3, NextWeekday(day, false).AddDays(7), Weakness.None);
        var weakness = DateWords.CommonWordWeekdays.Contains(word) ? Weakness.NeedsDateWord : Weakness.NeedsDateWordOrEnd;
        return new DatePart(index + 1, NextWeekday(day, false), weakness);
    }

    /// <summary>"Tuesday, 24 November" as written back for a past due: the same day in the last twelve months,
    /// when it is that weekday there.</summary>
    private DateOnly? NearestWithWeekday(DateOnly date, DayOfWeek day)
    {
        for (var year = Today.Year; year >= Today.Year - 1; year--)
        {
            if (date.Day > DateTime.DaysInMonth(year, date.Month))
                continue;
            var past = new DateOnly(year, date.Month, date.Day);
            if (past < Today)
                return past.DayOfWeek == day ? past : null;
        }
        return null;
    }

    // ---- recurrence ----

    private RulePart? Rule(int index)
    {
        var word = Word(index);
        switch (word)
        {
            case "daily" or "everyday":
                return new RulePart(index + 1, new RecurrenceRule { Frequency = RecurrenceFrequency.Daily }, false, Weakness.NeedsDateWordOrEnd);
            case "nightly":
                return new RulePart(index + 1, new RecurrenceRule { Frequency = RecurrenceFrequency.Daily }, false, Weakness.NeedsDateWordOrEnd, Night, DayPart.Later);
            case "biweekly" or "fortnightly":
                return new RulePart(index + 1, new RecurrenceRule { Frequency = RecurrenceFrequency.Weekly, Interval = 2 }, false, Weakness.NeedsDateWordOrEnd);
            case "quarterly":
                return new RulePart(index + 1, new RecurrenceRule { Frequency = RecurrenceFrequency.Monthly, Interval = 3 }, false, Weakness.NeedsDateWordOrEnd);
            case "weekly":
                return new RulePart(index + 1, new RecurrenceRule { Frequency = RecurrenceFrequency.Weekly }, false, Weakness.NeedsDateWordOrEnd);
            case "monthly":
                return new RulePart(index + 1, new RecurrenceRule { Frequency = RecurrenceFrequency.Monthly }, false, Weakness.NeedsDateWordOrEnd);
            case "yearly" or "annually":
                return new RulePart(index + 1, new RecurrenceRule { Frequency = RecurrenceFrequency.Yearly }, false, Weakness.NeedsDateWordOrEnd);
            case "weekdays":
                return new RulePart(index + 1, new RecurrenceRule { Frequency = RecurrenceFrequency.Weekly, Weekdays = WorkWeek }, false, Weakness.NeedsDateWordOrEnd);
            case "every" or "every!":
                return Every(index + 1, word == "every!");
            // "each monday", "each morning": as "every"; "each" before anything else ("each of them") is no date.
            case "each" when Every(index + 1, false) is { } each && Word(index + 1) is { } next
                && (DateWords.TryWeekday(next, out _) || next is "day" or "week" or "month" or "year" or "morning" or "afternoon" or "evening" or "night" or "weekday" or "weekend"):
                return each with { Weakness = Weakness.NeedsDateWordOrEnd };
            default:
                return DayOfEveryMonth(index);
        }
    }

    private static readonly DayOfWeek[] WorkWeek = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>"the 1st of every month", "15th of each month", "the 1st and 15th of every month", "the last day of every month", "the first monday of each month".</summary>
    private RulePart? DayOfEveryMonth(int index)
    {
        var at = Word(index) == "the" ? index + 1 : index;
        var monthly = new RecurrenceRule { Frequency = RecurrenceFrequency.Monthly };
        (RecurrenceRule Rule, int End)? days = Word(at) == "last" && Word(at + 1) == "day" ? (monthly with { MonthDays = [-1] }, at + 2)
            : NthWeekday(at, inMonth: true) is { } nth ? (monthly with { NthWeekdays = [(nth.Nth, nth.Day)] }, at + 2)
            : Token(at) is { Kind: DateTokenKind.Ordinal } && OrdinalList(at) is { } ordinals ? (monthly with { MonthDays = ordinals.Days }, ordinals.End)
            : null;
        if (days is not { } said || Word(said.End) != "of" || Word(said.End + 1) is not ("every" or "each") || Word(said.End + 2) != "month")
            return null;
        return new RulePart(said.End + 3, said.Rule, false, Weakness.None);
    }

    private RulePart? Every(int index, bool fromCompletion)
    {
        // "every 1st and 3rd tuesday": those weekdays of each month.
        if (OrdinalList(index) is { Days.Count: > 1 } nths && nths.Days.All(n => n <= 5) && Word(nths.End) is { } dayWord && DateWords.TryWeekday(dayWord, out var nthDay))
            return new RulePart(OfTheMonthEnd(nths.End + 1), new RecurrenceRule { Frequency = RecurrenceFrequency.Monthly, NthWeekdays = [.. nths.Days.Select(n => (n, nthDay))] },
                fromCompletion, Weakness.None);
        if (NthWeekday(index, inMonth: false) is { } nth)
            return new RulePart(nth.End, new RecurrenceRule { Frequency = RecurrenceFrequency.Monthly, NthWeekdays = [(nth.Nth, nth.Day)] }, fromCompletion, Weakness.None);
        var interval = 1;
        var at = index;
        if (Word(at) == "other")
        {
            interval = 2;
            at++;
        }
        else if (Word(at) is { } ordinal && DateWords.TryOrdinalWord(ordinal, out var step)
            && (Word(at + 1)?.TrimEnd('s') is "day" or "week" or "month" or "year" || (Word(at + 1) is { } weekday && DateWords.TryWeekday(weekday, out _))))
        {
            (interval, at) = (step, at + 1);
        }
        else if (Word(at) is not ("a" or "an") && Count(at) is { } count && Word(count.Next)?.TrimEnd('s') is "day" or "week" or "month" or "year")
        {
            (interval, at) = count;
            if (interval is < 1 or > 1000)
                return null;
        }

        RulePart Make(int end, RecurrenceFrequency frequency, TimeOnly? time = null, DayPart part = DayPart.Any) =>
            new(end, new RecurrenceRule { Frequency = frequency, Interval = interval }, fromCompletion, Weakness.None, time, part);

        var unit = Word(at);
        switch (unit?.TrimEnd('s'))
        {
            case "day":
                return Make(at + 1, RecurrenceFrequency.Daily);
            case "week":
                return OnWeekdays(Make(at + 1, RecurrenceFrequency.Weekly));
            case "month":
                return OnMonthDays(Make(at + 1, RecurrenceFrequency.Monthly));
            case "year":
                return OnYearDay(Make(at + 1, RecurrenceFrequency.Yearly));
            case "weekday" or "workday" when interval == 1:
                return WithDays(Make(at + 1, RecurrenceFrequency.Weekly), WorkWeek);
            case "weekend" when interval == 1:
                return WithDays(Make(at + 1, RecurrenceFrequency.Weekly), [DayOfWeek.Saturday, DayOfWeek.Sunday]);
            case "morning" when interval == 1:
                return Make(at + 1, RecurrenceFrequency.Daily, Morning, DayPart.Morning);
            case "afternoon" when interval == 1:
                return Make(at + 1, RecurrenceFrequency.Daily, Afternoon, DayPart.Later);
            case "evening" when interval == 1:
                return Make(at + 1, RecurrenceFrequency.Daily, Evening, DayPart.Later);
            case "night" when interval == 1:
                return Make(at + 1, RecurrenceFrequency.Daily, Night, DayPart.Later);
            case "last" when interval == 1 && Word(at + 1) == "day":
                return WithMonthDays(Make(LastDayEnd(at + 2), RecurrenceFrequency.Monthly), [-1]);
        }
        if (WeekdayList(at) is { } days)
            return WithDays(Make(days.End, RecurrenceFrequency.Weekly), days.Days);
        if (interval == 1 && Token(at) is { Kind: DateTokenKind.Ordinal or DateTokenKind.Number })
        {
            if (DayMonth(at) is { Error: null } yearly)
                return OnYearDayFrom(Make(yearly.End, RecurrenceFrequency.Yearly), yearly.Date);
            if (Token(at)!.Kind == DateTokenKind.Ordinal && OrdinalList(at) is { } monthDays)
                return WithMonthDays(Make(OfTheMonthEnd(monthDays.End), RecurrenceFrequency.Monthly), monthDays.Days);
        }
        if (interval == 1 && Word(at) is { } monthWord && DateWords.TryMonth(monthWord, out _) && MonthDay(at) is { Error: null } onDate)
            return OnYearDayFrom(Make(onDate.End, RecurrenceFrequency.Yearly), onDate.Date);
        return null;
    }

    private static RulePart WithDays(RulePart rule, IReadOnlyList<DayOfWeek> days) => rule with { Rule = rule.Rule with { Weekdays = days } };

    private static RulePart WithMonthDays(RulePart rule, IReadOnlyList<int> days) => rule with { Rule = rule.Rule with { MonthDays = days } };

    /// <summary>"every week on monday and thursday".</summary>
    private RulePart OnWeekdays(RulePart rule)
    {
        if (Word(rule.End) == "on" && WeekdayList(rule.End + 1) is { } days)
            return rule with { End = days.End, Rule = rule.Rule with { Weekdays = days.Days } };
        return rule;
    }

    /// <summary>"every month on the 1st", "every month on the 1st and 15th", "every month on the last day".</summary>
    private RulePart OnMonthDays(RulePart rule)
    {
        var at = rule.End;
        if (Word(at) != "on")
            return rule;
        at++;
        if (Word(at) == "the")
            at++;
        if (Word(at) == "last" && Word(at + 1) == "day")
            return rule with { End = at + 2, Rule = rule.Rule with { MonthDays = [-1] } };
        if (NthWeekday(at, inMonth: true) is { } nth)
            return rule with { End = nth.End, Rule = rule.Rule with { NthWeekdays = [(nth.Nth, nth.Day)] } };
        if (OrdinalList(at) is { } days)
            return rule with { End = days.End, Rule = rule.Rule with { MonthDays = days.Days } };
        return rule;
    }

    /// <summary>
    /// "1st monday", "first monday", "last friday", "2nd tuesday of the month": the n-th weekday of a month. "second" to
    /// "fifth" name one only with "of the month" or <paramref name="inMonth"/> ("every month on the second tuesday");
    /// otherwise "every second tuesday" is every other Tuesday, as "every second week" is every other week.
    /// </summary>
    private (int Nth, DayOfWeek Day, int End)? NthWeekday(int index, bool inMonth)
    {
        int nth;
        var needsMonth = false;
        if (Token(index) is { Kind: DateTokenKind.Ordinal, Value: >= 1 and <= 5 } ordinal)
            nth = ordinal.Value;
        else if (Word(index) == "first")
            nth = 1;
        else if (Word(index) == "last")
            nth = -1;
        else if (Word(index) is { } word && DateWords.TryOrdinalWord(word, out nth) && nth <= 5)
            needsMonth = !inMonth;
        else
            return null;
        if (Word(index + 1) is not { } dayWord || !DateWords.TryWeekday(dayWord, out var day))
            return null;
        var end = OfTheMonthEnd(index + 2);
        return needsMonth && end == index + 2 ? null : (nth, day, end);
    }

    /// <summary>"every year on 24 december", "every year on dec 24".</summary>
    private RulePart OnYearDay(RulePart rule)
    {
        if (Word(rule.End) != "on")
            return rule;
        var at = rule.End + 1;
        var date = Token(at) is { Kind: DateTokenKind.Number or DateTokenKind.Ordinal } ? DayMonth(at)
            : Word(at) is { } word && DateWords.TryMonth(word, out _) ? MonthDay(at) : null;
        return date is { Error: null } ? OnYearDayFrom(rule with { End = date.End }, date.Date) : rule;
    }

    private static RulePart OnYearDayFrom(RulePart rule, DateOnly date) =>
        rule with { Rule = rule.Rule with { Months = [date.Month], MonthDays = [date.Day] } };

    /// <summary>Pins a weekly, monthly or yearly rule without days to the weekday, day of the month or date it starts on.</summary>
    private static RecurrenceRule Pinned(RecurrenceRule rule, DateOnly start) => rule.Frequency switch
    {
        RecurrenceFrequency.Weekly when rule.Weekdays.Count == 0 => rule with { Weekdays = [start.DayOfWeek] },
        RecurrenceFrequency.Monthly when rule.MonthDays.Count == 0 && rule.NthWeekdays.Count == 0 => rule with { MonthDays = [start.Day] },
        RecurrenceFrequency.Yearly when rule.MonthDays.Count == 0 && rule.Months.Count == 0 => rule with { Months = [start.Month], MonthDays = [start.Day] },
        _ => rule,
    };

    private (IReadOnlyList<DayOfWeek> Days, int End)? WeekdayList(int index)
    {
        var days = new List<DayOfWeek>();
        var at = index;
        var end = index;
        while (Word(at) is { } word && (DateWords.TryWeekday(word, out var day) || DateWords.TryWeekday(word.TrimEnd('s'), out day)))
        {
            if (!days.Contains(day))
                days.Add(day);
            end = at + 1;
            at = SkipJoiners(end);
        }
        return days.Count == 0 ? null : ([.. days.OrderBy(RecurrenceRule.MondayFirst)], end);
    }

    private (IReadOnlyList<int> Days, int End)? OrdinalList(int index)
    {
        var days = new List<int>();
        var at = index;
        var end = index;
        while (Token(at) is { Kind: DateTokenKind.Ordinal, Quoted: false, Value: >= 1 and <= 31 } token)
        {
            if (!days.Contains(token.Value))
                days.Add(token.Value);
            end = at + 1;
            at = SkipJoiners(end);
            if (Word(at) == "the")
                at++;
        }
        return days.Count == 0 ? null : ([.. days.Order()], end);
    }

    /// <summary>After "every 1st": "of the month", "of every month", "of each month", "day of the month".</summary>
    private int OfTheMonthEnd(int index)
    {
        var at = index;
        if (Word(at) == "day")
            at++;
        if (Word(at) != "of")
            return index;
        at++;
        if (Word(at) is "the" or "every" or "each")
            at++;
        return Word(at) == "month" ? at + 1 : index;
    }

    private int LastDayEnd(int index)
    {
        var end = OfTheMonthEnd(index - 1);
        return end == index - 1 ? index : end;
    }

    private int SkipJoiners(int index)
    {
        var at = index;
        if (Punct(at) is "," or "&" or "/" or "+")
            at++;
        if (Word(at) == "and")
            at++;
        return at;
    }

    /// <summary>A count: "3", "a", "an", "two"… followed by what it counts.</summary>
    private (int Amount, int Next)? Count(int index)
    {
        if (Token(index) is { Kind: DateTokenKind.Number, Quoted: false } number)
            return (number.Value, index + 1);
        if (Word(index) is { } word && DateWords.TryNumberWord(word, out var value))
            return (value, index + 1);
        return null;
    }

    // ---- calendar helpers ----

    private DateOnly NextWeekday(DayOfWeek day, bool todayCounts)
    {
        var ahead = ((int)day - (int)Today.DayOfWeek + 7) % 7;
        if (ahead == 0 && !todayCounts)
            ahead = 7;
        return Today.AddDays(ahead);
    }

    private static DateOnly WeekStart(DateOnly date) => date.AddDays(-RecurrenceRule.MondayFirst(date.DayOfWeek));

    private static DateOnly LastDayOfMonth(DateOnly date) => new(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));

    // ---- tokens ----

    private DateToken? Token(int index) =>
        index >= 0 && index < Tokens.Count && !Tokens[index].Quoted ? Tokens[index] : null;

    private string? Word(int index) => Token(index) is { Kind: DateTokenKind.Word } token ? token.Text : null;

    private string? Punct(int index) => Token(index) is { Kind: DateTokenKind.Punctuation } token ? token.Text : null;

    private int Skip(int index, string punctuation) => Punct(index) == punctuation ? index + 1 : index;
}
