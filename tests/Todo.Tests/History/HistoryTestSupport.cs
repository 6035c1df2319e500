using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Data;
using Todo.Server.History;
using Todo.Tests.Infrastructure;

using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.History;

/// <summary>Shorthands the activity, undo, trash and bulk tests share: reading the log, undoing, and sending bulk changes.</summary>
internal static class HistoryTestSupport
{
    public static JsonSerializerOptions Json => ApiFixture.Json;

    /// <summary>Labels for a request body.</summary>
    public static string[] L(params string[] labels) => labels;

    /// <summary>GET /api/activity (newest first), asserted 200; the items.</summary>
    public static async Task<List<JsonElement>> ActivityAsync(this TestUser user, string query = "?limit=100")
    {
        var response = await user.Client.GetAsync("/api/activity" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        return [.. body.GetProperty("items").EnumerateArray()];
    }

    /// <summary>The events after <paramref name="before"/> (events as listed, newest first), oldest first.</summary>
    public static async Task<List<JsonElement>> NewEventsAsync(this TestUser user, IReadOnlyCollection<JsonElement> before)
    {
        var seen = before.Count == 0 ? 0 : before.Max(e => e.GetProperty("id").GetInt64());
        var all = await user.ActivityAsync();
        return [.. all.Where(e => e.GetProperty("id").GetInt64() > seen).OrderBy(e => e.GetProperty("id").GetInt64())];
    }

    public static string Kind(this JsonElement e) => e.GetProperty("kind").GetString()!;

    public static string Source(this JsonElement e) => e.GetProperty("source").GetString()!;

    public static Guid Batch(this JsonElement e) => e.GetProperty("batch_id").GetGuid();

    public static Guid TaskId(this JsonElement e) => e.GetProperty("task").GetProperty("id").GetGuid();

    public static bool Undone(this JsonElement e) => e.GetProperty("undone").GetBoolean();

    /// <summary>The [before, after] pair the event recorded for <paramref name="field"/>, as raw JSON texts.</summary>
    public static (string Before, string After) Change(this JsonElement e, string field)
    {
        Assert.True(e.GetProperty("changes").TryGetProperty(field, out var pair), $"The event has no change of {field}: {e.GetRawText()}");
        Assert.Equal(2, pair.GetArrayLength());
        return (pair[0].GetRawText(), pair[1].GetRawText());
    }

    public static IReadOnlyList<string> ChangedFields(this JsonElement e) =>
        [.. e.GetProperty("changes").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    public static Task<HttpResponseMessage> UndoAsync(this TestUser user, Guid? batchId = null) =>
        user.Client.PostAsJsonAsync("/api/activity/undo", batchId is null ? new object() : new { batch_id = batchId }, Json);

    public static Task<HttpResponseMessage> RedoAsync(this TestUser user) =>
        user.Client.PostAsync("/api/activity/redo", null);

    /// <summary>An undo or redo asserted 200: (its own batch, the batch it took back, how many tasks it changed).</summary>
    public static async Task<(Guid BatchId, Guid UndoneBatchId, int Undone)> OkAsync(Task<HttpResponseMessage> sent)
    {
        var response = await sent;
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(["batch_id", "undone", "undone_batch_id"], body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        return (body.GetProperty("batch_id").GetGuid(), body.GetProperty("undone_batch_id").GetGuid(), body.GetProperty("undone").GetInt32());
    }

    public static Task<HttpResponseMessage> BulkAsync(this TestUser user, object body) =>
        user.Client.PostAsJsonAsync("/api/tasks/bulk", body, Json);

    /// <summary>A bulk change asserted 200: its answer.</summary>
    public static async Task<JsonElement> BulkOkAsync(this TestUser user, object body)
    {
        var response = await user.BulkAsync(body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(["batch_id", "changed", "failed", "matched"], answer.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        return answer;
    }

    /// <summary>The X-Db-Commands header of an answer (the server must count them).</summary>
    public static int RoundTrips(HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues(DbCommandCounter.HeaderName).Single(), CultureInfo.InvariantCulture);

    /// <summary>Every stored event of the user, oldest first.</summary>
    public static Task<List<ActivityEvent>> StoredEventsAsync(this ApiFixture api, Guid userId) =>
        api.WithDbAsync(db => db.Activity.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Seq).ToListAsync());

    /// <summary>Makes <paramref name="count"/> tasks for the user in one statement, numbered after the user's last (no events: a seeded world).</summary>
    public static Task SeedTasksAsync(this ApiFixture api, Guid userId, int count, string prefix = "Seeded") =>
        api.WithDbAsync(async db =>
        {
            var inbox = await db.Lists.Where(l => l.UserId == userId && l.IsInbox).Select(l => l.Id).SingleAsync();
            var first = await db.Users.Where(u => u.Id == userId).Select(u => u.TaskNumberSeq).SingleAsync();
            var now = DateTime.UtcNow;
            now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
            db.Tasks.AddRange(Enumerable.Range(1, count).Select(i => new Todo.Server.Tasks.TaskItem
            {
                Id = Guid.CreateVersion7(),
                UserId = userId,
                Number = first + i,
                Title = $"{prefix} {i}",
                ListId = inbox,
                CreatedAt = now,
                UpdatedAt = now,
            }));
            await db.SaveChangesAsync();
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(u => u.TaskNumberSeq, first + count));
            return 0;
        });
}
