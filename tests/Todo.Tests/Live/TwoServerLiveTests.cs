using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Todo.Server.Live;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Tasks.TaskTestSupport;

namespace Todo.Tests.Live;

/// <summary>
/// Two server copies in memory on one PostgreSQL database: a change made through one reaches an event stream of the other
/// within 2 s (LISTEN/NOTIFY), also after the listening connections were cut (they reconnect and the streams re-read).
/// On SQLite the signals stay in the process. A stream ends when its server stops.
/// </summary>
public sealed class TwoServerLiveTests(PostgresServer postgres)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(2);

    [Fact(Timeout = 120_000)]
    public async Task AChangeThroughServerAReachesAStreamOfServerBWithinTwoSecondsAndBack()
    {
        var connectionString = await postgres.CreateDatabaseAsync("live2");
        await using var a = await StartAsync(connectionString);
        await using var b = await StartAsync(connectionString);
        Assert.IsType<PostgresUserSignals>(b.Services.GetRequiredService<IUserSignals>());

        var user = await RegisterAsync(a);
        using var onA = Client(a, user.Token);
        using var onB = Client(b, user.Token);
        await using var streamOnB = await EventStreamClient.OpenAsync(onB);
        await using var streamOnA = await EventStreamClient.OpenAsync(onA);

        var clock = Stopwatch.StartNew();
        var created = await CreateAsync(onA, "Made on A");
        var arrived = await streamOnB.NextAsync(Within);
        Assert.True(clock.Elapsed < Within, $"took {clock.Elapsed}");
        Assert.Equal(created, arrived.Json.GetProperty("task").GetProperty("id").GetGuid());
        Assert.Equal(created, (await streamOnA.NextAsync(Within)).Json.GetProperty("task").GetProperty("id").GetGuid());

        var onBCreated = await CreateAsync(onB, "Made on B");
        Assert.Equal(onBCreated, (await streamOnA.NextAsync(Within)).Json.GetProperty("task").GetProperty("id").GetGuid());
        Assert.Equal(onBCreated, (await streamOnB.NextAsync(Within)).Json.GetProperty("task").GetProperty("id").GetGuid());

        // Each server hears of the other's change once: no event twice.
        Assert.Null(await streamOnA.NoEventWithinAsync(TimeSpan.FromMilliseconds(300)));
        Assert.Null(await streamOnB.NoEventWithinAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact(Timeout = 120_000)]
    public async Task AfterTheListeningConnectionsAreCutTheyReconnectAndNothingIsLost()
    {
        var connectionString = await postgres.CreateDatabaseAsync("live2cut");
        await using var a = await StartAsync(connectionString);
        await using var b = await StartAsync(connectionString);
        var user = await RegisterAsync(a);
        using var onA = Client(a, user.Token);
        using var onB = Client(b, user.Token);
        await using var streamOnB = await EventStreamClient.OpenAsync(onB);
        var listenerB = b.Services.GetRequiredService<PostgresSignalListener>();
        Assert.Equal(1, listenerB.Connections);

        // Every listening connection of the database is cut; the change made right then is not heard as a NOTIFY by B.
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync(TestContext.Current.CancellationToken);
            await using var cut = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'todo signals' AND datname = current_database()", admin);
            Assert.Equal(2L, await cut.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }

        var created = await CreateAsync(onA, "Made while cut");
        // After listening again B tells its streams to re-read (and to look at notifications): the missed change arrives.
        var arrived = await NextActivityAsync(streamOnB, TimeSpan.FromSeconds(10));
        Assert.Equal(created, arrived.Json.GetProperty("task").GetProperty("id").GetGuid());
        Assert.True(listenerB.Connections >= 2, "B did not listen again");

        // Live again across servers.
        var later = await CreateAsync(onA, "After the reconnection");
        Assert.Equal(later, (await NextActivityAsync(streamOnB, Within)).Json.GetProperty("task").GetProperty("id").GetGuid());
    }

    [Fact(Timeout = 60_000)]
    public async Task OnSqliteTheSignalsStayInTheProcess()
    {
        using var database = new TemporarySqliteDatabase();
        await using var server = await StartAsync(database.ConnectionString);
        Assert.IsType<LocalUserSignals>(server.Services.GetRequiredService<IUserSignals>());
        Assert.Equal(0, server.Services.GetRequiredService<PostgresSignalListener>().Connections);
    }

    [Fact(Timeout = 60_000)]
    public async Task AStreamEndsWhenItsServerStops()
    {
        using var database = new TemporarySqliteDatabase();
        var server = await StartAsync(database.ConnectionString);
        var user = await RegisterAsync(server);
        using var client = Client(server, user.Token);
        await using var stream = await EventStreamClient.OpenAsync(client);

        var stopping = server.DisposeAsync().AsTask();

        await stream.WaitForEndAsync(TimeSpan.FromSeconds(10));
        await stopping.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
    }

    private static async Task<SseEvent> NextActivityAsync(EventStreamClient stream, TimeSpan within)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var left = within - deadline.Elapsed;
            var next = left > TimeSpan.Zero ? await stream.NextAsync(left) : throw new TimeoutException($"No activity within {within}.");
            if (next.Event == "activity")
            {
                return next;
            }
        }
    }

    private static async Task<TodoApiFactory> StartAsync(string connectionString)
    {
        var factory = new TodoApiFactory(connectionString);
        _ = factory.Server;
        await factory.Services.GetRequiredService<PostgresSignalListener>().Listening
            .WaitAsync(TimeSpan.FromSeconds(factory.Services.GetRequiredService<IUserSignals>() is PostgresUserSignals ? 30 : 0.1))
            .ContinueWith(_ => { }, TaskScheduler.Default);
        return factory;
    }

    private static async Task<(string Email, string Token)> RegisterAsync(TodoApiFactory server)
    {
        var email = $"live-{Guid.NewGuid():N}@example.com";
        var client = server.CreateClient();
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password = "correct horse battery" }, Json)).EnsureSuccessStatusCode();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "correct horse battery" }, Json);
        login.EnsureSuccessStatusCode();
        return (email, (await login.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("access_token").GetString()!);
    }

    private static HttpClient Client(TodoApiFactory server, string token)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<Guid> CreateAsync(HttpClient client, string title)
    {
        using var response = await client.PostAsJsonAsync("/api/tasks", new { title }, Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
    }
}
