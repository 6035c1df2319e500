using System.Text.Json;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Data;

/// <summary>
/// <c>db verify</c> on PostgreSQL finds a schema that drifted from the model after migration, one change at
/// a time, each on a freshly migrated database of its own.
/// </summary>
public sealed class PostgresSchemaDriftTests(PostgresServer server)
{
    private const int Timeout = 120_000;

    [Fact(Timeout = Timeout)]
    public async Task VerifyReportsADroppedIndexByName()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await MigratedAsync("drift_index");
        await PgCatalog.ExecuteAsync(db.ConnectionString, "DROP INDEX ix_tasks_created_at", ct);

        var verify = await db.Cli.RunAsync("db", "verify");

        Assert.Equal(1, verify.ExitCode);
        var line = Assert.Single(DifferenceLines(verify));
        Assert.Contains("ix_tasks_created_at", line, StringComparison.Ordinal);
        Assert.Contains("missing", line, StringComparison.Ordinal);
        Assert.Single(Db.ErrorLines(verify));
    }

    [Fact(Timeout = Timeout)]
    public async Task VerifyReportsAChangedColumnLengthNamingTheColumnAndBothLengths()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await MigratedAsync("drift_length");
        await PgCatalog.ExecuteAsync(db.ConnectionString, "ALTER TABLE tasks ALTER COLUMN title TYPE varchar(150)", ct);

        var verify = await db.Cli.RunAsync("db", "verify");

        Assert.Equal(1, verify.ExitCode);
        var line = Assert.Single(DifferenceLines(verify));
        Assert.Contains("tasks.title", line, StringComparison.Ordinal);
        Assert.Contains("150", line, StringComparison.Ordinal);
        Assert.Contains("100", line, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task VerifyReportsAnExtraColumnByName()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await MigratedAsync("drift_column");
        await PgCatalog.ExecuteAsync(db.ConnectionString, "ALTER TABLE users ADD COLUMN nickname text", ct);

        var verify = await db.Cli.RunAsync("db", "verify");

        Assert.Equal(1, verify.ExitCode);
        var line = Assert.Single(DifferenceLines(verify));
        Assert.Contains("users.nickname", line, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task VerifyJsonListsEveryDifferenceAsParseableJson()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await MigratedAsync("drift_json");
        await PgCatalog.ExecuteAsync(db.ConnectionString, """
            DROP INDEX ix_tasks_created_at;
            ALTER TABLE tasks ALTER COLUMN title TYPE varchar(150);
            ALTER TABLE users ADD COLUMN nickname text;
            """, ct);

        var verify = await db.Cli.RunAsync("db", "verify", "--json");

        Assert.True(verify.ExitCode == 1, verify.ToString());
        using var json = JsonDocument.Parse(verify.StdOut);
        Assert.False(json.RootElement.GetProperty("matches").GetBoolean());
        var differences = json.RootElement.GetProperty("differences").EnumerateArray()
            .Select(d => d.GetProperty("item").GetString() + ": " + d.GetProperty("problem").GetString())
            .ToList();
        Assert.Equal(3, differences.Count);
        Assert.Contains(differences, d => d.Contains("ix_tasks_created_at", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.Contains("tasks.title", StringComparison.Ordinal) && d.Contains("150", StringComparison.Ordinal) && d.Contains("100", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.Contains("users.nickname", StringComparison.Ordinal));
    }

    [Fact(Timeout = Timeout)]
    public async Task VerifyJsonOnAnUntouchedSchemaReportsAMatchWithNoDifferences()
    {
        await using var db = await MigratedAsync("drift_none");

        var verify = await db.Cli.RunAsync("db", "verify", "--json");

        Assert.True(verify.ExitCode == 0, verify.ToString());
        using var json = JsonDocument.Parse(verify.StdOut);
        Assert.True(json.RootElement.GetProperty("matches").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("differences").GetArrayLength());
    }

    [Fact(Timeout = Timeout)]
    public async Task VerifyReportsAForeignKeyWhoseOnDeleteRuleIsNoLongerCascade()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await MigratedAsync("drift_fk");
        await PgCatalog.ExecuteAsync(db.ConnectionString, """
            ALTER TABLE tasks DROP CONSTRAINT fk_tasks_users_user_id;
            ALTER TABLE tasks ADD CONSTRAINT fk_tasks_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT;
            """, ct);

        var verify = await db.Cli.RunAsync("db", "verify");

        Assert.Equal(1, verify.ExitCode);
        var lines = DifferenceLines(verify);
        Assert.Contains(lines, l => l.Contains("tasks", StringComparison.Ordinal) && l.Contains("RESTRICT", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("tasks", StringComparison.Ordinal) && l.Contains("CASCADE", StringComparison.Ordinal));
    }

    [Fact(Timeout = Timeout)]
    public async Task VerifyReportsAnEnumTypeWithAnExtraLabel()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await MigratedAsync("drift_enum");
        await PgCatalog.ExecuteAsync(db.ConnectionString, "ALTER TYPE message_role ADD VALUE 'SYSTEM'", ct);

        var verify = await db.Cli.RunAsync("db", "verify");

        Assert.Equal(1, verify.ExitCode);
        var line = Assert.Single(DifferenceLines(verify));
        Assert.Contains("message_role", line, StringComparison.Ordinal);
        Assert.Contains("SYSTEM", line, StringComparison.Ordinal);
    }

    private static List<string> DifferenceLines(CliResult verify) =>
        [.. verify.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private async Task<ScratchDatabase> MigratedAsync(string prefix)
    {
        var db = await ScratchDatabase.CreateAsync(server, prefix);
        try
        {
            await Db.RunOkAsync(db.Cli, "db", "migrate");
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
