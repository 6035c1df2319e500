using Todo.Tests.Infrastructure;

namespace Todo.Tests.Data;

/// <summary>
/// Upgrade and downgrade on PostgreSQL through the <c>db</c> command, each test on a database of its own,
/// without assuming how many migrations this build has.
/// </summary>
public sealed class PostgresMigrationRoundTripTests(PostgresServer server)
{
    private const int Timeout = 120_000;

    [Fact(Timeout = Timeout)]
    public async Task RollbackToZeroLeavesNoApplicationTableOrEnumType()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ScratchDatabase.CreateAsync(server, "rollback0");
        await Db.RunOkAsync(db.Cli, "db", "migrate");
        Assert.Superset(PgCatalog.ApplicationTables.ToHashSet(StringComparer.Ordinal), await PgCatalog.TablesAsync(db.ConnectionString, ct));

        var rollback = await db.Cli.RunAsync("db", "rollback", "0");

        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains("00000000000001_InitialSchema", rollback.StdOut, StringComparison.Ordinal);
        var tables = await PgCatalog.TablesAsync(db.ConnectionString, ct);
        Assert.Subset(new HashSet<string>(StringComparer.Ordinal) { PgCatalog.HistoryTable }, tables); // only the history table may remain
        Assert.Empty(await PgCatalog.EnumTypesAsync(db.ConnectionString, ct));
        Assert.Empty(await PgCatalog.HistoryAsync(db.ConnectionString, ct));
        var status = await Db.StatusAsync(db.Cli);
        Assert.Empty(status.Applied);
        Assert.Contains("00000000000001_InitialSchema", status.Pending);
    }

    [Fact(Timeout = Timeout)]
    public async Task MigrateAfterRollbackToZeroRebuildsTheSameSchemaAndVerifies()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ScratchDatabase.CreateAsync(server, "roundtrip");
        await Db.RunOkAsync(db.Cli, "db", "migrate");
        var first = await PgCatalog.SnapshotAsync(db.ConnectionString, ct);
        await Db.RunOkAsync(db.Cli, "db", "rollback", "0");

        var migrate = await db.Cli.RunAsync("db", "migrate");
        var verify = await db.Cli.RunAsync("db", "verify");

        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Equal(first, await PgCatalog.SnapshotAsync(db.ConnectionString, ct));
        Assert.Contains("table users", first, StringComparison.Ordinal);
        Assert.Contains("enum message_role (USER, ASSISTANT)", first, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task RollbackWithoutTargetRevertsOnlyTheLastAppliedMigration()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ScratchDatabase.CreateAsync(server, "rollback1");
        await Db.RunOkAsync(db.Cli, "db", "migrate");
        var before = await Db.StatusAsync(db.Cli);
        Assert.NotEmpty(before.Applied);
        Assert.Empty(before.Pending);

        var rollback = await db.Cli.RunAsync("db", "rollback");

        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        var last = before.Applied[^1];
        Assert.Contains(last, rollback.StdOut, StringComparison.Ordinal);
        var after = await Db.StatusAsync(db.Cli);
        Assert.Equal(before.Applied.Take(before.Applied.Count - 1), after.Applied);
        Assert.Equal([last], after.Pending);
        Assert.Equal(after.Applied, await PgCatalog.HistoryAsync(db.ConnectionString, ct));
    }

    [Fact(Timeout = Timeout)]
    public async Task MigrateToPositionOneAppliesOnlyTheFirstMigrationAndStatusJsonShowsTheRestPending()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ScratchDatabase.CreateAsync(server, "migrate1");
        var fresh = await Db.StatusAsync(db.Cli);
        Assert.Equal("postgres", fresh.Provider);
        Assert.Empty(fresh.Applied);
        Assert.Empty(fresh.Unknown);
        Assert.Equal("00000000000001_InitialSchema", fresh.Pending[0]);

        var migrateOne = await db.Cli.RunAsync("db", "migrate", "1");

        Assert.True(migrateOne.ExitCode == 0, migrateOne.ToString());
        var atOne = await Db.StatusAsync(db.Cli);
        Assert.Equal(["00000000000001_InitialSchema"], atOne.Applied);
        Assert.Equal(fresh.Pending.Skip(1), atOne.Pending);
        Assert.Equal(["00000000000001_InitialSchema"], await PgCatalog.HistoryAsync(db.ConnectionString, ct));
        Assert.Superset(new HashSet<string>(["users", "tasks", "conversations", "messages"], StringComparer.Ordinal), await PgCatalog.TablesAsync(db.ConnectionString, ct));

        await Db.RunOkAsync(db.Cli, "db", "migrate");
        var atEnd = await Db.StatusAsync(db.Cli);
        Assert.Equal(fresh.Pending, atEnd.Applied);
        Assert.Empty(atEnd.Pending);
        var verify = await db.Cli.RunAsync("db", "verify");
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    [Fact(Timeout = Timeout)]
    public async Task MigrateOnAnUpToDateDatabaseAppliesNothingAndChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ScratchDatabase.CreateAsync(server, "uptodate");
        await Db.RunOkAsync(db.Cli, "db", "migrate");
        var before = await PgCatalog.SnapshotAsync(db.ConnectionString, ct);

        var again = await db.Cli.RunAsync("db", "migrate");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Nothing to apply", again.StdOut, StringComparison.Ordinal);
        Assert.Equal(before, await PgCatalog.SnapshotAsync(db.ConnectionString, ct));
    }
}
