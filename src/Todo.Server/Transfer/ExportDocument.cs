using Todo.Server.Tasks;

namespace Todo.Server.Transfer;

/// <summary>
/// Our own export (GET /api/export), which POST /api/import takes back. Ids are left out: they belong to the account.
/// A task's list is named; its due is stored form (date, local time, zone, rule, counted from completion).
/// </summary>
public sealed record ExportDocument(
    string Format, int Version, DateTimeOffset ExportedAt, IReadOnlyList<ExportList> Lists, IReadOnlyList<ExportTask> Tasks)
{
    public const string FormatName = "todo-export";
    public const int CurrentVersion = 1;
}

/// <summary>A list by name; the Inbox is marked, and is the user's own Inbox on import whatever its name.</summary>
public sealed record ExportList(string Name, bool IsInbox);

/// <summary>Every field of a task the user set, in the order of the tasks' numbers.</summary>
public sealed record ExportTask(
    string Title,
    string? Description,
    string List,
    IReadOnlyList<string> Labels,
    TaskPriority Priority,
    bool IsCompleted,
    DateTime? CompletedAt,
    DateTime CreatedAt,
    ExportDue? Due,
    IReadOnlyList<ExportReminder> Reminders);

/// <summary>
/// A due as stored: <c>date</c> (YYYY-MM-DD), <c>time</c> (HH:MM:SS local, null all day), <c>timezone</c> (the IANA zone
/// of a timed due), <c>recurrence</c> (an RFC 5545 RRULE) and <c>from_completion</c> ("every!").
/// </summary>
public sealed record ExportDue(DateOnly Date, TimeOnly? Time, string? Timezone, string? Recurrence, bool FromCompletion);

/// <summary>A reminder: at a moment (UTC), or some minutes before the task's timed due.</summary>
public sealed record ExportReminder(DateTime? At, int? MinutesBefore);

/// <summary>One of the user's tasks as exported, with the id the calendar formats use as its UID.</summary>
public sealed record ExportedTask(Guid Id, ExportTask Task);

/// <summary>Everything of one user that an export writes, in whichever format.</summary>
public sealed record UserExport(string TimeZone, DateTimeOffset ExportedAt, IReadOnlyList<ExportList> Lists, IReadOnlyList<ExportedTask> Tasks)
{
    public ExportDocument ToDocument() =>
        new(ExportDocument.FormatName, ExportDocument.CurrentVersion, ExportedAt, Lists, [.. Tasks.Select(t => t.Task)]);
}
