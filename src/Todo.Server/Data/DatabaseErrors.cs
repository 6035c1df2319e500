using Microsoft.Data.Sqlite;
using Npgsql;

namespace Todo.Server.Data;

/// <summary>Recognises provider errors the application answers on its own (a taken email, an unreachable database).</summary>
public static class DatabaseErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool IsUniqueViolation(Exception e) => e.GetBaseException() switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
                                 && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };

    /// <summary>
    /// The database cannot be reached, is shutting down, or turned this transaction away for now (a deadlock, a
    /// serialization failure, a lock it could not take): a 503 with Retry-After, not a bug.
    /// </summary>
    public static bool IsUnavailable(Exception e)
    {
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
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6: // SQLITE_BUSY, SQLITE_LOCKED
                    return true;
            }
        }

        return false;
    }
}
