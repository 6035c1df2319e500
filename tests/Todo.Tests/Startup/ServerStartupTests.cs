using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Todo.Tests.Data;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Startup;

/// <summary>
/// The server as an operator starts it, in its own process: on SQLite with no setup, on PostgreSQL that
/// goes away and comes back, and with migration at start-up turned off.
/// </summary>
public sealed class ServerStartupTests(PostgresServer sharedServer)
{
    private const int Timeout = 180_000;

    [Fact(Timeout = Timeout)]
    public async Task WithNoConnectionStringTheServerCreatesDataTodoDbUnderItsContentRootAndIsReady()
    {
        var ct = TestContext.Current.CancellationToken;
        var contentRoot = Directory.CreateTempSubdirectory("todo-start-").FullName;
        try
        {
            await using (var server = await TodoServerProcess.StartAsync(
                ServerEnvironment.For(connectionString: null), ["--contentRoot", contentRoot], cancellationToken: ct))
            {
                using var live = await server.HttpClient.GetAsync(new Uri("health/live", UriKind.Relative), ct);
                using var ready = await server.HttpClient.GetAsync(new Uri("health/ready", UriKind.Relative), ct);

                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
                Assert.True(ready.StatusCode == HttpStatusCode.OK, $"{ready.StatusCode}: {await ready.Content.ReadAsStringAsync(ct)}\n{server}");
                Assert.Equal("Healthy", await StatusOfAsync(ready, ct));
                Assert.True(File.Exists(Path.Combine(contentRoot, "data", "todo.db")), $"no data/todo.db under {contentRoot}\n{server}");
            }
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact(Timeout = Timeout)]
    public async Task ReadinessAnswers503WithinFiveSecondsWhilePostgresIsStoppedAnd200AgainOnceItIsBack()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var postgres = await PostgresServer.StartNewAsync();
        var connectionString = await postgres.CreateDatabaseAsync("outage");
        await using var server = await TodoServerProcess.StartAsync(ServerEnvironment.For(connectionString), cancellationToken: ct);
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        Assert.Equal(HttpStatusCode.OK, await WaitForReadyStatusAsync(client, HttpStatusCode.OK, TimeSpan.FromSeconds(10), ct));

        await postgres.StopAsync(immediate: true);
        var stopwatch = Stopwatch.StartNew();
        using var whileStopped = await client.GetAsync(new Uri("health/ready", UriKind.Relative), ct);
        var firstAnswer = stopwatch.Elapsed;
        stopwatch.Restart();
        using var again = await client.GetAsync(new Uri("health/ready", UriKind.Relative), ct);
        var secondAnswer = stopwatch.Elapsed;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileStopped.StatusCode);
        Assert.True(firstAnswer < TimeSpan.FromSeconds(5), $"the first answer with PostgreSQL stopped took {firstAnswer.TotalSeconds:0.0} s");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, again.StatusCode);
        Assert.True(secondAnswer < TimeSpan.FromSeconds(5), $"the second answer with PostgreSQL stopped took {secondAnswer.TotalSeconds:0.0} s");
        Assert.Equal("Unhealthy", await StatusOfAsync(whileStopped, ct));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("health/live", UriKind.Relative), ct)).StatusCode);

        await postgres.StartAsync();

        Assert.Equal(HttpStatusCode.OK, await WaitForReadyStatusAsync(client, HttpStatusCode.OK, TimeSpan.FromSeconds(15), ct));
    }

    [Fact(Timeout = Timeout)]
    public async Task WithMigrateOnStartOffTheServerStartsNotReadyAndIsReadyAfterDbMigrate()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ScratchDatabase.CreateAsync(sharedServer, "nomigrate");
        var environment = ServerEnvironment.For(db.ConnectionString);
        environment["Database__MigrateOnStart"] = "false";
        await using var server = await TodoServerProcess.StartAsync(environment, cancellationToken: ct);

        using var pending = await server.HttpClient.GetAsync(new Uri("health/ready", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, pending.StatusCode);
        Assert.Contains("pending", await pending.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.DoesNotContain("users", await PgCatalog.TablesAsync(db.ConnectionString, ct));

        await Db.RunOkAsync(db.Cli, "db", "migrate");

        Assert.Equal(HttpStatusCode.OK, await WaitForReadyStatusAsync(server.HttpClient, HttpStatusCode.OK, TimeSpan.FromSeconds(10), ct));
    }

    [Fact(Timeout = Timeout)]
    public async Task WithMigrateOnStartTheServerMigratesAFreshPostgresDatabaseBeforeItIsLive()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ScratchDatabase.CreateAsync(sharedServer, "migratestart");

        await using var server = await TodoServerProcess.StartAsync(ServerEnvironment.For(db.ConnectionString), cancellationToken: ct);

        using var ready = await server.HttpClient.GetAsync(new Uri("health/ready", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var status = await Db.StatusAsync(db.Cli);
        Assert.Empty(status.Pending);
        Assert.Contains("00000000000001_InitialSchema", status.Applied);
    }

    [Fact(Timeout = Timeout)]
    public async Task WithAnInvalidConnectionStringTheServerExitsOneWithAOneLineReasonNamingTheSetting()
    {
        var cli = ServerEnvironment.Cli("Foo=bar", TimeSpan.FromSeconds(30));
        cli.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";

        var run = await cli.RunAsync();

        Assert.True(run.ExitCode == 1, run.ToString());
        var line = Assert.Single(Db.ErrorLines(run));
        Assert.Contains("ConnectionStrings:Todo", line, StringComparison.Ordinal);
    }

    /// <summary>Polls /health/ready until it answers <paramref name="wanted"/> or <paramref name="within"/> passes; returns the last status.</summary>
    private static async Task<HttpStatusCode> WaitForReadyStatusAsync(HttpClient client, HttpStatusCode wanted, TimeSpan within, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            HttpStatusCode status;
            try
            {
                using var response = await client.GetAsync(new Uri("health/ready", UriKind.Relative), ct);
                status = response.StatusCode;
            }
            catch (HttpRequestException)
            {
                status = 0;
            }

            if (status == wanted || deadline.Elapsed > within)
            {
                return status;
            }

            await Task.Delay(200, ct);
        }
    }

    private static async Task<string?> StatusOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return json.RootElement.GetProperty("status").GetString();
    }
}
