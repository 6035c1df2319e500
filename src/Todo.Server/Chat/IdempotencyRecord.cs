namespace Todo.Server.Chat;

/// <summary>A chat request made with an Idempotency-Key: claimed before the turn runs, answered after.</summary>
public sealed class IdempotencyRecord
{
    public Guid UserId { get; set; }
    public required string Key { get; set; }

    /// <summary>SHA-256 of the request, so the same key with another request is refused.</summary>
    public required string RequestHash { get; set; }

    /// <summary>The answer as JSON; null while the turn runs.</summary>
    public string? Response { get; set; }

    public DateTime CreatedAt { get; set; }
}
