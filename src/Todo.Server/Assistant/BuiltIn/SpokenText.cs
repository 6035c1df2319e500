using System.Globalization;
using System.Text.RegularExpressions;

namespace Todo.Server.Assistant.BuiltIn;

/// <summary>
/// The normalising front end: a message as people say it to a voice assistant or type it in a hurry, brought to the forms
/// the parser reads. Wake words ("alexa, …", "hey google", "olly, …") and fillers ("um", "uh") go; speech-to-text forms
/// of "to do" become "todo"; typed shortcuts and misspelt command words are respelt ("whats", "tmrw", "delte"); number
/// words after "task", "item", "number" become digits; a list named first ("on my grocery list add apples") moves behind
/// the request; reminder wordings become "remind me to …". Everything else, a title's words and case included, stays.
/// </summary>
internal static partial class SpokenText
{
    /// <summary>The verbs a request starts with, respelt when mistyped among its first words.</summary>
    private static readonly string[] CommandVerbs =
        ["delete", "remove", "complete", "remind", "remember", "schedule", "finish", "rename", "restore", "update", "please", "what's"];

    /// <summary>Words respelt wherever they are mistyped: days, and words of lists and reminders.</summary>
    private static readonly string[] KeyWords =
    [
        "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend",
        "shopping", "grocery", "groceries", "priority", "reminder", "reminders", "important", "urgent", "list", "done",
        "task", "tasks", "show", "mark", "check", "clear", "item", "items", "complete", "completed", "finished",
    ];

