using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Todo.Tests.Chat;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Faults;

/// <summary>
/// A database that takes no writes (a read-only volume, a read-only PostgreSQL): every write answers 503 with
/// Retry-After (REST, chat, MCP says so in a tool error), reads keep working, /health/ready is 503 saying why, nothing
/// is logged as an error; once the database is writable again, readiness and writes come back without a restart.
/// </summary>
public abstract class UnwritableDatabaseTests(UnwritableDatabaseApi api)
{
    private const int TestTimeout = 60_000;
    private const string NotWritable = "The database is not writable (read-only or out of space).";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeout)]
    public async Task WritesAnswer503AndReadinessFailsWhileUnwritableThenBothRecoverWithoutARestart()
    {
        var user = await api.CreateUserAsync();
        await CreateTaskAsync(user, "Written before", HttpStatusCode.Created);
        await using var mcp = await McpTestClient.ConnectAsync(api, user.Token, Cancellation);
        Assert.Equal((HttpStatusCode.OK, "Healthy", null), await ReadyAsync());

        await api.MakeUnwritableAsync();
        try
        {
            var ready = await WaitForReadyAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal(("Unhealthy", NotWritable), (ready.Status, ready.Description));

            var create = await CreateTaskAsync(user, "Refused task", HttpStatusCode.ServiceUnavailable);
            Assert.Contains("not accepting changes", create.GetProperty("detail").GetString(), StringComparison.Ordinal);
            var chat = await user.Client.PostChatAsync("add a task to buy milk");
            await AssertUnavailableAsync(chat);
            var streamed = await user.Client.PostChatAsync("add a task to buy bread", stream: true);
            await AssertUnavailableAsync(streamed);

            var added = await mcp.CallToolAsync("add_task", new Dictionary<string, object?> { ["title"] = "Refused by MCP" }, cancellationToken: Cancellation);
            Assert.True(added.IsError);
            var text = Assert.IsType<TextContentBlock>(Assert.Single(added.Content)).Text;
            Assert.Contains("not accepting changes", text, StringComparison.Ordinal);
            Assert.Contains("Try again", text, StringComparison.Ordinal);
            Assert.DoesNotContain("An error occurred", text, StringComparison.Ordinal);

            Assert.Equal(["Written before"], await TitlesAsync(user));
            var listed = await mcp.CallToolAsync("list_tasks", new Dictionary<string, object?>(), cancellationToken: Cancellation);
            Assert.NotEqual(true, listed.IsError);
            using (var conversations = await user.Client.GetAsync(new Uri("/api/conversations", UriKind.Relative), Cancellation))
            {
                Assert.Equal(HttpStatusCode.OK, conversations.StatusCode);
            }
        }
        finally
        {
            await api.MakeWritableAsync();
        }

        var recovered = await WaitForReadyAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", recovered.Status);
        await CreateTaskAsync(user, "Written after", HttpStatusCode.Created);
        var turn = await user.ChatOkAsync("add a task to buy milk");
        Assert.Contains("buy milk", turn.Response, StringComparison.OrdinalIgnoreCase);
        var mcpAdded = await mcp.CallToolAsync("add_task", new Dictionary<string, object?> { ["title"] = "Written by MCP" }, cancellationToken: Cancellation);
        Assert.NotEqual(true, mcpAdded.IsError);
        Assert.Equal(["Written before", "Written after", "Buy milk", "Written by MCP"], await TitlesAsync(user));
        // An unhealthy check is the health check service's error (it is what an operator is alerted by); the
        // requests it refused are not errors.
        api.Log.AssertNoErrors("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService");
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        var problem = await AssertProblemAsync(response, 503);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("not accepting changes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> CreateTaskAsync(TestUser user, string title, HttpStatusCode expected)
    {
        using var response = await user.Client.PostAsJsonAsync("/api/tasks", new { title }, ApiFixture.Json, Cancellation);
        Assert.True(response.StatusCode == expected, await DescribeAsync(response));
        if (expected == HttpStatusCode.ServiceUnavailable)
        {
            Assert.NotNull(response.Headers.RetryAfter);
            return await AssertProblemAsync(response, 503);
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json, Cancellation);
    }

    private static async Task<List<string>> TitlesAsync(TestUser user)
    {
        using var response = await user.Client.GetAsync(new Uri("/api/tasks?limit=100", UriKind.Relative), Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        var page = await response.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json, Cancellation);
        return [.. page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("title").GetString()!)];
    }

    private async Task<(HttpStatusCode Code, string Status, string? Description)> ReadyAsync()
    {
        using var client = api.CreateClient();
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Cancellation);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        var database = json.RootElement.GetProperty("checks").GetProperty("database");
        return (response.StatusCode, database.GetProperty("status").GetString()!, database.GetProperty("description").GetString());
    }

    /// <summary>Readiness polled until it answers <paramref name="expected"/> (a reloaded setting reaches sessions within moments).</summary>
    private async Task<(HttpStatusCode Code, string Status, string? Description)> WaitForReadyAsync(HttpStatusCode expected)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var ready = await ReadyAsync();
            if (ready.Code == expected || clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                Assert.True(ready.Code == expected, $"/health/ready still {ready} after {clock.Elapsed.TotalSeconds:0.0} s");
                return ready;
            }

            await Task.Delay(200, Cancellation);
        }
    }
}

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SqliteUnwritableDatabaseTests(ReadOnlySqliteApi api) : UnwritableDatabaseTests(api), IClassFixture<ReadOnlySqliteApi>;

public sealed class PostgresUnwritableDatabaseTests(ReadOnlyPostgresApi api) : UnwritableDatabaseTests(api), IClassFixture<ReadOnlyPostgresApi>;
