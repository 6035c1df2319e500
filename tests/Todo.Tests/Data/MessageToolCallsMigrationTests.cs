using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Data;

/// <summary>
/// Migration 006 through the <c>db</c> command on a database that already holds a conversation: the messages
/// gain an empty <c>tool_calls</c> column, the schema verifies, and a rollback to 005 removes the column (and
/// what it held) and keeps the messages; migrating again verifies.
/// </summary>
public sealed class MessageToolCallsMigrationTests(PostgresServer server)
{
    private const int Timeout = 180_000;

    private const string User = "aaaaaaaa-0000-0000-0000-000000000001";
    private const string Conversation = "bbbbbbbb-0000-0000-0000-000000000002";
    private static readonly string[] Messages = ["cccccccc-0000-0000-0000-000000000003", "cccccccc-0000-0000-0000-000000000004"];

    [Fact(Timeout = Timeout)]
    public async Task PostgresAddsANullableJsonbColumnAndRollsBackCleanly()
    {
        await using var db = await ScratchDatabase.CreateAsync(server, "toolcalls");
        await RoundTripAsync(db.Cli, async () =>
        {
            var connection = new NpgsqlConnection(db.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            return connection;
        }, uuid: id => $"'{id}'", columnTypeSql: """
            SELECT data_type || ':' || is_nullable FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = 'messages' AND column_name = 'tool_calls'
            """, expectedType: "jsonb:YES");
    }

    [Fact(Timeout = Timeout)]
    public async Task SqliteAddsANullableTextColumnAndRollsBackCleanly()
    {
        var directory = Directory.CreateTempSubdirectory("todo-toolcalls-").FullName;
        var path = Path.Combine(directory, "todo.db");
        try
        {
            await RoundTripAsync(ServerEnvironment.Cli("Data Source=" + path), async () =>
            {
                var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                return connection;
            }, uuid: id => $"'{id.ToUpperInvariant()}'", // as EF Core stores GUIDs on SQLite
            columnTypeSql: "SELECT type || ':' || CASE \"notnull\" WHEN 0 THEN 'YES' ELSE 'NO' END FROM pragma_table_info('messages') WHERE name = 'tool_calls'",
            expectedType: "TEXT:YES");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task RoundTripAsync(TodoCli cli, Func<Task<DbConnection>> open, Func<string, string> uuid, string columnTypeSql, string expectedType)
    {
        await Db.RunOkAsync(cli, "db", "migrate", "5");
        await using (var connection = await open())
        {
            Assert.Null(await Db.ScalarAsync(connection, columnTypeSql));
            await Db.ExecuteAsync(connection, $"""
                INSERT INTO users (id, email, hashed_password, created_at, updated_at, is_active, task_number_seq, security_stamp)
                VALUES ({uuid(User)}, 'u@example.com', 'x', '2024-01-01 00:00:00', '2024-01-01 00:00:00', TRUE, 0, 's');
                INSERT INTO conversations (id, user_id, title, created_at, updated_at, is_deleted)
                VALUES ({uuid(Conversation)}, {uuid(User)}, 'chat', '2024-01-01 00:00:00', '2024-01-01 00:00:00', FALSE);
                INSERT INTO messages (id, conversation_id, role, content, created_at)
                VALUES ({uuid(Messages[0])}, {uuid(Conversation)}, 'USER', 'add milk', '2024-01-01 00:00:01'),
                       ({uuid(Messages[1])}, {uuid(Conversation)}, 'ASSISTANT', 'Added task #1 "Milk".', '2024-01-01 00:00:02');
                """);
        }

        var migrate = await cli.RunAsync("db", "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.Contains("00000000000006_MessageToolCalls", migrate.StdOut, StringComparison.Ordinal);
        await Db.AssertVerifiesAsync(cli);
        await using (var connection = await open())
        {
            Assert.Equal(expectedType, await Db.ScalarAsync(connection, columnTypeSql));
            Assert.Equal("0", await Db.ScalarAsync(connection, "SELECT count(*) FROM messages WHERE tool_calls IS NOT NULL"));
            await Db.ExecuteAsync(connection, $$$"""
                UPDATE messages SET tool_calls = '[{"call_id":"c1","name":"add_task","arguments":{"title":"Milk"},"result":{"ok":true}}]'
                WHERE id = {{{uuid(Messages[1])}}}
                """);
        }

        var rollback = await cli.RunAsync("db", "rollback", "5");
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains("00000000000006_MessageToolCalls", rollback.StdOut, StringComparison.Ordinal);
        await using (var connection = await open())
        {
            Assert.Null(await Db.ScalarAsync(connection, columnTypeSql));
            Assert.Equal("2", await Db.ScalarAsync(connection, "SELECT count(*) FROM messages"));
            Assert.Equal("Added task #1 \"Milk\".", await Db.ScalarAsync(connection, $"SELECT content FROM messages WHERE id = {uuid(Messages[1])}"));
        }

        await Db.RunOkAsync(cli, "db", "migrate");
        await Db.AssertVerifiesAsync(cli);
        await using (var connection = await open())
        {
            Assert.Equal(expectedType, await Db.ScalarAsync(connection, columnTypeSql));
            Assert.Equal("0", await Db.ScalarAsync(connection, "SELECT count(*) FROM messages WHERE tool_calls IS NOT NULL"));
        }
    }
}