    /// <summary>Short typed forms of a first word: "ad milk", "shw my tasks", "dlt task 3".</summary>
    private static readonly Dictionary<string, string> FirstWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ad"] = "add", ["addd"] = "add", ["shw"] = "show", ["sho"] = "show", ["lst"] = "list", ["dlt"] = "delete",
        ["del"] = "delete", ["rmv"] = "remove", ["rm"] = "remove", ["mrk"] = "mark", ["chk"] = "check", ["compl"] = "complete",
    };

    /// <summary>Real words one letter away from a word above, never respelt.</summary>
    private static readonly HashSet<string> RealWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "compete", "reminded", "sundae", "chopping", "shipping", "lost", "lust", "last", "mist", "fist", "gist", "listen",
        "finnish", "remover", "delta", "urgency", "renamed", "updater", "clean", "cleat", "cheek", "chuck", "chick", "stopping",
        "whopping", "remote", "rewind", "tanks", "masks", "tacks", "tasty",
    };

    /// <summary>Typed shortcuts and contractions without their apostrophe, as the parser spells them.</summary>
    private static readonly Dictionary<string, string> Respellings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["whats"] = "what's", ["wheres"] = "where's", ["thats"] = "that's", ["theres"] = "there's", ["dont"] = "don't",
        ["didnt"] = "didn't", ["doesnt"] = "doesn't", ["isnt"] = "isn't", ["arent"] = "aren't", ["cant"] = "can't",
        ["wont"] = "won't", ["havent"] = "haven't", ["im"] = "I'm", ["ive"] = "I've", ["youre"] = "you're",
        ["wanna"] = "want to", ["gonna"] = "going to", ["lemme"] = "let me", ["gimme"] = "give me", ["u"] = "you",
        ["ur"] = "your", ["pls"] = "please", ["plz"] = "please", ["tmrw"] = "tomorrow", ["tmr"] = "tomorrow",
        ["tmrrw"] = "tomorrow", ["tomoro"] = "tomorrow", ["tomorow"] = "tomorrow", ["tommorow"] = "tomorrow",
        ["tommorrow"] = "tomorrow", ["2moro"] = "tomorrow", ["tonite"] = "tonight", ["tho"] = "though", ["asap"] = "asap",
        ["todays"] = "today's", ["tomorrows"] = "tomorrow's", ["wendsday"] = "wednesday", ["wensday"] = "wednesday",
        ["thrusday"] = "thursday", ["thurs"] = "thursday", ["tues"] = "tuesday", ["weds"] = "wednesday",
        ["teh"] = "the", ["hte"] = "the", ["adn"] = "and", ["waht"] = "what", ["wat"] = "what", ["taht"] = "that",
        ["yuo"] = "you", ["plase"] = "please", ["pleas"] = "please", ["thx"] = "thanks",
    };

    /// <summary>"two" → 2, "12" → 12 (up to twenty in words); null for anything else.</summary>
    public static int? CountOf(string word) =>
        Array.IndexOf(NumberWords, word.Trim().ToLowerInvariant()) is var index and >= 0 ? index
        : int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
        : null;

    private static readonly string[] NumberWords =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

    /// <summary>The message in the parser's forms (see the class summary); <paramref name="now"/> for telling date words.</summary>
    public static string Normalize(string message, DateTimeOffset now)
    {
        var text = Whitespace().Replace(Utterance.StraightenQuotes(message), " ").Trim();
        string before;
        do
        {
            before = text;
            text = WakeWord().Replace(text, "");
            text = NamedWakeWord().Replace(text, "");
            text = LeadingYeah().Replace(text, "");
        }
        while (!string.Equals(before, text, StringComparison.Ordinal));

        text = Filler().Replace(text, "");
        text = SpokenLike().Replace(text, "");
        text = TrailingToo().Replace(text, "");
        var position = 0;
        text = Word().Replace(text, match => Respell(match.Value, position++));
        text = TodoList().Replace(text, "todo list");
        text = Todos().Replace(text, "todos");
        text = ToDash().Replace(text, "todo");
        text = CoupleOf().Replace(text, match => $"{match.Groups["lead"].Value} {(match.Groups["few"].Success ? 3 : 2)} {match.Groups["unit"].Value}");
        text = SameTimeNextWeek().Replace(text, " a week later");
        text = SameTimeOnADay().Replace(text, "");
        text = NumberAlone(NumbersAsDigits(text));
        text = ClockTimes(text);
        text = DayOrdinal().Replace(text, match =>
            match.Groups["lead"].Value + DayOfMonth(match.Groups["ord"].Value.ToLowerInvariant().Replace(' ', '-')));
        text = NotThatDay().Replace(text, "");
        text = NotThatHour().Replace(text, "");
        text = RightDateOnly(text, now);
        text = AddButNot().Replace(text, "${add}");
        text = InsteadAt().Replace(text, "move ${task} to ${when}");
        text = WaitUntil().Replace(text, "move ${task} to ${when}");
        text = ItsTime().Replace(text, "move ${task} to ");
        text = FirstThing().Replace(text, match => $"{(match.Groups["day"].Success ? match.Groups["day"].Value : "tomorrow")} morning");
        text = RepeatingReminder().Replace(text, match => match.Groups["about"].Success
            ? $"remind me {match.Groups["freq"].Value} to {match.Groups["rest"].Value}"
            : $"remind me {match.Groups["freq"].Value} {match.Groups["rest"].Value}");
        text = ReminderWording(text, now);
        text = ReminderAsTask(text, now);
        text = TwoReminders(text, now);
        text = RemindMeOfTheList().Replace(text, "show ");
        text = AskingIfOnList().Replace(text, "${be} ${item} ${where}");
        text = AskingToKnow().Replace(text, "");
        text = EmbeddedQuestion().Replace(text, "${wh} do ${who} ${verb}");
        text = ShoppingQuestion().Replace(text, "what's on my shopping list");
        text = StillToDo().Replace(text, "what's pending");
        text = WantToSee().Replace(text, "show me ");
        text = HowItLooks().Replace(text, match => match.Groups["list"].Success
            ? $"show {match.Groups["list"].Value}"
            : $"what's due {DayAsked(match.Groups["when"].Value)}");
        text = MergeLists().Replace(text, "move everything on the ${from} list to the ${to} list");
        text = NewListCalledWith().Replace(text, "${verb} a ${name} list with ${items}");
        text = ClearAList().Replace(text, "delete everything on ${list}");
        text = PriorityAndDue().Replace(text, "${said} and make it ");
        text = ListBeforeItems().Replace(text, "${verb} ${items} to ${list}");
        text = ListFirst().Replace(text, match =>
            $"{match.Groups["rest"].Value} {(AddVerb().IsMatch(match.Groups["rest"].Value) ? "to" : "on")} {Determined(match.Groups["list"].Value)}");
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>"add bread to the grocery list too", "put eggs on it as well": the end that says only "this one also".</summary>
    [GeneratedRegex(@"(?<=\b(?:add|put|remind|move|delete|remove|mark|complete)\b.*\S)\s*,?\s+(?:too|as\s+well|also)(?=\s*[.!?]*\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingToo();

    /// <summary>"in a couple of days" → "in 2 days", "within a few weeks" → "within 3 weeks": a span the date reader takes.</summary>
    [GeneratedRegex(@"\b(?<lead>in|within|after)\s+a\s+(?:couple(?:\s+of)?|(?<few>few))\s+(?<unit>minutes|hours|days|weeks|months)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CoupleOf();

    /// <summary>"move the dentist to the same time next week" → "move the dentist a week later": a shift of its due, time kept.</summary>
    [GeneratedRegex(@"\s+(?:to|until|till|for)\s+(?:the\s+)?same\s+time\s+next\s+week\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SameTimeNextWeek();

    /// <summary>"to the same time tomorrow" → "to tomorrow": a new day keeps the task's time.</summary>
    [GeneratedRegex(@"\b(?:at\s+)?(?:the\s+)?same\s+time\s+(?:on\s+)?(?=(?:tomorrow|next\s+\w+day|\w+day)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SameTimeOnADay();

    /// <summary>"grocery list" → "the grocery list"; "my grocery list" stays.</summary>
    private static string Determined(string list) =>
        list.StartsWith("my ", StringComparison.OrdinalIgnoreCase) || list.StartsWith("the ", StringComparison.OrdinalIgnoreCase)
        || list.StartsWith("our ", StringComparison.OrdinalIgnoreCase) ? list : $"the {list}";

    /// <summary>"task three", "item four", "number 2" → "task 3", "item 4", "number 2".</summary>
    public static string NumbersAsDigits(string text)
    {
        // Each pass turns the words after a digit too: "items two and three" → "items 2 and three" → "items 2 and 3".
        string before;
        do
        {
            before = text;
            text = NumberAfterNoun().Replace(text, match =>
                match.Groups["lead"].Value + Array.IndexOf(NumberWords, match.Groups["word"].Value.ToLowerInvariant()).ToString(CultureInfo.InvariantCulture));
        }
        while (!string.Equals(before, text, StringComparison.Ordinal));

        return text;
    }

    private static readonly string[] DayOrdinals =
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
         "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"];

    /// <summary>"first" → "1st", "twenty-second" → "22nd", "thirty-first" → "31st": a day of the month in digits.</summary>
    private static string DayOfMonth(string ordinal)
    {
        var day = ordinal == "thirtieth" ? 30
            : ordinal.StartsWith("thirty-", StringComparison.Ordinal) ? 30 + Array.IndexOf(DayOrdinals, ordinal[7..]) + 1
            : ordinal.StartsWith("twenty-", StringComparison.Ordinal) ? 20 + Array.IndexOf(DayOrdinals, ordinal[7..]) + 1
            : Array.IndexOf(DayOrdinals, ordinal) + 1;

        var suffix = (day % 10, day / 10 % 10) switch
        {
            (_, 1) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        return day.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>
    /// Times of day as people say them, in the form the date reader reads: "5 p.m." → "5pm", "8 in the morning" → "8am",
    /// "half past 7" → "7:30", "quarter to 5" → "4:45", "at 1930" → "at 19:30".
    /// </summary>
    private static string ClockTimes(string text)
    {
        text = DottedMeridiem().Replace(text, "${t}${m}m");
        text = PartOfDay().Replace(text, match => match.Groups["t"].Value + (match.Groups["am"].Success ? "am" : "pm"));
        text = HourThenDayPart().Replace(text, match =>
            $"{match.Groups["day"].Value} at {match.Groups["t"].Value}{(match.Groups["am"].Success ? "am" : "pm")}");
        text = QuarterOrHalf().Replace(text, match =>
        {
            var hourWord = match.Groups["h"].Value.ToLowerInvariant();
            var hour = int.TryParse(hourWord, NumberStyles.None, CultureInfo.InvariantCulture, out var digits) ? digits : Array.IndexOf(NumberWords, hourWord);
            var before = match.Groups["dir"].Value.ToLowerInvariant() is "to" or "til" or "till" or "of";
            var (h, m) = match.Groups["half"].Success ? (hour, 30) : before ? (hour == 1 ? 12 : hour - 1, 45) : (hour, 15);
            return string.Create(CultureInfo.InvariantCulture, $"{h}:{m:00}");
        });
        return TwentyFourHourTime().Replace(text, "${lead} ${h}:${m}");
    }

    /// <summary>"not friday, saturday", "no, not at 5, at 6": a date said wrongly, then the right one → "no, saturday".</summary>
    public static string RightDateOnly(string text, DateTimeOffset now) =>
        NotThisDateButThat().Match(text) is { Success: true } corrected
        && DatePhrases.IsWholeDate(corrected.Groups["wrong"].Value, now) && DatePhrases.IsWholeDate(corrected.Groups["right"].Value, now)
            ? $"no, {corrected.Groups["right"].Value}"
            : text;

    /// <summary>"three" alone (an answer to "which one?") → "3".</summary>
    private static string NumberAlone(string text) =>
        Array.IndexOf(NumberWords, text.Trim().TrimEnd('.', '!', '?').ToLowerInvariant()) is var number and > 0
            ? number.ToString(CultureInfo.InvariantCulture)
            : text;

    /// <summary>
    /// "send me a reminder to X", "set my calendar to remind me to X", "remind me in 2 hours to X", "remind me at 8pm take X":
    /// "remind me to X", with the date words after it.
    /// </summary>
    private static string ReminderWording(string text, DateTimeOffset now)
    {
        text = CalendarReminder().Replace(text, "remind me");

        // "set an alarm for 7am", "set a timer for 10 minutes": a reminder then ("remind me at 7am"), what of asked next.
        if (AlarmOrTimer().Match(text) is { Success: true } alarm)
        {
            var when = alarm.Groups["when"].Value;
            text = $"remind me {(DurationFirst().IsMatch(when) ? "in " : char.IsDigit(when[0]) ? "at " : "")}{when}{alarm.Groups["rest"].Value}";
        }

        // "in 10 minutes remind me to check the oven": the date said first goes after the request.
        if (DateThenRemind().Match(text) is { Success: true } first && DatePhrases.IsWholeDate(first.Groups["when"].Value, now))
        {
            text = $"{first.Groups["rest"].Value} {first.Groups["when"].Value}";
        }

        text = BareReminder().Replace(text, "remind me ");
        text = RememberTo().Replace(text, "remind me to ");
        text = ReminderFor().Replace(text, "remind me about ");
        if (ReminderNoun().Match(text) is { Success: true } noun)
        {
            var when = noun.Groups["when"].Value.Trim();
            when = when.StartsWith("for ", StringComparison.OrdinalIgnoreCase)
                ? (char.IsDigit(when[4]) ? "at " : "") + when[4..]
                : when;
            text = when.Length == 0
                ? $"remind me {Link(noun)} {noun.Groups["rest"].Value}"
                : $"remind me {Link(noun)} {noun.Groups["rest"].Value} {when}";
        }

        text = RemindLater().Replace(text, "${lead} ");
        text = RemindLaterAtEnd().Replace(text, "${head}");
        text = LaterThatDay().Replace(text, "");
        if (RemindMeThen().Match(text) is not { Success: true } remind)
        {
            return text;
        }

        // Only a date ("remind me at 5"): what to do is asked next, the date kept.
        if (DatePhrases.IsWholeDate(remind.Groups["rest"].Value, now))
        {
            return $"remind me to {remind.Groups["rest"].Value}";
        }

        // The longest run of words after "remind me" that is a date, then what to do: "tomorrow morning", "in 2 hours".
        var words = remind.Groups["rest"].Value.Split(' ');
        for (var count = Math.Min(words.Length - 1, 8); count >= 1; count--)
        {
            var when = string.Join(' ', words[..count]);
            if (DatePhrases.IsWholeDate(when, now))
            {
                var rest = string.Join(' ', words[count..]);
                var lead = WhatLead().Match(rest);
                var what = rest[lead.Length..];
                return what.Length == 0 ? text : $"remind me {(lead.Groups["about"].Success ? "about" : "to")} {what} {when}";
            }
        }

        // No link said before a statement: "remind me I have a haircut friday", "remind me the bill is due friday".
        return SaysWhatIs().IsMatch(remind.Groups["rest"].Value) ? $"remind me that {remind.Groups["rest"].Value}" : text;
    }

    /// <summary>
    /// A reminder is its task: "delete my reminder to call mom" → "delete call mom", "change my reminder for the bill to
    /// 5pm" → "change the bill to 5pm"; one named by its day is the tasks due then: "cancel my reminder for tomorrow" →
    /// "cancel my tasks due tomorrow".
    /// </summary>
    private static string ReminderAsTask(string text, DateTimeOffset now)
    {
        if (ReminderObject().Match(text) is not { Success: true } reminder)
        {
            return text;
        }

        var verb = reminder.Groups["verb"].Value;
        var rest = reminder.Groups["rest"].Value;
        var when = reminder.Groups["when"].Success ? reminder.Groups["when"].Value.Replace("'s", "", StringComparison.OrdinalIgnoreCase) : null;
        if (when is null && rest.Length > 0 && DatePhrases.IsWholeDate(rest, now))
        {
            when = rest;
            rest = "";
        }
        else if (reminder.Groups["link"].Value.Equals("on", StringComparison.OrdinalIgnoreCase))
        {
            return text; // "remove the reminder on the bill": the bill stays, its reminders go
        }

        // "cancel my reminder for the dentist" stays for the parser: the dentist's reminders, or the task when it has none.
        return when is not null && DatePhrases.IsWholeDate(when, now) ? $"{verb} my tasks due {when} {rest}".TrimEnd()
            : rest.Length > 0 && when is null && Removal().IsMatch(verb) ? text
            : rest.Length > 0 && when is null ? $"{verb} {rest}"
            : reminder.Groups["that"].Success && when is null ? $"{verb} {reminder.Groups["that"].Value}"
            : text;
    }

    /// <summary>
    /// "remind me to call mom tonight and to buy milk tomorrow", "remind me to call mom at 5 and mop kitchen at 6": two
    /// reminders, each with its own time.
    /// </summary>
    private static string TwoReminders(string text, DateTimeOffset now)
    {
        if (ReminderPair().Match(text) is not { Success: true } pair)
        {
            return text;
        }

        var second = pair.Groups["second"].Value;
        return pair.Groups["to"].Success || (DatePhrases.Peel(pair.Groups["first"].Value, now) is { Due: not null, Rest.Length: > 0 }
            && DatePhrases.Peel(second, now) is { Due: not null, Rest.Length: > 0 })
            ? $"{pair.Groups["lead"].Value} {pair.Groups["first"].Value} and remind me to {second}"
            : text;
    }

    /// <summary>"to", "that" or "about" as said; a colon ("set a reminder at 7am: gym") is "to".</summary>
    private static string Link(Match noun) => noun.Groups["link"].Success ? noun.Groups["link"].Value : "to";

    private static string Respell(string word, int position)
    {
        if ((position == 0 && FirstWords.TryGetValue(word, out var respelt)) || Respellings.TryGetValue(word, out respelt))
        {
            return respelt;
        }

        var lower = word.ToLowerInvariant();
        IEnumerable<string> known = position < 3 ? [.. CommandVerbs, .. KeyWords] : KeyWords;
        if (word.Length < 4 || RealWords.Contains(lower) || known.Contains(lower, StringComparer.Ordinal))
        {
            return word;
        }

        // A letter changed only in the first word, where a command verb is expected ("that's" is no "what's"); elsewhere one
        // added, dropped or two swapped, which real words one letter apart ("shipping", "shopping") are not. An inflection ("removed") is no typo.
        var close = known
            .Where(target => !lower.StartsWith(target, StringComparison.Ordinal) && (word.Length >= 5 || lower.Length == target.Length))
            .Where(target => Typos.OneEditApart(lower, target, substitution: position == 0 && word.Length >= 5 && !lower.EndsWith("'s", StringComparison.Ordinal)))
            .ToList();
        return close.Count == 1 ? close[0] : word;
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"(?<t>\d)\s*(?<m>[ap])\.\s?m\b\.?", Options)]
    private static partial Regex DottedMeridiem();

    [GeneratedRegex(@"\b(?<t>(?:1[0-2]|0?[1-9])(?::[0-5]\d)?)(?:\s+o'?clock)?\s+(?:in\s+the\s+(?<am>morning)|in\s+the\s+(?:afternoon|evening)|at\s+night)\b", Options)]
    private static partial Regex PartOfDay();

    /// <summary>"at 9 tomorrow morning", "7 on friday evening" → "tomorrow at 9am", "on friday at 7pm".</summary>
    [GeneratedRegex(@"\b(?:at\s+)?(?<t>(?:1[0-2]|0?[1-9])(?::[0-5]\d)?)\s+(?<day>today|tomorrow|(?:on\s+|this\s+|next\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\s+(?:(?<am>morning)|afternoon|evening|night)\b", Options)]
    private static partial Regex HourThenDayPart();

    [GeneratedRegex(@"\b(?:(?<half>half)\s+(?<dir>past|after)|(?:a\s+)?quarter\s+(?<dir>past|after|to|til|till|of))\s+(?<h>1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", Options)]
    private static partial Regex QuarterOrHalf();

    [GeneratedRegex(@"\b(?<lead>at|by|@)\s+(?<h>[01]\d|2[0-3])(?<m>[0-5]\d)\b(?!\s*(?:am|pm|a\.m|p\.m))", Options)]
    private static partial Regex TwentyFourHourTime();

    /// <summary>The verbs a request starts with, for telling a wake word ("Olly, add …") from a first item ("milk, eggs …").</summary>
    private const string RequestStart = @"(?:please\s+|can\s+|could\s+|would\s+|will\s+)?(?:add|put|remind|remove|delete|take|show|read|tell|what|what's|whats|mark|check|cross|tick|complete|set|create|make|list|do|did|are|is|clear|move|change|rename|edit|undo|say|repeat|let|give|send|get|i|i'm|i've|we|how|any|find|search|schedule|cancel|help)\b";

    /// <summary>"on the first", "by the twenty-second of december": a day of the month said in words (not "the first task").</summary>
    [GeneratedRegex(@"\b(?<lead>(?:on|by|before|until|from|every|each)\s+the\s+)(?<ord>(?:twenty[\s-]|thirty[\s-])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)(?=\s*(?:$|[,.!?]|of\b|at\b|in\b|every\b|and\b))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayOrdinal();

    [GeneratedRegex(@"^(?:hey|hi|hello|ok(?:ay)?|yo|oh)[\s,]+(?:alexa|google|siri|cortana|bixby|echo|jarvis|computer|assistant)\b[\s,.!:;-]*" +
        @"|^(?:alexa|google|siri|cortana|bixby|echo|jarvis|computer|assistant)(?:\s*[,.!:;-]\s*|\s+(?=" + RequestStart + "))" +
        @"|^(?:hey|hi|hello|ok(?:ay)?|yo|oh)[\s,!]+(?=" + RequestStart + ")", Options)]
    private static partial Regex WakeWord();

    /// <summary>A name the person gave their assistant, then a comma or "hey": "olly, add milk", "hey olly add milk".</summary>
    [GeneratedRegex(@"^(?:(?:hey|hi|ok(?:ay)?|yo)\s+)?(?!(?:please|ok|okay|so|now|and|also|um|uh|well|then|yes|yeah|no|nope|hi|hey|today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next|this|done|finished)\b)[a-z][a-z'-]{1,20}\s*[,!]\s*(?=" + RequestStart + ")|^(?:hey|ok(?:ay)?)\\s+(?!" + RequestStart + @")[a-z][a-z'-]{1,20}[\s,]+(?=" + RequestStart + ")", Options)]
    private static partial Regex NamedWakeWord();

    [GeneratedRegex(@"^(?:(?:ok(?:ay)?|so|right|well)[\s,]+)+(?:yeah|yep|ya|yes)[\s,]+(?=\S)|^(?:yeah|yep|ya)[\s,]+(?=\S)", Options)]
    private static partial Regex LeadingYeah();

    [GeneratedRegex(@"(?<=^|\s)(?:um+|uh+|uhm+|erm+|hmm+)\b[,.]?\s*", Options)]
    private static partial Regex Filler();

    /// <summary>"add like paper towels", "like, what's on my list", "you know, add milk": words said while thinking.</summary>
    [GeneratedRegex(@"(?<=\b(?:add|put|get|buy|grab|need|remind\s+me\s+to|(?:can|could|would|will)\s+you)\s+)(?:like|you\s+know|basically|just)[,]?\s+|^(?:like|you\s+know|basically|so\s+like)[,]?\s+|^(?:tell|ask)\s+(?:my\s+|the\s+)?(?:todo|to-do|to\s+do|task|tasks|reminders?)\s*(?:list|app)?\s+to\s+(?=\S)", Options)]
    private static partial Regex SpokenLike();

    [GeneratedRegex(@"(?<![\w'-])[a-z0-9]+(?:'s)?(?![\w'-])", Options)]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(?:to[\s-]?do|todo)s?\s+list\b", Options)]
    private static partial Regex TodoList();

    [GeneratedRegex(@"\bto[\s-]dos\b|\btodo'?s\b", Options)]
    private static partial Regex Todos();

    [GeneratedRegex(@"\bto-do\b", Options)]
    private static partial Regex ToDash();

    [GeneratedRegex(@"(?<lead>\b(?:tasks?|items?|numbers?|no\.?|rows?|lines?|entry|entries|todo)\s*(?:number\s+|#\s*)?|\d\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:task\s+|item\s+|number\s+)?)(?<word>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b", Options)]
    private static partial Regex NumberAfterNoun();

    [GeneratedRegex(@"^(?:(?:please|can\s+you|could\s+you)\s+)?(?:set|tell|program|use|get)\s+(?:my|the)\s+(?:calendar|phone|alarm|app|assistant)\s+to\s+remind\s+me\b", Options)]
    private static partial Regex CalendarReminder();

    [GeneratedRegex(@"^(?:(?:please|can\s+you|could\s+you)\s+)?(?:set|start|make|create|add)\s+(?:me\s+)?(?:an?\s+|my\s+)?(?:alarm|timer)\s+(?:for\s+)?(?<when>\S(?:(?!\s(?:to|that|about)\s).)*)(?<rest>\s+(?:to|that|about)\s.+)?$", Options)]
    private static partial Regex AlarmOrTimer();

    [GeneratedRegex(@"^\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?)\b|^(?:an?|one|two|five|ten|fifteen|twenty|thirty|half\s+an?)\s+(?:minutes?|hours?)\b", Options)]
    private static partial Regex DurationFirst();

    [GeneratedRegex(@"^(?<when>.+?)\s*,?\s+(?<rest>(?:please\s+)?remind\s+me\s+(?:to|that|about|of)\b.+)$", Options)]
    private static partial Regex DateThenRemind();

    /// <summary>"reminder to call mom at 5", "a reminder that the car needs a service".</summary>
    [GeneratedRegex(@"^(?:(?:i|we)\s+(?:need|want|would\s+like|'d\s+like)\s+)?(?:a\s+|new\s+)?reminder\s+(?=(?:to|that|about)\s)" +
        @"|^(?:(?:i|we)\s+(?:need|want|would\s+like|'d\s+like)\s+to\s+be|(?:please\s+)?(?:can\s+you\s+|could\s+you\s+)?(?:make\s+sure|ensure)\s+(?:i'?m|i\s+am|we'?re|we\s+are))\s+reminded\s+(?=(?:to|that|about|of)\s)", Options)]
    private static partial Regex BareReminder();

    /// <summary>"make sure I remember to X", "new reminder: X", "add a reminder pick up the cake", "reminder call mom 5pm": what to be reminded of follows.</summary>
    [GeneratedRegex(@"^(?:(?:please\s+)?(?:can\s+you\s+|could\s+you\s+)?(?:make\s+sure|ensure)\s+(?:that\s+)?(?:i|we)\s+(?:remember|don'?t\s+forget|do\s+not\s+forget)\s+to" +
        @"|(?:new\s+|(?:add|create|make|set)\s+(?:a\s+)?(?:new\s+)?)?(?:recurring\s+|repeating\s+)?reminder(?:\s+(?:called|named|titled|saying|that\s+says)(?=\s))?\s*[:,-]?(?!\s*(?:to|that|about|for|at|on|in|before|of|me|is|was|isn't|wasn't|didn't|doesn't|won't|not|settings?|list|time|sound|please)\b)(?!.*\b(?:before|ahead\s+of|early)\b))\s+(?=\S)", Options)]
    private static partial Regex RememberTo();

    /// <summary>"set a reminder for the dentist at 5": a reminder about a thing, not for a time (which <see cref="ReminderNoun"/> reads).</summary>
    [GeneratedRegex(@"^(?:(?:please|can\s+you|could\s+you)\s+)?(?:send|give|set|create|make|add|schedule|put\s+in|set\s+up)\s+(?:me\s+)?(?:up\s+)?(?:a\s+|an\s+|one\s+)?(?:new\s+)?reminder\s+(?:for|about|of)\s+(?!(?:me|today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next|this|noon|midnight|\d)\b)(?!.*\s(?:to|that|about)\s)", Options)]
    private static partial Regex ReminderFor();

    /// <summary>"send me a reminder to X", "set a reminder for 6pm to X", "create a reminder that X".</summary>
    [GeneratedRegex(@"^(?:(?:please|can\s+you|could\s+you)\s+)?(?:(?:send|give|set|create|make|add|schedule|put\s+in|set\s+up)\s+(?:me\s+)?(?:up\s+)?(?:a\s+|an\s+|one\s+)?)?(?:new\s+)?(?:recurring\s+|repeating\s+)?reminder(?:\s+for\s+me)?\s+(?<when>(?:(?:for|at|on|in|every|next|this)\s+|(?=(?:today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b))(?:(?!\b(?:to|that|about)\b).)+?(?:\s+|(?=:(?!\d))))?(?:(?<link>to|that|about)\s+|:(?!\d)\s*)(?<rest>.+)$", Options)]
    private static partial Regex ReminderNoun();

    [GeneratedRegex(@"^(?:please\s+)?remind\s+me\s+(?:again\s+)?(?!(?:to|that|about|of|again)\b)(?<rest>.+)$", Options)]
    private static partial Regex RemindMeThen();

    /// <summary>"cancel my 5pm reminder", "change the time of my reminder for call mom to 4pm", "delete the reminder for friday".</summary>
    [GeneratedRegex(@"^(?<verb>(?:please\s+)?(?:delete|remove|cancel|clear|erase|drop|change|update|move|edit|modify|reschedule|push|postpone|set))\s+(?:the\s+(?:time|date|day)\s+(?:of|for|on)\s+)?(?:my|the|(?<that>that|this)|your)\s+(?:(?<when>(?:today's|tomorrow's|\d{1,2}(?::\d{2})?\s*(?:[ap]m)?|noon|morning|evening))\s+)?reminders?(?:\s+(?<link>about|for|of|to|on|at)\s+(?<rest>.+))?$", Options)]
    private static partial Regex ReminderObject();

    [GeneratedRegex(@"^(?:please\s+)?(?:delete|remove|cancel|clear|erase|drop)$", Options)]
    private static partial Regex Removal();

    [GeneratedRegex(@"^(?<lead>(?:please\s+)?remind\s+me\s+to)\s+(?<first>.+?)\s+and\s+(?:(?<to>to)\s+)?(?<second>(?!remind\b).+)$", Options)]
    private static partial Regex ReminderPair();

    /// <summary>"remind me of my tasks", "remind me about everything due this week": show them.</summary>
    [GeneratedRegex(@"^(?:please\s+)?remind\s+me\s+(?:of|about)\s+(?=(?:(?:all\s+)?my\s+(?:tasks|todos|to-?dos|list|lists|reminders|stuff|day|week|schedule|agenda)|everything|all\s+(?:my\s+|the\s+)?(?:tasks|todos|reminders))\b)", Options)]
    private static partial Regex RemindMeOfTheList();

    /// <summary>A statement of what is, not an errand: "I have a haircut", "we need milk", "the bill is due friday".</summary>
    [GeneratedRegex(@"^(?:(?:i|we|you|he|she|they|it|there)\b|(?:the|my|our|his|her|their)\s+(?:[\w'-]+\s+){0,3}?(?:is|are|was|will|has|needs?)\b)", Options)]
    private static partial Regex SaysWhatIs();

    /// <summary>"later today", "later tonight": the day is what counts, "later" adds nothing.</summary>
    [GeneratedRegex(@"\blater\s+(?=(?:today|tonight|this\s+(?:morning|afternoon|evening|week|month))\b)", Options)]
    private static partial Regex LaterThatDay();

    /// <summary>"remind me later to X", "remind me sometime to X": no day said, so no date.</summary>
    [GeneratedRegex(@"^(?<lead>(?:please\s+)?remind\s+me)\s+(?:later(?:\s+on)?|sometime|some\s+time|soon|at\s+some\s+point|one\s+day)\s+(?=(?:to|that|about|of)\b)", Options)]
    private static partial Regex RemindLater();

    /// <summary>"remind me about that later", "remind me to call mom sometime": no day said either.</summary>
    [GeneratedRegex(@"^(?<head>(?:please\s+)?remind\s+me\s+(?:to|about|of)\s+.+?)\s+(?:later(?:\s+on)?|sometime|some\s+time|soon|at\s+some\s+point)$", Options)]
    private static partial Regex RemindLaterAtEnd();

    /// <summary>What joins a reminder's date to what to do: "to", "that I need to", "about".</summary>
    [GeneratedRegex(@"^(?:,\s*)?(?:that\s+)?(?:i\s+(?:need|have|must|should|gotta)\s+to\s+|i\s+gotta\s+|to\s+|(?<about>about|of)\s+)?", Options)]
    private static partial Regex WhatLead();

    /// <summary>"remind me what's on my list", "I want to know what's due": the question itself.</summary>
    [GeneratedRegex(@"^(?:(?:can|could|would|will)\s+you\s+)?(?:please\s+)?(?:remind\s+me|let\s+me\s+know|(?:i|we)\s+(?:want|need|would\s+like|'d\s+like)\s+to\s+know|i\s+wonder|i'?m\s+wondering|do\s+you\s+know)\s+(?:(?:if|whether)\s+)?(?=(?:what|what's|whats|which|how\s+many|when|is|are|do|does|did|have|has)\b)", Options)]
    private static partial Regex AskingToKnow();

    /// <summary>"tell me if milk is on my list", "do you know whether eggs are on the shopping list" → "is milk on my list".</summary>
    [GeneratedRegex(@"^(?:(?:can|could|would|will)\s+you\s+)?(?:please\s+)?(?:tell\s+me|let\s+me\s+know|check|see|(?:i|we)\s+(?:want|need|would\s+like|'d\s+like)\s+to\s+know|i\s+wonder|i'?m\s+wondering|do\s+you\s+know)\s+(?:if|whether)\s+(?<item>.+?)\s+(?<be>is|are)\s+(?<where>(?:still\s+)?(?:on|in)\s+.+)$", Options)]
    private static partial Regex AskingIfOnList();

    /// <summary>"what I need to buy" (a question said in the order of its answer) → "what do I need to buy".</summary>
    [GeneratedRegex(@"^(?<wh>what|which)\s+(?<who>i|we)\s+(?<verb>need|have|got|must|should|still\s+need|still\s+have)\b", Options)]
    private static partial Regex EmbeddedQuestion();

    /// <summary>"what do I need to buy", "what do I need from the store": the shopping list.</summary>
    [GeneratedRegex(@"^what\s+(?:do|should|must)\s+(?:i|we)(?:\s+still)?(?:\s+need(?:\s+to)?|\s+have\s+to)?(?:\s+(?:buy|get|pick\s+up|shop\s+for))?(?:\s+(?:from|at)\s+the\s+(?:grocery\s+)?(?:store|shop|shops|supermarket|market|grocery|grocer'?s))?$(?<=\b(?:buy|get|up|for|store|shop|shops|supermarket|market|grocery|grocer'?s))", Options)]
    private static partial Regex ShoppingQuestion();

    /// <summary>"what needs to be done", "what haven't I done yet", "what's left to do": the pending tasks.</summary>
    [GeneratedRegex(@"^what\s+(?:still\s+)?(?:needs|has|have)\s+to\s+be\s+done$|^what\s+(?:haven't|have\s+not|didn't|did\s+not)\s+(?:i|we)\s+(?:done|finished|completed|do|finish|complete)(?:\s+yet)?$|^what(?:'s|\s+is)\s+(?:still\s+)?(?:left\s+)?(?:undone|outstanding|unfinished|incomplete|not\s+done)(?:\s+yet)?$", Options)]
    private static partial Regex StillToDo();

    /// <summary>"due monday not friday", "on the 3rd instead of the 1st": the day corrected away, said only to be undone.</summary>
    [GeneratedRegex(@"\s*,?\s+(?:and\s+)?(?:not|instead\s+of|rather\s+than)\s+(?:on\s+|at\s+|the\s+)?(?:(?:this|next)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|tomorrow|\d{1,2}(?:st|nd|rd|th)|\d{1,2}(?::\d{2})?\s*(?:am|pm)|noon|midnight)(?=$|[\s,.!?])", Options)]
    private static partial Regex NotThatDay();

    /// <summary>"at 9 not 10", "at 3pm, not 2": the hour corrected away after a time.</summary>
    [GeneratedRegex(@"(?<=\bat\s+\d{1,2}(?::\d{2})?(?:\s*[ap]m)?)\s*,?\s+(?:and\s+)?(?:not|instead\s+of|rather\s+than)\s+(?:at\s+)?\d{1,2}(?::\d{2})?(?:\s*[ap]m)?(?=$|[\s,.!?])", Options)]
    private static partial Regex NotThatHour();

    [GeneratedRegex(@"^(?<lead>(?:(?:no|nope|sorry|oops|wait|actually|oh)[,.!\s]+)*)not\s+(?<wrong>[^,;]+?)\s*[,;]\s*(?:but\s+|rather\s+|instead\s+)?(?<right>[^,;]+?)(?:\s+instead)?[.!]?$", Options)]
    private static partial Regex NotThisDateButThat();

    /// <summary>"add bread, not milk", "add eggs but not bacon": what is not wanted is no item.</summary>
    [GeneratedRegex(@"^(?<add>(?:add|put|get|buy|pick\s+up)\s+.+?)(?:\s*,\s*(?:but\s+)?|\s+but\s+)not\s+[\w'\s-]+$", Options)]
    private static partial Regex AddButNot();

    /// <summary>"set a weekly reminder to water the plants" → "remind me weekly to water the plants": a repeating reminder.</summary>
    [GeneratedRegex(@"^(?:(?:please|can\s+you|could\s+you)\s+)?(?:set(?:\s+up)?|create|make|add|schedule|put\s+in)\s+(?:me\s+)?(?:a\s+)?(?<freq>daily|weekly|monthly|yearly|nightly)\s+reminder(?:\s+for\s+me)?\s+(?:(?<about>for|to|about|of)\s+)?(?<rest>\S.*)$", Options)]
    private static partial Regex RepeatingReminder();

    /// <summary>"the party can wait until saturday": that task moved to then, not a new one.</summary>
    [GeneratedRegex(@"^(?<task>(?!(?:i|we|you|it|that|this|everything|all)\b).+?)\s+(?:can|could|will\s+have\s+to|has\s+to|needs\s+to)\s+wait\s+(?:until|till|til|'?till)\s+(?<when>.+)$", Options)]
    private static partial Regex WaitUntil();

    /// <summary>"call mom at 5pm instead", "the dentist on friday instead": that task moved, not a new one.</summary>
    [GeneratedRegex(@"^(?:(?:no|actually|oh|sorry|wait)\s*,?\s+)*(?:(?:let'?s|we'?ll)\s+)?(?:do\s+|make\s+)?(?<task>(?!(?:add|remind|create|new)\b).+?)\s+(?:at|on|for|to)\s+(?<when>.+?)\s*,?\s+instead$", Options)]
    private static partial Regex InsteadAt();

    /// <summary>"change call mom's time to 5pm", "set the bill's due date to monday": that task's date.</summary>
    [GeneratedRegex(@"^(?:change|set|update|move|push|make)\s+(?<task>.+?)'s\s+(?:time|date|due\s+date|due\s+time|deadline|day)\s+(?:to|for)\s+", Options)]
    private static partial Regex ItsTime();

    /// <summary>"first thing tomorrow", "first thing monday", "first thing in the morning": that day's morning.</summary>
    [GeneratedRegex(@"(?<!\b(?:the|my|a|your|our|this|that|what|what's|whats|is)\s+)\bfirst\s+thing(?!\s+(?:on|in(?!\s+the\s+morning)|i|to|you|we|that|is)\b)(?:\s+in\s+the\s+morning)?(?:\s+(?:on\s+)?(?<day>tomorrow|(?:next\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)))?(?:\s+(?:in\s+the\s+)?morning)?(?=$|[\s,.!?])", Options)]
    private static partial Regex FirstThing();

    /// <summary>"add to my shopping list eggs and milk": a named list said before the items ("add to my list: X" is read by its own rule).</summary>
    [GeneratedRegex(@"^(?<verb>add|put|write|stick|throw|pop)\s+(?:to|on|onto|in|into)\s+(?<list>(?:my|the|our)\s+(?!(?:todo|task|tasks|reminder|reminders)\s+list\b)(?:[\w'&-]+\s+){1,3}?list)\s*[,:;-]?\s+(?<items>(?!(?:and|then|too|also|please|now|for\s+me)\b)\S.*)$", Options)]
    private static partial Regex ListBeforeItems();

    /// <summary>A list named before the request: "on my grocery list add apples", "on my todos, remove mop kitchen".</summary>
    [GeneratedRegex(@"^(?:on|in|to|onto|from|for)\s+(?<list>(?:my|the|our)\s+(?:[\w'&-]+\s+){0,3}?(?:list|todos|tasks))\s*[,:;-]?\s+(?<rest>" + RequestStart + ".*)$" +
        @"|^(?<list>(?:(?:my|the|our)\s+)?(?:[\w'&-]+\s+){1,3}?list)\s*[,:;-]?\s+(?<rest>(?:please\s+)?(?:add|put|remove|delete|take|mark|check|cross|tick|complete)\b.*)$", Options)]
    private static partial Regex ListFirst();

    /// <summary>"I need a summary of my tasks", "I'd like to see my list": a request to be shown, not a thing to add.</summary>
    [GeneratedRegex(@"^(?:i|we)\s+(?:need|want|would\s+like|'d\s+like)\s+(?:to\s+(?:see|hear|know|get)\s+|to\s+have\s+)?(?=(?:a|an|the|my|our)\s+(?:summary|overview|rundown|recap|list|look|tasks|todos|reminders)\b)(?!an?\s+(?:new\s+)?list\s+(?:for|called|named|titled)\b)", Options)]
    private static partial Regex WantToSee();

    /// <summary>
    /// "how's my shopping list looking" → "show my shopping list"; "how does my week look", "give me a rundown of my day" →
    /// "what's due this week", "what's due today".
    /// </summary>
    [GeneratedRegex(@"^(?:(?:how(?:'s|\s+is|\s+does)|what\s+does)\s+(?:(?:my|the|our)\s+(?<when>day|today|tomorrow|week|weekend)|(?<list>(?:my|the|our)\s+(?:[\w'&-]+\s+){1,3}?list))(?:\s+look(?:ing|s)?(?:\s+like)?)?(?:\s+(?:today|now))?" +
        @"|(?:(?:give|tell)\s+me\s+)?(?:a|the)\s+(?:quick\s+)?(?:rundown|summary|overview|recap)\s+(?:of|for)\s+(?:my\s+|the\s+)?(?<when>day|today|tomorrow|week|weekend))[?.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HowItLooks();

    /// <summary>The days a "how does my … look" question asks about, as the list questions say them.</summary>
    private static string DayAsked(string when) => when.ToLowerInvariant() switch
    {
        "day" or "today" => "today",
        "tomorrow" => "tomorrow",
        "weekend" => "this weekend",
        _ => "this week",
    };

    /// <summary>"merge groceries into work": everything on the first list moves to the second (after a question).</summary>
    [GeneratedRegex(@"^(?:merge|combine)\s+(?:my\s+|the\s+)?(?<from>[\w'&-]+(?:\s+[\w'&-]+)?)(?:\s+list)?\s+(?:into|with)\s+(?:my\s+|the\s+)?(?<to>[\w'&-]+(?:\s+[\w'&-]+)?)(?:\s+list)?[.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MergeLists();

    /// <summary>"make a list called errands with the post office and the bank" → "make a errands list with …": the list and its items.</summary>
    [GeneratedRegex(@"^(?<verb>create|make|start)\s+(?:me\s+)?(?:a\s+)?(?:new\s+)?list\s+(?:called|named|titled)\s+(?<name>[\w'&-]+(?:\s+[\w'&-]+)?)\s+(?:with|containing)\s+(?<items>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NewListCalledWith();

    /// <summary>"clear my grocery list", "empty the shopping list": everything on it goes (after a question).</summary>
    [GeneratedRegex(@"^(?:clear|empty|wipe|clean\s+out|clear\s+out|clean)\s+(?:out\s+)?(?<list>(?:my|the|our)\s+(?:[\w'&-]+\s+){0,3}?list)$", Options)]
    private static partial Regex ClearAList();

    /// <summary>
    /// A second part of a change said without its verb: "make call mom high priority and due tomorrow", "mark the bill due
    /// friday and urgent" → "… and make it due tomorrow", "… and make it urgent".
    /// </summary>
    [GeneratedRegex(@"\b(?<said>priority|urgent|important)\s+and\s+(?:(?:make|set)\s+it\s+)?(?=due\s)" +
        @"|^(?<said>(?:make|mark|set|put)\s.*?\bdue\b.*?)\s+and\s+(?:(?:make|set)\s+it\s+)?(?:as\s+)?(?:a\s+)?(?=(?:(?:high|low|medium|top)[\s-]+priority|urgent)$)", Options)]
    private static partial Regex PriorityAndDue();

    [GeneratedRegex(@"^(?:please\s+)?(?:add|put|write|stick|include|insert|pop)\b", Options)]
    private static partial Regex AddVerb();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
