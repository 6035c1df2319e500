using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Data;

/// <summary>
/// Migration 007 through the <c>db</c> command on a database that already holds two users and their tasks: each user
/// gains exactly one Inbox, every task lands in its owner's Inbox with priority none and no labels, the schema
/// verifies; migration 008 gives labels written before it their task's number; a rollback to 006 removes lists, labels
/// and the new columns and keeps the tasks; migrating again verifies.
/// </summary>
public sealed class ListsMigrationTests(PostgresServer server)
{
    private const int Timeout = 180_000;

    private static readonly string[] Users = ["aaaaaaaa-0000-0000-0000-000000000001", "aaaaaaaa-0000-0000-0000-000000000002"];
    private static readonly string[] Tasks = ["bbbbbbbb-0000-0000-0000-000000000001", "bbbbbbbb-0000-0000-0000-000000000002", "bbbbbbbb-0000-0000-0000-000000000003"];

    [Fact(Timeout = Timeout)]
    public async Task PostgresGivesEveryUserAnInboxHoldingTheirTasksAndRollsBackCleanly()
    {
        await using var db = await ScratchDatabase.CreateAsync(server, "lists");
        await RoundTripAsync(db.Cli, async () =>
        {
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            return connection;
        }, uuid: id => $"'{id}'",
        columnsSql: "SELECT string_agg(column_name, ',' ORDER BY column_name) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'tasks'",
        tablesSql: "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('lists', 'task_labels')");
    }

    [Fact(Timeout = Timeout)]
    public async Task SqliteGivesEveryUserAnInboxHoldingTheirTasksAndRollsBackCleanly()
    {
        var directory = Directory.CreateTempSubdirectory("todo-lists-").FullName;
        var path = Path.Combine(directory, "todo.db");
        try
        {
            await RoundTripAsync(ServerEnvironment.Cli("Data Source=" + path), async () =>
            {
                var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                return connection;
            }, uuid: id => $"'{id.ToUpperInvariant()}'",
            columnsSql: "SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('tasks') ORDER BY name)",
            tablesSql: "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('lists', 'task_labels') ORDER BY name)");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task RoundTripAsync(TodoCli cli, Func<Task<DbConnection>> open, Func<string, string> uuid, string columnsSql, string tablesSql)
    {
        const string OldColumns = "completed_at,created_at,description,id,is_completed,number,title,updated_at,user_id";
        const string NewColumns = "completed_at,created_at,description,id,is_completed,list_id,number,priority,title,updated_at,user_id";
        await Db.RunOkAsync(cli, "db", "migrate", "6");
        await using (var connection = await open())
        {
            Assert.Equal(OldColumns, await Db.ScalarAsync(connection, columnsSql));
            await Db.ExecuteAsync(connection, $"""
                INSERT INTO users (id, email, hashed_password, created_at, updated_at, is_active, task_number_seq, security_stamp)
                VALUES ({uuid(Users[0])}, 'a@example.com', 'x', '2024-01-01 00:00:00', '2024-01-01 00:00:00', TRUE, 2, 's'),
                       ({uuid(Users[1])}, 'b@example.com', 'x', '2024-01-01 00:00:00', '2024-01-01 00:00:00', TRUE, 1, 's');
                INSERT INTO tasks (id, user_id, number, title, is_completed, created_at, updated_at)
                VALUES ({uuid(Tasks[0])}, {uuid(Users[0])}, 1, 'Milk', FALSE, '2024-01-01 00:00:00', '2024-01-01 00:00:00'),
                       ({uuid(Tasks[1])}, {uuid(Users[0])}, 2, 'Eggs', TRUE, '2024-01-01 00:00:00', '2024-01-01 00:00:00'),
                       ({uuid(Tasks[2])}, {uuid(Users[1])}, 1, 'Bread', FALSE, '2024-01-01 00:00:00', '2024-01-01 00:00:00');
                """);
        }

        var migrate = await cli.RunAsync("db", "migrate", "7");
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.Contains("00000000000007_ListsLabelsPriority", migrate.StdOut, StringComparison.Ordinal);
        await using (var connection = await open())
        {
            Assert.Equal(NewColumns, await Db.ScalarAsync(connection, columnsSql));
            Assert.Equal("lists,task_labels", await Db.ScalarAsync(connection, tablesSql));
            foreach (var user in Users)
            {
                Assert.Equal("1", await Db.ScalarAsync(connection, $"SELECT count(*) FROM lists WHERE user_id = {uuid(user)} AND is_inbox AND name = 'Inbox' AND normalized_name = 'inbox'"));
                Assert.Equal("0", await Db.ScalarAsync(connection, $"""
                    SELECT count(*) FROM tasks WHERE user_id = {uuid(user)}
                    AND list_id <> (SELECT id FROM lists WHERE user_id = {uuid(user)} AND is_inbox)
                    """));
            }

            Assert.Equal("2", await Db.ScalarAsync(connection, "SELECT count(*) FROM lists"));
            Assert.Equal("3", await Db.ScalarAsync(connection, "SELECT count(*) FROM tasks WHERE priority = 0"));
            Assert.Equal("0", await Db.ScalarAsync(connection, "SELECT count(*) FROM task_labels"));
            await Db.ExecuteAsync(connection, $"""
                INSERT INTO task_labels (task_id, user_id, label)
                VALUES ({uuid(Tasks[1])}, {uuid(Users[0])}, 'errands'), ({uuid(Tasks[2])}, {uuid(Users[1])}, 'errands');
                """);
        }

        // Migration 008: the labels written before it take their task's number.
        await Db.RunOkAsync(cli, "db", "migrate");
        await Db.AssertVerifiesAsync(cli);
        await using (var connection = await open())
        {
            Assert.Equal("2", await Db.ScalarAsync(connection, $"SELECT task_number FROM task_labels WHERE task_id = {uuid(Tasks[1])}"));
            Assert.Equal("1", await Db.ScalarAsync(connection, $"SELECT task_number FROM task_labels WHERE task_id = {uuid(Tasks[2])}"));
        }

        var rollback = await cli.RunAsync("db", "rollback", "6");
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains("00000000000007_ListsLabelsPriority", rollback.StdOut, StringComparison.Ordinal);
        await using (var connection = await open())
        {
            Assert.Equal(OldColumns, await Db.ScalarAsync(connection, columnsSql));
            Assert.Null(await Db.ScalarAsync(connection, tablesSql));
            Assert.Equal("3", await Db.ScalarAsync(connection, "SELECT count(*) FROM tasks"));
            Assert.Equal("Eggs", await Db.ScalarAsync(connection, $"SELECT title FROM tasks WHERE id = {uuid(Tasks[1])}"));
        }

        await Db.RunOkAsync(cli, "db", "migrate");
        await Db.AssertVerifiesAsync(cli);
        await using (var connection = await open())
        {
            Assert.Equal("2", await Db.ScalarAsync(connection, "SELECT count(*) FROM lists WHERE is_inbox"));
        }
    }
}
