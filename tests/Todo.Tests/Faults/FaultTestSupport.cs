using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Todo.Tests.Data;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Faults;

/// <summary>A task as GET /api/tasks answers it, reduced to what the fault tests compare.</summary>
internal sealed record ListedTask(Guid Id, int Number, string Title, bool IsCompleted);

/// <summary>What one request of a stream got: when it started and how long it took (from the test's clock), and the answer.</summary>
internal sealed record Outcome(string Title, TimeSpan StartedAt, TimeSpan Took, int Status, string? MediaType, bool HasRetryAfter, string Body, Guid? Id)
{
    public const int NoAnswer = 0;

    public override string ToString() =>
        $"{Title}: started {StartedAt.TotalSeconds:0.00} s, took {Took.TotalSeconds:0.00} s, {Status} {MediaType} {Body[..Math.Min(Body.Length, 200)]}";
}

/// <summary>Talking to out-of-process servers (<see cref="TodoServerProcess"/>) the way a client would.</summary>
internal static class FaultTestSupport
{
    public const string Password = "fault-test-password";

    /// <summary>The server environment of the fault tests: Production, the shared signing key, no rate limits.</summary>
    public static Dictionary<string, string?> Environment(string connectionString)
    {
        var environment = ServerEnvironment.For(connectionString);
        environment["RateLimiting__AuthPerMinute"] = "0";
        environment["RateLimiting__ChatPerMinute"] = "0";
        return environment;
    }

    /// <summary>A client for <paramref name="server"/> carrying <paramref name="token"/>.</summary>
    public static HttpClient Client(TodoServerProcess server, string token, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Registers <paramref name="email"/> on <paramref name="server"/> and signs in; answers the access token.</summary>
    public static async Task<string> SignUpAsync(TodoServerProcess server, string email, CancellationToken ct)
    {
        using var register = await server.HttpClient.PostAsJsonAsync("/api/auth/register", new { email, password = Password }, ct);
        Assert.True(register.StatusCode == HttpStatusCode.Created, await DescribeAsync(register, ct));
        return await SignInAsync(server, email, ct);
    }

    public static async Task<string> SignInAsync(TodoServerProcess server, string email, CancellationToken ct)
    {
        using var login = await server.HttpClient.PostAsJsonAsync("/api/auth/login", new { email, password = Password }, ct);
        Assert.True(login.StatusCode == HttpStatusCode.OK, await DescribeAsync(login, ct));
        using var json = JsonDocument.Parse(await login.Content.ReadAsStringAsync(ct));
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>POST /api/tasks, timed against <paramref name="clock"/>; a failure to get any answer is <see cref="Outcome.NoAnswer"/>.</summary>
    public static async Task<Outcome> CreateAsync(HttpClient client, string title, Stopwatch clock, CancellationToken ct)
    {
        var startedAt = clock.Elapsed;
        try
        {
            using var response = await client.PostAsJsonAsync("/api/tasks", new { title }, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            Guid? id = null;
            if (response.StatusCode == HttpStatusCode.Created)
            {
                using var json = JsonDocument.Parse(body);
                id = json.RootElement.GetProperty("id").GetGuid();
            }

            return new Outcome(title, startedAt, clock.Elapsed - startedAt, (int)response.StatusCode,
                response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter is not null, body, id);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new Outcome(title, startedAt, clock.Elapsed - startedAt, Outcome.NoAnswer, null, false, e.GetType().Name + ": " + e.Message, null);
        }
    }

    /// <summary>Every task of the caller, following next_cursor 100 at a time.</summary>
    public static async Task<List<ListedTask>> AllTasksAsync(HttpClient client, CancellationToken ct)
    {
        var tasks = new List<ListedTask>();
        string? cursor = null;
        do
        {
            var path = "/api/tasks?limit=100" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response, ct));
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            foreach (var item in json.RootElement.GetProperty("items").EnumerateArray())
            {
                tasks.Add(new ListedTask(
                    item.GetProperty("id").GetGuid(),
                    item.GetProperty("number").GetInt32(),
                    item.GetProperty("title").GetString()!,
                    item.GetProperty("is_completed").GetBoolean()));
            }

            cursor = json.RootElement.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);

        return tasks;
    }

    /// <summary>GET /health/ready: its status and how long it took.</summary>
    public static async Task<(HttpStatusCode Status, TimeSpan Took)> ReadyAsync(TodoServerProcess server, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        using var response = await server.HttpClient.GetAsync(new Uri("health/ready", UriKind.Relative), ct);
        return (response.StatusCode, stopwatch.Elapsed);
    }

    public static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken ct) =>
        $"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: " +
        await response.Content.ReadAsStringAsync(ct);
}
