using System.Globalization;
using System.Text.Json.Serialization;
using Todo.Server.Accounts;
using Todo.Server.Dates;
using Todo.Server.Tasks;

namespace Todo.Server.Assistant;

/// <summary>
/// What a task tool answers: compact, and snake_case when serialised with <see cref="TaskTools.JsonOptions"/>.
/// Every result says whether it worked (<c>ok</c>); the derived records are serialised with their own
/// fields (no type discriminator), so a model, an MCP client and the chat's tool_calls all see the same JSON.
/// </summary>
[JsonDerivedType(typeof(TaskActionResult))]
[JsonDerivedType(typeof(TaskListResult))]
[JsonDerivedType(typeof(TaskToolError))]
[JsonDerivedType(typeof(ListActionResult))]
[JsonDerivedType(typeof(ListListResult))]
[JsonDerivedType(typeof(BulkToolResult))]
[JsonDerivedType(typeof(UndoToolResult))]
[JsonDerivedType(typeof(ActivityListResult))]
[JsonDerivedType(typeof(TrashListResult))]
[JsonDerivedType(typeof(TrashEmptiedResult))]
public abstract record TaskToolResult
{
    private protected TaskToolResult(bool ok) => Ok = ok;

    [JsonPropertyOrder(-2)]
    public bool Ok { get; }
}

/// <summary>
/// A task as a tool shows it: its list's name always; labels and priority only when it has them (compact). The
/// description only appears in the answers about one task.
/// </summary>
public sealed record TaskSummary(
    int Number,
    string Title,
    bool IsCompleted,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? List = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Labels = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Priority = null)
{
    /// <summary>When it is due, if it is.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TaskDueLine? Due { get; init; }

    public static TaskSummary WithDescription(TaskItem task) => Line(task) with { Description = task.Description };

    public static TaskSummary Line(TaskItem task) => new(task.Number, task.Title, task.IsCompleted)
    {
        List = task.List?.Name,
        Labels = task.LabelNames.Count == 0 ? null : [.. task.LabelNames.Order(StringComparer.Ordinal)],
        Priority = task.Priority == TaskPriority.None ? null : TaskToolPriority.Name(task.Priority),
        Due = TaskDueLine.Of(task.DueIn(User.DefaultTimeZone)),
    };

    /// <summary>Equal field by field, the labels by their sequence.</summary>
    public bool Equals(TaskSummary? other) =>
        other is not null && Number == other.Number && Title == other.Title && IsCompleted == other.IsCompleted
        && Description == other.Description && List == other.List && Priority == other.Priority && Due == other.Due
        && (Labels ?? []).SequenceEqual(other.Labels ?? []);

    public override int GetHashCode() => HashCode.Combine(Number, Title, IsCompleted, Description, List, Priority, Due);
}

/// <summary>
/// A due as a tool shows it: the local <see cref="Date"/> (YYYY-MM-DD) and its <see cref="Weekday"/>, the local
/// <see cref="Time"/> (HH:mm) when it has one, and for a repeating task the rule in words ("every Monday at 09:00"),
/// the date being the next occurrence.
/// </summary>
public sealed record TaskDueLine(
    string Date,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Time,
    string Weekday,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Repeats)
{
    public static TaskDueLine? Of(DueReading? due) => due is null ? null : new(
        due.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        due.Time is { } time ? DateWords.TimeName(time) : null,
        DateWords.WeekdayName(due.Date.DayOfWeek),
        due.IsRecurring ? due.Describe() : null);
}

/// <summary>
/// One task was acted on (or already was as asked). <see cref="Changed"/> names the fields that changed:
/// the fields set for <c>added</c>, <c>is_completed</c> for <c>completed</c>/<c>reopened</c>, the edited
/// fields for <c>updated</c>, and nothing for <c>deleted</c>, <c>already_completed</c> and <c>already_pending</c>.
/// </summary>
public sealed record TaskActionResult(
    [property: JsonPropertyOrder(-1)] string Action,
    TaskSummary Task,
    IReadOnlyList<string> Changed) : TaskToolResult(ok: true)
{
    /// <summary>True when the list the call named did not exist and was made for it; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ListCreated { get; init; }

    /// <summary>For <c>completed</c> on a repeating task: it stays open, due on this next occurrence.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TaskDueLine? NextDue { get; init; }

    /// <summary>For an update with remind_at: the moment it reminds at, in the user's words of time ("Thursday, 26 November, 20:00").</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RemindsAt { get; init; }
}

