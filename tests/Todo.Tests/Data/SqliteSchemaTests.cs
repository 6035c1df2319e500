using Microsoft.Data.Sqlite;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Data;

/// <summary>
/// The schema tests on SQLite: each test migrates a database file of its own in a temporary folder and
/// checks what the database itself enforces, with plain SQL.
/// </summary>
public sealed class SqliteSchemaTests
{
    private const int Timeout = 90_000;
    private const string Now = "2026-01-01 00:00:00";

    private static readonly string[] ReportIndexes =
    [
        "ix_users_email", "ix_users_is_active",
        "ix_tasks_user_id", "ix_tasks_is_completed", "ix_tasks_created_at", "ix_tasks_user_completed",
        "ix_conversations_user_id", "ix_conversations_updated_at", "ix_conversations_is_deleted", "ix_conversations_deleted_at", "ix_conversations_user_deleted",
        "ix_messages_conversation_id", "ix_messages_created_at", "ix_messages_conversation_created",
    ];

    /// <summary>Migration 007's indexes: name → (unique, columns).</summary>
    private static readonly Dictionary<string, (bool Unique, string[] Columns)> ListIndexes = new(StringComparer.Ordinal)
    {
        ["ix_lists_user_normalized_name"] = (true, ["user_id", "normalized_name"]),
        ["ix_lists_user_inbox"] = (true, ["user_id"]),
        ["ix_tasks_list_number"] = (false, ["list_id", "number"]),
        ["ix_tasks_user_priority"] = (false, ["user_id", "priority", "number"]),
        ["ix_task_labels_user_label_number"] = (false, ["user_id", "label", "task_number"]),
    };

