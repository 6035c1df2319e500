using System.Globalization;
using System.Net.Http.Json;
using Todo.Server.Data;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Tasks;

/// <summary>
/// Every task route that reads costs at most two database round trips, and one that writes one more (its activity event),
/// counted by the server's command interceptor.
/// </summary>
public abstract class TaskRoundTripTests(ApiFixture api)
{
    private const int MaxReadRoundTrips = 2;
    private const int MaxWriteRoundTrips = 3;

    [Fact]
    public async Task EveryTaskRouteMakesAtMostTwoDatabaseRoundTripsAndAWriteOneMoreForItsEvent()
    {
        var user = await api.CreateUserAsync();
        for (var i = 0; i < 60; i++)
        {
            await user.CreateTaskAsync($"Task {i}", i % 2 == 0 ? "with a description" : null);
        }

        // The first authenticated request reads the account's active flag; later ones use the cached answer.
        await user.Client.GetAsync("/api/auth/me");
        var task = await user.CreateTaskAsync("Measured");
        var firstPage = await user.ListAsync("?limit=50");

        var routes = new (string Name, Func<HttpRequestMessage> Request)[]
        {
            ("create", () => TaskTestSupport.Request(HttpMethod.Post, "/api/tasks", new { title = "Another" })),
            ("list", () => TaskTestSupport.Request(HttpMethod.Get, "/api/tasks?limit=50")),
            ("list next page", () => TaskTestSupport.Request(HttpMethod.Get, $"/api/tasks?limit=50&cursor={firstPage.NextCursor}")),
            ("list filtered and searched", () => TaskTestSupport.Request(HttpMethod.Get, "/api/tasks?status=pending&q=task&sort=-created_at")),
            ("get", () => TaskTestSupport.Request(HttpMethod.Get, $"/api/tasks/{task.Id}")),
            ("replace", () => TaskTestSupport.Request(HttpMethod.Put, $"/api/tasks/{task.Id}", new { title = "Replaced" })),
            ("patch", () => TaskTestSupport.Request(HttpMethod.Patch, $"/api/tasks/{task.Id}", new { is_completed = true })),
            ("toggle", () => TaskTestSupport.Request(HttpMethod.Patch, $"/api/tasks/{task.Id}/complete")),
            ("original list", () => TaskTestSupport.Request(HttpMethod.Get, $"/api/{user.Id}/tasks")),
            ("missing task", () => TaskTestSupport.Request(HttpMethod.Get, $"/api/tasks/{Guid.NewGuid()}")),
            ("delete", () => TaskTestSupport.Request(HttpMethod.Delete, $"/api/tasks/{task.Id}")),
        };

        foreach (var (name, request) in routes)
        {
            var response = await user.Client.SendAsync(request());
            Assert.True(response.IsSuccessStatusCode || (int)response.StatusCode == 404, $"{name}: {(int)response.StatusCode}");
            var commands = int.Parse(response.Headers.GetValues(DbCommandCounter.HeaderName).Single(), CultureInfo.InvariantCulture);
            var budget = request().Method == HttpMethod.Get ? MaxReadRoundTrips : MaxWriteRoundTrips;
            Assert.True(commands >= 1 && commands <= budget, $"{name} made {commands} database round trips (at most {budget}).");
        }
    }
}

public class CountingSqliteApi : SqliteApi
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { [DbCommandCounter.Setting] = "true" };
}

public class CountingPostgresApi(PostgresServer server) : PostgresApi(server)
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { [DbCommandCounter.Setting] = "true" };
}

public sealed class SqliteTaskRoundTripTests(CountingSqliteApi api) : TaskRoundTripTests(api), IClassFixture<CountingSqliteApi>;

public sealed class PostgresTaskRoundTripTests(CountingPostgresApi api) : TaskRoundTripTests(api), IClassFixture<CountingPostgresApi>;
