namespace Todo.Server.Webhooks;

/// <summary>Webhooks:* settings.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Whether this server sends deliveries (every copy does by default).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the database is asked for new events and deliveries due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts of one delivery before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed attempt; it doubles after each further one (with jitter), up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long one attempt may take, connecting included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Allow targets on private, loopback and link-local addresses (for development and tests only).</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>Deliveries claimed, and events read per webhook, at a time.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Attempts sent at once by one server.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>Webhooks one user may have.</summary>
    public int MaxPerUser { get; set; } = 10;

    internal bool IsValid() =>
        PollInterval > TimeSpan.Zero && MaxAttempts is >= 1 and <= 50 && BackoffBase > TimeSpan.Zero && MaxBackoff >= BackoffBase
        && Timeout > TimeSpan.Zero && Timeout <= TimeSpan.FromMinutes(2) && BatchSize is >= 1 and <= 1000 && Concurrency is >= 1 and <= 64
        && MaxPerUser is >= 1 and <= 1000;
}
