namespace Todo.Server.Webhooks;

/// <summary>
/// A URL the user's task events are posted to. <see cref="CursorSeq"/> is the last of the user's activity events turned
/// into deliveries: the activity log is the outbox (see <see cref="WebhookDispatcher"/>).
/// </summary>
public sealed class Webhook
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public required string Url { get; set; }

    /// <summary>The event types sent, space-separated ("task.created task.completed"), or "*" for every one.</summary>
    public required string Events { get; set; }

    /// <summary>The signing secret ("whsec_…"), protected with ASP.NET Core Data Protection.</summary>
    public required string ProtectedSecret { get; set; }

    public long CursorSeq { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>Where a delivery stands: waiting to be sent (again), acknowledged with a 2xx, or given up.</summary>
public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>
/// One event sent to one webhook, with its outcome so far. <see cref="Id"/> is the message id (<c>webhook-id</c>),
/// the same on every attempt; <see cref="Payload"/> the body, fixed when the delivery is made.
/// <see cref="NextAttemptAt"/> is null once it is delivered or failed; a server sending it holds <see cref="ClaimedUntil"/>.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public Guid WebhookId { get; set; }

    /// <summary>The activity event's number (its id in the activity API).</summary>
    public long EventSeq { get; set; }

    public required string EventType { get; set; }

    public required string Payload { get; set; }

    public WebhookDeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public int? StatusCode { get; set; }

    public string? Error { get; set; }

    public DateTime? NextAttemptAt { get; set; }

    public DateTime? LastAttemptAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    public DateTime CreatedAt { get; set; }
}
