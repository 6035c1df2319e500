using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Live;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Infrastructure.ProblemAssert;
using static Todo.Tests.Tasks.TaskTestSupport;

namespace Todo.Tests.Live;

/// <summary>A server whose idle event streams send a heartbeat every half second.</summary>
public sealed class LiveSqliteApi : SqliteApi
{
    protected override IReadOnlyDictionary<string, string?>? Settings => LiveSettings.Values;
}

public sealed class LivePostgresApi(PostgresServer server) : PostgresApi(server)
{
    protected override IReadOnlyDictionary<string, string?>? Settings => LiveSettings.Values;
}

internal static class LiveSettings
{
    public static readonly IReadOnlyDictionary<string, string?> Values = new Dictionary<string, string?>
    {
        ["Live:HeartbeatSeconds"] = "0.5",
    };
}

/// <summary>
/// GET /api/events on each database: REST changes arrive as the activity log's items with their numbers; Last-Event-ID
/// (or ?last_event_id=) resumes with exactly the missed events; another user's events never appear; notifications and
/// heartbeats; 429 above five open streams, 400 for a bad Last-Event-ID, 401 without a token.
/// </summary>
public abstract class EventStreamTests(ApiFixture api)
{
    [Fact(Timeout = 60_000)]
    public async Task RestChangesArriveAsTheActivityLogsItemsInOrder()
    {
        var user = await api.CreateUserAsync();
        await using var stream = await EventStreamClient.OpenAsync(user.Client);

        var task = await user.CreateTaskAsync("Buy milk");
        (await user.Client.PatchAsJsonAsync($"/api/tasks/{task.Id}", new { title = "Buy oat milk" }, Json)).EnsureSuccessStatusCode();
        (await user.Client.DeleteAsync($"/api/tasks/{task.Id}")).EnsureSuccessStatusCode();

        var received = new[] { await stream.NextAsync(), await stream.NextAsync(), await stream.NextAsync() };
        Assert.All(received, e => Assert.Equal("activity", e.Event));
        Assert.Equal(["created", "updated", "deleted"], received.Select(e => e.Json.GetProperty("kind").GetString()));
        Assert.All(received, e => Assert.Equal(task.Id, e.Json.GetProperty("task").GetProperty("id").GetGuid()));
        Assert.Equal(received.Select(e => e.Json.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)), received.Select(e => e.Id));

        // Each event is the activity log's item, field for field.
        var log = await user.Client.GetFromJsonAsync<JsonElement>("/api/activity", Json);
        var items = log.GetProperty("items").EnumerateArray().Reverse().ToList();
        Assert.Equal(items.Select(i => i.GetRawText()), received.Select(e => e.Json.GetRawText()));
        Assert.Null(await stream.NoEventWithinAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact(Timeout = 60_000)]
    public async Task WithoutLastEventIdTheStreamStartsNow()
    {
        var user = await api.CreateUserAsync();
        await user.CreateTaskAsync("Before");
        await using var stream = await EventStreamClient.OpenAsync(user.Client);

        var after = await user.CreateTaskAsync("After");

        var first = await stream.NextAsync();
        Assert.Equal(after.Id, first.Json.GetProperty("task").GetProperty("id").GetGuid());
    }

