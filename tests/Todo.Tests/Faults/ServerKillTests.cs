using System.Collections.Concurrent;
using System.Diagnostics;
using Todo.Tests.Data;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Faults;

/// <summary>The server killed with SIGKILL in the middle of a stream of creates, then started again on the same database.</summary>
public sealed class ServerKillTests(PostgresServer postgres)
{
    private const int Timeout = 240_000;
    private const int Workers = 4;

    [Fact(Timeout = Timeout)]
    public async Task EveryCreateAnswered201BeforeASigkillExistsExactlyOnceAfterARestart()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ScratchDatabase.CreateAsync(postgres, "sigkill");
        var environment = FaultTestSupport.Environment(db.ConnectionString);

        var clock = Stopwatch.StartNew();
        var outcomes = new ConcurrentQueue<Outcome>();
        string token;
        await using (var server = await TodoServerProcess.StartAsync(environment, cancellationToken: ct))
        {
            token = await FaultTestSupport.SignUpAsync(server, "killed@example.com", ct);
            using var client = FaultTestSupport.Client(server, token, timeout: TimeSpan.FromSeconds(20));
            var stream = Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
            {
                // Until the server is gone: its connection refused, or a request cut off by the kill.
                for (var i = 0; ; i++)
                {
                    var outcome = await FaultTestSupport.CreateAsync(client, $"kill task {worker}-{i}", clock, ct);
                    outcomes.Enqueue(outcome);
                    if (outcome.Status == Outcome.NoAnswer)
                    {
                        return;
                    }
                }
            }, CancellationToken.None)));

            while (outcomes.Count(o => o.Status == 201) < 100)
            {
                Assert.False(stream.IsCompleted, string.Join('\n', outcomes) + "\n" + server);
                await Task.Delay(20, ct);
            }

            server.Kill();
            await server.WaitForExitAsync(TimeSpan.FromSeconds(10));
            await stream.WaitAsync(TimeSpan.FromSeconds(30), ct);
        }

        var all = outcomes.ToList();
        Assert.All(all, o => Assert.True(o.Status is 201 or Outcome.NoAnswer, o.ToString()));
        var acknowledged = all.Where(o => o.Status == 201).ToList();
        var cutOff = all.Where(o => o.Status == Outcome.NoAnswer).Select(o => o.Title).ToHashSet(StringComparer.Ordinal);

        await using var restarted = await TodoServerProcess.StartAsync(environment, cancellationToken: ct);
        using var after = FaultTestSupport.Client(restarted, token);
        var stored = await FaultTestSupport.AllTasksAsync(after, ct);

        // Every acknowledged create is there, once, as answered; a create cut off by the kill is there at most once;
        // nothing else appeared, and the per-user numbers are still unique.
        Assert.All(acknowledged, o => Assert.Single(stored, t => t.Id == o.Id && t.Title == o.Title));
        Assert.All(stored, t => Assert.True(
            acknowledged.Any(o => o.Id == t.Id) || cutOff.Contains(t.Title), $"{t} was never requested"));
        Assert.Equal(stored.Count, stored.Select(t => t.Title).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(stored.Count, stored.Select(t => t.Number).Distinct().Count());
        Assert.InRange(stored.Count, acknowledged.Count, acknowledged.Count + Workers);
    }
}
