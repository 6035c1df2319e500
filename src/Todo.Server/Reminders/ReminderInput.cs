using System.Globalization;
using System.Text.Json;
using Todo.Server.Text;

namespace Todo.Server.Reminders;

/// <summary>One reminder asked for: at a moment, or some minutes before the task's due.</summary>
public sealed record ReminderSpec(DateTimeOffset? At, int? MinutesBefore)
{
    public static ReminderSpec AtMoment(DateTimeOffset at) => new(at, null);

    public static ReminderSpec Before(int minutes) => new(null, minutes);
}

/// <summary>
/// What a task body says about reminders: nothing (kept), null or [] (none), or a list of
/// <c>{"at": RFC 3339 with offset}</c> and <c>{"minutes_before": N}</c>.
/// </summary>
public sealed class ReminderInput
{
    public const string Field = "reminders";

    /// <summary>At most this many reminders per task.</summary>
    public const int MaxPerTask = 10;

    /// <summary>The longest time before a due a reminder may fire: four weeks.</summary>
    public const int MaxMinutesBefore = 40320;

    public static readonly ReminderInput Kept = new(false, []);

    private ReminderInput(bool sent, IReadOnlyList<ReminderSpec> reminders)
    {
        Sent = sent;
        Reminders = reminders;
    }

    /// <summary>True when the body named reminders: they are replaced by <see cref="Reminders"/>.</summary>
    public bool Sent { get; }

    public IReadOnlyList<ReminderSpec> Reminders { get; }

    public static ReminderInput Replace(IReadOnlyList<ReminderSpec> reminders) => new(true, reminders);

    /// <summary>Reads the body's value; a value that is not a valid list is an <see cref="InvalidTextException"/> naming reminders.</summary>
    public static ReminderInput Read(bool sent, JsonElement? value)
    {
        if (!sent)
        {
            return Kept;
        }

        if (value is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return Replace([]);
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Invalid("reminders must be a list of {\"at\": ...} or {\"minutes_before\": N}, or null.");
        }

        var count = element.GetArrayLength();
        if (count > MaxPerTask)
        {
            throw Invalid($"A task has at most {MaxPerTask} reminders.");
        }

        var reminders = new List<ReminderSpec>(count);
        foreach (var item in element.EnumerateArray())
        {
            reminders.Add(ReadOne(item));
        }

        return Replace(reminders);
    }

    /// <summary>The problem with the body's value, or null: what request validation reports before anything is written.</summary>
    public static string? Problem(bool sent, JsonElement? value)
    {
        try
        {
            Read(sent, value);
            return null;
        }
        catch (InvalidTextException invalid)
        {
            return invalid.Reason;
        }
    }

    private static ReminderSpec ReadOne(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("Each reminder is an object: {\"at\": \"2026-12-24T16:00:00+01:00\"} or {\"minutes_before\": 30}.");
        }

        JsonElement? at = null;
        JsonElement? minutes = null;
        foreach (var property in item.EnumerateObject())
        {
            switch (property.Name)
            {
                case "at":
                    at = property.Value;
                    break;
                case "minutes_before":
                    minutes = property.Value;
                    break;
                case "id":
                    break; // as read back from a task: ignored, the reminder is written anew
                default:
                    throw Invalid($"A reminder has no field '{property.Name}'; send at or minutes_before.");
            }
        }

        var hasAt = at is { ValueKind: not JsonValueKind.Null };
        var hasMinutes = minutes is { ValueKind: not JsonValueKind.Null };
        if (hasAt == hasMinutes)
        {
            throw Invalid("Each reminder has exactly one of at and minutes_before.");
        }

        if (hasAt)
        {
            return ReminderSpec.AtMoment(ReadMoment(at!.Value));
        }

        if (minutes!.Value.ValueKind != JsonValueKind.Number || !minutes.Value.TryGetInt32(out var n) || n < 0 || n > MaxMinutesBefore)
        {
            throw Invalid($"minutes_before is a whole number from 0 to {MaxMinutesBefore} (four weeks).");
        }

        return ReminderSpec.Before(n);
    }

    private static DateTimeOffset ReadMoment(JsonElement value)
    {
        const string message = "A reminder's at is a moment in RFC 3339 with its offset, such as 2026-12-24T16:00:00+01:00 or 2026-12-24T15:00:00Z.";
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { } text)
        {
            throw Invalid(message);
        }

        // The offset is required: a moment without one names no instant.
        var t = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        var zone = t < 0 ? "" : text[(t + 1)..];
        var hasOffset = zone.EndsWith('Z') || zone.EndsWith('z') || zone.Contains('+', StringComparison.Ordinal) || zone.Contains('-', StringComparison.Ordinal);
        if (t < 0 || !hasOffset
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
        {
            throw Invalid(message);
        }

        return moment;
    }

    private static InvalidTextException Invalid(string message) => new(Field, message);
}
