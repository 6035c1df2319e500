using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Todo.Server.Data;
using Todo.Server.History;
using Todo.Server.Http;
using Todo.Server.Telemetry;

namespace Todo.Server.Webhooks;

/// <summary>The body of a delivery: the event type, when the event happened, and the event as the activity API shows it.</summary>
public sealed record WebhookPayload(string Type, DateTime Timestamp, ActivityEventDto Data);

/// <summary>What one round did: deliveries made from new events, attempts sent, and how many of those were acknowledged.</summary>
public sealed record WebhookRound(int Queued, int Attempted, int Delivered);

/// <summary>
/// Sends webhooks, on every server copy, in two steps.
/// <para>
/// The outbox is the activity log itself. Each change already writes its events in its own transaction, numbered per user
/// in commit order (<see cref="ActivityWriter"/>); a webhook keeps a cursor, the last of its user's events it has seen.
/// <see cref="EnqueueAsync"/> turns the events after the cursor into delivery rows and advances the cursor in one
/// transaction (on PostgreSQL holding the webhook's row with FOR UPDATE SKIP LOCKED, so servers take different webhooks).
/// So the write path costs nothing more, whether or not the user has webhooks, and no event is missed: an event is
/// numbered and committed with its change, and read back only after that. Activity events are never pruned (no retention
/// job removes them; they go only with their user, and the user's webhooks with them), so every event is still there
/// until its deliveries exist.
/// </para>
/// <para>
/// <see cref="SendBatchAsync"/> claims due deliveries with a lease, as <c>ReminderFirer</c> claims reminders (FOR UPDATE SKIP
/// LOCKED on PostgreSQL), posts them, and records each outcome only while its lease is still the one it took. A 2xx is
/// recorded as delivered and the delivery is never claimed again; anything else (another status, a redirect, a timeout, a
/// connection error, a refused address) is retried after an exponential backoff with jitter, up to
/// <see cref="WebhookOptions.MaxAttempts"/>, then marked failed.
/// </para>
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    WebhookSecrets secrets,
    TimeProvider time,
    IOptions<WebhookOptions> options,
    ILogger<WebhookDispatcher> log)
{
    public const string HttpClientName = "Webhooks";

    private const int MaxErrorLength = 500;

    /// <summary>Makes the deliveries of every new event, then sends every delivery due, batch after batch.</summary>
    public Task<WebhookRound> RunOnceAsync(CancellationToken cancellationToken = default) =>
        TodoTelemetry.RunJobAsync(TodoTelemetry.Spans.WebhookRun, () => RunRoundAsync(cancellationToken),
            (span, round) => span.SetTag("todo.webhooks.queued", round.Queued).SetTag("todo.webhooks.attempted", round.Attempted)
                .SetTag("todo.webhooks.delivered", round.Delivered));

    private async Task<WebhookRound> RunRoundAsync(CancellationToken cancellationToken)
    {
        var queued = await EnqueueAsync(cancellationToken);
        var (attempted, delivered) = (0, 0);
        while (true)
        {
            var batch = await SendBatchAsync(cancellationToken);
            attempted += batch.Claimed;
            delivered += batch.Delivered;
            if (batch.Claimed < options.Value.BatchSize)
            {
                return new WebhookRound(queued, attempted, delivered);
            }
        }
    }

    /// <summary>Turns the events after each webhook's cursor into deliveries; how many deliveries were made.</summary>
    public async Task<int> EnqueueAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TodoDbContext>();
            var behind = await db.Webhooks.AsNoTracking()
                .Where(w => db.Users.Any(u => u.Id == w.UserId && u.ActivitySeq > w.CursorSeq))
                .OrderBy(w => w.Id).Select(w => w.Id).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
            var moved = 0;
            foreach (var id in behind)
            {
                try
                {
                    var queued = await EnqueueOneAsync(db, id, cancellationToken);
                    if (queued is { } count)
                    {
                        moved++;
                        total += count;
                    }
                }
                catch (DbUpdateException e)
                {
                    // Deleted meanwhile (its deliveries have no webhook to belong to), or another server got there first.
                    WebhookLog.EnqueueFailed(log, e, id);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }

            if (moved == 0)
            {
                return total;
            }
        }
    }

    /// <summary>One webhook's next events into deliveries; null when it was not moved (another server holds it, or it is gone).</summary>
    private async Task<int?> EnqueueOneAsync(TodoDbContext db, Guid id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var webhook = db is PostgresTodoDbContext
            ? (await db.Webhooks.FromSql($"SELECT * FROM webhooks WHERE id = {id} FOR UPDATE SKIP LOCKED").AsNoTracking().ToListAsync(cancellationToken))
                .FirstOrDefault()
            : await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (webhook is null)
        {
            return null;
        }

        var latest = await db.Users.Where(u => u.Id == webhook.UserId).Select(u => u.ActivitySeq).FirstAsync(cancellationToken);
        if (latest <= webhook.CursorSeq)
        {
            return null;
        }

        var batch = options.Value.BatchSize;
        var events = await db.Activity.AsNoTracking()
            .Where(a => a.UserId == webhook.UserId && a.Seq > webhook.CursorSeq && a.Seq <= latest)
            .OrderBy(a => a.Seq).Take(batch).ToListAsync(cancellationToken);
        var cursor = events.Count == batch ? events[^1].Seq : latest;

        // Conditional on the cursor read, so two servers (or a SQLite writer) can never make the same deliveries twice.
        var advanced = await db.Webhooks.Where(w => w.Id == id && w.CursorSeq == webhook.CursorSeq)
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.CursorSeq, cursor), cancellationToken);
        if (advanced == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        var now = Now();
        var deliveries = events
            .Select(e => (Event: e, Type: WebhookEvents.TypeOf(e.Kind)))
            .Where(e => WebhookEvents.Wants(webhook.Events, e.Type))
            .Select(e => new WebhookDelivery
            {
                Id = Guid.CreateVersion7(now),
                UserId = webhook.UserId,
                WebhookId = webhook.Id,
                EventSeq = e.Event.Seq,
                EventType = e.Type,
                Payload = JsonSerializer.Serialize(
                    new WebhookPayload(e.Type, DateTime.SpecifyKind(e.Event.At, DateTimeKind.Utc), ActivityEventDto.From(e.Event)), ApiConventions.Json),
                Status = WebhookDeliveryStatus.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
            })
            .ToList();
        db.WebhookDeliveries.AddRange(deliveries);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deliveries.Count;
    }

    private sealed record ClaimedDelivery(Guid Id, Guid WebhookId, string Payload, int Attempts);

    private sealed record Outcome(int? StatusCode, string? Error)
    {
        public bool Acknowledged => StatusCode is >= 200 and < 300;
    }

    /// <summary>Claims the deliveries due and sends them: (deliveries claimed, deliveries acknowledged).</summary>
    public async Task<(int Claimed, int Delivered)> SendBatchAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        List<ClaimedDelivery> claimed;
        Dictionary<Guid, (string Url, string ProtectedSecret)> webhooks;
        DateTime lease;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TodoDbContext>();
            var now = Now();

            // A cheap look first, so an idle poll writes nothing (on SQLite a claim would take the write lock).
            var anyDue = await db.WebhookDeliveries.AsNoTracking()
                .AnyAsync(d => d.NextAttemptAt != null && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now), cancellationToken);
            if (!anyDue)
            {
                return (0, 0);
            }

            // Long enough for the whole batch to be tried, each attempt bounded by the timeout.
            var rounds = (settings.BatchSize + settings.Concurrency - 1) / settings.Concurrency;
            lease = now + (settings.Timeout * rounds) + TimeSpan.FromSeconds(30);
            claimed = await ClaimAsync(db, now, lease, settings.BatchSize, cancellationToken);
            if (claimed.Count == 0)
            {
                return (0, 0);
            }

            var ids = claimed.Select(d => d.WebhookId).Distinct().ToList();
            webhooks = await db.Webhooks.AsNoTracking().Where(w => ids.Contains(w.Id))
                .ToDictionaryAsync(w => w.Id, w => (w.Url, w.ProtectedSecret), cancellationToken);
        }

        var delivered = 0;
        var client = httpClients.CreateClient(HttpClientName);
        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken },
            async (delivery, token) =>
            {
                if (!webhooks.TryGetValue(delivery.WebhookId, out var webhook))
                {
                    return; // deleted since: its deliveries went with it
                }

                var outcome = await AttemptAsync(client, webhook.Url, webhook.ProtectedSecret, delivery, token);
                if (await RecordAsync(delivery, lease, outcome, token) && outcome.Acknowledged)
                {
                    Interlocked.Increment(ref delivered);
                }
            });

        if (claimed.Count > 0)
        {
            WebhookLog.Sent(log, claimed.Count, delivered);
        }

        return (claimed.Count, delivered);
    }

    private async Task<Outcome> AttemptAsync(HttpClient client, string url, string protectedSecret, ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        string secret;
        try
        {
            secret = secrets.Unprotect(protectedSecret);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            WebhookLog.SecretUnreadable(log, e, delivery.WebhookId);
            return new Outcome(null, "The signing secret cannot be read (its Data Protection key is gone); delete the webhook and register it again.");
        }

        var messageId = MessageId(delivery.Id);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSecrets.Sign(secret, messageId, timestamp, delivery.Payload));
        request.Headers.UserAgent.ParseAdd("Todo-Webhooks/1.0");

        var limit = options.Value.Timeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 => new Outcome(status, null),
                >= 300 and < 400 => new Outcome(status, $"Redirect ({status}) not followed; register the final URL."),
                _ => new Outcome(status, $"The receiver answered {status}."),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Outcome(null, $"No answer within {limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
        }
        catch (HttpRequestException e)
        {
            var refused = FindRefusal(e);
            return new Outcome(null, Cut(refused?.Message ?? "Could not connect: " + e.Message));
        }
    }

    /// <summary>Writes the attempt's outcome while the lease is still this server's; false when it no longer was (or the delivery is gone).</summary>
    private async Task<bool> RecordAsync(ClaimedDelivery delivery, DateTime lease, Outcome outcome, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TodoDbContext>();
        var now = Now();
        var attempts = delivery.Attempts + 1;
        var status = outcome.Acknowledged ? WebhookDeliveryStatus.Delivered
            : attempts >= options.Value.MaxAttempts ? WebhookDeliveryStatus.Failed
            : WebhookDeliveryStatus.Pending;
        DateTime? next = status == WebhookDeliveryStatus.Pending ? now + Backoff(attempts) : null;
        DateTime? deliveredAt = outcome.Acknowledged ? now : null;
        if (status == WebhookDeliveryStatus.Failed)
        {
            WebhookLog.GaveUp(log, delivery.Id, attempts, outcome.Error ?? "");
        }

        var written = await db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.ClaimedUntil == lease)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, status)
                .SetProperty(d => d.Attempts, attempts)
                .SetProperty(d => d.StatusCode, outcome.StatusCode)
                .SetProperty(d => d.Error, outcome.Error)
                .SetProperty(d => d.LastAttemptAt, now)
                .SetProperty(d => d.NextAttemptAt, next)
                .SetProperty(d => d.DeliveredAt, deliveredAt)
                .SetProperty(d => d.ClaimedUntil, (DateTime?)null), cancellationToken);
        if (written > 0)
        {
            TodoTelemetry.WebhookAttempted(status switch
            {
                WebhookDeliveryStatus.Delivered => TodoTelemetry.WebhookOutcomes.Delivered,
                WebhookDeliveryStatus.Failed => TodoTelemetry.WebhookOutcomes.Failed,
                _ => TodoTelemetry.WebhookOutcomes.Retrying,
            });
        }

        return written > 0;
    }

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt: BackoffBase × 2^(attempts−1), at most MaxBackoff, less up to a fifth at random.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var settings = options.Value;
        var doubled = settings.BackoffBase.TotalSeconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        var seconds = Math.Min(doubled, settings.MaxBackoff.TotalSeconds);
        return TimeSpan.FromSeconds(seconds * (1 - (Random.Shared.NextDouble() * 0.2)));
    }

    /// <summary>The Standard Webhooks message id of a delivery: the same on every attempt.</summary>
    public static string MessageId(Guid deliveryId) => "msg_" + deliveryId.ToString("N");

    private static Task<List<ClaimedDelivery>> ClaimAsync(TodoDbContext db, DateTime now, DateTime lease, int batch, CancellationToken cancellationToken) =>
        db is PostgresTodoDbContext
            ? db.Database.SqlQuery<ClaimedDelivery>($"""
                UPDATE webhook_deliveries SET claimed_until = {lease}
                WHERE id IN (
                    SELECT id FROM webhook_deliveries
                    WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= {now} AND (claimed_until IS NULL OR claimed_until < {now})
                    ORDER BY next_attempt_at
                    LIMIT {batch}
                    FOR UPDATE SKIP LOCKED)
                RETURNING id, webhook_id, payload, attempts
                """).ToListAsync(cancellationToken)
            : db.Database.SqlQuery<ClaimedDelivery>($"""
                UPDATE webhook_deliveries SET claimed_until = {lease}
                WHERE id IN (
                    SELECT id FROM webhook_deliveries
                    WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= {now} AND (claimed_until IS NULL OR claimed_until < {now})
                    ORDER BY next_attempt_at
                    LIMIT {batch})
                RETURNING id, webhook_id, payload, attempts
                """).ToListAsync(cancellationToken);

    private static WebhookTargetRefusedException? FindRefusal(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is WebhookTargetRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    private static string Cut(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];

    private DateTime Now()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}

/// <summary>Sends webhooks on this server copy every <see cref="WebhookOptions.PollInterval"/>.</summary>
public sealed class WebhookDispatcherLoop(WebhookDispatcher dispatcher, IOptions<WebhookOptions> options, ILogger<WebhookDispatcherLoop> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                WebhookLog.RoundFailed(log, e);
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
