using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Todo.Server.Accounts;
using Todo.Server.Data;
using Todo.Server.History;
using Todo.Server.Http;
using Todo.Server.Lists;
using Todo.Server.Reminders;
using Todo.Server.Tasks;

namespace Todo.Server.Transfer;

/// <summary>Limits of one import: bodies over <see cref="MaxBytes"/> are a 413, more than <see cref="MaxTasks"/> tasks a 400.</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    public int MaxTasks { get; set; } = 5000;

    public long MaxBytes { get; set; } = ApiConventions.MaxRequestBodyBytes;
}

/// <summary>The formats an import reads, by the request's media type.</summary>
public enum ImportFormat
{
    Json,
    TodoTxt,
    TodoistCsv,
}

/// <summary>
/// Export and import of one user's lists and tasks, and the user's calendar feed. Reads are the user's own rows only;
/// an import is checked whole before anything is written, then written in one transaction through
/// <see cref="TaskService"/> and <see cref="ListService"/>, recorded as one batch of source "import" (so one undo takes it back).
/// </summary>
public sealed class TransferService(
    TodoDbContext db, TaskService tasks, ListService lists, ReminderService reminders, ActivityContext activity,
    TimeProvider time, IOptions<ImportOptions> options)
{
    public ImportOptions Limits => options.Value;

    /// <summary>Everything the user would take elsewhere: lists (Inbox first, then by name) and tasks in number order, not the trash.</summary>
    public async Task<UserExport> ExportAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var zone = await tasks.TimeZoneOfAsync(userId, cancellationToken);
        var ownLists = await db.Lists.AsNoTracking().Where(l => l.UserId == userId)
            .OrderByDescending(l => l.IsInbox).ThenBy(l => l.NormalizedName).ToListAsync(cancellationToken);
        var names = ownLists.ToDictionary(l => l.Id, l => l.Name);
        var rows = await db.Tasks.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.Number).ToListAsync(cancellationToken);
        var labels = (await db.TaskLabels.AsNoTracking().Where(l => l.UserId == userId).Select(l => new { l.TaskId, l.Label }).ToListAsync(cancellationToken))
            .ToLookup(l => l.TaskId, l => l.Label);
        var taskReminders = (await db.Reminders.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.Id).ToListAsync(cancellationToken))
            .ToLookup(r => r.TaskId);
        var exported = rows.Select(t => new ExportedTask(t.Id, new ExportTask(
            t.Title,
            t.Description,
            names.GetValueOrDefault(t.ListId, TodoList.InboxName),
            [.. labels[t.Id].Order(StringComparer.Ordinal)],
            t.Priority,
            t.IsCompleted,
            t.CompletedAt,
            t.CreatedAt,
            t.DueDate is { } date ? new ExportDue(date, t.DueTime, t.DueTimeZone, t.DueRecurrence, t.DueFromCompletion) : null,
            [.. taskReminders[t.Id].Select(r => new ExportReminder(r.MinutesBefore is null ? r.At : null, r.MinutesBefore))]))).ToList();
        return new UserExport(zone, time.GetUtcNow(), [.. ownLists.Select(l => new ExportList(l.Name, l.IsInbox))], exported);
    }

    /// <summary>What a reader is given for this user: now, the user's zone, the task limit.</summary>
    public async Task<ImportContext> ContextAsync(Guid userId, CancellationToken cancellationToken = default) =>
        new(time.GetUtcNow(), await tasks.TimeZoneOfAsync(userId, cancellationToken), Limits.MaxTasks);

    /// <summary>Reads <paramref name="text"/> as <paramref name="format"/> and checks every row (an <see cref="ImportRejectedException"/> names the first bad one).</summary>
    public static ImportPlan Read(ImportFormat format, string text, ImportContext context) => format switch
    {
        ImportFormat.Json => JsonImport.Read(text, context),
        ImportFormat.TodoTxt => TodoTxt.Read(text, context),
        _ => TodoistCsv.Read(text, context),
    };

    /// <summary>
    /// Writes a checked plan: lists found by name (ignoring case) or made, then each task in order, in one transaction.
    /// Tasks without a list go to <paramref name="defaultList"/> (found or made) or the Inbox.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Guid userId, ImportPlan plan, string? defaultList, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        activity.Source = ActivitySource.Import;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var listIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var wanted = plan.ListNames.Concat(plan.Tasks.Select(t => t.ListName)).Append(defaultList).OfType<string>();
        foreach (var name in wanted)
        {
            var key = TodoList.Normalize(name);
            if (!listIds.ContainsKey(key))
            {
                var (list, _) = await lists.FindOrCreateAsync(userId, name, cancellationToken: cancellationToken);
                listIds[key] = list.Id;
            }
        }

        Guid? ListIdOf(string? name) => name is null ? null : listIds[TodoList.Normalize(name)];
        var fallback = ListIdOf(defaultList);
        foreach (var task in plan.Tasks)
        {
            var options = new NewTaskOptions
            {
                ListId = ListIdOf(task.ListName) ?? fallback,
                Labels = task.Labels,
                Priority = task.Priority,
                Due = task.Due,
                CreatedAt = task.CreatedAt,
                CompletedAt = task.CompletedAt,
            };
            var reminderInput = task.Reminders.Count == 0 ? ReminderInput.Kept : ReminderInput.Replace(task.Reminders);
            await reminders.WriteAsync(userId, reminderInput,
                async () => await tasks.CreateAsync(userId, task.Title, task.Description, options, cancellationToken), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(plan.Tasks.Count, plan.Skipped, plan.Notes);
    }

    /// <summary>Makes the user's calendar feed, replacing any before it (whose address then answers 404); the new secret, shown once.</summary>
    public async Task<string> CreateFeedAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
            var now = StoredTime.Now(time);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.CalendarFeeds.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            db.CalendarFeeds.Add(new CalendarFeed { UserId = userId, SecretHash = HashOf(secret), CreatedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return secret;
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsForeignKeyViolation(e))
            {
                throw new AccountGoneException(userId);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e) && attempt == 1)
            {
                // Another request made the user's feed between our delete and insert: this one replaces it, once more.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>When the user's feed was made; null when there is none.</summary>
    public Task<DateTime?> FeedCreatedAtAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == userId).Select(f => (DateTime?)f.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Ends the user's feed at once; false when there was none.</summary>
    public async Task<bool> DeleteFeedAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.CalendarFeeds.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>The user whose feed has this secret (found by its hash); null for any other text.</summary>
    public async Task<Guid?> FeedOwnerAsync(string secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length is 0 or > 100)
        {
            return null;
        }

        var hash = HashOf(secret);
        var owner = await db.CalendarFeeds.AsNoTracking().Where(f => f.SecretHash == hash).Select(f => f.UserId).FirstOrDefaultAsync(cancellationToken);
        return owner == Guid.Empty ? null : owner;
    }

    /// <summary>SHA-256 of the secret, lower-case hex: what the table keeps. The secret is 256 random bits, so no salt or stretching is needed.</summary>
    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
