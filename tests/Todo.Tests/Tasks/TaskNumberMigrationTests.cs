using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Todo.Tests.Data;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Tasks;

/// <summary>
/// Migration 002 through the <c>db</c> command on a database that already holds tasks: numbers are given per
/// user in creation order (ties by id), each user's counter continues after them, the schema verifies, and a
/// rollback to 001 and a new migrate give the same result.
/// </summary>
public sealed class TaskNumberMigrationTests(PostgresServer server)
{
    private const int Timeout = 180_000;
    private const string UserA = "aaaaaaaa-0000-0000-0000-000000000001";
    private const string UserB = "bbbbbbbb-0000-0000-0000-000000000002";
    private const string UserC = "cccccccc-0000-0000-0000-000000000003";

    // (id, user, title, created): inserted out of order; t2a and t2b were created at the same moment, t2b has the lower id.
    private static readonly (string Id, string User, string Title, string Created)[] Tasks =
    [
        ("00000000-0000-0000-0000-00000000000b", UserA, "t3", "2024-01-03 00:00:00"),
        ("00000000-0000-0000-0000-00000000000a", UserA, "t1", "2024-01-01 00:00:00"),
        ("00000000-0000-0000-0000-00000000000c", UserA, "t2a", "2024-01-02 00:00:00"),
        ("00000000-0000-0000-0000-000000000001", UserA, "t2b", "2024-01-02 00:00:00"),
        ("00000000-0000-0000-0000-000000000009", UserB, "b1", "2024-01-05 00:00:00"),
    ];

    private static readonly string[] ExpectedNumbers = ["b1=1", "t1=1", "t2a=3", "t2b=2", "t3=4"];
    private static readonly string[] ExpectedCounters = ["a=4", "b=1", "c=0"];

    [Fact(Timeout = Timeout)]
    public async Task PostgresBackfillsNumbersPerUserInCreationOrderAndRollsBackCleanly()
    {
        await using var db = await ScratchDatabase.CreateAsync(server, "numbers");
        await RoundTripAsync(db.Cli, async () =>
        {
            var connection = new NpgsqlConnection(db.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            return connection;
        }, uuid: id => $"'{id}'", hasNumberColumnSql: """
            SELECT count(*) FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = 'tasks' AND column_name = 'number'
            """);
    }

    [Fact(Timeout = Timeout)]
    public async Task SqliteBackfillsNumbersPerUserInCreationOrderAndRollsBackCleanly()
    {
        var directory = Directory.CreateTempSubdirectory("todo-numbers-").FullName;
        var path = Path.Combine(directory, "todo.db");
        try
        {
            await RoundTripAsync(ServerEnvironment.Cli("Data Source=" + path), async () =>
            {
                var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                return connection;
            }, uuid: id => $"'{id.ToUpperInvariant()}'", // as EF Core stores GUIDs on SQLite
            hasNumberColumnSql: "SELECT count(*) FROM pragma_table_info('tasks') WHERE name = 'number'");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task RoundTripAsync(TodoCli cli, Func<Task<DbConnection>> open, Func<string, string> uuid, string hasNumberColumnSql)
    {
        await Db.RunOkAsync(cli, "db", "migrate", "1");
        await using (var connection = await open())
        {
            foreach (var (user, email) in new[] { (UserA, "a"), (UserB, "b"), (UserC, "c") })
            {
                await ExecuteAsync(connection, $"""
                    INSERT INTO users (id, email, hashed_password, created_at, updated_at, is_active)
                    VALUES ({uuid(user)}, '{email}@example.com', 'x', '2024-01-01 00:00:00', '2024-01-01 00:00:00', TRUE)
                    """);
            }

            foreach (var (id, user, title, created) in Tasks)
            {
                await ExecuteAsync(connection, $"""
                    INSERT INTO tasks (id, user_id, title, description, is_completed, created_at, updated_at, completed_at)
                    VALUES ({uuid(id)}, {uuid(user)}, '{title}', NULL, FALSE, '{created}', '{created}', NULL)
                    """);
            }
        }

        await Db.RunOkAsync(cli, "db", "migrate");
        var verify = await cli.RunAsync("db", "verify");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("The live schema matches the model.", verify.StdOut, StringComparison.Ordinal);
        await AssertNumberedAsync(open);

        await Db.RunOkAsync(cli, "db", "rollback", "1");
        await using (var connection = await open())
        {
            Assert.Equal(0L, await ScalarAsync(connection, hasNumberColumnSql));
            Assert.Equal(5L, await ScalarAsync(connection, "SELECT count(*) FROM tasks"));
        }

        await Db.RunOkAsync(cli, "db", "migrate");
        await Db.RunOkAsync(cli, "db", "verify");
        await AssertNumberedAsync(open);
    }

    private static async Task AssertNumberedAsync(Func<Task<DbConnection>> open)
    {
        await using var connection = await open();
        var numbers = await StringsAsync(connection, "SELECT title || '=' || number FROM tasks ORDER BY title");
        var counters = await StringsAsync(connection, "SELECT substr(email, 1, 1) || '=' || task_number_seq FROM users ORDER BY email");
        Assert.Equal(ExpectedNumbers, numbers);
        Assert.Equal(ExpectedCounters, counters);
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
