using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Data;

/// <summary>
/// The environment every server process these tests start gets: the connection string (null removes
/// any inherited one), the Production environment, and a signing key long enough for any start-up check.
/// </summary>
internal static class ServerEnvironment
{
    private const string KeyAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static readonly string SigningKey = RandomNumberGenerator.GetString(KeyAlphabet, 48);

    public static Dictionary<string, string?> For(string? connectionString) => new(StringComparer.Ordinal)
    {
        ["ConnectionStrings__Todo"] = connectionString,
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Auth__SigningKey"] = SigningKey,
    };

    /// <summary>A <see cref="TodoCli"/> for <paramref name="connectionString"/> with <see cref="For"/>'s environment.</summary>
    public static TodoCli Cli(string? connectionString, TimeSpan? timeout = null)
    {
        var cli = new TodoCli { Timeout = timeout ?? TimeSpan.FromSeconds(60) };
        foreach (var (key, value) in For(connectionString))
        {
            cli.Environment[key] = value;
        }

        return cli;
    }
}

/// <summary>What <c>db status --json</c> prints.</summary>
internal sealed record MigrationStatusReport(string Provider, IReadOnlyList<string> Applied, IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown)
{
    public static MigrationStatusReport Parse(CliResult result)
    {
        using var document = JsonDocument.Parse(result.StdOut);
        var root = document.RootElement;
        return new MigrationStatusReport(
            root.GetProperty("provider").GetString()!,
            Strings(root.GetProperty("applied")),
            Strings(root.GetProperty("pending")),
            Strings(root.GetProperty("unknown")));
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}

/// <summary>Helpers around the <c>db</c> command.</summary>
internal static class Db
{
    public const string UnknownMigration = "99999999999999_FromANewerBuild";

    public static async Task<CliResult> RunOkAsync(TodoCli cli, params string[] args)
    {
        var result = await cli.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)} failed:\n{result}");
        return result;
    }

    public static async Task<MigrationStatusReport> StatusAsync(TodoCli cli)
    {
        var result = await RunOkAsync(cli, "db", "status", "--json");
        return MigrationStatusReport.Parse(result);
    }

    /// <summary>The lines a command printed on standard error, without the trailing empty one.</summary>
    public static string[] ErrorLines(CliResult result) =>
        result.StdErr.TrimEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary><c>db verify</c> succeeds and says the live schema matches the model.</summary>
    public static async Task AssertVerifiesAsync(TodoCli cli)
    {
        var verify = await cli.RunAsync("db", "verify");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("The live schema matches the model.", verify.StdOut, StringComparison.Ordinal);
    }

    public static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The first column of the first row as invariant text; null for no row or SQL NULL.</summary>
    public static async Task<string?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        return value is null or DBNull ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// A database of its own on a test PostgreSQL server, for one test that changes its schema; dropped on dispose.
/// </summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly PostgresServer _server;

    private ScratchDatabase(PostgresServer server, string connectionString)
    {
        _server = server;
        ConnectionString = connectionString;
        Name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        Cli = ServerEnvironment.Cli(connectionString);
    }

    public string ConnectionString { get; }

    public string Name { get; }

    /// <summary>The server's CLI pointed at this database.</summary>
    public TodoCli Cli { get; }

    public static async Task<ScratchDatabase> CreateAsync(PostgresServer server, string prefix) =>
        new(server, await server.CreateDatabaseAsync(prefix));

    public async ValueTask DisposeAsync()
    {
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await _server.DropDatabaseAsync(Name);
    }
}

/// <summary>A column as information_schema.columns describes it.</summary>
internal sealed record CatalogColumn(string DataType, string UdtName, int? MaxLength, bool IsNullable);

/// <summary>A foreign key as pg_constraint describes it.</summary>
internal sealed record CatalogForeignKey(string Table, string Columns, string ReferencedTable, string ReferencedColumns, string OnDelete);

/// <summary>Reads a PostgreSQL database's schema from its own catalog (never from the EF model).</summary>
internal static class PgCatalog
{
    public const string HistoryTable = "__EFMigrationsHistory";

