using System.Globalization;
using System.Text;

namespace Todo.Server.Dates;

public enum RecurrenceFrequency { Daily, Weekly, Monthly, Yearly }

/// <summary>
/// The RFC 5545 RRULEs due dates use: FREQ (DAILY, WEEKLY, MONTHLY, YEARLY), INTERVAL, BYDAY (plain weekdays, or
/// with FREQ=MONTHLY alone the n-th weekday of the month: "2TU", "-1FR"),
/// BYMONTHDAY (1 to 31, or -1 to -31 counted from the month's end) and BYMONTH. Anything else (COUNT, UNTIL,
/// BYSETPOS) is refused by <see cref="TryParse"/>, which every rule passes before it is stored.
/// This class reads, checks and describes rules; <see cref="RecurrenceOccurrences"/> expands them (with Ical.Net) into
/// local dates, counting the intervals from an anchor date (the due the series started from). As RFC 5545 says, a month
/// or year without the day ("every 31st" in February, 29 February in 2027) has no occurrence. Weeks start on Monday.
/// </summary>
public sealed record RecurrenceRule
{
    public required RecurrenceFrequency Frequency { get; init; }
    public int Interval { get; init; } = 1;
    public IReadOnlyList<DayOfWeek> Weekdays { get; init; } = [];
    /// <summary>BYDAY with a number, monthly: (2, Tuesday) is the second Tuesday, (-1, Friday) the last Friday.</summary>
    public IReadOnlyList<(int Nth, DayOfWeek Day)> NthWeekdays { get; init; } = [];
    public IReadOnlyList<int> MonthDays { get; init; } = [];
    public IReadOnlyList<int> Months { get; init; } = [];

    private static readonly string[] DayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    public static RecurrenceRule Parse(string text) =>
        TryParse(text, out var rule, out var error) ? rule : throw new FormatException(error);

