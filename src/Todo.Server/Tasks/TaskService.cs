using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Todo.Server.Accounts;
using Todo.Server.Data;
using Todo.Server.Text;

namespace Todo.Server.Tasks;

/// <summary>
/// The only code that changes tasks: the REST API, the assistant's tools, MCP and the web page all call it.
/// Every method acts for one user, whose id comes from the caller's token, and that ownership is part of
/// every query, so someone else's task is simply not found (null). Each call is at most two database round
/// trips; reads are not tracked. Titles and descriptions are checked against <see cref="TaskText"/> here
/// too (the REST API rejects bad input earlier, with the same rules), and a violation throws
/// <see cref="InvalidTextException"/>.
/// </summary>
public sealed class TaskService(TodoDbContext db, TimeProvider time)
{
    private const string LikeEscape = "\\";

    private bool IsPostgres => db is PostgresTodoDbContext;

    /// <summary>
    /// Creates a task with the user's next number. Throws <see cref="AccountGoneException"/> when the user does not
    /// exist (an account removed while one of its tokens is still valid).
    /// </summary>
    public async Task<TaskItem> CreateAsync(
        Guid userId, string title, string? description = null, CancellationToken cancellationToken = default)
    {
        var now = Now();
        var task = new TaskItem
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Title = ValidTitle(title),
            Description = ValidDescription(description),
            CreatedAt = now,
            UpdatedAt = now,
        };

        var number = IsPostgres
            ? await InsertOnPostgresAsync(task, cancellationToken)
            : await InsertOnSqliteAsync(task, cancellationToken);
        if (number is null)
        {
            throw new AccountGoneException(userId);
        }

