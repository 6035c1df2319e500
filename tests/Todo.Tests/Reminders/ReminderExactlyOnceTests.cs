using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Todo.Server.Data;
using Todo.Server.Live;
using Todo.Server.Reminders;
using Todo.Server.Tasks;
using Todo.Tests.Infrastructure;
using Todo.Tests.Tasks.Due;

namespace Todo.Tests.Reminders;

/// <summary>
/// Two servers firing the same database at once (two <see cref="ReminderFirer"/>s, each with its own connections): every
/// reminder of a minute becomes exactly one notification, within 60 s; and when one server stops dead mid-batch, its
/// claims held, the other fires them once their lease ends, all within 60 s (the tests fail then rather than wait).
/// </summary>
public abstract class ReminderExactlyOnceTests(IReminderFiringApi fixture)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly ApiFixture api = fixture.Api;

    /// <summary>10,000 on PostgreSQL (the two servers), 1,000 on SQLite (one writer: the same claims, in turn).</summary>
    private int Count => int.TryParse(Environment.GetEnvironmentVariable("REMINDERS_EXACTLY_ONCE_COUNT"), CultureInfo.InvariantCulture, out var n)
        ? n
        : api.Provider == DatabaseProvider.Postgres ? 10_000 : 1_000;

    [Fact]
    public async Task TwoServersFireEveryReminderOfAMinuteExactlyOnce()
    {
        var (userId, minuteEnd) = await SeedAsync(Count);
        fixture.Clock.Now = minuteEnd;
        using var timeout = new CancellationTokenSource(Bound);
        var a = NewServer();
        var b = NewServer();

        var watch = Stopwatch.StartNew();
        var written = await Task.WhenAll(RunAsync(a, userId, timeout.Token), RunAsync(b, userId, timeout.Token));
        watch.Stop();

        await AssertExactlyOnceAsync(userId, Count);
        Assert.Equal(Count, written.Sum());
        Assert.True(watch.Elapsed < Bound, $"the last of {Count} was delivered after {watch.Elapsed}");
        TestContext.Current.SendDiagnosticMessage($"{api.Provider}: {Count} reminders by two servers in {watch.Elapsed.TotalSeconds:F1} s ({written[0]} + {written[1]})");
    }

    [Fact]
    public async Task WhenAServerDiesMidBatchTheOtherFiresItsClaimsOnceTheLeaseEnds()
    {
        var (userId, minuteEnd) = await SeedAsync(Count);
        fixture.Clock.Now = minuteEnd;
        using var timeout = new CancellationTokenSource(Bound);
        using var death = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var dying = NewServer();
        var batches = 0;
        var held = 0;
        var firstFired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        dying.AfterClaimAsync = async (claimed, _) =>
        {
            if (Interlocked.Increment(ref batches) == 1)
            {
                firstFired.TrySetResult();
            }
            else
            {
                held = claimed;
                await death.CancelAsync(); // killed with the batch claimed and not yet fired
                throw new OperationCanceledException(death.Token);
            }
        };
        var survivor = NewServer();

        // The survivor starts once the other is under way, so the other dies mid-way, at its second batch.
        var dead = RunAsync(dying, userId, death.Token);
        await firstFired.Task.WaitAsync(timeout.Token);
        var alive = RunAsync(survivor, userId, timeout.Token, passTime: true);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dead);
        var survivorWrote = await alive;

        Assert.True(held > 0, "the dying server held a batch");
        await AssertExactlyOnceAsync(userId, Count);
        Assert.False(timeout.IsCancellationRequested);
        Assert.True(survivorWrote >= held, $"the survivor wrote {survivorWrote}, fewer than the {held} held by the dead server");
    }

    private ReminderFirer NewServer() => new(
        api.Services.GetRequiredService<IServiceScopeFactory>(),
        api.Services.GetRequiredService<IUserSignals>(),
        fixture.Clock,
        Options.Create(new ReminderOptions { BatchSize = 100, Lease = Lease }),
        NullLogger<ReminderFirer>.Instance);

    /// <summary>
    /// Fires until none of the user's reminders is left; with <paramref name="passTime"/> a poll that finds nothing to
    /// fire lets a second of the test clock pass (leases end). How many notifications this server wrote.
    /// </summary>
    private async Task<int> RunAsync(ReminderFirer server, Guid userId, CancellationToken cancellationToken, bool passTime = false)
    {
        await Task.Yield();
        var total = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var written = await server.FireDueAsync(cancellationToken);
            total += written;
            if (await api.WithDbAsync(db => db.Reminders.CountAsync(r => r.UserId == userId && r.FiredAt == null, cancellationToken)) == 0)
            {
                return total;
            }

            if (written == 0)
            {
                if (passTime)
                {
                    fixture.Clock.Now += TimeSpan.FromSeconds(1);
                }

                await Task.Delay(5, cancellationToken);
            }
        }
    }

    private async Task AssertExactlyOnceAsync(Guid userId, int count)
    {
        var (notifications, distinct, unfired, stillClaimed) = await api.WithDbAsync(async db => (
            await db.Notifications.CountAsync(n => n.UserId == userId),
            await db.Notifications.Where(n => n.UserId == userId).Select(n => n.ReminderId).Distinct().CountAsync(),
            await db.Reminders.CountAsync(r => r.UserId == userId && r.FiredAt == null),
            await db.Reminders.CountAsync(r => r.UserId == userId && r.ClaimedUntil != null)));
        Assert.Equal((count, count, 0, 0), (notifications, distinct, unfired, stillClaimed));
    }

    /// <summary>A user with <paramref name="count"/> reminders (ten per task) due within one minute; the minute's end.</summary>
    private async Task<(Guid UserId, DateTimeOffset MinuteEnd)> SeedAsync(int count)
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.CreateUserAsync();
        var minute = fixture.Clock.Now.UtcDateTime.AddMinutes(1);
        await api.WithDbAsync(async db =>
        {
            var tasks = new TaskService(db, fixture.Clock);
            for (var made = 0; made < count; made += ReminderInput.MaxPerTask)
            {
                var task = await tasks.CreateAsync(user.Id, $"Task {made / ReminderInput.MaxPerTask}");
                for (var i = made; i < Math.Min(count, made + ReminderInput.MaxPerTask); i++)
                {
                    var at = minute.AddMilliseconds(i * 60_000.0 / count);
                    db.Reminders.Add(new Reminder
                    {
                        Id = Guid.CreateVersion7(),
                        UserId = user.Id,
                        TaskId = task.Id,
                        At = at,
                        FireAt = at,
                        CreatedAt = minute.AddMinutes(-1),
                    });
                }
            }

            await db.SaveChangesAsync();
            return 0;
        });
        return (user.Id, new DateTimeOffset(minute.AddMinutes(1), TimeSpan.Zero));
    }
}

/// <summary>A server whose own firing loop and email are off: the tests run the firers.</summary>
public interface IReminderFiringApi
{
    ApiFixture Api { get; }

    TestClock Clock { get; }
}

public sealed class ReminderFiringSqliteApi : SqliteApi, IReminderFiringApi
{
    public ApiFixture Api => this;

    public TestClock Clock { get; } = new(DueApiSettings.Wednesday);

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" };

    protected override void ConfigureTestServices(IServiceCollection services) => Clock.Use(services);
}

public sealed class ReminderFiringPostgresApi(PostgresServer server) : PostgresApi(server), IReminderFiringApi
{
    public ApiFixture Api => this;

    public TestClock Clock { get; } = new(DueApiSettings.Wednesday);

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" };

    protected override void ConfigureTestServices(IServiceCollection services) => Clock.Use(services);
}

public sealed class SqliteReminderExactlyOnceTests(ReminderFiringSqliteApi api) : ReminderExactlyOnceTests(api), IClassFixture<ReminderFiringSqliteApi>;

public sealed class PostgresReminderExactlyOnceTests(ReminderFiringPostgresApi api) : ReminderExactlyOnceTests(api), IClassFixture<ReminderFiringPostgresApi>;
