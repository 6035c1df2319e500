using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Todo.Server.Data;

/// <summary>
/// Queues this process's SQLite writers, one at a time per database file. SQLite admits one writer; a second one is
/// turned away with SQLITE_BUSY, and Microsoft.Data.Sqlite retries it after blocking its thread for 150 ms, so
/// under concurrent writes requests sleep whole retries (p99 of a create on the benchmark: 0.5–2 s) while the file
/// sits idle. Here a write transaction, or a write statement outside one, first awaits its file's turn without
/// holding a thread, and gives the turn back when it commits, rolls back or fails, when the statement is done, or
/// at the latest when its connection closes. Reads never wait (WAL lets them run beside the writer). Writers in
/// other processes (the <c>db</c> and <c>users</c> commands) still meet SQLite's own locking and retries.
/// </summary>
public sealed class SqliteWriteGate : IDbConnectionInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Turns = new(StringComparer.Ordinal);

    // What each connection (EF's RelationalConnection, by its id) holds: one turn, for its transaction or for one
    // statement. A connection is used by one flow at a time, so an entry is only ever touched by its owner.
    private readonly ConcurrentDictionary<Guid, Turn> held = new();

    private SqliteWriteGate()
    {
    }

    private sealed record Turn(SemaphoreSlim Gate, DbCommand? Statement);

    /// <summary>True for statements that write: those that start with INSERT, UPDATE, DELETE or REPLACE.</summary>
    public static bool Writes(string sql)
    {
        var text = sql.AsSpan();
        while (true)
        {
            text = text.TrimStart();
            if (!text.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }

            var lineEnd = text.IndexOf('\n');
            text = lineEnd < 0 ? [] : text[(lineEnd + 1)..];
        }

        return text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("REPLACE", StringComparison.OrdinalIgnoreCase);
    }

    private static SemaphoreSlim? GateOf(DbConnection? connection) =>
        connection?.DataSource is { Length: > 0 } file && file != ":memory:"
            ? Turns.GetOrAdd(file, _ => new SemaphoreSlim(1, 1))
            : null;

    /// <summary>The gate this connection must wait at; null when it already holds a turn or is not a file.</summary>
    private SemaphoreSlim? GateToTake(Guid connectionId, DbConnection? connection) =>
        held.ContainsKey(connectionId) ? null : GateOf(connection);

    private async ValueTask TakeAsync(Guid connectionId, DbConnection? connection, DbCommand? statement, CancellationToken cancellationToken)
    {
        if (GateToTake(connectionId, connection) is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
            held[connectionId] = new Turn(gate, statement);
        }
    }

    private void Take(Guid connectionId, DbConnection? connection, DbCommand? statement)
    {
        if (GateToTake(connectionId, connection) is { } gate)
        {
            gate.Wait();
            held[connectionId] = new Turn(gate, statement);
        }
    }

    private void GiveBack(Guid connectionId, Func<Turn, bool> when)
    {
        if (held.TryGetValue(connectionId, out var turn) && when(turn) && held.TryRemove(connectionId, out _))
        {
            turn.Gate.Release();
        }
    }

    private void GiveBackTransaction(Guid connectionId) => GiveBack(connectionId, turn => turn.Statement is null);

    private void GiveBackStatement(Guid connectionId, DbCommand command) => GiveBack(connectionId, turn => ReferenceEquals(turn.Statement, command));

    private static bool WritesOutsideTransaction(DbCommand command) => command.Transaction is null && Writes(command.CommandText);

    private ValueTask TakeForStatementAsync(DbCommand command, CommandEventData eventData, CancellationToken cancellationToken) =>
        WritesOutsideTransaction(command)
            ? TakeAsync(eventData.ConnectionId, command.Connection, command, cancellationToken)
            : ValueTask.CompletedTask;

    private void TakeForStatement(DbCommand command, CommandEventData eventData)
    {
        if (WritesOutsideTransaction(command))
        {
            Take(eventData.ConnectionId, command.Connection, command);
        }
    }

    // Transactions: Microsoft.Data.Sqlite begins them IMMEDIATE, so each one is a writer from its start.

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await TakeAsync(eventData.ConnectionId, connection, statement: null, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Take(eventData.ConnectionId, connection, statement: null);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => GiveBackTransaction(eventData.ConnectionId);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        GiveBackTransaction(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => GiveBackTransaction(eventData.ConnectionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        GiveBackTransaction(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => GiveBackTransaction(eventData.ConnectionId);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        GiveBackTransaction(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    // Write statements outside a transaction (autocommit): the turn lasts until the statement is done.

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await TakeForStatementAsync(command, eventData, cancellationToken);
        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        TakeForStatement(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await TakeForStatementAsync(command, eventData, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        TakeForStatement(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await TakeForStatementAsync(command, eventData, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        TakeForStatement(command, eventData);
        return result;
    }

    // A reader's statement is done when the reader is disposed: SQLite commits an autocommit write when it resets it.

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        GiveBackStatement(eventData.ConnectionId, command);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        GiveBackStatement(eventData.ConnectionId, command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        GiveBackStatement(eventData.ConnectionId, command);
        return ValueTask.FromResult(result);
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        GiveBackStatement(eventData.ConnectionId, command);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        GiveBackStatement(eventData.ConnectionId, command);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => GiveBackStatement(eventData.ConnectionId, command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        GiveBackStatement(eventData.ConnectionId, command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => GiveBackStatement(eventData.ConnectionId, command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        GiveBackStatement(eventData.ConnectionId, command);
        return Task.CompletedTask;
    }

    // Whatever a connection still holds when it closes (a transaction disposed without commit or rollback) goes back.

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => GiveBack(eventData.ConnectionId, _ => true);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        GiveBack(eventData.ConnectionId, _ => true);
        return Task.CompletedTask;
    }
}
