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
}
