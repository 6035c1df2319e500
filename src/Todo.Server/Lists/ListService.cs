using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Accounts;
using Todo.Server.Data;
using Todo.Server.Tasks;

namespace Todo.Server.Lists;

/// <summary>
/// A user's lists. Ownership is part of every query, so someone else's list is not found. The Inbox cannot be renamed
/// or deleted; names are unique per user ignoring case (checked first, and by the unique index under concurrency).
/// Moving or deleting a list's tasks goes through <see cref="TaskService"/>, in the same transaction as the list's deletion.
/// </summary>
public sealed class ListService(TodoDbContext db, TaskService tasks, TimeProvider time)
{
    /// <summary>The user's lists, the Inbox first then by name, each with its pending count (one query).</summary>
    public async Task<IReadOnlyList<ListSummary>> ListAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Lists.AsNoTracking()
            .Where(l => l.UserId == userId)
            .OrderByDescending(l => l.IsInbox).ThenBy(l => l.NormalizedName)
            .Select(l => new { List = l, Pending = db.Tasks.Count(t => t.ListId == l.Id && !t.IsCompleted) })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => new ListSummary(row.List, row.Pending))];
    }

    /// <summary>The user's list with this name, ignoring case (the unique index's key); null when there is none.</summary>
    public Task<TodoList?> FindByNameAsync(Guid userId, string name, CancellationToken cancellationToken = default)
    {
        var normalized = TodoList.Normalize(ValidName(name));
        return db.Lists.AsNoTracking().FirstOrDefaultAsync(l => l.UserId == userId && l.NormalizedName == normalized, cancellationToken);
    }

    /// <summary>
    /// The user's list with this name ignoring case or, when there is none, the one list it names as people say it
    /// (<see cref="TodoList.SpokenKey"/>: "grocery" is the Groceries list) or, for a generic name, the one list of its kind
    /// (<see cref="TodoList.KindKey"/>: "shopping" is the Groceries list when there is no Shopping list; "groceries" is never a
    /// Shopping list); null when there is none or several.
    /// </summary>
    public async Task<TodoList?> FindByNameOrSimilarAsync(Guid userId, string name, CancellationToken cancellationToken = default) =>
        AsSaid(await OwnListsAsync(userId, cancellationToken), name);

    /// <summary>The list each of <paramref name="names"/> means (see <see cref="FindByNameOrSimilarAsync"/>), read in one query; names no list answers are left out.</summary>
    public async Task<IReadOnlyDictionary<string, TodoList>> FindByNamesOrSimilarAsync(
        Guid userId, IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        var lists = await OwnListsAsync(userId, cancellationToken);
        return names.Distinct(StringComparer.Ordinal)
            .Select(name => (Name: name, List: AsSaid(lists, name)))
            .Where(found => found.List is not null)
            .ToDictionary(found => found.Name, found => found.List!, StringComparer.Ordinal);
    }

    private Task<List<TodoList>> OwnListsAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Lists.AsNoTracking().Where(l => l.UserId == userId).ToListAsync(cancellationToken);

    private static TodoList? AsSaid(IReadOnlyList<TodoList> lists, string name)
    {
        var normalized = TodoList.Normalize(ValidName(name));
        if (lists.FirstOrDefault(l => l.NormalizedName == normalized) is { } named)
        {
            return named;
        }

        var spoken = lists.Select(l => (List: l, Key: TodoList.SpokenKey(l.Name))).ToList();
        TodoList? Only(string key) => spoken.Where(l => l.Key == key).ToList() is [var one] ? one.List : null;
        return Only(TodoList.SpokenKey(name)) ?? Only(TodoList.KindKey(name));
    }

    /// <summary>
    /// The user's list with this name, made when there is none (what quick add, chat and the tools do with a list they
    /// name); <c>Created</c> says which, so the caller can tell the user. A concurrent creation of the same name is found.
    /// With <paramref name="similar"/>, a list named as people say it counts as found (<see cref="FindByNameOrSimilarAsync"/>).
    /// </summary>
    public async Task<(TodoList List, bool Created)> FindOrCreateAsync(
        Guid userId, string name, bool similar = false, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = similar
                ? await FindByNameOrSimilarAsync(userId, name, cancellationToken)
                : await FindByNameAsync(userId, name, cancellationToken);
            if (existing is not null)
            {
                return (existing, false);
            }

            var (outcome, list) = await CreateAsync(userId, name, cancellationToken);
            if (outcome == ListOutcome.Done)
            {
                return (list!, true);
            }

            if (attempt > 0)
            {
                throw new InvalidOperationException($"The list could not be found or created ({outcome}).");
            }
        }
    }

    public async Task<(ListOutcome Outcome, TodoList? List)> CreateAsync(Guid userId, string name, CancellationToken cancellationToken = default)
    {
        var valid = ValidName(name);
        var normalized = TodoList.Normalize(valid);
        if (await db.Lists.AnyAsync(l => l.UserId == userId && l.NormalizedName == normalized, cancellationToken))
        {
            return (ListOutcome.DuplicateName, null);
        }

        var now = Now();
        var list = new TodoList { Id = Guid.CreateVersion7(now), UserId = userId, Name = valid, NormalizedName = normalized, CreatedAt = now, UpdatedAt = now };
        db.Lists.Add(list);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            return (ListOutcome.DuplicateName, null);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsForeignKeyViolation(e))
        {
            throw new AccountGoneException(userId);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return (ListOutcome.Done, list);
    }

    public async Task<(ListOutcome Outcome, ListSummary? List)> RenameAsync(
        Guid userId, Guid id, string name, CancellationToken cancellationToken = default)
    {
        var valid = ValidName(name);
        var normalized = TodoList.Normalize(valid);
        try
        {
            var list = await db.Lists.FirstOrDefaultAsync(l => l.Id == id && l.UserId == userId, cancellationToken);
            if (list is null)
            {
                return (ListOutcome.NotFound, null);
            }

            if (list.IsInbox)
            {
                return (ListOutcome.IsInbox, null);
            }

            if (await db.Lists.AnyAsync(l => l.UserId == userId && l.Id != id && l.NormalizedName == normalized, cancellationToken))
            {
                return (ListOutcome.DuplicateName, null);
            }

            list.Name = valid;
            list.NormalizedName = normalized;
            list.UpdatedAt = Now();
            await db.SaveChangesAsync(cancellationToken);
            var pending = await db.Tasks.CountAsync(t => t.ListId == id && t.UserId == userId && !t.IsCompleted, cancellationToken);
            return (ListOutcome.Done, new ListSummary(list, pending));
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            return (ListOutcome.DuplicateName, null);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Deletes one of the user's lists. With tasks in it, <paramref name="tasksOnDelete"/> says what happens to them (move: into
    /// the Inbox; delete: with the list); without it the list must be empty. All in one transaction.
    /// </summary>
    public async Task<ListOutcome> DeleteAsync(
        Guid userId, Guid id, ListTasksOnDelete? tasksOnDelete, CancellationToken cancellationToken = default)
    {
        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        var list = await db.Lists.AsNoTracking().Where(l => l.Id == id && l.UserId == userId)
            .Select(l => new { l.IsInbox, HasTasks = db.Tasks.Any(t => t.ListId == l.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        if (list is null)
        {
            return ListOutcome.NotFound;
        }

        if (list.IsInbox)
        {
            return ListOutcome.IsInbox;
        }

        if (list.HasTasks)
        {
            switch (tasksOnDelete)
            {
                case null:
                    return ListOutcome.HasTasks;
                case ListTasksOnDelete.Move:
                    var inbox = await tasks.InboxIdAsync(userId, cancellationToken) ?? throw new AccountGoneException(userId);
                    await tasks.MoveListTasksAsync(userId, id, inbox, cancellationToken);
                    break;
                case ListTasksOnDelete.Delete:
                    await tasks.DeleteListTasksAsync(userId, id, cancellationToken);
                    break;
            }
        }

        await tasks.MoveTrashOutOfListAsync(userId, id, cancellationToken);
        try
        {
            await db.Lists.Where(l => l.Id == id && l.UserId == userId && !l.IsInbox).ExecuteDeleteAsync(cancellationToken);
        }
        catch (DbException e) when (DatabaseErrors.IsForeignKeyViolation(e))
        {
            return ListOutcome.HasTasks; // a task was put in the list meanwhile
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return ListOutcome.Done;
    }

    /// <summary>How many tasks, pending or completed, one of the user's lists holds (what deleting it would move or delete).</summary>
    public Task<int> TaskCountAsync(Guid userId, Guid id, CancellationToken cancellationToken = default) =>
        db.Tasks.CountAsync(t => t.UserId == userId && t.ListId == id, cancellationToken);

    public Task<IReadOnlyList<(string Name, int TaskCount)>> ListLabelsAsync(Guid userId, CancellationToken cancellationToken = default) =>
        tasks.ListLabelsAsync(userId, cancellationToken);

    private static string ValidName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ListText.Name.Require(name, "name");
    }

    private DateTime Now()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
