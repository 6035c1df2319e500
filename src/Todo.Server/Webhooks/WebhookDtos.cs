using System.ComponentModel;

namespace Todo.Server.Webhooks;

/// <summary>A webhook on the wire (its secret is shown only once, in <see cref="CreatedWebhookDto"/>).</summary>
public sealed record WebhookDto(Guid Id, string Url, IReadOnlyList<string> Events, DateTime CreatedAt)
{
    public static WebhookDto From(Webhook w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return new(w.Id, w.Url, WebhookEvents.Read(w.Events), DateTime.SpecifyKind(w.CreatedAt, DateTimeKind.Utc));
    }
}

/// <summary>The answer to a registration: the webhook and its signing secret, which is never shown again.</summary>
public sealed record CreatedWebhookDto(Guid Id, string Url, IReadOnlyList<string> Events, DateTime CreatedAt, string Secret);

public sealed record WebhookListResponse(IReadOnlyList<WebhookDto> Items);

/// <summary>A webhook to register.</summary>
public sealed record CreateWebhookRequest(
    [property: Description("An http or https URL on a public address, up to 2000 characters.")] string? Url,
    [property: Description("Event types: task.created, task.updated, task.completed, task.reopened, task.deleted, task.restored, task.moved, task.recurred, or \"*\" for all.")]
    IReadOnlyList<string?>? Events);

/// <summary>
/// One delivery in the log: <c>id</c> is the message id sent as <c>webhook-id</c>; <c>event_id</c> the activity event's id;
/// <c>status</c> pending, delivered or failed; <c>status_code</c> and <c>error</c> of the latest attempt.
/// </summary>
public sealed record WebhookDeliveryDto(
    Guid Id, long EventId, string Type, string Status, int Attempts, int? StatusCode, string? Error,
    DateTime? NextAttemptAt, DateTime? LastAttemptAt, DateTime? DeliveredAt, DateTime CreatedAt)
{
    public static WebhookDeliveryDto From(WebhookDelivery d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.EventSeq, d.EventType, d.Status.ToString().ToLowerInvariant(), d.Attempts, d.StatusCode, d.Error,
            Utc(d.NextAttemptAt), Utc(d.LastAttemptAt), Utc(d.DeliveredAt), DateTime.SpecifyKind(d.CreatedAt, DateTimeKind.Utc));
    }

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}

/// <summary>A page of the delivery log, newest event first; pass <see cref="NextCursor"/> as <c>cursor</c> for the next.</summary>
public sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryDto> Items, string? NextCursor);
