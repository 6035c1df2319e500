namespace Todo.Server.Chat;

public sealed class ChatSettings
{
    public const string Section = "Chat";

    /// <summary>How many recent messages a turn shows the model.</summary>
    public int HistoryWindow { get; set; } = 20;

    /// <summary>Conversations idle longer than this are soft-deleted.</summary>
    public int InactiveDays { get; set; } = 30;

    /// <summary>Soft-deleted conversations are removed with their messages after this long.</summary>
    public int PurgeAfterDays { get; set; } = 30;

    /// <summary>How often the retention job runs on some server.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a chat answer is kept for replay under its Idempotency-Key.</summary>
    public TimeSpan IdempotencyKeyLifetime { get; set; } = TimeSpan.FromHours(24);
}
