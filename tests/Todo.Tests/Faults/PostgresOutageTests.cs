using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Faults;

/// <summary>
/// PostgreSQL goes away for 5 seconds under a steady stream of creates, on a server running in its own
/// process: requests fail fast with 503 problem details, and the same server serves again once the
/// database is back, with every acknowledged task kept.
/// </summary>
public sealed class PostgresOutageTests
{
    private const int Timeout = 240_000;
    private const int Workers = 3;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(3);

    [Fact(Timeout = Timeout)]
    public async Task RequestsFailFastWith503DuringAnOutageAndServiceReturnsWithoutARestartLosingNothingAcknowledged()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        await using var postgres = await PostgresServer.StartNewAsync();
        var connectionString = await postgres.CreateDatabaseAsync("outage");
        await using var server = await TodoServerProcess.StartAsync(FaultTestSupport.Environment(connectionString), cancellationToken: ct);
        var token = await FaultTestSupport.SignUpAsync(server, "stream@example.com", ct);
        using var client = FaultTestSupport.Client(server, token, timeout: TimeSpan.FromSeconds(20));
        var streaming = clock.Elapsed;

        var outcomes = new ConcurrentQueue<Outcome>();
        using var stopStream = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var stream = Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stopStream.IsCancellationRequested; i++)
            {
                outcomes.Enqueue(await FaultTestSupport.CreateAsync(client, $"outage task {worker}-{i}", clock, ct));
                await Task.Delay(50, CancellationToken.None);
            }
        }, CancellationToken.None)));

        // A steady stream first, then PostgreSQL stops (immediately, as a crash would) for 5 s.
        await WaitUntilAsync(() => outcomes.Count(o => o.Status == 201) >= 30, TimeSpan.FromSeconds(15), ct);
        var stopping = clock.Elapsed;
        await postgres.StopAsync(immediate: true);
        var stopped = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        var readyWhileStopped = await FaultTestSupport.ReadyAsync(server, ct);
        var restOfOutage = Outage - (clock.Elapsed - stopped);
        if (restOfOutage > TimeSpan.Zero)
        {
            await Task.Delay(restOfOutage, ct);
        }

        await postgres.StartAsync();
        var back = clock.Elapsed;
        await Task.Delay(Recovery + TimeSpan.FromSeconds(2), ct);
        var readyAfter = await FaultTestSupport.ReadyAsync(server, ct);
        await stopStream.CancelAsync();
        await stream;

        var all = outcomes.OrderBy(o => o.StartedAt).ToList();
        var timeline = $"PostgreSQL and the server up, user signed in at {streaming.TotalSeconds:0.00} s; stopping {stopping.TotalSeconds:0.00} s, " +
                       $"stopped {stopped.TotalSeconds:0.00} s, back {back.TotalSeconds:0.00} s, stream ended {clock.Elapsed.TotalSeconds:0.00} s; " +
                       $"{all.Count} requests: {all.Count(o => o.Status == 201)} x 201, {all.Count(o => o.Status == 503)} x 503, " +
                       $"slowest {all.Max(o => o.Took).TotalSeconds:0.00} s; last 503 answered " +
                       $"{((all.Where(o => o.Status == 503).Select(o => o.StartedAt + o.Took).DefaultIfEmpty().Max() - back).TotalSeconds):+0.00;-0.00} s from PostgreSQL back";
        TestContext.Current.TestOutputHelper?.WriteLine(timeline);
        var log = string.Join('\n', all.Where(o => o.Status != 201)) + $"\n{timeline}\n{server}";

        // Fast failure: every request was answered, within 5 s, either 201 or 503 problem details with Retry-After.
        Assert.All(all, o => Assert.True(o.Status is 201 or 503 && o.Took < FailFast, $"{o}\n{log}"));
        var unavailable = all.Where(o => o.Status == 503).ToList();
        Assert.True(unavailable.Count >= 5, $"only {unavailable.Count} requests met the outage\n{log}");
        Assert.All(unavailable, o => Assert.True(
            o.MediaType == "application/problem+json" && o.HasRetryAfter && o.Body.Contains("\"status\":503", StringComparison.Ordinal), $"{o}\n{log}"));
        Assert.True(readyWhileStopped.Status == HttpStatusCode.ServiceUnavailable && readyWhileStopped.Took < FailFast,
            $"/health/ready with PostgreSQL stopped: {readyWhileStopped}\n{log}");

        // Recovery without a restart: from 3 s after PostgreSQL is back, every request succeeds.
        var afterRecovery = all.Where(o => o.StartedAt >= back + Recovery).ToList();
        Assert.True(afterRecovery.Count >= 10, $"only {afterRecovery.Count} requests after recovery\n{log}");
        Assert.All(afterRecovery, o => Assert.True(o.Status == 201, $"{o}\n{log}"));
        Assert.Equal(HttpStatusCode.OK, readyAfter.Status);
        Assert.False(server.HasExited);

        // Nothing acknowledged is lost, and nothing is stored twice.
        var stored = await FaultTestSupport.AllTasksAsync(client, ct);
        var acknowledged = all.Where(o => o.Status == 201).ToList();
        Assert.True(acknowledged.Count(o => o.StartedAt < stopping) >= 30);
        Assert.All(acknowledged, o => Assert.Single(stored, t => t.Id == o.Id && t.Title == o.Title));
        Assert.Equal(stored.Count, stored.Select(t => t.Title).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(stored.Count, stored.Select(t => t.Number).Distinct().Count());
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan within, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < within, $"the condition did not hold within {within.TotalSeconds:0} s");
            await Task.Delay(50, ct);
        }
    }
}
