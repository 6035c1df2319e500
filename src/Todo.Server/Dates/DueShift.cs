using System.Globalization;
using System.Text.RegularExpressions;

namespace Todo.Server.Dates;

public enum DueShiftUnit { Minutes, Hours, Days, Weeks, Months }

/// <summary>
/// How far to move a due, later (positive) or earlier: "2 days", "1 week", "-3 hours", "+1 month". Days, weeks and months
/// move the date and keep the time; hours and minutes move a timed due on the wall clock of its zone.
/// </summary>
public readonly partial record struct DueShift(int Amount, DueShiftUnit Unit)
{
    /// <summary>The most of each unit a shift may move by (ten years of it, about).</summary>
    private static int Limit(DueShiftUnit unit) => unit switch
    {
        DueShiftUnit.Minutes => 5_256_000,
        DueShiftUnit.Hours => 87_600,
        DueShiftUnit.Days => 3_650,
        DueShiftUnit.Weeks => 520,
        _ => 120,
    };

    public bool MovesTime => Unit is DueShiftUnit.Minutes or DueShiftUnit.Hours;

    /// <summary>Reads "2 days", "-1 week", "+3h"; false for anything else, for zero and for more than about ten years.</summary>
    public static bool TryParse(string? text, out DueShift shift)
    {
        shift = default;
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (!match.Success
            || !int.TryParse(match.Groups["amount"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            || amount == 0)
        {
            return false;
        }

        var unit = char.ToLowerInvariant(match.Groups["unit"].Value[0]) switch
        {
            'm' when match.Groups["unit"].Value.StartsWith("mo", StringComparison.OrdinalIgnoreCase) => DueShiftUnit.Months,
            'm' => DueShiftUnit.Minutes,
            'h' => DueShiftUnit.Hours,
            'd' => DueShiftUnit.Days,
            'w' => DueShiftUnit.Weeks,
            _ => DueShiftUnit.Days,
        };
        if (amount > Limit(unit))
        {
            return false;
        }

        shift = new DueShift(match.Groups["sign"].Value == "-" ? -amount : amount, unit);
        return true;
    }

    /// <summary>
    /// <paramref name="due"/> moved by this shift, keeping its zone and repeating rule; null when the shift moves the time
    /// and the due has none (an all-day due moves by days, weeks or months).
    /// </summary>
    public DueReading? Apply(DueReading due)
    {
        ArgumentNullException.ThrowIfNull(due);
        if (MovesTime)
        {
            if (due.Time is not { } time)
            {
                return null;
            }

            var local = due.Date.ToDateTime(time);
            local = Unit == DueShiftUnit.Hours ? local.AddHours(Amount) : local.AddMinutes(Amount);
            return due with { Date = DateOnly.FromDateTime(local), Time = TimeOnly.FromDateTime(local) };
        }

        var date = Unit switch
        {
            DueShiftUnit.Days => due.Date.AddDays(Amount),
            DueShiftUnit.Weeks => due.Date.AddDays(7 * Amount),
            _ => due.Date.AddMonths(Amount),
        };
        return due with { Date = date };
    }

    /// <summary>The shift in words from now, as the date reader reads it ("in 2 days"); null for a shift earlier.</summary>
    public string? FromNowWords() => Amount < 0
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"in {Amount} {Unit.ToString().ToLowerInvariant()}");

    /// <summary>"2 days", "-1 week": as <see cref="TryParse"/> reads it.</summary>
    public override string ToString()
    {
        var unit = Unit.ToString().ToLowerInvariant();
        return string.Create(CultureInfo.InvariantCulture, $"{Amount} {(Math.Abs(Amount) == 1 ? unit[..^1] : unit)}");
    }

    [GeneratedRegex(@"^(?<sign>[+-])?\s*(?<amount>\d{1,7})\s*(?<unit>minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
