using Todo.Tests.Infrastructure;

namespace Todo.Tests.Data;

/// <summary>A fresh PostgreSQL database on which <c>db migrate</c> and then <c>db verify</c> ran once, for the class.</summary>
public sealed class MigratedPostgresDatabase(PostgresServer server) : IAsyncLifetime
{
    private ScratchDatabase? _database;

    public string ConnectionString => _database!.ConnectionString;

    public CliResult Migrate { get; private set; } = null!;

    public CliResult Verify { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await ScratchDatabase.CreateAsync(server, "schema");
        Migrate = await _database.Cli.RunAsync("db", "migrate");
        Verify = await _database.Cli.RunAsync("db", "verify");
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>
/// Migration 001 on a fresh PostgreSQL database, checked against the migration report through the
/// database's own catalog (information_schema, pg_indexes, pg_constraint, pg_enum), not the EF model.
/// </summary>
public sealed class PostgresSchemaTests(MigratedPostgresDatabase database) : IClassFixture<MigratedPostgresDatabase>
{
    private const int Timeout = 60_000;

    /// <summary>The report's 14 indexes, as pg_indexes defines them.</summary>
    private static readonly Dictionary<string, string> ReportIndexes = new(StringComparer.Ordinal)
    {
        ["ix_users_email"] = "CREATE UNIQUE INDEX ix_users_email ON public.users USING btree (email)",
        ["ix_users_is_active"] = "CREATE INDEX ix_users_is_active ON public.users USING btree (is_active)",
        ["ix_tasks_user_id"] = "CREATE INDEX ix_tasks_user_id ON public.tasks USING btree (user_id)",
        ["ix_tasks_is_completed"] = "CREATE INDEX ix_tasks_is_completed ON public.tasks USING btree (is_completed)",
        ["ix_tasks_created_at"] = "CREATE INDEX ix_tasks_created_at ON public.tasks USING btree (created_at)",
        ["ix_tasks_user_completed"] = "CREATE INDEX ix_tasks_user_completed ON public.tasks USING btree (user_id, is_completed)",
        ["ix_conversations_user_id"] = "CREATE INDEX ix_conversations_user_id ON public.conversations USING btree (user_id)",
        ["ix_conversations_updated_at"] = "CREATE INDEX ix_conversations_updated_at ON public.conversations USING btree (updated_at)",
        ["ix_conversations_is_deleted"] = "CREATE INDEX ix_conversations_is_deleted ON public.conversations USING btree (is_deleted)",
        ["ix_conversations_deleted_at"] = "CREATE INDEX ix_conversations_deleted_at ON public.conversations USING btree (deleted_at)",
        ["ix_conversations_user_deleted"] = "CREATE INDEX ix_conversations_user_deleted ON public.conversations USING btree (user_id, is_deleted)",
        ["ix_messages_conversation_id"] = "CREATE INDEX ix_messages_conversation_id ON public.messages USING btree (conversation_id)",
        ["ix_messages_created_at"] = "CREATE INDEX ix_messages_created_at ON public.messages USING btree (created_at)",
        ["ix_messages_conversation_created"] = "CREATE INDEX ix_messages_conversation_created ON public.messages USING btree (conversation_id, created_at)",
    };

    /// <summary>Migration 007's indexes (lists, labels, priority), as pg_indexes defines them.</summary>
    private static readonly Dictionary<string, string> ListIndexes = new(StringComparer.Ordinal)
    {
        ["ix_lists_user_normalized_name"] = "CREATE UNIQUE INDEX ix_lists_user_normalized_name ON public.lists USING btree (user_id, normalized_name)",
        ["ix_lists_user_inbox"] = "CREATE UNIQUE INDEX ix_lists_user_inbox ON public.lists USING btree (user_id) WHERE is_inbox",
        ["ix_tasks_list_number"] = "CREATE INDEX ix_tasks_list_number ON public.tasks USING btree (list_id, number)",
        ["ix_tasks_user_priority"] = "CREATE INDEX ix_tasks_user_priority ON public.tasks USING btree (user_id, priority DESC, number)",
        ["ix_task_labels_user_label_number"] = "CREATE INDEX ix_task_labels_user_label_number ON public.task_labels USING btree (user_id, label, task_number)",
        ["pk_task_labels"] = "CREATE UNIQUE INDEX pk_task_labels ON public.task_labels USING btree (task_id, label)",
    };

    private const string Varchar = "character varying";
    private const string Timestamptz = "timestamp with time zone";

    /// <summary>The report's columns: information_schema data type, udt, length, nullability.</summary>
    private static readonly Dictionary<string, CatalogColumn> ReportColumns = new(StringComparer.Ordinal)
    {
        ["users.id"] = new("uuid", "uuid", null, false),
        ["users.email"] = new(Varchar, "varchar", 255, false),
        ["users.hashed_password"] = new("text", "text", null, false),
        ["users.created_at"] = new(Timestamptz, "timestamptz", null, false),
        ["users.updated_at"] = new(Timestamptz, "timestamptz", null, false),
        ["users.is_active"] = new("boolean", "bool", null, false),

        ["tasks.id"] = new("uuid", "uuid", null, false),
        ["tasks.user_id"] = new("uuid", "uuid", null, false),
        ["tasks.title"] = new(Varchar, "varchar", 100, false),
        ["tasks.description"] = new(Varchar, "varchar", 1000, true),
        ["tasks.is_completed"] = new("boolean", "bool", null, false),
        ["tasks.created_at"] = new(Timestamptz, "timestamptz", null, false),
        ["tasks.updated_at"] = new(Timestamptz, "timestamptz", null, false),
        ["tasks.completed_at"] = new(Timestamptz, "timestamptz", null, true),

        ["conversations.id"] = new("uuid", "uuid", null, false),
        ["conversations.user_id"] = new("uuid", "uuid", null, false),
        ["conversations.title"] = new(Varchar, "varchar", 200, true),
        ["conversations.created_at"] = new(Timestamptz, "timestamptz", null, false),
        ["conversations.updated_at"] = new(Timestamptz, "timestamptz", null, false),
        ["conversations.is_deleted"] = new("boolean", "bool", null, false),
        ["conversations.deleted_at"] = new(Timestamptz, "timestamptz", null, true),

        ["tasks.list_id"] = new("uuid", "uuid", null, false),
        ["tasks.priority"] = new("smallint", "int2", null, false),
        ["lists.id"] = new("uuid", "uuid", null, false),
        ["lists.user_id"] = new("uuid", "uuid", null, false),
        ["lists.name"] = new(Varchar, "varchar", 100, false),
        ["lists.normalized_name"] = new(Varchar, "varchar", 100, false),
        ["lists.is_inbox"] = new("boolean", "bool", null, false),
        ["lists.created_at"] = new(Timestamptz, "timestamptz", null, false),
        ["lists.updated_at"] = new(Timestamptz, "timestamptz", null, false),
        ["task_labels.task_id"] = new("uuid", "uuid", null, false),
        ["task_labels.user_id"] = new("uuid", "uuid", null, false),
        ["task_labels.label"] = new(Varchar, "varchar", 50, false),
        ["task_labels.task_number"] = new("integer", "int4", null, false),

        ["messages.id"] = new("uuid", "uuid", null, false),
        ["messages.conversation_id"] = new("uuid", "uuid", null, false),
        ["messages.role"] = new("USER-DEFINED", "message_role", null, false),
        ["messages.content"] = new(Varchar, "varchar", 2000, false),
        ["messages.created_at"] = new(Timestamptz, "timestamptz", null, false),
    };

    [Fact(Timeout = Timeout)]
    public async Task MigrateThenVerifyOnFreshDatabaseBothExitZero()
    {
        var ct = TestContext.Current.CancellationToken;

        Assert.True(database.Migrate.ExitCode == 0, database.Migrate.ToString());
        Assert.Contains("00000000000001_InitialSchema", database.Migrate.StdOut, StringComparison.Ordinal);
        Assert.True(database.Verify.ExitCode == 0, database.Verify.ToString());
        Assert.Equal("", database.Verify.StdErr);

        var history = await PgCatalog.HistoryAsync(database.ConnectionString, ct);
        Assert.Equal("00000000000001_InitialSchema", history[0]);
    }

    [Fact(Timeout = Timeout)]
    public async Task CatalogHoldsTheSixApplicationTables()
    {
        var tables = await PgCatalog.TablesAsync(database.ConnectionString, TestContext.Current.CancellationToken);

        foreach (var table in PgCatalog.ApplicationTables)
        {
            Assert.Contains(table, tables);
        }
    }

    [Fact(Timeout = Timeout)]
    public async Task CatalogHoldsTheFourteenReportIndexesByNameWithOnlyUsersEmailUnique()
    {
        var indexes = await PgCatalog.IndexesAsync(database.ConnectionString, TestContext.Current.CancellationToken);

        foreach (var (name, definition) in ReportIndexes)
        {
            Assert.True(indexes.TryGetValue(name, out var live), $"index {name} is missing; the database has: {string.Join(", ", indexes.Keys.Order(StringComparer.Ordinal))}");
            Assert.Equal(definition, live);
        }

        var uniqueReportIndexes = ReportIndexes.Keys.Where(name => indexes[name].StartsWith("CREATE UNIQUE", StringComparison.Ordinal));
        Assert.Equal(["ix_users_email"], uniqueReportIndexes);
    }

    [Fact(Timeout = Timeout)]
    public async Task CatalogHoldsTheListLabelAndPriorityIndexes()
    {
        var indexes = await PgCatalog.IndexesAsync(database.ConnectionString, TestContext.Current.CancellationToken);

        foreach (var (name, definition) in ListIndexes)
        {
            Assert.True(indexes.TryGetValue(name, out var live), $"index {name} is missing");
            Assert.Equal(definition, live);
        }
    }

    [Fact(Timeout = Timeout)]
    public async Task CatalogHoldsSixForeignKeysWithTheirDeleteRules()
    {
        var foreignKeys = await PgCatalog.ForeignKeysAsync(database.ConnectionString, TestContext.Current.CancellationToken);

        CatalogForeignKey[] expected =
        [
            new("conversations", "user_id", "users", "id", "CASCADE"),
            new("lists", "user_id", "users", "id", "CASCADE"),
            new("messages", "conversation_id", "conversations", "id", "CASCADE"),
            new("task_labels", "task_id", "tasks", "id", "CASCADE"),
            new("tasks", "list_id", "lists", "id", "NO ACTION"), // the service moves or deletes a list's tasks first
            new("tasks", "user_id", "users", "id", "CASCADE"),
        ];
        var onReportTables = foreignKeys
            .Where(fk => PgCatalog.ApplicationTables.Contains(fk.Table))
            .OrderBy(fk => fk.Table, StringComparer.Ordinal).ThenBy(fk => fk.Columns, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(expected, onReportTables);
    }

    [Fact(Timeout = Timeout)]
    public async Task MessageRoleEnumTypeHasLabelsUserThenAssistant()
    {
        var enums = await PgCatalog.EnumTypesAsync(database.ConnectionString, TestContext.Current.CancellationToken);

        Assert.True(enums.TryGetValue("message_role", out var labels), "enum type message_role is missing");
        Assert.Equal(["USER", "ASSISTANT"], labels);
    }

    [Fact(Timeout = Timeout)]
    public async Task ColumnsHaveTheReportsTypesLengthsAndNullability()
    {
        var columns = await PgCatalog.ColumnsAsync(database.ConnectionString, TestContext.Current.CancellationToken);

        foreach (var (name, expected) in ReportColumns)
        {
            Assert.True(columns.TryGetValue(name, out var live), $"column {name} is missing");
            Assert.Equal((name, expected), (name, live));
        }
    }
}
