using Todo.Server.Dates;
using Todo.Server.Lists;

namespace Todo.Server.Tasks;

public sealed class TaskItem
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }

    /// <summary>The task's per-user number (1, 2, 3, …, never reused): what "task 3" means in chat and MCP.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }
    public string? Description { get; set; }
    public bool IsCompleted { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    /// <summary>When the task went to the trash; null while it is not there. Queries skip trashed tasks unless they ask.</summary>
    public DateTime? DeletedAt { get; set; }

    /// <summary>The list the task is in (the user's Inbox unless another was chosen).</summary>
    public Guid ListId { get; set; }

    /// <summary>Loaded with the task by every <see cref="TaskService"/> read.</summary>
    public TodoList? List { get; set; }

    public TaskPriority Priority { get; set; }

    /// <summary>The task's rows in task_labels: what writes and label filters use. Reads fill <see cref="LabelNames"/> instead.</summary>
    public List<TaskLabel> Labels { get; set; } = [];

    /// <summary>
    /// The label names, filled by every <see cref="TaskService"/> read from one aggregate per row (not mapped: the
    /// labels live in task_labels).
    /// </summary>
    public IReadOnlyList<string> LabelNames { get; set; } = [];

    /// <summary>
    /// The due day: for an all-day due a floating date (the same day in every zone), for a timed due the local date in
    /// <see cref="DueTimeZone"/>. Null: no due date, and every other due column is empty.
    /// </summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>The local wall-clock time of a timed due in <see cref="DueTimeZone"/>; null for an all-day due.</summary>
    public TimeOnly? DueTime { get; set; }

    /// <summary>The instant of a timed due (UTC): what "overdue" and "today" compare for it; null for an all-day due.</summary>
    public DateTime? DueAt { get; set; }

    /// <summary>The IANA zone a timed due was set in; null for an all-day due, which floats.</summary>
    public string? DueTimeZone { get; set; }

    /// <summary>The RFC 5545 RRULE of a repeating due; <see cref="DueDate"/> is then the series' current occurrence.</summary>
    public string? DueRecurrence { get; set; }

    /// <summary>"every!": the next occurrence counts from completion, not from the due.</summary>
    public bool DueFromCompletion { get; set; }

    /// <summary>
    /// The due as a wall-clock moment (all-day dues at 00:00, so they come first on their day), or
    /// <see cref="TaskDue.NoDueOrder"/>: the key of sort=due, so "no date last" is one index order on both databases.
    /// </summary>
    public DateTime DueOrder { get; set; } = TaskDue.NoDueOrder;

    /// <summary>
    /// When the service read the task (not stored): due.string names the year only when the due is in another year.
    /// </summary>
    public DateTime ReadAt { get; set; }

    /// <summary>The owner's time zone when the service read the task (not stored): the zone the due is shown in.</summary>
    public string? OwnerTimeZone { get; set; }

    /// <summary>Whether the task had reminders when the service read it (not stored): their rows are read only then.</summary>
    public bool HasReminders { get; set; }

    /// <summary>The due as the date reader reads it; an all-day due carries <paramref name="allDayZone"/> (the user's zone).</summary>
    public DueReading? DueIn(string allDayZone) => DueDate is { } date
        ? new DueReading(date, DueTime, DueTimeZone ?? allDayZone, DueRecurrence, DueFromCompletion)
        : null;

    /// <summary>A shallow copy: what a write changes in memory, leaving the task as read untouched.</summary>
    public TaskItem Copy() => (TaskItem)MemberwiseClone();

    /// <summary>Sets every due column from <paramref name="due"/> (null clears the due and ends any recurrence).</summary>
    public void SetDue(DueReading? due)
    {
        var columns = TaskDue.Columns(due);
        DueDate = columns.Date;
        DueTime = columns.Time;
        DueAt = columns.At;
        DueTimeZone = columns.TimeZone;
        DueRecurrence = columns.Recurrence;
        DueFromCompletion = columns.FromCompletion;
        DueOrder = columns.Order;
    }
}

/// <summary>A task's priority, stored as a smallint (0–3); on the wire "none", "low", "medium", "high".</summary>
public enum TaskPriority : short
{
    None = 0,
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>
/// One label of one task. The owner's id is kept with it so "the user's tasks with label X" and the label counts are
/// one index range (ix_task_labels_user_label_number) without reading the tasks, and the task's number, which never
/// changes, so that index lists a label's tasks in number order: a label filter merges it with the user's tasks.
/// </summary>
public sealed class TaskLabel
{
    public Guid TaskId { get; set; }
    public Guid UserId { get; set; }

    /// <summary>The task's <see cref="TaskItem.Number"/> (never changes, so it never goes stale).</summary>
    public int TaskNumber { get; set; }

    public required string Label { get; set; }
}
