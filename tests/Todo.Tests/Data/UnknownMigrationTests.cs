using Todo.Tests.Infrastructure;

namespace Todo.Tests.Data;

/// <summary>
/// A database stamped by a newer build (its history holds a migration this build does not know) is reported
/// by name, and neither the <c>db</c> command nor the server changes anything in it.
/// </summary>
public sealed class UnknownMigrationTests(PostgresServer server)
{
    private const int Timeout = 120_000;

    [Fact(Timeout = Timeout)]
    public async Task StatusExitsOneAndNamesTheUnknownMigration()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await MigratedWithUnknownAsync("unknown_status", ct);

        var status = await db.Cli.RunAsync("db", "status");
        var json = await db.Cli.RunAsync("db", "status", "--json");

        Assert.Equal(1, status.ExitCode);
        Assert.Contains(Db.UnknownMigration, status.StdOut, StringComparison.Ordinal);
        Assert.Contains(Db.UnknownMigration, status.StdErr, StringComparison.Ordinal);
        Assert.Single(Db.ErrorLines(status));
        Assert.Equal(1, json.ExitCode);
        Assert.Equal([Db.UnknownMigration], MigrationStatusReport.Parse(json).Unknown);
        Assert.Contains("00000000000001_InitialSchema", MigrationStatusReport.Parse(json).Applied);
    }

    [Fact(Timeout = Timeout)]
    public async Task MigrateOnAMigratedDatabaseWithAnUnknownMigrationExitsOneNamingItAndChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await MigratedWithUnknownAsync("unknown_migrate", ct);
        var before = await PgCatalog.SnapshotAsync(db.ConnectionString, ct);

        var migrate = await db.Cli.RunAsync("db", "migrate");

        Assert.Equal(1, migrate.ExitCode);
        Assert.Contains(Db.UnknownMigration, migrate.StdErr, StringComparison.Ordinal);
        Assert.Single(Db.ErrorLines(migrate));
        Assert.Equal(before, await PgCatalog.SnapshotAsync(db.ConnectionString, ct));
    }

    [Fact(Timeout = Timeout)]
    public async Task MigrateWithPendingWorkAndAnUnknownMigrationRefusesAndCreatesNoTable()
    {
        // Everything is pending here, so a migrate that did not refuse would visibly create the schema.
        var ct = TestContext.Current.CancellationToken;
        await using var db = await EmptiedWithUnknownAsync("unknown_pending", ct);
        var before = await PgCatalog.SnapshotAsync(db.ConnectionString, ct);

        var migrate = await db.Cli.RunAsync("db", "migrate");

        Assert.Equal(1, migrate.ExitCode);
        Assert.Contains(Db.UnknownMigration, migrate.StdErr, StringComparison.Ordinal);
        Assert.Equal(before, await PgCatalog.SnapshotAsync(db.ConnectionString, ct));
        Assert.DoesNotContain("users", await PgCatalog.TablesAsync(db.ConnectionString, ct));
    }

    [Fact(Timeout = Timeout)]
    public async Task RollbackWithAnUnknownMigrationRefusesNamingItAndKeepsTheSchema()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await MigratedWithUnknownAsync("unknown_rollback", ct);
        var before = await PgCatalog.SnapshotAsync(db.ConnectionString, ct);

        var rollback = await db.Cli.RunAsync("db", "rollback", "0");

        Assert.Equal(1, rollback.ExitCode);
        Assert.Contains(Db.UnknownMigration, rollback.StdErr, StringComparison.Ordinal);
        Assert.Equal(before, await PgCatalog.SnapshotAsync(db.ConnectionString, ct));
    }

    [Fact(Timeout = Timeout)]
    public async Task ServerRefusesToStartNamingTheUnknownMigrationAndCreatesNoTable()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await EmptiedWithUnknownAsync("unknown_server", ct);
        var before = await PgCatalog.SnapshotAsync(db.ConnectionString, ct);

        var run = await ServeAsync(db.ConnectionString, migrateOnStart: null);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(Db.UnknownMigration, run.StdErr, StringComparison.Ordinal);
        Assert.Equal(before, await PgCatalog.SnapshotAsync(db.ConnectionString, ct));
    }

    [Fact(Timeout = Timeout)]
    public async Task ServerWithMigrateOnStartOffAlsoRefusesToStartNamingTheUnknownMigration()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await MigratedWithUnknownAsync("unknown_nomigrate", ct);
        var before = await PgCatalog.SnapshotAsync(db.ConnectionString, ct);

        var run = await ServeAsync(db.ConnectionString, migrateOnStart: false);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(Db.UnknownMigration, run.StdErr, StringComparison.Ordinal);
        Assert.Equal(before, await PgCatalog.SnapshotAsync(db.ConnectionString, ct));
    }

    [Fact(Timeout = Timeout)]
    public async Task ServerProcessExitsBeforeItIsLiveWhenTheDatabaseHoldsAnUnknownMigration()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await MigratedWithUnknownAsync("unknown_process", ct);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var process = await TodoServerProcess.StartAsync(
                ServerEnvironment.For(db.ConnectionString), startupTimeout: TimeSpan.FromSeconds(30), cancellationToken: ct);
        });

        Assert.Contains("exited before it was ready", refused.Message, StringComparison.Ordinal);
        Assert.Contains("exited with code 1", refused.Message, StringComparison.Ordinal);
        Assert.Contains(Db.UnknownMigration, refused.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs the server (no command) to its end; it must exit by itself, so a server that would serve is
    /// killed after the CLI's timeout and the test fails with a <see cref="TimeoutException"/>.
    /// </summary>
    private static Task<CliResult> ServeAsync(string connectionString, bool? migrateOnStart)
    {
        var cli = ServerEnvironment.Cli(connectionString, TimeSpan.FromSeconds(30));
        cli.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        if (migrateOnStart is { } migrate)
        {
            cli.Environment["Database__MigrateOnStart"] = migrate ? "true" : "false";
        }

        return cli.RunAsync();
    }

    /// <summary>A fully migrated database whose history also holds a migration from a newer build.</summary>
    private async Task<ScratchDatabase> MigratedWithUnknownAsync(string prefix, CancellationToken ct)
    {
        var db = await ScratchDatabase.CreateAsync(server, prefix);
        try
        {
            await Db.RunOkAsync(db.Cli, "db", "migrate");
            await PgCatalog.InsertHistoryAsync(db.ConnectionString, Db.UnknownMigration, ct);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>A database with an empty schema (migrated and rolled back to 0) whose history holds only a newer build's migration.</summary>
    private async Task<ScratchDatabase> EmptiedWithUnknownAsync(string prefix, CancellationToken ct)
    {
        var db = await ScratchDatabase.CreateAsync(server, prefix);
        try
        {
            await Db.RunOkAsync(db.Cli, "db", "migrate");
            await Db.RunOkAsync(db.Cli, "db", "rollback", "0");
            await PgCatalog.InsertHistoryAsync(db.ConnectionString, Db.UnknownMigration, ct);
            Assert.Equal([PgCatalog.HistoryTable], await PgCatalog.TablesAsync(db.ConnectionString, ct));
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
