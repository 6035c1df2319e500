namespace Todo.Server.Transfer;

/// <summary>
/// A user's calendar feed: the SHA-256 of the secret in its address (the secret itself is shown once, when made), so a
/// copy of the database does not give away anyone's feed. One per user; a new one replaces it.
/// </summary>
public sealed class CalendarFeed
{
    /// <summary>The length of <see cref="SecretHash"/>: SHA-256 in lower-case hex.</summary>
    public const int SecretHashLength = 64;

    public Guid UserId { get; set; }

    public required string SecretHash { get; set; }

    public DateTime CreatedAt { get; set; }
}
