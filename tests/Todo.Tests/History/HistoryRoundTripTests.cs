using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Data;
using Todo.Server.Http;
using Todo.Tests.Infrastructure;
using Todo.Tests.Tasks;

using static Todo.Tests.History.HistoryTestSupport;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.History;

/// <summary>
/// A bulk change of 1,000 tasks, its undo and its redo each cost at most five database round trips (counted by the server's
/// command interceptor), and a page of activity deep in a long log costs what the first page costs and reads only the page.
/// </summary>
public abstract class HistoryRoundTripTests(ApiFixture api)
{
    private const int MaxBulkRoundTrips = 5;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact(Timeout = 120_000)]
    public async Task BulkCompleteOfAThousandTasksItsUndoAndRedoEachTakeAtMostFiveRoundTrips()
    {
        var user = await api.CreateUserAsync();
        await api.SeedTasksAsync(user.Id, TaskServiceLimit);
        await user.Client.GetAsync("/api/auth/me", Cancellation); // the account's active flag is read once, then cached
        var ids = await api.WithDbAsync(db => db.Tasks.Where(t => t.UserId == user.Id).Select(t => t.Id).ToListAsync());

        var bulk = await user.BulkAsync(new { action = "complete", ids });
        Assert.True(bulk.StatusCode == HttpStatusCode.OK, await DescribeAsync(bulk));
        var answer = await bulk.Content.ReadFromJsonAsync<JsonElement>(Json, Cancellation);
        Assert.Equal((1000, 1000), (answer.GetProperty("matched").GetInt32(), answer.GetProperty("changed").GetInt32()));
        Assert.InRange(RoundTrips(bulk), 1, MaxBulkRoundTrips);
        Assert.Equal(1000, await CountAsync(user.Id, completed: true));

        var undo = await user.UndoAsync();
        Assert.True(undo.StatusCode == HttpStatusCode.OK, await DescribeAsync(undo));
        Assert.Equal(1000, (await undo.Content.ReadFromJsonAsync<JsonElement>(Json, Cancellation)).GetProperty("undone").GetInt32());
        Assert.InRange(RoundTrips(undo), 1, MaxBulkRoundTrips);
        Assert.Equal(0, await CountAsync(user.Id, completed: true));

        var redo = await user.RedoAsync();
        Assert.True(redo.StatusCode == HttpStatusCode.OK, await DescribeAsync(redo));
        Assert.InRange(RoundTrips(redo), 1, MaxBulkRoundTrips);
        Assert.Equal(1000, await CountAsync(user.Id, completed: true));

        var byFilter = await user.BulkAsync(new { action = "reopen", filter = "completed" });
        Assert.True(byFilter.StatusCode == HttpStatusCode.OK, await DescribeAsync(byFilter));
        Assert.InRange(RoundTrips(byFilter), 1, MaxBulkRoundTrips);
        Assert.Equal(0, await CountAsync(user.Id, completed: true));

        var events = await api.StoredEventsAsync(user.Id);
        Assert.Equal(4000, events.Count);
        Assert.Equal(4, events.Select(e => e.BatchId).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 4000).Select(i => (long)i), events.Select(e => e.Seq));
    }

    [Fact(Timeout = 120_000)]
    public async Task TasksPutEachToItsOwnValuesTakeOneStatementNotOnePerValue()
    {
        const int Count = 300;
        var user = await api.CreateUserAsync();
        await api.SeedTasksAsync(user.Id, Count);
        // Every task repeats weekly from a day of its own: completing them moves each to its own next day, and undoing a
        // change of their due puts back as many different dues.
        await api.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(api.Provider == DatabaseProvider.Postgres
            ? "UPDATE tasks SET due_date = DATE '2030-01-01' + number, due_recurrence = 'FREQ=WEEKLY', due_order = TIMESTAMPTZ '2030-01-01 00:00Z' + number * INTERVAL '1 day'"
            : "UPDATE tasks SET due_date = date('2030-01-01', '+' || number || ' days'), due_recurrence = 'FREQ=WEEKLY', due_order = strftime('%Y-%m-%d %H:%M:%S', '2030-01-01', '+' || number || ' days')"));
        var before = await DuesAsync(user.Id);
        Assert.Equal(Count, before.Values.Distinct().Count());
        await user.Client.GetAsync("/api/auth/me", Cancellation);

        var completed = await user.BulkAsync(new { action = "complete", filter = "recurring" });
        Assert.True(completed.StatusCode == HttpStatusCode.OK, await DescribeAsync(completed));
        Assert.InRange(RoundTrips(completed), 1, MaxBulkRoundTrips);
        var moved = await DuesAsync(user.Id);
        Assert.All(moved, due => Assert.Equal(before[due.Key].AddDays(7), due.Value));

        var undo = await user.UndoAsync();
        Assert.True(undo.StatusCode == HttpStatusCode.OK, await DescribeAsync(undo));
        Assert.InRange(RoundTrips(undo), 1, MaxBulkRoundTrips);
        Assert.Equal(before, await DuesAsync(user.Id));

        var dated = await user.BulkAsync(new { action = "set_due", filter = "recurring", due_string = "2031-06-01" });
        Assert.True(dated.StatusCode == HttpStatusCode.OK, await DescribeAsync(dated));
        Assert.All((await DuesAsync(user.Id)).Values, due => Assert.Equal(new DateOnly(2031, 6, 1), due));
        var undoDated = await user.UndoAsync();
        Assert.True(undoDated.StatusCode == HttpStatusCode.OK, await DescribeAsync(undoDated));
        Assert.InRange(RoundTrips(undoDated), 1, MaxBulkRoundTrips);
        Assert.Equal(before, await DuesAsync(user.Id));
        var stored = await api.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.UserId == user.Id).ToListAsync());
        Assert.All(stored, t => Assert.Equal(("FREQ=WEEKLY", false), (t.DueRecurrence, t.IsCompleted)));
    }

    [Fact(Timeout = 120_000)]
    public async Task APageDeepInTwentyThousandEventsTakesOneQueryAndReadsOnlyThePage()
    {
        const int Events = 20_000;
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("Busy");
        await SeedEventsAsync(user.Id, task.Id, Events);
        await user.Client.GetAsync("/api/auth/me", Cancellation);

        var first = await user.Client.GetAsync("/api/activity?limit=100", Cancellation);
        var deep = await user.Client.GetAsync($"/api/activity?limit=100&cursor={Uri.EscapeDataString(Cursor(150))}", Cancellation);

        foreach (var response in new[] { first, deep })
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
            Assert.InRange(RoundTrips(response), 1, 2);
            Assert.InRange(int.Parse(response.Headers.GetValues(DbCommandCounter.RowsHeaderName).Single(), CultureInfo.InvariantCulture), 1, 102);
        }

        var firstItems = (await first.Content.ReadFromJsonAsync<JsonElement>(Json, Cancellation)).GetProperty("items");
        Assert.Equal(Enumerable.Range(Events + 2 - 100, 100).Reverse().Select(i => (long)i), firstItems.EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
        var page = await deep.Content.ReadFromJsonAsync<JsonElement>(Json, Cancellation);
        Assert.Equal(Enumerable.Range(50, 100).Reverse().Select(i => (long)i), page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
        var last = await user.Client.GetFromJsonAsync<JsonElement>(
            $"/api/activity?limit=100&cursor={Uri.EscapeDataString(page.GetProperty("next_cursor").GetString()!)}", Json, Cancellation);
        Assert.Equal(Enumerable.Range(1, 49).Reverse().Select(i => (long)i), last.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
        Assert.Equal(JsonValueKind.Null, last.GetProperty("next_cursor").ValueKind);
    }

    private const int TaskServiceLimit = Todo.Server.Tasks.TaskService.BulkLimit;

    private static string Cursor(long before)
    {
        var fields = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(fields, before);
        return PageCursor.Encode(PageCursorKind.Activity, fields);
    }

    private Task<Dictionary<int, DateOnly>> DuesAsync(Guid userId) =>
        api.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.UserId == userId).ToDictionaryAsync(t => t.Number, t => t.DueDate!.Value));

    private Task<int> CountAsync(Guid userId, bool completed) =>
        api.WithDbAsync(db => db.Tasks.CountAsync(t => t.UserId == userId && t.IsCompleted == completed));

    /// <summary>Appends <paramref name="count"/> events after the user's first (the creation), in one statement, numbered on.</summary>
    private Task<int> SeedEventsAsync(Guid userId, Guid taskId, int count) => api.WithDbAsync(async db =>
    {
        var batch = Guid.NewGuid();
        var at = DateTime.UtcNow;
        const string empty = "{}";
        if (api.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO activity (user_id, seq, batch_id, at, source, kind, task_id, task_number, task_title, changes)
                SELECT {userId}, 1 + g, {batch}, {at}, 'api', 'updated', {taskId}, 1, 'Busy', {empty}
                FROM generate_series(1, {count}) AS g
                """);
        }
        else
        {
            await db.Database.ExecuteSqlAsync($"""
                WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < {count})
                INSERT INTO activity (user_id, seq, batch_id, at, source, kind, task_id, task_number, task_title, changes)
                SELECT {userId}, 1 + i, {batch}, {at}, 'api', 'updated', {taskId}, 1, 'Busy', {empty} FROM g
                """);
        }

        return await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(u => u.ActivitySeq, 1 + count));
    });
}

public sealed class SqliteHistoryRoundTripTests(CountingSqliteApi api) : HistoryRoundTripTests(api), IClassFixture<CountingSqliteApi>;

public sealed class PostgresHistoryRoundTripTests(CountingPostgresApi api) : HistoryRoundTripTests(api), IClassFixture<CountingPostgresApi>;
