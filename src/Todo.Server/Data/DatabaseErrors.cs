using Microsoft.Data.Sqlite;
using Npgsql;

namespace Todo.Server.Data;

/// <summary>
/// Recognises provider errors the application answers on its own (a taken email, a removed account, an unreachable
/// or unwritable database).
/// </summary>
public static class DatabaseErrors
{
    // SQLite primary result codes; an extended code carries its primary code in its low byte.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintForeignKey = 787;

    public static bool IsUniqueViolation(Exception e) => e.GetBaseException() switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
                                 && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };

    /// <summary>A row refers to one that does not exist (for a user's own rows: the account was removed).</summary>
    public static bool IsForeignKeyViolation(Exception e) => e.GetBaseException() switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint && sqlite.SqliteExtendedErrorCode == SqliteConstraintForeignKey,
        _ => false,
    };

    /// <summary>
    /// The database answers but takes no changes: a read-only file or volume, a PostgreSQL standby or
    /// default_transaction_read_only, a full disk, a failing disk. Reads may still work.
    /// </summary>
    public static bool IsNotWritable(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException pg:
                    // 25006 read_only_sql_transaction, 53100 disk_full, 58030 io_error.
                    return pg.SqlState is PostgresErrorCodes.ReadOnlySqlTransaction or PostgresErrorCodes.DiskFull or PostgresErrorCodes.IoError;
                case SqliteException sqlite:
                    // SQLITE_READONLY and its extended codes (READONLY_DIRECTORY, _CANTINIT, ...), SQLITE_FULL,
                    // SQLITE_IOERR and its extended codes (a write or fsync the file system refused).
                    return (sqlite.SqliteExtendedErrorCode & 0xFF) is SqliteReadOnly or SqliteFull or SqliteIoError
                           || sqlite.SqliteErrorCode is SqliteReadOnly or SqliteFull or SqliteIoError;
            }
        }

        return false;
    }

    /// <summary>
    /// The database cannot be reached, is shutting down, takes no changes (<see cref="IsNotWritable"/>), or turned
    /// this transaction away for now (a deadlock, a serialization failure, a lock it could not take): a 503 with
    /// Retry-After, not a bug.
    /// </summary>
    public static bool IsUnavailable(Exception e)
    {
        if (IsNotWritable(e))
        {
            return true;
        }

        for (var current = e; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException pg:
                    // Class 08 (connection), 57P (operator intervention: shutdown, cannot connect now), 53 (resources),
                    // 40 (transaction rollback: serialization failure, deadlock), 55P03 (lock not available).
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal)
                           || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)
                           || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
                           || pg.SqlState.StartsWith("40", StringComparison.Ordinal)
                           || pg.SqlState == PostgresErrorCodes.LockNotAvailable;
                case NpgsqlException:
                case System.Net.Sockets.SocketException:
                case TimeoutException:
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteCantOpen:
                    return true;
            }
        }

        return false;
    }

    /// <summary>What a client is told about an <see cref="IsUnavailable"/> failure.</summary>
    public static string DescribeUnavailable(Exception e) => IsNotWritable(e)
        ? "The database is not accepting changes right now (read-only or out of space); nothing was changed. Try again shortly."
        : "The database is unavailable; try again shortly.";
}
