using System.Globalization;
using System.Threading.Channels;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Todo.Server.Data;

namespace Todo.Server.Reminders;

/// <summary>Email:* settings; email is sent only when <see cref="SmtpHost"/> is set.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    /// <summary>none (plain), starttls (upgrade when offered, the default), starttls-required, or ssl (TLS from the start).</summary>
    public string SmtpTls { get; set; } = "starttls";

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    public string From { get; set; } = "Todo <todo@localhost>";

    /// <summary>How many times a failed email is tried in all.</summary>
    public int Attempts { get; set; } = 4;

    /// <summary>The wait before the second try; doubled each time after.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>At start, notifications this recent that were never emailed (a server stopped before sending) are sent.</summary>
    public TimeSpan CatchUp { get; set; } = TimeSpan.FromHours(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(SmtpHost);

    public SecureSocketOptions Security => SmtpTls.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "ssl" or "tls" => SecureSocketOptions.SslOnConnect,
        "starttls-required" => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}

/// <summary>
/// Emails each notification to its user, at most once across servers: a notification is taken by setting its emailed_at
/// where it is still null, then sent; a failed send gives it back and is tried again later, a few times, with a growing
/// wait. Sending runs apart from firing, so a slow or failing mail server never holds up a reminder.
/// </summary>
public sealed class ReminderMailer(
    IServiceScopeFactory scopes, ReminderFirer firer, TimeProvider time, IOptions<EmailOptions> options, ILogger<ReminderMailer> log)
    : BackgroundService
{
    private readonly Channel<(Guid Id, int Attempt)> queue = Channel.CreateUnbounded<(Guid, int)>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        firer.Fired += OnFired;
        try
        {
            await Task.Yield();
            await CatchUpAsync(stoppingToken);
            await foreach (var (id, attempt) in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await SendOneAsync(id, attempt, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            firer.Fired -= OnFired;
        }
    }

    private void OnFired(IReadOnlyList<FiredNotification> fired)
    {
        foreach (var notification in fired)
        {
            queue.Writer.TryWrite((notification.Id, 1));
        }
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TodoDbContext>();
            var since = time.GetUtcNow().UtcDateTime - options.Value.CatchUp;
            var pending = await db.Notifications.AsNoTracking().Where(n => n.EmailedAt == null && n.CreatedAt >= since)
                .Select(n => n.Id).ToListAsync(cancellationToken);
            foreach (var id in pending)
            {
                queue.Writer.TryWrite((id, 1));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ReminderLog.CatchUpFailed(log, e);
        }
    }

    private async Task SendOneAsync(Guid id, int attempt, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TodoDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
            var taken = await db.Notifications.Where(n => n.Id == id && n.EmailedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(n => n.EmailedAt, now), cancellationToken);
            if (taken == 0)
            {
                return; // sent already, by this server or another
            }

            var mail = await (from n in db.Notifications
                              join u in db.Users on n.UserId equals u.Id
                              where n.Id == id
                              select new { n.Title, n.DueAt, n.Late, n.TaskNumber, u.Email, u.TimeZone }).FirstOrDefaultAsync(cancellationToken);
            if (mail is null)
            {
                return;
            }

            try
            {
                await SendAsync(settings, mail.Email, Subject(mail.Title), Body(mail.Title, mail.DueAt, mail.Late, mail.TaskNumber, mail.TimeZone), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Given back, to be tried again.
                await db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(set => set.SetProperty(n => n.EmailedAt, (DateTime?)null), CancellationToken.None);
                throw;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (attempt >= settings.Attempts)
            {
                ReminderLog.EmailGaveUp(log, e, id, attempt);
                return;
            }

            ReminderLog.EmailFailed(log, e, id, attempt);
            var delay = settings.RetryDelay * Math.Pow(2, attempt - 1);
            _ = RetryLaterAsync(id, attempt + 1, delay, cancellationToken);
        }
    }

    private async Task RetryLaterAsync(Guid id, int attempt, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken);
            queue.Writer.TryWrite((id, attempt));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static string Subject(string title) => "Reminder: " + title;

    private static string Body(string title, DateTime dueAt, bool late, int? number, string zone)
    {
        var at = ReminderService.InZone(dueAt, zone);
        var when = at.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);
        return $"{title}\n\n{(late ? "This reminder was due" : "Due")} {when} ({zone})."
            + (number is { } n ? $"\nTask {n.ToString(CultureInfo.InvariantCulture)}." : "") + "\n";
    }

    private static async Task SendAsync(EmailOptions settings, string to, string subject, string body, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, settings.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUser))
        {
            await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
