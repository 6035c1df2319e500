using System.Globalization;

namespace Todo.Server.Dates;

/// <summary>The English words of dates: weekday and month names with their abbreviations, numbers, and how they are written back.</summary>
internal static class DateWords
{
    private static readonly string[] Weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly Dictionary<string, DayOfWeek> WeekdayWords = new(StringComparer.Ordinal)
    {
        ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday,
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["wed"] = DayOfWeek.Wednesday, ["weds"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday,
    };

    private static readonly Dictionary<string, int> MonthWords = new(StringComparer.Ordinal)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3,
        ["april"] = 4, ["apr"] = 4, ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7,
        ["august"] = 8, ["aug"] = 8, ["september"] = 9, ["sep"] = 9, ["sept"] = 9, ["october"] = 10, ["oct"] = 10,
        ["november"] = 11, ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
    };

    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
    };

    /// <summary>Weekday words that are also everyday words ("sun cream", "sat down", "Mon Cheri", "got wed"):
    /// read only after a date word ("on", "by", "every", "next") or with a time.</summary>
    public static readonly HashSet<string> CommonWordWeekdays = new(StringComparer.Ordinal) { "sun", "sat", "wed", "mon" };

    /// <summary>Month words that are also verbs ("I may", "march in the parade"): read only with a day number.</summary>
    public static readonly HashSet<string> VerbMonths = new(StringComparer.Ordinal) { "may", "march", "mar" };

    /// <summary>Words that make the weekday after them part of a name: "Black Friday", "Ash Wednesday".</summary>
    public static readonly HashSet<string> NamedDayWords = new(StringComparer.Ordinal)
        { "black", "good", "cyber", "holy", "ash", "super", "fat", "maundy", "easter", "girl", "man" };

    private static readonly Dictionary<string, int> OrdinalWords = new(StringComparer.Ordinal)
    {
        ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6,
    };

    /// <summary>"the first of the month", "the twenty-third": the days of a month said as ordinal words.</summary>
    private static readonly Dictionary<string, int> DayOrdinalWords = BuildDayOrdinalWords();

    private static Dictionary<string, int> BuildDayOrdinalWords()
    {
        string[] units = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
        string[] teens = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"];
        var words = new Dictionary<string, int>(StringComparer.Ordinal) { ["twentieth"] = 20, ["thirtieth"] = 30, ["thirty-first"] = 31, ["thirty first"] = 31 };
        for (var i = 0; i < units.Length; i++)
        {
            words[units[i]] = i + 1;
            words[$"twenty-{units[i]}"] = 21 + i;
        }

        for (var i = 0; i < teens.Length; i++)
        {
            words[teens[i]] = 10 + i;
        }

        return words;
    }

    /// <summary>A day of the month said as a word: "first" → 1, "twenty-third" → 23.</summary>
    public static bool TryDayOrdinalWord(string word, out int day) => DayOrdinalWords.TryGetValue(word, out day);

    /// <summary>"every second week": the ordinal words that count intervals (never a day of the month).</summary>
    public static bool TryOrdinalWord(string word, out int number) => OrdinalWords.TryGetValue(word, out number);

    public static bool TryWeekday(string word, out DayOfWeek day) => WeekdayWords.TryGetValue(word, out day);

    public static bool TryMonth(string word, out int month) => MonthWords.TryGetValue(word, out month);

    public static bool TryNumberWord(string word, out int number) => NumberWords.TryGetValue(word, out number);

    public static string WeekdayName(DayOfWeek day) => Weekdays[(int)day];

    public static string MonthName(int month) => Months[month - 1];

    public static string Ordinal(int number)
    {
        var suffix = (number % 100) is 11 or 12 or 13 ? "th" : (number % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return number.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>"Monday", "Monday and Thursday", "Monday, Wednesday and Friday".</summary>
    public static string JoinList(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }

    /// <summary>"Friday, 4 December", with the year when it is not <paramref name="currentYear"/>.</summary>
    public static string DateName(DateOnly date, int? currentYear) =>
        string.Create(CultureInfo.InvariantCulture, $"{WeekdayName(date.DayOfWeek)}, {date.Day} {MonthName(date.Month)}")
        + (currentYear is { } year && year != date.Year ? " " + date.Year.ToString(CultureInfo.InvariantCulture) : "");

    public static string TimeName(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
