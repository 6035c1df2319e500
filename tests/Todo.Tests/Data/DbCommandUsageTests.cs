using Microsoft.Data.Sqlite;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Data;

/// <summary>The <c>db</c> command's exit codes for mistakes: 2 with the usage for a wrong command line, 1 with one line for a wrong target.</summary>
public sealed class DbCommandUsageTests : IDisposable
{
    private const int Timeout = 60_000;

    private readonly string _directory = Directory.CreateTempSubdirectory("todo-usage-").FullName;

    private string DatabasePath => Path.Combine(_directory, "todo.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory(Timeout = Timeout)]
    [InlineData("db", "frobnicate")]
    [InlineData("db")]
    [InlineData("db", "verify", "extra")]
    [InlineData("db", "migrate", "1", "2")]
    public async Task WrongCommandLineExitsTwoWithTheUsageOnStandardError(params string[] args)
    {
        var result = await ServerEnvironment.Cli("Data Source=" + DatabasePath).RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Usage:", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("migrate", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("rollback", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("verify", result.StdErr, StringComparison.Ordinal);
        Assert.Equal("", result.StdOut);
    }

    [Fact(Timeout = Timeout)]
    public async Task MigrateToAnUnknownTargetExitsOneWithAOneLineReasonAndAppliesNothing()
    {
        var result = await ServerEnvironment.Cli("Data Source=" + DatabasePath).RunAsync("db", "migrate", "nosuchmigration");

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(Db.ErrorLines(result));
        Assert.Contains("nosuchmigration", line, StringComparison.Ordinal);
        Assert.Equal(0L, await CountApplicationTablesAsync());
    }

    [Fact(Timeout = Timeout)]
    public async Task RollbackToAnUnknownTargetExitsOneWithAOneLineReason()
    {
        var cli = ServerEnvironment.Cli("Data Source=" + DatabasePath);
        await Db.RunOkAsync(cli, "db", "migrate");

        var result = await cli.RunAsync("db", "rollback", "nosuchmigration");

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(Db.ErrorLines(result));
        Assert.Contains("nosuchmigration", line, StringComparison.Ordinal);
        Assert.Equal(4L, await CountApplicationTablesAsync());
    }

    [Theory(Timeout = Timeout)]
    [InlineData("Foo=bar")]
    [InlineData("this is not a connection string")]
    public async Task InvalidConnectionStringMakesDbStatusExitOneWithAOneLineReasonNamingTheSetting(string connectionString)
    {
        var result = await ServerEnvironment.Cli(connectionString).RunAsync("db", "status");

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(Db.ErrorLines(result));
        Assert.Contains("ConnectionStrings:Todo", line, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task UnreachablePostgresMakesDbStatusExitOneWithAOneLineReason()
    {
        var port = FreePort.Next();
        var result = await ServerEnvironment.Cli($"Host=127.0.0.1;Port={port};Database=todo;Username=postgres;Timeout=5").RunAsync("db", "status");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Single(Db.ErrorLines(result));
    }

    private async Task<long> CountApplicationTablesAsync()
    {
        if (!File.Exists(DatabasePath))
        {
            return 0;
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('users', 'tasks', 'conversations', 'messages')";
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
