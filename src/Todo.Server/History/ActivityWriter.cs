using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Data;

namespace Todo.Server.History;

/// <summary>One event to append: the rest (user, number, batch, time, source) comes from the writer.</summary>
public sealed record NewActivityEvent(ActivityKind Kind, Guid TaskId, int TaskNumber, string TaskTitle, JsonObject Changes);

/// <summary>
/// Appends events to the activity log: the only writer of it, but for a task's created event on PostgreSQL, which the
/// task's insert writes in its own statement, numbered the same way. Call it in the transaction that makes the change. One
/// statement for any number of events, which takes the user's next event numbers; the user's row stays locked until the
/// transaction commits, so numbers follow commit order and a reader that saw event N has seen every event before it.
/// Whoever watches the user is told once the transaction commits (<see cref="ActivitySignalInterceptor"/>; a writer made
/// without one, outside dependency injection, tells no one).
/// </summary>
public sealed partial class ActivityWriter(TodoDbContext db, ActivityContext context, TimeProvider time, ActivitySignalInterceptor? signals = null)
{
    /// <summary>The most events one statement carries (parameters stay within both databases' limits).</summary>
    private const int ChunkSize = 1000;

    public ActivityContext Context => context;

    public async Task AppendAsync(Guid userId, IReadOnlyList<NewActivityEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        var at = StoredTime.Now(time);
        for (var start = 0; start < events.Count; start += ChunkSize)
        {
            var chunk = events.Skip(start).Take(ChunkSize).ToList();
            await db.Database.ExecuteSqlAsync(Statement(userId, chunk, at), cancellationToken);
        }

        if (signals is not null)
        {
            await signals.ActivityWrittenAsync(db, userId, cancellationToken);
        }
    }

    /// <summary>Tells the user's watchers of events written by a statement of the caller's (after the commit, in a transaction).</summary>
    public Task WrittenAsync(Guid userId, CancellationToken cancellationToken = default) =>
        signals is null ? Task.CompletedTask : signals.ActivityWrittenAsync(db, userId, cancellationToken);

    /// <summary>
    /// PostgreSQL: <paramref name="write"/> (a data-modifying statement with RETURNING) and, when it returned a row, the
    /// events, in one statement; how many rows the write returned. Outside a transaction the statement commits by itself,
    /// so the user's row is locked only for its own commit, and the change and its events cost one round trip.
    /// </summary>
    public async Task<int> WriteAndAppendAsync(
        Guid userId, FormattableString write, IReadOnlyList<NewActivityEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(events);
        if (db is not PostgresTodoDbContext || events.Count is 0 or > ChunkSize)
        {
            throw new NotSupportedException("One statement writes and appends on PostgreSQL, up to " + ChunkSize + " events.");
        }

        var written = await db.Database.SqlQuery<int>(Statement(userId, [.. events], StoredTime.Now(time), write)).ToListAsync(cancellationToken);
        if (written[0] > 0 && signals is not null)
        {
            await signals.ActivityWrittenAsync(db, userId, cancellationToken);
        }

        return written[0];
    }

    private FormattableString Statement(Guid userId, List<NewActivityEvent> events, DateTime at, FormattableString? write = null)
    {
        var postgres = db is PostgresTodoDbContext;
        var arguments = new List<object?>
        {
            userId, events.Count, context.BatchId, at, Name(context.Source), context.UndoesBatchId,
        };
        string Argument(object? value)
        {
            arguments.Add(value);
            return "{" + (arguments.Count - 1) + "}";
        }

        var rows = new StringBuilder();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            rows.Append(i == 0 ? "" : ", ").Append(postgres
                ? $"({Argument(i + 1)}::integer, {Argument(Name(e.Kind))}::text, {Argument(e.TaskId)}::uuid, {Argument(e.TaskNumber)}::integer, {Argument(e.TaskTitle)}::text, {Argument(e.Changes.ToJsonString())}::text)"
                : $"({Argument(i + 1)}, {Argument(Name(e.Kind))}, {Argument(e.TaskId)}, {Argument(e.TaskNumber)}, {Argument(e.TaskTitle)}, {Argument(e.Changes.ToJsonString())})");
        }

        if (write is not null)
        {
            // The write's arguments follow the events'; its placeholders are renumbered after them.
            var offset = arguments.Count;
            arguments.AddRange(write.GetArguments());
            var written = WriteArgument().Replace(write.Format, m => "{" + (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + offset) + "}");
            return FormattableStringFactory.Create($$"""
                WITH written AS ({{written}}),
                taken AS (UPDATE users SET activity_seq = activity_seq + {1} WHERE id = {0} AND EXISTS (SELECT 1 FROM written) RETURNING activity_seq),
                appended AS (
                    INSERT INTO activity (user_id, seq, batch_id, at, source, kind, task_id, task_number, task_title, changes, undoes_batch_id)
                    SELECT {0}, taken.activity_seq - {1} + e.i, {2}, {3}, {4}, e.kind, e.task_id, e.task_number, e.task_title, e.changes, {5}::uuid
                    FROM taken, (VALUES {{rows}}) AS e(i, kind, task_id, task_number, task_title, changes))
                SELECT count(*)::integer AS "Value" FROM written
                """, [.. arguments]);
        }

        var format = postgres
            ? $$"""
               WITH taken AS (UPDATE users SET activity_seq = activity_seq + {1} WHERE id = {0} RETURNING activity_seq)
               INSERT INTO activity (user_id, seq, batch_id, at, source, kind, task_id, task_number, task_title, changes, undoes_batch_id)
               SELECT {0}, taken.activity_seq - {1} + e.i, {2}, {3}, {4}, e.kind, e.task_id, e.task_number, e.task_title, e.changes, {5}::uuid
               FROM taken, (VALUES {{rows}}) AS e(i, kind, task_id, task_number, task_title, changes)
               """
            : $$"""
               UPDATE users SET activity_seq = activity_seq + {1} WHERE id = {0};
               INSERT INTO activity (user_id, seq, batch_id, at, source, kind, task_id, task_number, task_title, changes, undoes_batch_id)
               SELECT {0}, users.activity_seq - {1} + e.column1, {2}, {3}, {4}, e.column2, e.column3, e.column4, e.column5, e.column6, {5}
               FROM users, (VALUES {{rows}}) AS e
               WHERE users.id = {0}
               """;
        return FormattableStringFactory.Create(format, [.. arguments]);
    }

    private static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex WriteArgument();

}