    public static readonly string[] ApplicationTables = ["users", "tasks", "conversations", "messages", "lists", "task_labels"];

    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = await OpenAsync(connectionString, ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<List<T>> QueryAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        await using var connection = await OpenAsync(connectionString, ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Base tables of the public schema.</summary>
    public static async Task<SortedSet<string>> TablesAsync(string connectionString, CancellationToken ct) =>
        new(await QueryAsync(connectionString,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
            r => r.GetString(0), ct), StringComparer.Ordinal);

    /// <summary>Columns of the public schema, keyed "table.column".</summary>
    public static async Task<Dictionary<string, CatalogColumn>> ColumnsAsync(string connectionString, CancellationToken ct) =>
        (await QueryAsync(connectionString, """
            SELECT table_name, column_name, data_type, udt_name, character_maximum_length, is_nullable
            FROM information_schema.columns WHERE table_schema = 'public'
            """,
            r => (Key: r.GetString(0) + "." + r.GetString(1),
                  Column: new CatalogColumn(r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetInt32(4), r.GetString(5) == "YES")),
            ct)).ToDictionary(c => c.Key, c => c.Column, StringComparer.Ordinal);

    /// <summary>Index name → its definition as pg_indexes gives it (CREATE [UNIQUE] INDEX name ON public.table USING btree (cols)).</summary>
    public static async Task<Dictionary<string, string>> IndexesAsync(string connectionString, CancellationToken ct) =>
        (await QueryAsync(connectionString,
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
            r => (Name: r.GetString(0), Definition: r.GetString(1)), ct))
        .ToDictionary(i => i.Name, i => i.Definition, StringComparer.Ordinal);

    /// <summary>Foreign keys of the public schema with their ON DELETE rule.</summary>
    public static async Task<List<CatalogForeignKey>> ForeignKeysAsync(string connectionString, CancellationToken ct) =>
        await QueryAsync(connectionString, """
            SELECT t.relname,
                   (SELECT string_agg(a.attname, ', ' ORDER BY k.ord)
                    FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum),
                   rt.relname,
                   (SELECT string_agg(a.attname, ', ' ORDER BY k.ord)
                    FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum),
                   CASE con.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT'
                                        WHEN 'r' THEN 'RESTRICT' ELSE 'NO ACTION' END
            FROM pg_constraint con
            JOIN pg_class t ON t.oid = con.conrelid
            JOIN pg_class rt ON rt.oid = con.confrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE con.contype = 'f' AND n.nspname = 'public'
            """,
            r => new CatalogForeignKey(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)), ct);

    /// <summary>Enum type name → its labels in their sort order, for the public schema.</summary>
    public static async Task<Dictionary<string, List<string>>> EnumTypesAsync(string connectionString, CancellationToken ct) =>
        (await QueryAsync(connectionString, """
            SELECT t.typname, e.enumlabel
            FROM pg_type t
            JOIN pg_enum e ON e.enumtypid = t.oid
            JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = 'public'
            ORDER BY t.typname, e.enumsortorder
            """, r => (Type: r.GetString(0), Label: r.GetString(1)), ct))
        .GroupBy(x => x.Type, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(x => x.Label).ToList(), StringComparer.Ordinal);

    /// <summary>
    /// The migration ids in the history table, in the order of their ids (empty when the table is missing).
    /// The id is the table's first column (EF names it MigrationId, or migration_id under the snake_case convention).
    /// </summary>
    public static async Task<List<string>> HistoryAsync(string connectionString, CancellationToken ct)
    {
        var tables = await TablesAsync(connectionString, ct);
        if (!tables.Contains(HistoryTable))
        {
            return [];
        }

        return await QueryAsync(connectionString,
            $"""SELECT * FROM "{HistoryTable}" ORDER BY 1""", r => r.GetString(0), ct);
    }

    public static Task InsertHistoryAsync(string connectionString, string migrationId, CancellationToken ct) =>
        ExecuteAsync(connectionString,
            $"""INSERT INTO "{HistoryTable}" VALUES ('{migrationId}', '99.0.0')""", ct);

    /// <summary>
    /// Everything about the schema a migration could change, one sorted line per item: tables, columns,
    /// indexes, constraints, enum types and the migration history.
    /// </summary>
    public static async Task<string> SnapshotAsync(string connectionString, CancellationToken ct)
    {
        var lines = new List<string>();
        lines.AddRange((await TablesAsync(connectionString, ct)).Select(t => "table " + t));
        lines.AddRange((await ColumnsAsync(connectionString, ct)).Select(c => string.Create(CultureInfo.InvariantCulture,
            $"column {c.Key} {c.Value.DataType} {c.Value.UdtName} {c.Value.MaxLength} {(c.Value.IsNullable ? "null" : "not null")}")));
        lines.AddRange((await IndexesAsync(connectionString, ct)).Select(i => "index " + i.Value));
        lines.AddRange(await QueryAsync(connectionString, """
            SELECT t.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)
            FROM pg_constraint con
            JOIN pg_class t ON t.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public'
            """, r => "constraint " + r.GetString(0), ct));
        lines.AddRange((await EnumTypesAsync(connectionString, ct)).Select(e => $"enum {e.Key} ({string.Join(", ", e.Value)})"));
        lines.AddRange((await HistoryAsync(connectionString, ct)).Select(m => "history " + m));
        lines.Sort(StringComparer.Ordinal);

        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }
}
