using Npgsql;
using Todo.Server.Data;

namespace Todo.Tests.Data;

/// <summary>The server's defaults for its PostgreSQL connections, and that a connection string's own settings win.</summary>
public sealed class PostgresPoolDefaultsTests
{
    [Fact]
    public void ConnectionsSkipTheResetAndPrepareTheirFrequentStatementsByDefault()
    {
        var settings = new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithPoolDefaults("Host=db;Database=todo;Username=app"));

        Assert.True(settings.NoResetOnClose);
        Assert.Equal(DatabaseRegistration.AutoPreparedStatements, settings.MaxAutoPrepare);
        Assert.Equal("db", settings.Host);
        Assert.Equal("todo", settings.Database);
        Assert.Equal("app", settings.Username);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false;Max Auto Prepare=0")]
    [InlineData("Host=db;noresetonclose=false;maxautoprepare=0")]
    public void SettingsWrittenInTheConnectionStringWin(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithPoolDefaults(connectionString));

        Assert.False(settings.NoResetOnClose);
        Assert.Equal(0, settings.MaxAutoPrepare);
    }
}