    [Theory(Timeout = 60_000)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ResumingSendsExactlyTheMissedEventsThenLiveOnesWithoutDuplicates(bool header)
    {
        var user = await api.CreateUserAsync();
        string lastSeen;
        await using (var first = await EventStreamClient.OpenAsync(user.Client))
        {
            await user.CreateTaskAsync("One");
            lastSeen = (await first.NextAsync()).Id!;
        }

        // Missed while disconnected.
        var two = await user.CreateTaskAsync("Two");
        var three = await user.CreateTaskAsync("Three");
        (await user.Client.PatchAsync($"/api/tasks/{two.Id}/complete", null)).EnsureSuccessStatusCode();

        await using var resumed = header
            ? await EventStreamClient.OpenAsync(user.Client, lastEventId: lastSeen)
            : await EventStreamClient.OpenAsync(user.Client, query: $"?last_event_id={lastSeen}");
        var missed = new[] { await resumed.NextAsync(), await resumed.NextAsync(), await resumed.NextAsync() };
        var start = long.Parse(lastSeen, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([start + 1, start + 2, start + 3], missed.Select(e => long.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(
            [(two.Id, "created"), (three.Id, "created"), (two.Id, "completed")],
            missed.Select(e => (e.Json.GetProperty("task").GetProperty("id").GetGuid(), e.Json.GetProperty("kind").GetString())));

        var four = await user.CreateTaskAsync("Four");
        var live = await resumed.NextAsync();
        Assert.Equal((start + 4).ToString(System.Globalization.CultureInfo.InvariantCulture), live.Id);
        Assert.Equal(four.Id, live.Json.GetProperty("task").GetProperty("id").GetGuid());
        Assert.Null(await resumed.NoEventWithinAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact(Timeout = 60_000)]
    public async Task ChangesMadeWhileTheStreamCatchesUpAreSentOnceEach()
    {
        var user = await api.CreateUserAsync();
        for (var i = 0; i < 5; i++)
        {
            await user.CreateTaskAsync($"Early {i}");
        }

        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await user.CreateTaskAsync($"Late {i}");
            }
        });
        await using var stream = await EventStreamClient.OpenAsync(user.Client, lastEventId: "0");
        await writing;

        var ids = new List<long>();
        for (var i = 0; i < 15; i++)
        {
            ids.Add(long.Parse((await stream.NextAsync()).Id!, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(Enumerable.Range(1, 15).Select(i => (long)i), ids);
        Assert.Null(await stream.NoEventWithinAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact(Timeout = 60_000)]
    public async Task AnotherUsersEventsNeverAppear()
    {
        var alice = await api.CreateUserAsync();
        var bob = await api.CreateUserAsync();
        await using var aliceStream = await EventStreamClient.OpenAsync(alice.Client, lastEventId: "0");

        var bobs = await bob.CreateTaskAsync("Bob's secret");
        (await bob.Client.DeleteAsync($"/api/tasks/{bobs.Id}")).EnsureSuccessStatusCode();
        var alices = await alice.CreateTaskAsync("Alice's");

        var first = await aliceStream.NextAsync();
        Assert.Equal(alices.Id, first.Json.GetProperty("task").GetProperty("id").GetGuid());
        Assert.Equal("1", first.Id);
        Assert.Null(await aliceStream.NoEventWithinAsync(TimeSpan.FromMilliseconds(300)));

        // Resuming from a number of Bob's log sends Alice nothing of his.
        await using var resumed = await EventStreamClient.OpenAsync(alice.Client, lastEventId: "0");
        Assert.Equal(alices.Id, (await resumed.NextAsync()).Json.GetProperty("task").GetProperty("id").GetGuid());
        Assert.Null(await resumed.NoEventWithinAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact(Timeout = 60_000)]
    public async Task ANotificationSignalIsSentAsANotificationEvent()
    {
        var user = await api.CreateUserAsync();
        var other = await api.CreateUserAsync();
        await using var stream = await EventStreamClient.OpenAsync(user.Client);
        var signals = api.Services.GetRequiredService<IUserSignals>();

        await signals.PublishAsync(other.Id, UserSignal.Notification, TestContext.Current.CancellationToken);
        await signals.PublishAsync(user.Id, UserSignal.Notification, TestContext.Current.CancellationToken);

        var notification = await stream.NextAsync();
        Assert.Equal(("notification", null), (notification.Event, notification.Id));
        Assert.Equal("notification", notification.Json.GetProperty("type").GetString());
        Assert.Null(await stream.NoEventWithinAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact(Timeout = 60_000)]
    public async Task AnIdleStreamSendsAHeartbeatComment()
    {
        var user = await api.CreateUserAsync();
        await using var stream = await EventStreamClient.OpenAsync(user.Client);

        var beat = await stream.NextOrCommentAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("keep-alive", beat.Comment);
    }

    [Fact(Timeout = 60_000)]
    public async Task AUserHoldsAtMostFiveStreamsAndAClosedOneFreesItsPlace()
    {
        var user = await api.CreateUserAsync();
        var other = await api.CreateUserAsync();
        var open = new List<EventStreamClient>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                open.Add(await EventStreamClient.OpenAsync(user.Client));
            }

            using (var refused = await EventStreamClient.SendAsync(user.Client))
            {
                var problem = await AssertProblemAsync(refused, 429);
                Assert.Contains("5 event streams", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
                Assert.NotNull(refused.Headers.RetryAfter);
            }

            // Another user is not held back by this one's streams.
            await using (await EventStreamClient.OpenAsync(other.Client))
            {
            }

            await open[0].DisposeAsync();
            open.RemoveAt(0);
            var streams = api.Services.GetRequiredService<EventStreams>();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (streams.Open(user.Id) > 4 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            open.Add(await EventStreamClient.OpenAsync(user.Client));
        }
        finally
        {
            foreach (var stream in open)
            {
                await stream.DisposeAsync();
            }
        }
    }

    [Theory]
    [InlineData("Last-Event-ID", "abc")]
    [InlineData("Last-Event-ID", "-1")]
    [InlineData("last_event_id", "1.5")]
    public async Task ALastEventIdThatIsNotAnEventNumberIsA400NamingIt(string field, string value)
    {
        var user = await api.CreateUserAsync();

        using var response = field == "Last-Event-ID"
            ? await EventStreamClient.SendAsync(user.Client, lastEventId: value)
            : await EventStreamClient.SendAsync(user.Client, query: $"?last_event_id={value}");

        await AssertValidationProblemAsync(response, field.ToLowerInvariant()); // error keys are lower case, as every field
    }

    [Fact]
    public async Task WithoutATokenTheStreamIsRefused()
    {
        using var response = await EventStreamClient.SendAsync(api.CreateClient());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class SqliteEventStreamTests(LiveSqliteApi api) : EventStreamTests(api), IClassFixture<LiveSqliteApi>;

public sealed class PostgresEventStreamTests(LivePostgresApi api) : EventStreamTests(api), IClassFixture<LivePostgresApi>;
