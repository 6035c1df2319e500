using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Data;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Infrastructure.ProblemAssert;
using static Todo.Tests.Tasks.TaskTestSupport;

namespace Todo.Tests.Tasks.Due;

/// <summary>
/// A server on a <see cref="TestClock"/> whose answers carry X-Db-Commands, so due dates, "today" and completion are
/// reckoned from a moment the test sets. Tests of one class run one after another, each setting the clock first.
/// </summary>
public interface IDueApi
{
    ApiFixture Api { get; }

    TestClock Clock { get; }

    /// <summary>What <paramref name="make"/> makes, made once per fixture under <paramref name="key"/> (a seeded world).</summary>
    Task<T> OnceAsync<T>(string key, Func<Task<T>> make);
}

internal static class DueApiSettings
{
    /// <summary>Wednesday 25 November 2026, 15:00 UTC: 16:00 in Berlin, 07:00 in Los Angeles, Thursday 04:00 in Auckland.</summary>
    public static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyDictionary<string, string?> Values = new Dictionary<string, string?>
    {
        [DbCommandCounter.Setting] = "true",
    };
}

public sealed class DueSqliteApi : SqliteApi, IDueApi
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> made = new();

    public ApiFixture Api => this;

    public TestClock Clock { get; } = new(DueApiSettings.Wednesday);

    protected override IReadOnlyDictionary<string, string?>? Settings => DueApiSettings.Values;

    protected override void ConfigureTestServices(IServiceCollection services) => Clock.Use(services);

    public async Task<T> OnceAsync<T>(string key, Func<Task<T>> make) =>
        (T)await made.GetOrAdd(key, _ => new(async () => (object)(await make())!)).Value;
}

public sealed class DuePostgresApi(PostgresServer server) : PostgresApi(server), IDueApi
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> made = new();

    public ApiFixture Api => this;

    public TestClock Clock { get; } = new(DueApiSettings.Wednesday);

    protected override IReadOnlyDictionary<string, string?>? Settings => DueApiSettings.Values;

    protected override void ConfigureTestServices(IServiceCollection services) => Clock.Use(services);

    public async Task<T> OnceAsync<T>(string key, Func<Task<T>> make) =>
        (T)await made.GetOrAdd(key, _ => new(async () => (object)(await make())!)).Value;
}

/// <summary>Requests and checks the due tests share.</summary>
internal static class DueTestSupport
{
    public const string Berlin = "Europe/Berlin";
    public const string Auckland = "Pacific/Auckland";
    public const string LosAngeles = "America/Los_Angeles";
    public const string NewYork = "America/New_York";

    public static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>Registers a user in <paramref name="timeZone"/> (sent at registration) and signs in.</summary>
    public static async Task<TestUser> UserInAsync(this ApiFixture api, string timeZone)
    {
        var email = $"due-{Guid.NewGuid():N}@example.com";
        const string password = "correct horse battery";
        var client = api.CreateClient();
        var register = await client.PostAsJsonAsync("/api/auth/register", new { email, password, time_zone = timeZone }, Json);
        Assert.True(register.StatusCode == HttpStatusCode.Created, await DescribeAsync(register));
        Assert.Equal(timeZone, (await register.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("time_zone").GetString());
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password }, Json);
        Assert.True(login.StatusCode == HttpStatusCode.OK, await DescribeAsync(login));
        var body = await login.Content.ReadFromJsonAsync<JsonElement>(Json);
        var token = body.GetProperty("access_token").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new TestUser(body.GetProperty("user").GetProperty("id").GetGuid(), email, password, token, client);
    }

    /// <summary>Sends <paramref name="json"/> as the body, as written (so "due": null reaches the server).</summary>
    public static Task<HttpResponseMessage> SendJsonAsync(this TestUser user, HttpMethod method, string path, string json) =>
        user.Client.SendAsync(RawRequest(method, path, json));

    /// <summary>Creates a task from a JSON body; the answer is 201 and the task as JSON.</summary>
    public static async Task<JsonElement> CreateJsonAsync(this TestUser user, string json)
    {
        var response = await user.SendJsonAsync(HttpMethod.Post, "/api/tasks", json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await DescribeAsync(response));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    /// <summary>Creates a task with one due field, e.g. ("due_string", "every monday"); null field: no due.</summary>
    public static Task<JsonElement> CreateDueAsync(this TestUser user, string title, string? field = null, string? value = null, string priority = "none") =>
        user.CreateJsonAsync(JsonSerializer.Serialize(field is null
            ? new Dictionary<string, object?> { ["title"] = title, ["priority"] = priority }
            : new Dictionary<string, object?> { ["title"] = title, ["priority"] = priority, [field] = value }));

    /// <summary>A request whose answer must be 200 with a task, read as JSON.</summary>
    public static async Task<JsonElement> OkTaskAsync(this TestUser user, HttpMethod method, string path, string? json = null)
    {
        var response = json is null ? await user.Client.SendAsync(new HttpRequestMessage(method, path)) : await user.SendJsonAsync(method, path, json);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    public static Task<JsonElement> GetJsonAsync(this TestUser user, Guid id) => user.OkTaskAsync(HttpMethod.Get, $"/api/tasks/{id}");

    public static Guid IdOf(JsonElement task) => task.GetProperty("id").GetGuid();

    public static int NumberOf(JsonElement task) => task.GetProperty("number").GetInt32();

    /// <summary>
    /// Asserts the task's due is exactly {date, datetime, timezone, string, is_recurring, recurrence} with these values
    /// (datetime as the server wrote it).
    /// </summary>
    public static void AssertDue(JsonElement task, string date, string? datetime, string? timezone, string text, string? recurrence = null)
    {
        var due = task.GetProperty("due");
        Assert.Equal(JsonValueKind.Object, due.ValueKind);
        Assert.Equal(["date", "datetime", "timezone", "string", "is_recurring", "recurrence"], due.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            (date, datetime, timezone, text, recurrence is not null, recurrence),
            (due.GetProperty("date").GetString(), StringOrNull(due.GetProperty("datetime")), StringOrNull(due.GetProperty("timezone")),
             due.GetProperty("string").GetString(), due.GetProperty("is_recurring").GetBoolean(), StringOrNull(due.GetProperty("recurrence"))));
    }

    public static void AssertNoDue(JsonElement task) => Assert.Equal(JsonValueKind.Null, task.GetProperty("due").ValueKind);

    public static string? DueDateOf(JsonElement task) =>
        task.GetProperty("due") is { ValueKind: JsonValueKind.Object } due ? due.GetProperty("date").GetString() : null;

    private static string? StringOrNull(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetString();

    /// <summary>The numbers of the user's tasks that <paramref name="filter"/> selects, in number order.</summary>
    public static async Task<List<int>> FilteredAsync(this TestUser user, string filter) =>
        [.. (await user.ListAsync("?limit=100&filter=" + Uri.EscapeDataString(filter))).Items.Select(t => t.Number)];

    public static int CommandsOf(HttpResponseMessage response) =>
        int.Parse(Assert.Single(response.Headers.GetValues(DbCommandCounter.HeaderName)), CultureInfo.InvariantCulture);
}
