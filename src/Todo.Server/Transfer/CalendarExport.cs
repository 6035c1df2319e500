using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Todo.Server.Tasks;

namespace Todo.Server.Transfer;

/// <summary>
/// The user's tasks as an iCalendar (RFC 5545) file, one VTODO each: UID (the task's id), SUMMARY, DESCRIPTION, DUE (a
/// DATE for an all-day due, a local time with its TZID for a timed one, with the zone's VTIMEZONE), RRULE (with DTSTART
/// at the due, as RFC 5545 asks), PRIORITY (high 1, medium 5, low 9, none 0 = undefined), CATEGORIES (the labels),
/// STATUS (NEEDS-ACTION or COMPLETED), COMPLETED and CREATED. "every!" has no RFC 5545 form: its RRULE is the rule.
/// </summary>
public static class CalendarExport
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(UserExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var calendar = new Calendar { ProductId = "-//Todo//Tasks//EN" };
        var stamp = new CalDateTime(export.ExportedAt.UtcDateTime, "UTC");
        var zones = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, task) in export.Tasks)
        {
            var todo = new Ical.Net.CalendarComponents.Todo
            {
                Uid = id.ToString(),
                DtStamp = stamp,
                Summary = task.Title,
                Description = task.Description,
                Priority = PriorityOf(task.Priority),
                Status = task.IsCompleted ? TodoStatus.Completed : TodoStatus.NeedsAction,
                Created = new CalDateTime(task.CreatedAt, "UTC"),
            };
            todo.Categories = [.. task.Labels];
            if (task.IsCompleted && task.CompletedAt is { } completedAt)
            {
                todo.Completed = new CalDateTime(completedAt, "UTC");
            }

            if (task.Due is { } due)
            {
                var at = due.Time is { } time && due.Timezone is { } zone
                    ? new CalDateTime(due.Date, time, zone)
                    : new CalDateTime(due.Date);
                if (due.Time is not null && due.Timezone is { } timeZone && zones.Add(timeZone))
                {
                    calendar.AddTimeZone(timeZone);
                }

                todo.Due = at;
                if (due.Recurrence is { } rule)
                {
                    todo.DtStart = at;
                    todo.RecurrenceRule = new RecurrenceRule(rule);
                }
            }

            calendar.Todos.Add(todo);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>RFC 5545's PRIORITY: 1–4 high, 5 medium, 6–9 low, 0 undefined.</summary>
    public static int PriorityOf(TaskPriority priority) => priority switch
    {
        TaskPriority.High => 1,
        TaskPriority.Medium => 5,
        TaskPriority.Low => 9,
        _ => 0,
    };
}
