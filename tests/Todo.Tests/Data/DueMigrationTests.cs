using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Data;

/// <summary>
/// Migration 009 through the <c>db</c> command on a database that already holds a user and tasks: the user's time zone is
/// UTC, every task has no due (and sorts after every dated one), the schema verifies; a rollback to 008 removes the due
/// columns and the time zone and keeps the tasks; migrating again verifies.
/// </summary>
public sealed class DueMigrationTests(PostgresServer server)
{
    private const int Timeout = 180_000;

    private const string User = "cccccccc-0000-0000-0000-000000000001";
    private const string List = "dddddddd-0000-0000-0000-000000000001";
    private static readonly string[] Tasks = ["eeeeeeee-0000-0000-0000-000000000001", "eeeeeeee-0000-0000-0000-000000000002"];

    [Fact(Timeout = Timeout)]
    public async Task PostgresLeavesEveryTaskUndatedInUtcAndRollsBackCleanly()
    {
        await using var db = await ScratchDatabase.CreateAsync(server, "dues");
        await RoundTripAsync(db.Cli, async () =>
        {
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            return connection;
        }, uuid: id => $"'{id}'",
        columnsSql: "SELECT string_agg(column_name, ',' ORDER BY column_name) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'tasks' AND column_name LIKE 'due%'",
        userColumnSql: "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'users' AND column_name = 'time_zone'",
        undatedYearSql: "SELECT DISTINCT EXTRACT(YEAR FROM due_order)::int FROM tasks");
    }

    [Fact(Timeout = Timeout)]
    public async Task SqliteLeavesEveryTaskUndatedInUtcAndRollsBackCleanly()
    {
        var directory = Directory.CreateTempSubdirectory("todo-dues-").FullName;
        var path = Path.Combine(directory, "todo.db");
        try
        {
            await RoundTripAsync(ServerEnvironment.Cli("Data Source=" + path), async () =>
            {
                var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                return connection;
            }, uuid: id => $"'{id.ToUpperInvariant()}'",
            columnsSql: "SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('tasks') WHERE name LIKE 'due%' ORDER BY name)",
            userColumnSql: "SELECT count(*) FROM pragma_table_info('users') WHERE name = 'time_zone'",
            undatedYearSql: "SELECT DISTINCT substr(due_order, 1, 4) FROM tasks");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task RoundTripAsync(
        TodoCli cli, Func<Task<DbConnection>> open, Func<string, string> uuid, string columnsSql, string userColumnSql, string undatedYearSql)
    {
        const string DueColumns = "due_at,due_date,due_from_completion,due_order,due_recurrence,due_time,due_time_zone";
        await Db.RunOkAsync(cli, "db", "migrate", "8");
        await using (var connection = await open())
        {
            Assert.Null(await Db.ScalarAsync(connection, columnsSql));
            await Db.ExecuteAsync(connection, $"""
                INSERT INTO users (id, email, hashed_password, created_at, updated_at, is_active, task_number_seq, security_stamp)
                VALUES ({uuid(User)}, 'due@example.com', 'x', '2024-01-01 00:00:00', '2024-01-01 00:00:00', TRUE, 2, 's');
                INSERT INTO lists (id, user_id, name, normalized_name, is_inbox, created_at, updated_at)
                VALUES ({uuid(List)}, {uuid(User)}, 'Inbox', 'inbox', TRUE, '2024-01-01 00:00:00', '2024-01-01 00:00:00');
                INSERT INTO tasks (id, user_id, number, title, is_completed, created_at, updated_at, list_id, priority)
                VALUES ({uuid(Tasks[0])}, {uuid(User)}, 1, 'Milk', FALSE, '2024-01-01 00:00:00', '2024-01-01 00:00:00', {uuid(List)}, 0),
                       ({uuid(Tasks[1])}, {uuid(User)}, 2, 'Eggs', TRUE, '2024-01-01 00:00:00', '2024-01-01 00:00:00', {uuid(List)}, 2);
                """);
        }

        var migrate = await cli.RunAsync("db", "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.Contains("00000000000009_DueDatesTimeZones", migrate.StdOut, StringComparison.Ordinal);
        await Db.AssertVerifiesAsync(cli);
        await using (var connection = await open())
        {
            Assert.Equal(DueColumns, await Db.ScalarAsync(connection, columnsSql));
            Assert.Equal("UTC", await Db.ScalarAsync(connection, $"SELECT time_zone FROM users WHERE id = {uuid(User)}"));
            Assert.Equal("2", await Db.ScalarAsync(connection, """
                SELECT count(*) FROM tasks WHERE due_date IS NULL AND due_time IS NULL AND due_at IS NULL AND due_time_zone IS NULL
                AND due_recurrence IS NULL AND due_from_completion = FALSE
                """));
            Assert.Equal("9999", await Db.ScalarAsync(connection, undatedYearSql));
        }

        var rollback = await cli.RunAsync("db", "rollback", "8");
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains("00000000000009_DueDatesTimeZones", rollback.StdOut, StringComparison.Ordinal);
        await using (var connection = await open())
        {
            Assert.Null(await Db.ScalarAsync(connection, columnsSql));
            Assert.Equal("0", await Db.ScalarAsync(connection, userColumnSql));
            Assert.Equal("2", await Db.ScalarAsync(connection, "SELECT count(*) FROM tasks"));
            Assert.Equal("Eggs", await Db.ScalarAsync(connection, $"SELECT title FROM tasks WHERE id = {uuid(Tasks[1])}"));
        }

        await Db.RunOkAsync(cli, "db", "migrate");
        await Db.AssertVerifiesAsync(cli);
    }
}
