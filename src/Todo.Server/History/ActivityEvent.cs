namespace Todo.Server.History;

/// <summary>Where a change came from.</summary>
public enum ActivitySource
{
    Api,
    Web,
    Assistant,
    Mcp,
    Import,
    System,
}

/// <summary>What happened to the task.</summary>
public enum ActivityKind
{
    Created,
    Updated,
    Completed,
    Reopened,
    Deleted,
    Restored,
    Moved,
    Recurred,
}

/// <summary>
/// One change to one task, written in the transaction that made it. <see cref="Seq"/> numbers a user's events 1, 2, 3, …
/// in commit order (the write that takes the next number holds the user's row until it commits), so "everything after
/// event N" never misses one: what the live stream resumes from.
/// </summary>
public sealed class ActivityEvent
{
    public Guid UserId { get; set; }

    /// <summary>The event's number among the user's events; its id in the API.</summary>
    public long Seq { get; set; }

    /// <summary>The request, chat turn or bulk call the change belonged to: what undo takes back as one.</summary>
    public Guid BatchId { get; set; }

    public DateTime At { get; set; }

    public ActivitySource Source { get; set; }

    public ActivityKind Kind { get; set; }

    public Guid TaskId { get; set; }

    public int TaskNumber { get; set; }

    /// <summary>The task's title after the change (before it, for a deletion).</summary>
    public required string TaskTitle { get; set; }

    /// <summary>JSON object: field → [before, after], in the API's names and shapes.</summary>
    public required string Changes { get; set; }

    /// <summary>Set on the events of an undo: the batch it took back.</summary>
    public Guid? UndoesBatchId { get; set; }

    /// <summary>Set once the batch this event belongs to has been undone: the undo's batch.</summary>
    public Guid? UndoneByBatchId { get; set; }
}
