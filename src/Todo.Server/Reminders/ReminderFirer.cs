using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Todo.Server.Accounts;
using Todo.Server.Data;
using Todo.Server.Live;
using Todo.Server.Telemetry;

namespace Todo.Server.Reminders;

/// <summary>Reminders:* settings.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Whether this server fires reminders (every copy does by default).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the database is asked for reminders due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a server's claim on reminders it is firing holds; after that another server may fire them.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Reminders claimed at a time.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>A reminder fired more than this after its time is marked late (the servers were down, or busy).</summary>
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>A notification just written, for whoever delivers it further (email).</summary>
public sealed record FiredNotification(Guid Id, Guid UserId);

/// <summary>
/// Fires the reminders that are due, each once across every copy of the server. A batch is claimed in one statement that
/// sets a lease (<see cref="Reminder.ClaimedUntil"/>): on PostgreSQL the rows are picked with FOR UPDATE SKIP LOCKED, so
/// servers claiming at once take different rows; on SQLite the statement is the single writer's. The claimed reminders'
/// notifications are then written with their reminders' fired_at in one transaction; the unique (reminder_id, due_at)
/// makes a second write of the same firing (a server that took over an expired lease) write nothing. Only after the commit
/// are the users signalled. A server that dies holding a lease leaves its reminders to the others once the lease ends.
/// </summary>
public sealed class ReminderFirer(
    IServiceScopeFactory scopes, IUserSignals signals, TimeProvider time, IOptions<ReminderOptions> options, ILogger<ReminderFirer> log)
{
    /// <summary>Called with every batch of notifications written (after the commit): the email sender.</summary>
    public event Action<IReadOnlyList<FiredNotification>>? Fired;

    /// <summary>Runs once a batch is claimed, before it fires: where tests stop a server mid-batch, its claims held.</summary>
    internal Func<int, CancellationToken, Task>? AfterClaimAsync { get; set; }

    /// <summary>Fires every reminder due now, batch after batch; how many notifications this server wrote.</summary>
    public Task<int> FireDueAsync(CancellationToken cancellationToken = default) =>
        TodoTelemetry.RunJobAsync(TodoTelemetry.Spans.ReminderRun, () => FireBatchesAsync(cancellationToken),
            (span, fired) => span.SetTag("todo.reminders.fired", fired));

    private async Task<int> FireBatchesAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var (claimed, written) = await FireBatchAsync(cancellationToken);
            total += written;
            if (claimed < options.Value.BatchSize)
            {
                return total;
            }
        }
    }

    private sealed record ClaimedReminder(Guid Id, Guid UserId, Guid TaskId, DateTime? At, int? MinutesBefore, DateTime? FireAt);

    private sealed record WrittenNotification(Guid Id, Guid UserId);

    /// <summary>Claims and fires one batch: (reminders claimed, notifications written).</summary>
    public async Task<(int Claimed, int Written)> FireBatchAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TodoDbContext>();
        var now = Now();

        // A cheap look first, so an idle poll writes nothing (on SQLite a claim would take the write lock).
        var anyDue = await db.Reminders.AsNoTracking()
            .AnyAsync(r => r.FiredAt == null && r.FireAt <= now && (r.ClaimedUntil == null || r.ClaimedUntil < now), cancellationToken);
        if (!anyDue)
        {
            return (0, 0);
        }

        var lease = now + settings.Lease;
        var claimed = await ClaimAsync(db, now, lease, settings.BatchSize, cancellationToken);
        if (claimed.Count == 0)
        {
            return (0, 0);
        }

        if (AfterClaimAsync is { } afterClaim)
        {
            await afterClaim(claimed.Count, cancellationToken);
        }

        var taskIds = claimed.Select(r => r.TaskId).Distinct().ToList();
        var tasks = await db.Tasks.IgnoreQueryFilters().AsNoTracking()
            .Where(t => taskIds.Contains(t.Id))
            .Select(t => new
            {
                t.Id,
                t.Number,
                t.Title,
                t.IsCompleted,
                t.DeletedAt,
                t.DueDate,
                t.DueTime,
                t.DueAt,
                Zone = db.Users.Where(u => u.Id == t.UserId).Select(u => u.TimeZone).FirstOrDefault(),
            })
            .ToDictionaryAsync(t => t.Id, cancellationToken);

        var notifications = new List<Notification>();
        var firedAsStored = new List<Guid>();
        var changed = new List<(Guid Id, DateTime? FireAt, bool Fired)>();
        foreach (var reminder in claimed)
        {
            if (!tasks.TryGetValue(reminder.TaskId, out var task) || task.DeletedAt is not null || task.IsCompleted)
            {
                // A task in the trash or done: its reminder is spent without a word.
                firedAsStored.Add(reminder.Id);
                continue;
            }

            // Worked out again from the task as it is now, in case its due moved since the reminder was scheduled.
            var dueMoment = ReminderSchedule.MomentOf(task.DueDate, task.DueTime, task.DueAt, task.Zone ?? User.DefaultTimeZone);
            var moment = ReminderSchedule.FireAt(Utc(reminder.At), reminder.MinutesBefore, dueMoment);
            if (moment is null || moment > now)
            {
                changed.Add((reminder.Id, moment, false));
                continue;
            }

            notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(now),
                UserId = reminder.UserId,
                TaskId = task.Id,
                TaskNumber = task.Number,
                ReminderId = reminder.Id,
                Title = task.Title,
                DueAt = moment.Value,
                Late = now - moment.Value > settings.LateAfter,
                CreatedAt = now,
            });
            if (ReminderSchedule.SameMoment(moment, reminder.FireAt))
            {
                firedAsStored.Add(reminder.Id);
            }
            else
            {
                changed.Add((reminder.Id, moment, true));
            }
        }

        List<WrittenNotification> written;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            written = notifications.Count == 0 ? [] : await InsertAsync(db, notifications, cancellationToken);
            if (firedAsStored.Count > 0)
            {
                await db.Reminders.Where(r => firedAsStored.Contains(r.Id) && r.ClaimedUntil == lease)
                    .ExecuteUpdateAsync(set => set.SetProperty(r => r.FiredAt, now).SetProperty(r => r.ClaimedUntil, (DateTime?)null), cancellationToken);
            }

            foreach (var (id, fireAt, fired) in changed)
            {
                DateTime? firedAt = fired ? now : null;
                await db.Reminders.Where(r => r.Id == id && r.ClaimedUntil == lease)
                    .ExecuteUpdateAsync(set => set.SetProperty(r => r.FireAt, fireAt).SetProperty(r => r.FiredAt, firedAt)
                        .SetProperty(r => r.ClaimedUntil, (DateTime?)null), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (written.Count > 0)
        {
            var writtenIds = written.Select(n => n.Id).ToHashSet();
            foreach (var notification in notifications.Where(n => writtenIds.Contains(n.Id)))
            {
                TodoTelemetry.ReminderFired(notification.DueAt, now);
            }

            var late = notifications.Count(n => n.Late);
            ReminderLog.Fired(log, written.Count, late);
            foreach (var userId in written.Select(n => n.UserId).Distinct())
            {
                try
                {
                    await signals.PublishAsync(userId, UserSignal.Notification, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    ReminderLog.SignalFailed(log, e, userId);
                }
            }

            Fired?.Invoke([.. written.Select(n => new FiredNotification(n.Id, n.UserId))]);
        }

        return (claimed.Count, written.Count);
    }

    private static Task<List<ClaimedReminder>> ClaimAsync(TodoDbContext db, DateTime now, DateTime lease, int batch, CancellationToken cancellationToken) =>
        db is PostgresTodoDbContext
            ? db.Database.SqlQuery<ClaimedReminder>($"""
                UPDATE reminders SET claimed_until = {lease}
                WHERE id IN (
                    SELECT id FROM reminders
                    WHERE fired_at IS NULL AND fire_at <= {now} AND (claimed_until IS NULL OR claimed_until < {now})
                    ORDER BY fire_at
                    LIMIT {batch}
                    FOR UPDATE SKIP LOCKED)
                RETURNING id, user_id, task_id, at, minutes_before, fire_at
                """).ToListAsync(cancellationToken)
            : db.Database.SqlQuery<ClaimedReminder>($"""
                UPDATE reminders SET claimed_until = {lease}
                WHERE id IN (
                    SELECT id FROM reminders
                    WHERE fired_at IS NULL AND fire_at <= {now} AND (claimed_until IS NULL OR claimed_until < {now})
                    ORDER BY fire_at
                    LIMIT {batch})
                RETURNING id, user_id, task_id, at, minutes_before, fire_at
                """).ToListAsync(cancellationToken);

    /// <summary>One INSERT for the batch; a firing already written (the same reminder and time) is skipped.</summary>
    private static Task<List<WrittenNotification>> InsertAsync(TodoDbContext db, List<Notification> notifications, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("INSERT INTO notifications (id, user_id, task_id, task_number, reminder_id, title, due_at, late, created_at) VALUES ");
        var values = new List<object?>(notifications.Count * 9);
        for (var i = 0; i < notifications.Count; i++)
        {
            var n = notifications[i];
            var first = values.Count;
            sql.Append(i == 0 ? "(" : ", (");
            for (var k = 0; k < 9; k++)
            {
                sql.Append(k == 0 ? "" : ", ").Append('{').Append((first + k).ToString(CultureInfo.InvariantCulture)).Append('}');
            }

            sql.Append(')');
            values.AddRange([n.Id, n.UserId, n.TaskId, n.TaskNumber, n.ReminderId, n.Title, n.DueAt, n.Late, n.CreatedAt]);
        }

        sql.Append(" ON CONFLICT (reminder_id, due_at) DO NOTHING RETURNING id, user_id");
        return db.Database.SqlQuery<WrittenNotification>(FormattableStringFactory.Create(sql.ToString(), [.. values])).ToListAsync(cancellationToken);
    }

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;

    private DateTime Now()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}

/// <summary>Fires reminders on this server copy: at start (the late ones), then every <see cref="ReminderOptions.PollInterval"/>.</summary>
public sealed class ReminderDispatcher(ReminderFirer firer, IOptions<ReminderOptions> options, ILogger<ReminderDispatcher> log) : BackgroundService
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
                await firer.FireDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                ReminderLog.FiringFailed(log, e);
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
