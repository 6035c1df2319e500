using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Todo.Tests.Data;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Accounts;

/// <summary>
/// Migration 005 through the <c>db</c> command on a database that already holds users: each gets a security stamp
/// of its own, the schema verifies, and a rollback to 004 removes the column and keeps the users.
/// </summary>
public sealed class SecurityStampMigrationTests(PostgresServer server)
{
    private const int Timeout = 180_000;

    private static readonly string[] Users =
        ["aaaaaaaa-0000-0000-0000-000000000001", "bbbbbbbb-0000-0000-0000-000000000002", "cccccccc-0000-0000-0000-000000000003"];

    [Fact(Timeout = Timeout)]
    public async Task PostgresGivesEveryExistingUserAStampOfTheirOwnAndRollsBackCleanly()
    {
        await using var db = await ScratchDatabase.CreateAsync(server, "stamps");
        await RoundTripAsync(db.Cli, async () =>
        {
            var connection = new NpgsqlConnection(db.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            return connection;
        }, uuid: id => $"'{id}'", hasStampColumnSql: """
            SELECT count(*) FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = 'users' AND column_name = 'security_stamp'
            """);
    }

    [Fact(Timeout = Timeout)]
    public async Task SqliteGivesEveryExistingUserAStampOfTheirOwnAndRollsBackCleanly()
    {
        var directory = Directory.CreateTempSubdirectory("todo-stamps-").FullName;
        var path = Path.Combine(directory, "todo.db");
        try
        {
            await RoundTripAsync(ServerEnvironment.Cli("Data Source=" + path), async () =>
            {
                var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                return connection;
            }, uuid: id => $"'{id.ToUpperInvariant()}'", // as EF Core stores GUIDs on SQLite
            hasStampColumnSql: "SELECT count(*) FROM pragma_table_info('users') WHERE name = 'security_stamp'");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task RoundTripAsync(TodoCli cli, Func<Task<DbConnection>> open, Func<string, string> uuid, string hasStampColumnSql)
    {
        await Db.RunOkAsync(cli, "db", "migrate", "4");
        await using (var connection = await open())
        {
            for (var i = 0; i < Users.Length; i++)
            {
                await ExecuteAsync(connection, $"""
                    INSERT INTO users (id, email, hashed_password, created_at, updated_at, is_active, task_number_seq)
                    VALUES ({uuid(Users[i])}, 'u{i}@example.com', 'x', '2024-01-01 00:00:00', '2024-01-01 00:00:00', TRUE, 0)
                    """);
            }
        }

        await Db.RunOkAsync(cli, "db", "migrate");
        var verify = await cli.RunAsync("db", "verify");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("The live schema matches the model.", verify.StdOut, StringComparison.Ordinal);
        await AssertStampedAsync(open);

        await Db.RunOkAsync(cli, "db", "rollback", "4");
        await using (var connection = await open())
        {
            Assert.Equal(0L, await ScalarAsync(connection, hasStampColumnSql));
            Assert.Equal(3L, await ScalarAsync(connection, "SELECT count(*) FROM users"));
        }

        await Db.RunOkAsync(cli, "db", "migrate");
        await Db.RunOkAsync(cli, "db", "verify");
        await AssertStampedAsync(open);
    }

    private static async Task AssertStampedAsync(Func<Task<DbConnection>> open)
    {
        await using var connection = await open();
        var stamps = await StringsAsync(connection, "SELECT security_stamp FROM users ORDER BY email");
        Assert.Equal(3, stamps.Count);
        Assert.All(stamps, stamp => Assert.Matches("^[0-9a-f]{32}$", stamp));
        Assert.Equal(3, stamps.Distinct(StringComparer.Ordinal).Count());
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> StringsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