    /// <summary>Reads an RRULE ("FREQ=WEEKLY;BYDAY=MO,TH", an "RRULE:" prefix allowed); the error says what is wrong.</summary>
    public static bool TryParse(string? text, out RecurrenceRule rule, out string error)
    {
        rule = null!;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The recurrence rule is empty.";
            return false;
        }
        var body = text.Trim();
        if (body.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
            body = body[6..];

        RecurrenceFrequency? frequency = null;
        var interval = 1;
        List<DayOfWeek> weekdays = [];
        List<(int, DayOfWeek)> nthWeekdays = [];
        List<int> monthDays = [];
        List<int> months = [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in body.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = $"'{part}' is not NAME=VALUE.";
                return false;
            }
            var name = part[..equals].Trim().ToUpperInvariant();
            var value = part[(equals + 1)..].Trim().ToUpperInvariant();
            if (!seen.Add(name))
            {
                error = $"{name} is given twice.";
                return false;
            }
            switch (name)
            {
                case "FREQ":
                    frequency = value switch
                    {
                        "DAILY" => RecurrenceFrequency.Daily,
                        "WEEKLY" => RecurrenceFrequency.Weekly,
                        "MONTHLY" => RecurrenceFrequency.Monthly,
                        "YEARLY" => RecurrenceFrequency.Yearly,
                        _ => null,
                    };
                    if (frequency is null)
                    {
                        error = $"FREQ={value} is not supported (DAILY, WEEKLY, MONTHLY or YEARLY).";
                        return false;
                    }
                    break;
                case "INTERVAL":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out interval) || interval is < 1 or > 1000)
                    {
                        error = $"INTERVAL={value} is not a number from 1 to 1000.";
                        return false;
                    }
                    break;
                case "BYDAY":
                    foreach (var code in value.Split(','))
                    {
                        var index = code.Length >= 2 ? Array.IndexOf(DayCodes, code[^2..]) : -1;
                        var number = code.Length > 2 ? code[..^2] : "";
                        var nth = 0;
                        if (index < 0 || (number.Length > 0 && (!int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out nth) || nth == 0 || nth is < -5 or > 5)))
                        {
                            error = $"BYDAY {code} is not a weekday (MO, TU, WE, TH, FR, SA, SU), or one numbered 1 to 5 or -1 to -5 (2TU, -1FR).";
                            return false;
                        }
                        if (nth != 0 && !nthWeekdays.Contains((nth, (DayOfWeek)index)))
                            nthWeekdays.Add((nth, (DayOfWeek)index));
                        else if (nth == 0 && !weekdays.Contains((DayOfWeek)index))
                            weekdays.Add((DayOfWeek)index);
                    }
                    break;
                case "BYMONTHDAY":
                    foreach (var item in value.Split(','))
                    {
                        if (!int.TryParse(item, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var day) || day == 0 || day is < -31 or > 31)
                        {
                            error = $"BYMONTHDAY {item} is not a day from 1 to 31 or -1 to -31.";
                            return false;
                        }
                        if (!monthDays.Contains(day))
                            monthDays.Add(day);
                    }
                    break;
                case "BYMONTH":
                    foreach (var item in value.Split(','))
                    {
                        if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
                        {
                            error = $"BYMONTH {item} is not a month from 1 to 12.";
                            return false;
                        }
                        if (!months.Contains(month))
                            months.Add(month);
                    }
                    break;
                case "WKST" when value == "MO":
                    break;
                default:
                    error = $"{name}={value} is not supported in a due date's recurrence.";
                    return false;
            }
        }
        if (frequency is null)
        {
            error = "The recurrence rule has no FREQ.";
            return false;
        }
        if (frequency == RecurrenceFrequency.Weekly && monthDays.Count > 0)
        {
            error = "BYMONTHDAY does not go with FREQ=WEEKLY.";
            return false;
        }
        if (nthWeekdays.Count > 0 && (frequency != RecurrenceFrequency.Monthly || weekdays.Count > 0 || monthDays.Count > 0))
        {
            error = "A numbered BYDAY (2TU) is supported only with FREQ=MONTHLY, without plain weekdays or BYMONTHDAY.";
            return false;
        }
        rule = new RecurrenceRule
        {
            Frequency = frequency.Value,
            Interval = interval,
            Weekdays = [.. weekdays.OrderBy(MondayFirst)],
            NthWeekdays = [.. nthWeekdays.OrderBy(n => n.Item1 < 0 ? 10 - n.Item1 : n.Item1).ThenBy(n => MondayFirst(n.Item2))],
            MonthDays = [.. monthDays.OrderBy(d => d < 0 ? 100 + d : d)],
            Months = [.. months.Order()],
        };
        return true;
    }

    /// <summary>The canonical text: FREQ, INTERVAL (when above 1), BYMONTH, BYMONTHDAY, BYDAY.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("FREQ=").Append(Frequency.ToString().ToUpperInvariant());
        if (Interval > 1)
            text.Append(";INTERVAL=").Append(Interval.ToString(CultureInfo.InvariantCulture));
        if (Months.Count > 0)
            text.Append(";BYMONTH=").AppendJoin(',', Months.Select(m => m.ToString(CultureInfo.InvariantCulture)));
        if (MonthDays.Count > 0)
            text.Append(";BYMONTHDAY=").AppendJoin(',', MonthDays.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        if (Weekdays.Count > 0)
            text.Append(";BYDAY=").AppendJoin(',', Weekdays.Select(d => DayCodes[(int)d]));
        if (NthWeekdays.Count > 0)
            text.Append(";BYDAY=").AppendJoin(',', NthWeekdays.Select(n => n.Nth.ToString(CultureInfo.InvariantCulture) + DayCodes[(int)n.Day]));
        return text.ToString();
    }

    /// <summary>The rule in English, as the date reader reads it back: "every Monday and Thursday",
    /// "every 2 weeks on Friday", "every month on the last day", "every year on 24 December".</summary>
    public string Describe()
    {
        var every = Interval == 1 ? "every " : string.Create(CultureInfo.InvariantCulture, $"every {Interval} ");
        string Unit(string name) => Interval == 1 ? name : name + "s";
        switch (Frequency)
        {
            case RecurrenceFrequency.Daily when Weekdays.Count == 0 && MonthDays.Count == 0 && Months.Count == 0:
                return every + Unit("day");
            case RecurrenceFrequency.Weekly when Months.Count == 0:
                if (Interval == 1 && Weekdays.Count == 0)
                    return "every week";
                if (Interval == 1 && IsWorkWeek)
                    return "every weekday";
                if (Interval == 1)
                    return "every " + DateWords.JoinList(Weekdays.Select(DateWords.WeekdayName));
                return every + Unit("week") + (Weekdays.Count > 0 ? " on " + DateWords.JoinList(Weekdays.Select(DateWords.WeekdayName)) : "");
            case RecurrenceFrequency.Monthly when NthWeekdays.Count > 0 && Months.Count == 0 && NthWeekdays.All(n => n.Nth > 0 || n.Nth == -1):
                return every + Unit("month") + " on the " + DateWords.JoinList(NthWeekdays.Select(n => (n.Nth == -1 ? "last" : DateWords.Ordinal(n.Nth)) + " " + DateWords.WeekdayName(n.Day)));
            case RecurrenceFrequency.Monthly when Weekdays.Count == 0 && NthWeekdays.Count == 0 && Months.Count == 0 && MonthDays.All(d => d > 0 || d == -1):
                return every + Unit("month") + (MonthDays.Count > 0 ? " on the " + DateWords.JoinList(MonthDays.Select(DayName)) : "");
            case RecurrenceFrequency.Yearly when Weekdays.Count == 0 && Months.Count == 1 && MonthDays.Count == 1 && MonthDays[0] > 0:
                return every + Unit("year") + " on " + MonthDays[0].ToString(CultureInfo.InvariantCulture) + " " + DateWords.MonthName(Months[0]);
            case RecurrenceFrequency.Yearly when Weekdays.Count == 0 && Months.Count == 0 && MonthDays.Count == 0:
                return every + Unit("year");
            default:
                return "RRULE " + ToString();
        }
    }

    private bool IsWorkWeek => Weekdays.Count == 5 && !Weekdays.Contains(DayOfWeek.Saturday) && !Weekdays.Contains(DayOfWeek.Sunday);

    private static string DayName(int day) => day == -1 ? "last day" : DateWords.Ordinal(day);

    internal static int MondayFirst(DayOfWeek day) => ((int)day + 6) % 7;
}
