using Microsoft.EntityFrameworkCore;
using Npgsql;
using Todo.Server.Data;

namespace Todo.Tests.Data;

/// <summary>Which PostgreSQL errors are the database's passing state (a 503 with Retry-After) and which are not.</summary>
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
}
