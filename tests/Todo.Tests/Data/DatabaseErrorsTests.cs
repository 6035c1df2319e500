using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Todo.Server.Data;

namespace Todo.Tests.Data;

/// <summary>Which provider errors are the database's passing state (a 503 with Retry-After), a database that takes no writes, or a removed account's rows.</summary>
public sealed class DatabaseErrorsTests
{
    [Theory]
    [InlineData("40P01")] // deadlock detected
    [InlineData("40001")] // serialization failure
    [InlineData("55P03")] // lock not available
    [InlineData("08006")] // connection failure
    [InlineData("57P01")] // admin shutdown
    [InlineData("53300")] // too many connections
    public void TransientPostgresErrorsAreUnavailableEvenWrappedByEfCore(string sqlState)
    {
        var error = new PostgresException("failed", "ERROR", "ERROR", sqlState);

        Assert.True(DatabaseErrors.IsUnavailable(error));
        Assert.True(DatabaseErrors.IsUnavailable(new DbUpdateException("saving failed", error)));
    }

    [Theory]
    [InlineData("23505")] // unique violation: the caller answers it (409)
    [InlineData("23503")] // foreign key violation
    [InlineData("22001")] // string too long
    [InlineData("42P01")] // undefined table: a bug or a missing migration
    public void OtherPostgresErrorsAreNot(string sqlState) =>
        Assert.False(DatabaseErrors.IsUnavailable(new PostgresException("failed", "ERROR", "ERROR", sqlState)));

    [Theory]
    [InlineData("25006")] // read_only_sql_transaction: a standby, or default_transaction_read_only
    [InlineData("53100")] // disk_full
    [InlineData("58030")] // io_error
    public void PostgresRefusingWritesIsNotWritableAndUnavailable(string sqlState)
    {
        var error = new DbUpdateException("saving failed", new PostgresException("failed", "ERROR", "ERROR", sqlState));

        Assert.True(DatabaseErrors.IsNotWritable(error));
        Assert.True(DatabaseErrors.IsUnavailable(error));
        Assert.Contains("not accepting changes", DatabaseErrors.DescribeUnavailable(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8, 8)] // SQLITE_READONLY
    [InlineData(8, 1544)] // SQLITE_READONLY_DIRECTORY
    [InlineData(8, 520)] // SQLITE_READONLY_CANTLOCK
    [InlineData(13, 13)] // SQLITE_FULL
    [InlineData(10, 778)] // SQLITE_IOERR_WRITE
    [InlineData(10, 1034)] // SQLITE_IOERR_FSYNC
    public void SqliteRefusingWritesIsNotWritableAndUnavailable(int code, int extendedCode)
    {
        var error = new DbUpdateException("saving failed", new SqliteException("failed", code, extendedCode));

        Assert.True(DatabaseErrors.IsNotWritable(error));
        Assert.True(DatabaseErrors.IsUnavailable(error));
    }

    [Theory]
    [InlineData(5, 5)] // SQLITE_BUSY: unavailable for now, yet writable
    [InlineData(19, 787)] // SQLITE_CONSTRAINT_FOREIGNKEY
    [InlineData(19, 2067)] // SQLITE_CONSTRAINT_UNIQUE
    public void OtherSqliteErrorsAreWritable(int code, int extendedCode) =>
        Assert.False(DatabaseErrors.IsNotWritable(new SqliteException("failed", code, extendedCode)));

    [Fact]
    public void ForeignKeyViolationsAreRecognisedOnBothProviders()
    {
        Assert.True(DatabaseErrors.IsForeignKeyViolation(new DbUpdateException("saving failed", new PostgresException("failed", "ERROR", "ERROR", "23503"))));
        Assert.True(DatabaseErrors.IsForeignKeyViolation(new DbUpdateException("saving failed", new SqliteException("failed", 19, 787))));
        Assert.False(DatabaseErrors.IsForeignKeyViolation(new SqliteException("failed", 19, 2067)));
        Assert.False(DatabaseErrors.IsForeignKeyViolation(new PostgresException("failed", "ERROR", "ERROR", "23505")));
    }
}