    [Fact(Timeout = Timeout)]
    public async Task ListsLabelsAndPriorityHaveTheirIndexesAndConstraints()
    {
        using var db = await SqliteScratch.MigratedAsync();
        await using var connection = await db.OpenAsync();

        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'", r => r.GetString(0));
        Assert.Contains("lists", tables);
        Assert.Contains("task_labels", tables);
        foreach (var (name, (unique, columns)) in ListIndexes)
        {
            Assert.Equal(columns, await IndexColumnsAsync(connection, name));
            Assert.Equal(unique ? 1L : 0L, await CountAsync(connection, $"SELECT \"unique\" FROM sqlite_master m, pragma_index_list(m.name) il WHERE il.name = '{name}'"));
        }

        // One Inbox per user; list names unique per user (normalized); priority 0–3; labels at most 50 characters.
        var user = await InsertUserAsync(connection, "lists@example.com");
        var secondInbox = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(connection, $"""
            INSERT INTO lists (id, user_id, name, normalized_name, is_inbox, created_at, updated_at)
            VALUES ('{NewId()}', '{user}', 'Other', 'other', 1, '{Now}', '{Now}')
            """));
        Assert.Contains("UNIQUE", secondInbox.Message, StringComparison.Ordinal);
        await ExecuteAsync(connection, $"""
            INSERT INTO lists (id, user_id, name, normalized_name, is_inbox, created_at, updated_at)
            VALUES ('{NewId()}', '{user}', 'Work', 'work', 0, '{Now}', '{Now}')
            """);
        await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(connection, $"""
            INSERT INTO lists (id, user_id, name, normalized_name, is_inbox, created_at, updated_at)
            VALUES ('{NewId()}', '{user}', 'WORK', 'work', 0, '{Now}', '{Now}')
            """));
        var task = await InsertTaskAsync(connection, user, "t");
        var priority = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(connection, $"UPDATE tasks SET priority = 4 WHERE id = '{task}'"));
        Assert.Contains("ck_tasks_priority", priority.Message, StringComparison.Ordinal);
        var label = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(connection,
            $"INSERT INTO task_labels (task_id, user_id, label) VALUES ('{task}', '{user}', '{new string('a', 51)}')"));
        Assert.Contains("ck_task_labels_label_length", label.Message, StringComparison.Ordinal);

        // Deleting the user takes its lists, tasks and labels with it.
        await ExecuteAsync(connection, $"INSERT INTO task_labels (task_id, user_id, label) VALUES ('{task}', '{user}', 'home')");
        await ExecuteAsync(connection, $"DELETE FROM users WHERE id = '{user}'");
        Assert.Equal(0L, await CountAsync(connection, "SELECT (SELECT count(*) FROM lists) + (SELECT count(*) FROM tasks) + (SELECT count(*) FROM task_labels)"));
    }

    [Fact(Timeout = Timeout)]
    public async Task MigrateThenVerifyOnAFreshSqliteFileBothExitZero()
    {
        using var db = new SqliteScratch();

        var migrate = await db.Cli.RunAsync("db", "migrate");
        var verify = await db.Cli.RunAsync("db", "verify");

        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.Contains("00000000000001_InitialSchema", migrate.StdOut, StringComparison.Ordinal);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.True(File.Exists(db.Path));
        var status = await Db.StatusAsync(db.Cli);
        Assert.Equal("sqlite", status.Provider);
        Assert.Empty(status.Pending);
        Assert.Equal("00000000000001_InitialSchema", status.Applied[0]);
    }

    [Fact(Timeout = Timeout)]
    public async Task SqliteSchemaHasTheFourTablesAndTheFourteenNamedIndexesWithOnlyUsersEmailUnique()
    {
        using var db = await SqliteScratch.MigratedAsync();
        await using var connection = await db.OpenAsync();

        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'", r => r.GetString(0));
        var indexes = (await QueryAsync(connection, """
            SELECT il.name, il."unique"
            FROM sqlite_master m, pragma_index_list(m.name) il
            WHERE m.type = 'table'
            """, r => (Name: r.GetString(0), Unique: r.GetInt64(1) == 1)))
            .ToDictionary(i => i.Name, i => i.Unique, StringComparer.Ordinal);

        Assert.Superset(PgCatalog.ApplicationTables.ToHashSet(StringComparer.Ordinal), tables.ToHashSet(StringComparer.Ordinal));
        foreach (var name in ReportIndexes)
        {
            Assert.True(indexes.ContainsKey(name), $"index {name} is missing; the database has: {string.Join(", ", indexes.Keys)}");
        }

        Assert.Equal(["ix_users_email"], ReportIndexes.Where(name => indexes[name]));
        Assert.Equal(["user_id", "is_completed"], await IndexColumnsAsync(connection, "ix_tasks_user_completed"));
        Assert.Equal(["user_id", "is_deleted"], await IndexColumnsAsync(connection, "ix_conversations_user_deleted"));
        Assert.Equal(["conversation_id", "created_at"], await IndexColumnsAsync(connection, "ix_messages_conversation_created"));
    }

    [Fact(Timeout = Timeout)]
    public async Task DeletingAUserDeletesItsTasksConversationsAndMessagesButNoOneElses()
    {
        using var db = await SqliteScratch.MigratedAsync();
        await using var connection = await db.OpenAsync();
        var doomed = await InsertUserWithEverythingAsync(connection, "doomed@example.com");
        var kept = await InsertUserWithEverythingAsync(connection, "kept@example.com");

        await ExecuteAsync(connection, $"DELETE FROM users WHERE id = '{doomed}'");

        Assert.Equal(0L, await CountAsync(connection, $"SELECT count(*) FROM tasks WHERE user_id = '{doomed}'"));
        Assert.Equal(0L, await CountAsync(connection, $"SELECT count(*) FROM conversations WHERE user_id = '{doomed}'"));
        Assert.Equal(1L, await CountAsync(connection, "SELECT count(*) FROM tasks"));
        Assert.Equal(1L, await CountAsync(connection, "SELECT count(*) FROM conversations"));
        Assert.Equal(1L, await CountAsync(connection, "SELECT count(*) FROM messages"));
        Assert.Equal(1L, await CountAsync(connection, $"""
            SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.user_id = '{kept}'
            """));
    }

    [Fact(Timeout = Timeout)]
    public async Task SecondUserWithTheSameEmailIsRejectedByTheUniqueIndex()
    {
        using var db = await SqliteScratch.MigratedAsync();
        await using var connection = await db.OpenAsync();
        await InsertUserAsync(connection, "same@example.com");

        var error = await Assert.ThrowsAsync<SqliteException>(() => InsertUserAsync(connection, "same@example.com"));

        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Equal(2067, error.SqliteExtendedErrorCode); // SQLITE_CONSTRAINT_UNIQUE
        Assert.Contains("users.email", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await CountAsync(connection, "SELECT count(*) FROM users"));
    }

    [Fact(Timeout = Timeout)]
    public async Task TaskTitleOf101CharactersIsRejectedAndOf100Accepted()
    {
        using var db = await SqliteScratch.MigratedAsync();
        await using var connection = await db.OpenAsync();
        var user = await InsertUserAsync(connection, "titles@example.com");

        var error = await Assert.ThrowsAsync<SqliteException>(() => InsertTaskAsync(connection, user, new string('x', 101)));
        await InsertTaskAsync(connection, user, new string('y', 100));

        Assert.Equal(275, error.SqliteExtendedErrorCode); // SQLITE_CONSTRAINT_CHECK
        Assert.Contains("ck_tasks_title_length", error.Message, StringComparison.Ordinal);
        Assert.Equal([100L], await QueryAsync(connection, "SELECT length(title) FROM tasks", r => r.GetInt64(0)));
    }

    [Fact(Timeout = Timeout)]
    public async Task MessageRoleOtherThanUserOrAssistantIsRejected()
    {
        using var db = await SqliteScratch.MigratedAsync();
        await using var connection = await db.OpenAsync();
        var user = await InsertUserAsync(connection, "roles@example.com");
        var conversation = await InsertConversationAsync(connection, user);

        await InsertMessageAsync(connection, conversation, "USER");
        await InsertMessageAsync(connection, conversation, "ASSISTANT");
        var error = await Assert.ThrowsAsync<SqliteException>(() => InsertMessageAsync(connection, conversation, "OTHER"));

        Assert.Equal(275, error.SqliteExtendedErrorCode); // SQLITE_CONSTRAINT_CHECK
        Assert.Contains("ck_messages_role", error.Message, StringComparison.Ordinal);
        Assert.Equal(2L, await CountAsync(connection, "SELECT count(*) FROM messages"));
    }

    [Fact(Timeout = Timeout)]
    public async Task RollbackToZeroOnSqliteLeavesNoApplicationTableAndMigrateRebuildsAVerifiedSchema()
    {
        using var db = await SqliteScratch.MigratedAsync();

        var rollback = await db.Cli.RunAsync("db", "rollback", "0");

        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        await using (var connection = await db.OpenAsync())
        {
            var tables = await QueryAsync(connection,
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'",
                r => r.GetString(0));
            Assert.Empty(tables);
        }

        await Db.RunOkAsync(db.Cli, "db", "migrate");
        var verify = await db.Cli.RunAsync("db", "verify");
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    private static async Task<string> InsertUserWithEverythingAsync(SqliteConnection connection, string email)
    {
        var user = await InsertUserAsync(connection, email);
        await InsertTaskAsync(connection, user, "a task of " + email);
        var conversation = await InsertConversationAsync(connection, user);
        await InsertMessageAsync(connection, conversation, "USER");
        return user;
    }

    private static async Task<string> InsertUserAsync(SqliteConnection connection, string email)
    {
        var id = NewId();
        await ExecuteAsync(connection, $"""
            INSERT INTO users (id, email, hashed_password, created_at, updated_at, is_active)
            VALUES ('{id}', '{email}', 'not-a-real-hash', '{Now}', '{Now}', 1);
            INSERT INTO lists (id, user_id, name, normalized_name, is_inbox, created_at, updated_at)
            VALUES ('{NewId()}', '{id}', 'Inbox', 'inbox', 1, '{Now}', '{Now}');
            """);
        return id;
    }

    private static async Task<string> InsertTaskAsync(SqliteConnection connection, string user, string title)
    {
        var id = NewId();
        await ExecuteAsync(connection, $"""
            INSERT INTO tasks (id, user_id, number, title, description, is_completed, created_at, updated_at, completed_at, list_id)
            VALUES ('{id}', '{user}', (SELECT count(*) + 1 FROM tasks WHERE user_id = '{user}'), '{title}', NULL, 0, '{Now}', '{Now}', NULL,
                    (SELECT id FROM lists WHERE user_id = '{user}' AND is_inbox))
            """);
        return id;
    }

    private static async Task<string> InsertConversationAsync(SqliteConnection connection, string user)
    {
        var id = NewId();
        await ExecuteAsync(connection, $"""
            INSERT INTO conversations (id, user_id, title, created_at, updated_at, is_deleted, deleted_at)
            VALUES ('{id}', '{user}', 'a chat', '{Now}', '{Now}', 0, NULL)
            """);
        return id;
    }

    private static async Task<string> InsertMessageAsync(SqliteConnection connection, string conversation, string role)
    {
        var id = NewId();
        await ExecuteAsync(connection, $"""
            INSERT INTO messages (id, conversation_id, role, content, created_at)
            VALUES ('{id}', '{conversation}', '{role}', 'hello', '{Now}')
            """);
        return id;
    }

    private static string NewId() => Guid.NewGuid().ToString().ToUpperInvariant();

    private static async Task<List<string>> IndexColumnsAsync(SqliteConnection connection, string index) =>
        await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index}') ORDER BY seqno", r => r.GetString(0));

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string sql) =>
        (await QueryAsync(connection, sql, r => r.GetInt64(0))).Single();

    private static async Task<List<T>> QueryAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>A SQLite database file in a temporary folder of its own, deleted on dispose.</summary>
    private sealed class SqliteScratch : IDisposable
    {
        public SqliteScratch()
        {
            Directory = System.IO.Directory.CreateTempSubdirectory("todo-sqlite-").FullName;
            Path = System.IO.Path.Combine(Directory, "todo.db");
            Cli = ServerEnvironment.Cli("Data Source=" + Path);
        }

        public string Directory { get; }

        public string Path { get; }

        public TodoCli Cli { get; }

        public static async Task<SqliteScratch> MigratedAsync()
        {
            var db = new SqliteScratch();
            try
            {
                await Db.RunOkAsync(db.Cli, "db", "migrate");
                return db;
            }
            catch
            {
                db.Dispose();
                throw;
            }
        }

        /// <summary>A connection of our own, with foreign keys enforced as the server's are.</summary>
        public async Task<SqliteConnection> OpenAsync()
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ConnectionString);
            try
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await ExecuteAsync(connection, "PRAGMA foreign_keys = ON");
                return connection;
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        public void Dispose()
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temporary folder.
            }
        }
    }
}