/// <summary>
/// The user's tasks, ordered by number. <see cref="Count"/> is how many match in all; at most
/// <see cref="TaskTools.ListLimit"/> are in <see cref="Tasks"/>, with <see cref="Truncated"/> true when cut.
/// </summary>
public sealed record TaskListResult(
    string Status,
    string? Query,
    int Count,
    IReadOnlyList<TaskSummary> Tasks,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Truncated = null) : TaskToolResult(ok: true)
{
    /// <summary>The list the tasks were taken from, when the call named one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? List { get; init; }

    /// <summary>The filter expression the call gave, as given.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Filter { get; init; }

    /// <summary>The order asked for ("priority", "due"); null: by number.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Sort { get; init; }

    [JsonPropertyOrder(-1)]
    public string Action => TaskToolActions.Listed;
}

/// <summary>Nothing was changed: the reference matched no task or several (<see cref="Candidates"/>), or the input was invalid.</summary>
public sealed record TaskToolError(
    [property: JsonPropertyOrder(-1)] string Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reference,
    IReadOnlyList<TaskSummary> Candidates,
    string Message) : TaskToolResult(ok: false)
{
    /// <summary>The argument that was refused (for <c>invalid</c>), e.g. "labels", "priority", "list".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Argument { get; init; }

    /// <summary>For <c>has_tasks</c>: how many tasks the list holds.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TaskCount { get; init; }

    /// <summary>For <c>not_found</c> when only one list's tasks were matched: that list's name.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OnList { get; init; }

    /// <summary>For a list that was not found: the names of the caller's lists, to choose from.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Lists { get; init; }

    public static TaskToolError Invalid(string message, string? reference = null) =>
        new(TaskToolErrors.Invalid, reference, [], message);

    public static TaskToolError InvalidArgument(string argument, string message, string? reference = null) =>
        new(TaskToolErrors.Invalid, reference, [], message) { Argument = argument };
}

/// <summary>A list as a tool shows it.</summary>
public sealed record ListLine(string Name, bool IsInbox, int PendingCount);