        task.Number = number.Value;
        return task;
    }

    public Task<TaskItem?> GetAsync(Guid userId, TaskKey key, CancellationToken cancellationToken = default) =>
        Owned(userId, key).AsNoTracking().FirstOrDefaultAsync(cancellationToken);

    public Task<TaskItem?> GetAsync(Guid userId, Guid id, CancellationToken cancellationToken = default) =>
        GetAsync(userId, TaskKey.ById(id), cancellationToken);

    public Task<TaskItem?> GetByNumberAsync(Guid userId, int number, CancellationToken cancellationToken = default) =>
        GetAsync(userId, TaskKey.ByNumber(number), cancellationToken);

    /// <summary>
    /// Every task of the user as (number, title, is_completed), ordered by number: what words naming a task are
    /// matched against. One round trip, reading three columns.
    /// </summary>
    public async Task<IReadOnlyList<(int Number, string Title, bool IsCompleted)>> ListTitlesAsync(
        Guid userId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Tasks.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderBy(t => t.Number)
            .Select(t => new { t.Number, t.Title, t.IsCompleted })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => (row.Number, row.Title, row.IsCompleted))];
    }

    /// <summary>How many of the user's tasks a list with this status and search holds in all (one COUNT).</summary>
    public Task<int> CountAsync(Guid userId, TaskStatusFilter status, string? search, CancellationToken cancellationToken = default) =>
        Matching(userId, status, search).CountAsync(cancellationToken);

    /// <summary>One page of the user's tasks (one round trip, whatever the page's depth).</summary>
    public async Task<TaskPage> ListAsync(Guid userId, TaskListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, TaskListQuery.MaxLimit, nameof(query));
        if (query.After is { } after && after.Sort != query.Sort)
        {
            throw new ArgumentException("The cursor was made for a different sort order.", nameof(query));
        }

        var tasks = Matching(userId, query.Status, query.Search);
        var rows = await Page(tasks, query.Sort, query.After).Take(query.Limit + 1).ToListAsync(cancellationToken);
        if (rows.Count <= query.Limit)
        {
            return new TaskPage(rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        return new TaskPage(rows, TaskCursor.After(rows[^1], query.Sort));
    }

    /// <summary>Replaces the editable fields (title and description; a null description clears it).</summary>
    public Task<TaskItem?> ReplaceAsync(
        Guid userId, TaskKey key, string title, string? description, CancellationToken cancellationToken = default)
    {
        var newTitle = ValidTitle(title);
        var newDescription = ValidDescription(description);
        var now = Now();
        return UpdateAndReadAsync(userId, key, set => set
            .SetProperty(t => t.Title, newTitle)
            .SetProperty(t => t.Description, newDescription)
            .SetProperty(t => t.UpdatedAt, now), cancellationToken);
    }

    /// <summary>Changes only the fields <paramref name="changes"/> sets. No changes: the task as it is.</summary>
    public Task<TaskItem?> UpdateAsync(
        Guid userId, TaskKey key, TaskChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.IsEmpty)
        {
            return GetAsync(userId, key, cancellationToken);
        }

        var newTitle = changes.Title is null ? null : ValidTitle(changes.Title);
        var newDescription = changes.ChangesDescription ? ValidDescription(changes.Description) : null;
        var editsText = newTitle is not null || changes.ChangesDescription;
        var now = Now();
        return UpdateAndReadAsync(userId, key, set =>
        {
            if (newTitle is not null)
            {
                set.SetProperty(t => t.Title, newTitle);
            }

            if (changes.ChangesDescription)
            {
                set.SetProperty(t => t.Description, newDescription);
            }

            if (changes.IsCompleted is { } completed)
            {
                SetCompletion(set, completed, now, touch: !editsText);
            }

            if (editsText)
            {
                set.SetProperty(t => t.UpdatedAt, now);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Completes (sets completed_at) or reopens (clears it) the task. Asking for the state it already has
    /// changes nothing, so completed_at keeps the moment it was first completed.
    /// </summary>
    public Task<TaskItem?> SetCompletedAsync(
        Guid userId, TaskKey key, bool completed, CancellationToken cancellationToken = default)
    {
        var now = Now();
        return UpdateAndReadAsync(userId, key, set => SetCompletion(set, completed, now, touch: true), cancellationToken);
    }

    /// <summary>Flips completion atomically in the database, so concurrent toggles never lose one.</summary>
    public Task<TaskItem?> ToggleCompletedAsync(Guid userId, TaskKey key, CancellationToken cancellationToken = default)
    {
        var now = Now();
        return UpdateAndReadAsync(userId, key, set => set
            .SetProperty(t => t.CompletedAt, t => t.IsCompleted ? null : (DateTime?)now)
            .SetProperty(t => t.UpdatedAt, now)
            .SetProperty(t => t.IsCompleted, t => !t.IsCompleted), cancellationToken);
    }

    /// <summary>Deletes the task and returns it as it was; null when there was none. Its number is never handed out again.</summary>
    public async Task<TaskItem?> DeleteAsync(Guid userId, TaskKey key, CancellationToken cancellationToken = default)
    {
        var task = await GetAsync(userId, key, cancellationToken);
        if (task is null)
        {
            return null;
        }

        var deleted = await db.Tasks
            .Where(t => t.Id == task.Id && t.UserId == userId)
            .ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? null : task;
    }

    private IQueryable<TaskItem> Owned(Guid userId, TaskKey key) => key switch
    {
        { Id: { } id } => db.Tasks.Where(t => t.Id == id && t.UserId == userId),
        { Number: { } number } => db.Tasks.Where(t => t.UserId == userId && t.Number == number),
        _ => throw new ArgumentException("The key names no task.", nameof(key)),
    };

    /// <summary>One UPDATE scoped to the owner, then the row as it now is: two round trips.</summary>
    private async Task<TaskItem?> UpdateAndReadAsync(
        Guid userId, TaskKey key, Action<UpdateSettersBuilder<TaskItem>> setters, CancellationToken cancellationToken)
    {
        var updated = await Owned(userId, key).ExecuteUpdateAsync(setters, cancellationToken);
        return updated == 0 ? null : await GetAsync(userId, key, cancellationToken);
    }

    /// <summary>Completion changes only when it differs, in the same statement, so it is right under concurrency too.</summary>
    private static void SetCompletion(UpdateSettersBuilder<TaskItem> set, bool completed, DateTime now, bool touch)
    {
        DateTime? completedAt = completed ? now : null;
        set.SetProperty(t => t.CompletedAt, t => t.IsCompleted == completed ? t.CompletedAt : completedAt);
        if (touch)
        {
            set.SetProperty(t => t.UpdatedAt, t => t.IsCompleted == completed ? t.UpdatedAt : now);
        }

        set.SetProperty(t => t.IsCompleted, completed);
    }

    /// <summary>The order for <paramref name="sort"/> and, after a cursor, only the rows past it: (key, number) tuples compared.</summary>
    private static IQueryable<TaskItem> Page(IQueryable<TaskItem> tasks, TaskSort sort, TaskCursor? after)
    {
        var number = after?.Number ?? 0;
        var at = after?.Timestamp ?? default;
        var title = after?.Title ?? "";
        var hasCursor = after is not null;
        switch (sort)
        {
            case TaskSort.CreatedAt:
                return (hasCursor ? tasks.Where(t => t.CreatedAt > at || (t.CreatedAt == at && t.Number > number)) : tasks)
                    .OrderBy(t => t.CreatedAt).ThenBy(t => t.Number);
            case TaskSort.CreatedAtDescending:
                return (hasCursor ? tasks.Where(t => t.CreatedAt < at || (t.CreatedAt == at && t.Number < number)) : tasks)
                    .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Number);
            case TaskSort.UpdatedAt:
                return (hasCursor ? tasks.Where(t => t.UpdatedAt > at || (t.UpdatedAt == at && t.Number > number)) : tasks)
                    .OrderBy(t => t.UpdatedAt).ThenBy(t => t.Number);
            case TaskSort.UpdatedAtDescending:
                return (hasCursor ? tasks.Where(t => t.UpdatedAt < at || (t.UpdatedAt == at && t.Number < number)) : tasks)
                    .OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Number);
            case TaskSort.Title:
                // Compared and ordered by the database's collation, the same on both sides of the cursor.
                return (hasCursor ? tasks.Where(t => t.Title.CompareTo(title) > 0 || (t.Title == title && t.Number > number)) : tasks)
                    .OrderBy(t => t.Title).ThenBy(t => t.Number);
            default:
                // The number is unique per user: ix_tasks_user_number serves this order and the cursor.
                return (hasCursor ? tasks.Where(t => t.Number > number) : tasks).OrderBy(t => t.Number);
        }
    }

    /// <summary>
    /// PostgreSQL: one statement. The UPDATE row-locks the user until the statement commits, so concurrent
    /// creates take consecutive numbers; no user row, no insert.
    /// </summary>
    private async Task<int?> InsertOnPostgresAsync(TaskItem task, CancellationToken cancellationToken)
    {
        var numbers = await db.Database.SqlQuery<int>($"""
            WITH taken AS (
                UPDATE users SET task_number_seq = task_number_seq + 1 WHERE id = {task.UserId}
                RETURNING task_number_seq)
            INSERT INTO tasks (id, user_id, number, title, description, is_completed, created_at, updated_at, completed_at)
            SELECT {task.Id}, {task.UserId}, taken.task_number_seq, {task.Title}, {task.Description}, FALSE, {task.CreatedAt}, {task.UpdatedAt}, NULL
            FROM taken
            RETURNING number AS "Value"
            """).ToListAsync(cancellationToken);
        return numbers.Count == 0 ? null : numbers[0];
    }

    /// <summary>
    /// SQLite has no data-modifying CTE: the counter UPDATE and the INSERT that reads it are one command in
    /// one write transaction (BEGIN IMMEDIATE, SQLite's single writer), unless the caller already opened one.
    /// </summary>
    private async Task<int?> InsertOnSqliteAsync(TaskItem task, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var numbers = await db.Database.SqlQuery<int>($"""
                UPDATE users SET task_number_seq = task_number_seq + 1 WHERE id = {task.UserId};
                INSERT INTO tasks (id, user_id, number, title, description, is_completed, created_at, updated_at, completed_at)
                SELECT {task.Id}, {task.UserId}, task_number_seq, {task.Title}, {task.Description}, FALSE, {task.CreatedAt}, {task.UpdatedAt}, NULL
                FROM users WHERE id = {task.UserId}
                RETURNING number AS "Value"
                """).ToListAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return numbers.Count == 0 ? null : numbers[0];
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>UTC, to the microsecond: what PostgreSQL keeps, so the value returned equals the value stored.</summary>
    private DateTime Now()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    private static string ValidTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return TaskText.Title.Require(title, "title");
    }

    /// <summary>Descriptions are kept as written; an empty or blank one is no description.</summary>
    private static string? ValidDescription(string? description) =>
        description is null ? null : TaskText.Description.Require(description, "description") is { } valid
            && !string.IsNullOrWhiteSpace(valid) ? valid : null;

    /// <summary>The user's tasks with <paramref name="status"/> whose title or description contains <paramref name="search"/>.</summary>
    private IQueryable<TaskItem> Matching(Guid userId, TaskStatusFilter status, string? search)
    {
        var tasks = db.Tasks.AsNoTracking().Where(t => t.UserId == userId);
        tasks = status switch
        {
            TaskStatusFilter.Pending => tasks.Where(t => !t.IsCompleted),
            TaskStatusFilter.Completed => tasks.Where(t => t.IsCompleted),
            _ => tasks,
        };

        search = search?.Trim();
        if (string.IsNullOrEmpty(search))
        {
            return tasks;
        }

        var pattern = "%" + EscapeLike(TaskText.Search.Require(search, "q")) + "%";
        // ILIKE folds case for all of Unicode; SQLite's LIKE folds ASCII letters only.
        return IsPostgres
            ? tasks.Where(t => EF.Functions.ILike(t.Title, pattern, LikeEscape) || EF.Functions.ILike(t.Description!, pattern, LikeEscape))
            : tasks.Where(t => EF.Functions.Like(t.Title, pattern, LikeEscape) || EF.Functions.Like(t.Description, pattern, LikeEscape));
    }

    private static string EscapeLike(string text) => text
        .Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
        .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
        .Replace("_", LikeEscape + "_", StringComparison.Ordinal);
}
