using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Todo.Server.Data;

/// <summary>
/// A SQLite connection opened while its file could not be written (a read-only volume or file) stays read-only for
/// as long as it lives, and the pool keeps it. When a statement finds the database not writable, the pool is emptied
/// (connections in use are closed when they come back), so connections opened once the file is writable again can
/// write: the server recovers without a restart.
/// </summary>
public sealed class SqliteReadOnlyPoolReset : DbCommandInterceptor
{
    public static readonly SqliteReadOnlyPoolReset Instance = new();

    private SqliteReadOnlyPoolReset()
    {
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ResetWhenNotWritable(command, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ResetWhenNotWritable(command, eventData.Exception);
        return Task.CompletedTask;
    }

    private static void ResetWhenNotWritable(DbCommand command, Exception exception)
    {
        if (command.Connection is SqliteConnection connection && DatabaseErrors.IsNotWritable(exception))
        {
            SqliteConnection.ClearPool(connection);
        }
    }
}
