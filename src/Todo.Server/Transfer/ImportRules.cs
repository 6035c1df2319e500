using Todo.Server.Dates;
using Todo.Server.Lists;
using Todo.Server.Reminders;
using Todo.Server.Tasks;

namespace Todo.Server.Transfer;

/// <summary>What every format's reader is given: now, the user's zone (dates without one are read in it) and the task limit.</summary>
public sealed record ImportContext(DateTimeOffset Now, string TimeZone, int MaxTasks)
{
    public TimeZoneInfo Zone => ZonedTime.FindZone(TimeZone) ?? TimeZoneInfo.Utc;

    /// <summary>The start of a local day in the user's zone, as UTC to the microsecond: what a date-only creation or completion becomes.</summary>
    public DateTime StartOf(DateOnly day) => ZonedTime.ToInstant(day, TimeOnly.MinValue, Zone).UtcDateTime;

    /// <summary>The date of an instant in the user's zone: what todo.txt writes for created_at and completed_at.</summary>
    public DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(ZonedTime.LocalAt(new DateTimeOffset(utc, TimeSpan.Zero), Zone));
}

/// <summary>
/// The task service's rules applied to one row of an import, before anything is written, so a bad row is named by its
/// line and nothing is imported. Text is checked here and normalised by the service.
/// </summary>
public static class ImportRules
{
    public static string Title(int line, string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new ImportRejectedException(line, "The task has no title.");
        }

        return TaskText.Title.Check(title) is { } problem ? throw new ImportRejectedException(line, problem) : title;
    }

    public static string? Description(int line, string? description) =>
        description is not null && TaskText.Description.Check(description) is { } problem
            ? throw new ImportRejectedException(line, problem)
            : string.IsNullOrWhiteSpace(description) ? null : description;

    public static string? ListName(int? line, string? name) =>
        name is null ? null
        : ListText.Name.Check(name) is { } problem ? throw new ImportRejectedException(line, $"The list name \"{name}\": {problem}")
        : ListText.Name.Normalize(name);

    public static IReadOnlyList<string> Labels(int line, IEnumerable<string?> labels)
    {
        var checkedLabels = new List<string>();
        foreach (var label in labels)
        {
            if (label is null)
            {
                throw new ImportRejectedException(line, "A label cannot be null.");
            }

            if (TaskLabels.Check(label, out var normalized) is { } problem)
            {
                throw new ImportRejectedException(line, problem);
            }

            checkedLabels.Add(normalized);
        }

        try
        {
            return TaskLabels.Require(checkedLabels);
        }
        catch (Todo.Server.Text.InvalidTextException e)
        {
            throw new ImportRejectedException(line, e.Reason);
        }
    }

    /// <summary>A due of a stored form; an unknown zone, a rule that cannot be read, or the year 9999 are refused.</summary>
    public static DueReading Due(int line, DateOnly date, TimeOnly? time, string? timeZone, string? recurrence, bool fromCompletion, ImportContext context)
    {
        if (date.Year >= 9999)
        {
            throw new ImportRejectedException(line, "A due date must be before the year 9999.");
        }

        var zone = context.TimeZone;
        if (time is not null)
        {
            if (string.IsNullOrWhiteSpace(timeZone) || ZonedTime.FindZone(timeZone) is null)
            {
                throw new ImportRejectedException(line, $"A due with a time needs a known IANA time zone; \"{timeZone}\" is not one.");
            }

            zone = timeZone;
        }

        string? rule = null;
        if (recurrence is not null)
        {
            if (recurrence.Length > Data.Limits.RecurrenceMaxLength || !RecurrenceRule.TryParse(recurrence, out var parsed, out var error))
            {
                throw new ImportRejectedException(line, $"The recurrence cannot be read as an RRULE of at most {Data.Limits.RecurrenceMaxLength} characters.");
            }

            rule = parsed.ToString(); // the canonical form, as the date reader writes it
            if (rule.Length > Data.Limits.RecurrenceMaxLength)
            {
                throw new ImportRejectedException(line, $"The recurrence is longer than {Data.Limits.RecurrenceMaxLength} characters.");
            }
        }

        return new DueReading(date, time is { } t ? new TimeOnly(t.Hour, t.Minute) : null, zone, rule, rule is not null && fromCompletion);
    }

    /// <summary>
    /// The reminders worth keeping: those that still fire after now (an old export's reminders would all fire at once);
    /// a dropped one is noted. A minutes_before reminder needs a timed or dated due.
    /// </summary>
    public static IReadOnlyList<ReminderSpec> Reminders(
        int line, IReadOnlyList<ReminderSpec> reminders, DueReading? due, ImportContext context, List<ImportNote> notes)
    {
        if (reminders.Count > ReminderInput.MaxPerTask)
        {
            throw new ImportRejectedException(line, $"A task has at most {ReminderInput.MaxPerTask} reminders.");
        }

        var dueMoment = ReminderSchedule.MomentOf(due, context.TimeZone);
        var kept = new List<ReminderSpec>();
        foreach (var reminder in reminders)
        {
            if (reminder.MinutesBefore is { } minutes)
            {
                if (minutes is < 0 or > ReminderInput.MaxMinutesBefore)
                {
                    throw new ImportRejectedException(line, $"minutes_before must be between 0 and {ReminderInput.MaxMinutesBefore}.");
                }

                if (dueMoment is null)
                {
                    throw new ImportRejectedException(line, "A minutes_before reminder needs the task to have a due.");
                }
            }

            var fires = ReminderSchedule.FireAt(reminder.At?.UtcDateTime, reminder.MinutesBefore, dueMoment);
            if (fires is null || fires <= context.Now.UtcDateTime)
            {
                notes.Add(new ImportNote(line, "A reminder that would have fired before now was not kept."));
                continue;
            }

            kept.Add(reminder);
        }

        return kept;
    }

    /// <summary>UTC to the microsecond, what the databases keep, so an export read back compares equal.</summary>
    public static DateTime Stored(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
