using Npgsql;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Data;

/// <summary>Two <c>db migrate</c> processes started at the same moment against one new PostgreSQL database.</summary>
public sealed class ConcurrentMigrationTests(PostgresServer server)
{
    private const int Timeout = 120_000;

    [Fact(Timeout = Timeout)]
    public async Task TwoSimultaneousMigrationsOnANewDatabaseBothSucceedAndLeaveOneHistory()
    {
        await using var db = await ScratchDatabase.CreateAsync(server, "concurrent");

        await MigrateTwiceAtOnceAndCheckAsync(db.ConnectionString, db.Cli);
    }

    [Fact(Timeout = Timeout)]
    public async Task TwoSimultaneousMigrationsOnADatabaseThatDoesNotExistYetCreateItOnceAndMigrateIt()
    {
        var name = "todo_absent_" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = server.ConnectionStringFor(name);
        try
        {
            await MigrateTwiceAtOnceAndCheckAsync(connectionString, ServerEnvironment.Cli(connectionString));
        }
        finally
        {
            using (var connection = new NpgsqlConnection(connectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            await server.DropDatabaseAsync(name);
        }
    }

    private static async Task MigrateTwiceAtOnceAndCheckAsync(string connectionString, TodoCli cli)
    {
        var ct = TestContext.Current.CancellationToken;

        var results = await Task.WhenAll(cli.RunAsync("db", "migrate"), cli.RunAsync("db", "migrate"));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
        // One of them applied the migrations; the other waited its turn and found nothing left to do.
        Assert.Single(results, r => r.StdOut.StartsWith("Applied:", StringComparison.Ordinal));
        Assert.Single(results, r => r.StdOut.Contains("Nothing to apply", StringComparison.Ordinal));

        var status = await Db.StatusAsync(cli);
        Assert.Empty(status.Pending);
        Assert.Empty(status.Unknown);
        var history = await PgCatalog.HistoryAsync(connectionString, ct);
        Assert.Equal(status.Applied.Order(StringComparer.Ordinal), history);
        Assert.Equal(history.Count, history.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("00000000000001_InitialSchema", history);

        var verify = await cli.RunAsync("db", "verify");
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }
}
