using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Todo.Server.Data;

namespace Todo.Server.Webhooks;

/// <summary>Why a webhook was not registered: the field at fault (null: the limit of webhooks was reached) and why.</summary>
public sealed class WebhookRefusedException(string? fieldName, string detail) : Exception(detail)
{
    public string? Field => fieldName;
}

/// <summary>A webhook just registered, with its secret in the clear (the only time it is).</summary>
public sealed record CreatedWebhook(Webhook Webhook, string Secret);

/// <summary>A webhook and its latest delivery, for the settings page.</summary>
public sealed record WebhookSummary(Webhook Webhook, WebhookDelivery? LastDelivery);

/// <summary>The user's webhooks and their delivery logs. Every query is the caller's own.</summary>
public sealed class WebhookService(TodoDbContext db, WebhookTargets targets, WebhookSecrets secrets, TimeProvider time, IOptions<WebhookOptions> options)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>
    /// Registers a webhook that is sent the events after the user's latest one. Refused with <see cref="WebhookRefusedException"/>
    /// (nothing written) for a bad URL or event list, or when the user has <see cref="WebhookOptions.MaxPerUser"/> already.
    /// </summary>
    public async Task<CreatedWebhook> CreateAsync(Guid userId, string? url, IEnumerable<string?>? events, CancellationToken cancellationToken = default)
    {
        var types = WebhookEvents.Normalize(events, out var unknown)
            ?? throw new WebhookRefusedException("events", unknown is null
                ? "Name at least one event type, or \"*\" for all."
                : $"\"{unknown}\" is not an event type. Use {string.Join(", ", WebhookEvents.Types)} or \"*\".");
        if (await targets.ProblemAsync(url, cancellationToken) is { } problem)
        {
            throw new WebhookRefusedException("url", problem);
        }

        var max = options.Value.MaxPerUser;
        if (await db.Webhooks.CountAsync(w => w.UserId == userId, cancellationToken) >= max)
        {
            throw new WebhookRefusedException(null, $"You have {max} webhooks, the most there can be; delete one first.");
        }

        // Events up to the user's latest are not sent: the webhook starts with what happens next.
        var cursor = await db.Users.Where(u => u.Id == userId).Select(u => u.ActivitySeq).FirstAsync(cancellationToken);
        var secret = WebhookSecrets.NewSecret();
        var now = time.GetUtcNow().UtcDateTime;
        var webhook = new Webhook
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Url = url!.Trim(),
            Events = WebhookEvents.Store(types),
            ProtectedSecret = secrets.Protect(secret),
            CursorSeq = cursor,
            CreatedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond)),
        };
        db.Webhooks.Add(webhook);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedWebhook(webhook, secret);
    }

    /// <summary>The user's webhooks, oldest first, each with its latest delivery.</summary>
    public async Task<IReadOnlyList<WebhookSummary>> ListAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Webhooks.AsNoTracking().Where(w => w.UserId == userId).OrderBy(w => w.CreatedAt).ThenBy(w => w.Id)
            .Select(w => new
            {
                Webhook = w,
                Last = db.WebhookDeliveries.Where(d => d.WebhookId == w.Id).OrderByDescending(d => d.EventSeq).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new WebhookSummary(r.Webhook, r.Last))];
    }

    public Task<Webhook?> FindAsync(Guid userId, Guid id, CancellationToken cancellationToken = default) =>
        db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id && w.UserId == userId, cancellationToken);

    /// <summary>Deletes the webhook and its delivery log (nothing more is sent); false when the user has no such webhook.</summary>
    public async Task<bool> DeleteAsync(Guid userId, Guid id, CancellationToken cancellationToken = default) =>
        await db.Webhooks.Where(w => w.Id == id && w.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>A page of the webhook's deliveries, newest event first, below event <paramref name="beforeSeq"/>; null when the user has no such webhook.</summary>
    public async Task<(IReadOnlyList<WebhookDelivery> Items, long? Next)?> DeliveriesAsync(
        Guid userId, Guid id, int limit, long? beforeSeq, CancellationToken cancellationToken = default)
    {
        if (!await db.Webhooks.AnyAsync(w => w.Id == id && w.UserId == userId, cancellationToken))
        {
            return null;
        }

        var below = beforeSeq ?? long.MaxValue;
        var rows = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.WebhookId == id && d.UserId == userId && d.EventSeq < below)
            .OrderByDescending(d => d.EventSeq).Take(limit + 1).ToListAsync(cancellationToken);
        if (rows.Count <= limit)
        {
            return (rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        return (rows, rows[^1].EventSeq);
    }
}
