namespace Todo.Server.Accounts;

public sealed class User
{
    public Guid Id { get; set; }
    public required string Email { get; set; }
    public required string HashedPassword { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>The last per-user task number handed out; taken atomically by TaskService, never decreased.</summary>
    public int TaskNumberSeq { get; set; }
}
