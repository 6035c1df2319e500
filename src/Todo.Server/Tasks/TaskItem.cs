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
