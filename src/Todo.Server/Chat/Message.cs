namespace Todo.Server.Chat;

public sealed class Message
{
    public Guid Id { get; set; }
    public Guid ConversationId { get; set; }
    public MessageRole Role { get; set; }
    public required string Content { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>Stored as the labels USER and ASSISTANT (a PostgreSQL enum type; text with a CHECK on SQLite).</summary>
public enum MessageRole
{
    User,
    Assistant,
}
