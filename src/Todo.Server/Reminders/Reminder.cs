namespace Todo.Server.Reminders;

/// <summary>
/// A reminder of a task: at a moment (<see cref="At"/>) or some minutes before its timed due (<see cref="MinutesBefore"/>).
/// <see cref="FireAt"/> is when it fires next (null: it cannot, e.g. minutes before a due that has no time);
/// it fires once, on one server: the server that claims it (<see cref="ClaimedUntil"/>) sends it and sets <see cref="FiredAt"/>.
/// </summary>
public sealed class Reminder
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public Guid TaskId { get; set; }

    public DateTime? At { get; set; }

    public int? MinutesBefore { get; set; }

    public DateTime? FireAt { get; set; }

    public DateTime? FiredAt { get; set; }

    /// <summary>A server's claim on a reminder it is sending; another may take it over once this has passed.</summary>
    public DateTime? ClaimedUntil { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>Something the user is told about: for now, a reminder that fired.</summary>
public sealed class Notification
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public Guid? TaskId { get; set; }

    public int? TaskNumber { get; set; }

    public Guid? ReminderId { get; set; }

    public required string Title { get; set; }

    /// <summary>When the reminder was meant to fire.</summary>
    public DateTime DueAt { get; set; }

    /// <summary>Fired after its time (the server was down, or busy).</summary>
    public bool Late { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }

    /// <summary>When it was sent by email; null when email is not configured or not sent yet.</summary>
    public DateTime? EmailedAt { get; set; }
}