/// <summary>
/// One list was created, renamed or deleted (or already was as asked: <c>list_exists</c>). <see cref="OldName"/> is the
/// name before a rename; <see cref="TasksMoved"/> and <see cref="TasksDeleted"/> say what a deletion did with the tasks.
/// </summary>
public sealed record ListActionResult(
    [property: JsonPropertyOrder(-1)] string Action,
    ListLine List) : TaskToolResult(ok: true)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OldName { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TasksMoved { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TasksDeleted { get; init; }
}

/// <summary>The caller's lists, the Inbox first then by name.</summary>
public sealed record ListListResult(int Count, IReadOnlyList<ListLine> Lists) : TaskToolResult(ok: true)
{
    [JsonPropertyOrder(-1)]
    public string Action => TaskToolActions.ListedLists;
}

/// <summary>A task a bulk change could not change (<see cref="Task"/>: its number, when known), and why.</summary>
public sealed record BulkFailureLine(int? Task, string Detail);

/// <summary>
/// A bulk change was made, as one batch (undo_last takes it back whole): <see cref="Matched"/> tasks were named or matched,
/// <see cref="Changed"/> of them changed (one already as asked is matched, not changed); <see cref="Tasks"/> names the first
/// few as they were before; <see cref="Failed"/> the numbers that name no task and the tasks that could not take the change.
/// </summary>
public sealed record BulkToolResult(
    [property: JsonPropertyOrder(-1)] string BulkAction,
    int Matched,
    int Changed,
    IReadOnlyList<TaskSummary> Tasks,
    IReadOnlyList<BulkFailureLine> Failed) : TaskToolResult(ok: true)
{
    [JsonPropertyOrder(-1)]
    public string Action => TaskToolActions.BulkChanged;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Filter { get; init; }

    /// <summary>True when the list a move named did not exist and was made for it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ListCreated { get; init; }
}

/// <summary>A task a change touched, and what happened to it (an activity kind: created, completed, restored, …).</summary>
public sealed record ChangedTaskLine(int Number, string Title, string Kind);

/// <summary>The latest batch of changes was taken back: <see cref="Undone"/> tasks, the first few named with what the undo did to them.</summary>
public sealed record UndoToolResult(int Undone, IReadOnlyList<ChangedTaskLine> Tasks) : TaskToolResult(ok: true)
{
    [JsonPropertyOrder(-1)]
    public string Action => TaskToolActions.Undone;
}

/// <summary>The task an activity event is about, as it was named then.</summary>
public sealed record ActivityTaskLine(int Number, string Title);

/// <summary>
/// One change: when (the user's local date and time), from where, what kind, to which task, the fields it changed, and its
/// batch (events with the same number were one request, chat turn or bulk change; 1 is the newest).
/// </summary>
public sealed record ActivityLine(string Date, string Time, string Source, string Kind, ActivityTaskLine Task, IReadOnlyList<string> Changed, int Batch)
{
    /// <summary>True when a later undo took it back.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Undone { get; init; }

    /// <summary>True when it is itself part of an undo.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? IsUndo { get; init; }
}

/// <summary>The user's latest changes, newest first.</summary>
public sealed record ActivityListResult(int Count, IReadOnlyList<ActivityLine> Events) : TaskToolResult(ok: true)
{
    [JsonPropertyOrder(-1)]
    public string Action => TaskToolActions.ListedActivity;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Day { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Source { get; init; }
}

/// <summary>The tasks in the trash, most recently deleted first.</summary>
public sealed record TrashListResult(
    int Count,
    IReadOnlyList<TaskSummary> Tasks,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Truncated = null) : TaskToolResult(ok: true)
{
    [JsonPropertyOrder(-1)]
    public string Action => TaskToolActions.ListedTrash;
}

/// <summary>The trash was emptied: <see cref="Removed"/> tasks are gone for good.</summary>
public sealed record TrashEmptiedResult(int Removed) : TaskToolResult(ok: true)
{
    [JsonPropertyOrder(-1)]
    public string Action => TaskToolActions.TrashEmptied;
}

/// <summary>Priorities as tools write and read them: none, low, medium, high (and p1–p4, as in quick add and filters).</summary>
public static class TaskToolPriority
{
    public const string Values = "none, low, medium or high";

    public static string Name(TaskPriority priority) => priority switch
    {
        TaskPriority.Low => "low",
        TaskPriority.Medium => "medium",
        TaskPriority.High => "high",
        _ => "none",
    };

    public static TaskPriority? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "none" or "no" or "p4" or "normal" => TaskPriority.None,
        "low" or "p3" => TaskPriority.Low,
        "medium" or "med" or "p2" => TaskPriority.Medium,
        "high" or "p1" or "urgent" => TaskPriority.High,
        _ => null,
    };
}

/// <summary>The values of <c>action</c> in a successful result.</summary>
public static class TaskToolActions
{
    public const string Added = "added";
    public const string Listed = "listed";
    public const string Completed = "completed";
    public const string Reopened = "reopened";
    public const string Deleted = "deleted";
    public const string Updated = "updated";
    public const string AlreadyCompleted = "already_completed";
    public const string AlreadyPending = "already_pending";

    /// <summary>add_task with existing "keep" or "move": a pending task with that title was already there; nothing was added.</summary>
    public const string AlreadyThere = "already_there";
    public const string ListedLists = "listed_lists";
    public const string ListCreated = "list_created";
    public const string ListExists = "list_exists";
    public const string ListRenamed = "list_renamed";
    public const string ListDeleted = "list_deleted";
    public const string Restored = "restored";
    public const string BulkChanged = "bulk_changed";
    public const string Undone = "undone";
    public const string ListedActivity = "listed_activity";
    public const string ListedTrash = "listed_trash";
    public const string TrashEmptied = "trash_emptied";
}

/// <summary>The values of <c>error</c> in a failed result.</summary>
public static class TaskToolErrors
{
    public const string NotFound = "not_found";
    public const string Ambiguous = "ambiguous";
    public const string Invalid = "invalid";

    /// <summary>delete_list without <c>tasks</c> on a list that has tasks: say move or delete.</summary>
    public const string HasTasks = "has_tasks";

    /// <summary>undo_last: no change left to take back.</summary>
    public const string NothingToUndo = "nothing_to_undo";

    /// <summary>undo_last: that batch was undone already.</summary>
    public const string AlreadyUndone = "already_undone";

    /// <summary>undo_last: a task of the batch changed since; the message names it.</summary>
    public const string Conflict = "conflict";
}
