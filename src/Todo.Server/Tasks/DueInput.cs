using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Todo.Server.Dates;
using Todo.Server.Tasks.Filters;
using Todo.Server.Text;

namespace Todo.Server.Tasks;

/// <summary>
/// What a request says about a task's due: at most one of <c>due_string</c> (English, read by <see cref="DateReader"/>),
/// <c>due_date</c> (YYYY-MM-DD, all day), <c>due_datetime</c> (RFC 3339 with an offset or Z) and <c>due</c> (null clears
/// the due; a string is read as due_string). The shape is checked with the body (<see cref="Check"/>); the words are read
/// in the user's zone (<see cref="Read"/>).
/// </summary>
public sealed record DueInput(string? Text, string? Date, string? DateTime, JsonElement? Due, bool DueSent)
{
    public const int MaxTextLength = 200;

    /// <summary>Whether the request says anything about the due.</summary>
    public bool Changes => Text is not null || Date is not null || DateTime is not null || DueSent;

    public IEnumerable<ValidationResult> Check()
    {
        var sent = new[] { (Text is not null, "due_string"), (Date is not null, "due_date"), (DateTime is not null, "due_datetime"), (DueSent, "due") }
            .Where(field => field.Item1).Select(field => field.Item2).ToList();
        if (sent.Count > 1)
        {
            yield return new ValidationResult(
                $"Send at most one of due_string, due_date, due_datetime and due; this request has {string.Join(" and ", sent)}.", [sent[1]]);
            yield break;
        }

        if (DueSent && Due is { } due && due.ValueKind is not (JsonValueKind.Null or JsonValueKind.String))
        {
            yield return new ValidationResult("due is null (no due date) or a date in words, like due_string.", ["due"]);
        }

        if ((Text ?? DueText) is { } text && (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength))
        {
            yield return new ValidationResult(
                $"Write the date in 1–{MaxTextLength} characters, such as \"tomorrow at 5pm\" or \"every monday\".", [Text is null ? "due" : "due_string"]);
        }
    }

    private string? DueText => Due is { ValueKind: JsonValueKind.String } due ? due.GetString() : null;

    /// <summary>
    /// The due the request asks for, reckoned from <paramref name="clock"/> in <paramref name="timeZone"/>; null clears it.
    /// Words that are not a date are an <see cref="InvalidTextException"/> naming the field and what was not understood.
    /// </summary>
    public DueReading? Read(DueClock clock, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if ((Text ?? DueText) is { } text)
        {
            var result = DateReader.ReadWhole(text, new DateTimeOffset(clock.Now, TimeSpan.Zero), timeZone);
            return result.Match?.Reading ?? throw new InvalidTextException(Text is null ? "due" : "due_string", result.Error!);
        }

        if (Date is { } date)
        {
            // Year 9999 is where undated tasks sort (TaskDue.NoDueOrder), as for due_datetime.
            return System.DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year < 9999
                ? new DueReading(day, null, timeZone)
                : throw new InvalidTextException("due_date", "Write the date as YYYY-MM-DD, a day that exists, before the year 9999 (2026-12-24).");
        }

        if (DateTime is { } at)
        {
            return TryParseInstant(at, out var instant)
                ? DueReading.AtInstant(instant, timeZone)
                : throw new InvalidTextException("due_datetime", "Write the time as RFC 3339 with its offset, such as 2026-12-24T17:30:00+01:00 or 2026-12-24T16:30:00Z.");
        }

        return null;
    }

    /// <summary>RFC 3339: a date, "T", a time and an offset ("Z" or ±hh:mm); a time without an offset names no instant.</summary>
    private static bool TryParseInstant(string text, out DateTimeOffset instant)
    {
        instant = default;
        var trimmed = text.Trim();
        var hasOffset = trimmed.EndsWith('Z') || trimmed.EndsWith('z')
            || (trimmed.Length > 6 && (trimmed[^6] is '+' or '-') && trimmed[^3] == ':');
        return hasOffset && trimmed.Length >= 20 && trimmed[10] is 'T' or 't' or ' '
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out instant)
            && instant.Year is > 1 and < 9999;
    }
}
