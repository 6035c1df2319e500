using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Todo.Server.Mcp;
using Todo.Tests.Chat;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Accounts;

/// <summary>
/// A token whose account was removed (the users row deleted) while the token check still holds "active" for it:
/// a write finds the account gone and answers 401 like an unknown token (problem+json, WWW-Authenticate: Bearer),
/// stores nothing, logs no error, and from then on every request with the token is refused at authentication.
/// MCP answers the call with a tool error saying the account no longer exists, then 401.
/// </summary>
public abstract class RemovedAccountTests(ApiFixture api, LogCollector log)
{
    private const int TestTimeout = 60_000;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeout)]
    public async Task ChatTurnOfARemovedAccountIs401AndLaterRequestsAreRefused()
    {
        var user = await RemovedAfterWarmingAsync();

        var response = await user.Client.PostChatAsync("add a task to buy milk");

        await AssertAccountGoneAsync(response);
        await AssertNothingStoredAsync(user);
        await AssertRefusedAsync(user, "/api/tasks");
        await AssertRefusedAsync(user, "/api/conversations");
        log.AssertNoErrors();
    }

    [Fact(Timeout = TestTimeout)]
    public async Task StreamedChatTurnOfARemovedAccountIs401()
    {
        var user = await RemovedAfterWarmingAsync();

        var response = await user.Client.PostChatAsync("add a task to buy bread", stream: true);

        await AssertAccountGoneAsync(response);
        await AssertNothingStoredAsync(user);
        log.AssertNoErrors();
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ChatTurnWithAnIdempotencyKeyOfARemovedAccountIs401()
    {
        var user = await RemovedAfterWarmingAsync();

        var response = await user.Client.PostChatAsync("add a task to buy eggs", idempotencyKey: "removed-" + Guid.NewGuid().ToString("N"));

        await AssertAccountGoneAsync(response);
        await AssertNothingStoredAsync(user);
        Assert.Equal(0, await api.WithDbAsync(db => db.IdempotencyKeys.CountAsync(k => k.UserId == user.Id, Cancellation)));
        log.AssertNoErrors();
    }

    [Fact(Timeout = TestTimeout)]
    public async Task TaskCreateOfARemovedAccountIs401AndLaterRequestsAreRefused()
    {
        var user = await RemovedAfterWarmingAsync();

        var response = await user.Client.PostAsJsonAsync("/api/tasks", new { title = "Never stored" }, ApiFixture.Json, Cancellation);

        await AssertAccountGoneAsync(response);
        await AssertNothingStoredAsync(user);
        await AssertRefusedAsync(user, "/api/tasks");
        await AssertRefusedAsync(user, $"/api/{user.Id}/tasks");
        log.AssertNoErrors();
    }

    [Fact(Timeout = TestTimeout)]
    public async Task McpAddTaskOfARemovedAccountSaysTheAccountIsGoneThenMcpIs401()
    {
        var user = await api.CreateUserAsync();
        await using var client = await McpTestClient.ConnectAsync(api, user.Token, Cancellation);
        await client.CallToolAsync("list_tasks", new Dictionary<string, object?>(), cancellationToken: Cancellation);
        await RemoveAsync(user);

        var result = await client.CallToolAsync("add_task", new Dictionary<string, object?> { ["title"] = "Never stored" }, cancellationToken: Cancellation);

        Assert.True(result.IsError);
        Assert.Equal(McpEndpoint.AccountGoneText, Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        await AssertNothingStoredAsync(user);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => client.ListToolsAsync(cancellationToken: Cancellation).AsTask());
        Assert.True(McpTestClient.IsUnauthorized(refused), "expected a 401 from /mcp, got: " + refused);
        log.AssertNoErrors();
    }

    [Fact(Timeout = TestTimeout)]
    public async Task AccountGoneAnswerMatchesTheAnswerToARefusedToken()
    {
        var user = await RemovedAfterWarmingAsync();

        using var found = await user.Client.PostAsJsonAsync("/api/tasks", new { title = "Never stored" }, ApiFixture.Json, Cancellation);
        using var refused = await user.Client.GetAsync(new Uri("/api/tasks", UriKind.Relative), Cancellation);

        await AssertProblemAsync(found, 401);
        await AssertProblemAsync(refused, 401);
        Assert.Equal(refused.Headers.WwwAuthenticate.ToString(), found.Headers.WwwAuthenticate.ToString());
    }

    /// <summary>A user whose "active" answer is cached by a request, then deleted straight from the database.</summary>
    private async Task<TestUser> RemovedAfterWarmingAsync()
    {
        var user = await api.CreateUserAsync();
        using (var warm = await user.Client.GetAsync(new Uri("/api/tasks", UriKind.Relative), Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        await RemoveAsync(user);
        return user;
    }

    private async Task RemoveAsync(TestUser user) =>
        Assert.Equal(1, await api.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteDeleteAsync(Cancellation)));

    private static async Task AssertAccountGoneAsync(HttpResponseMessage response)
    {
        var problem = await AssertProblemAsync(response, 401);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Contains("no longer exists", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task AssertRefusedAsync(TestUser user, string path)
    {
        using var response = await user.Client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
        await AssertProblemAsync(response, 401);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    private async Task AssertNothingStoredAsync(TestUser user)
    {
        Assert.Equal(0, await api.WithDbAsync(db => db.Tasks.CountAsync(t => t.UserId == user.Id, Cancellation)));
        Assert.Equal(0, await api.WithDbAsync(db => db.Conversations.CountAsync(c => c.UserId == user.Id, Cancellation)));
    }
}

public sealed class SqliteRemovedAccountTests(LoggedSqliteApi api) : RemovedAccountTests(api, api.Log), IClassFixture<LoggedSqliteApi>;

public sealed class PostgresRemovedAccountTests(LoggedPostgresApi api) : RemovedAccountTests(api, api.Log), IClassFixture<LoggedPostgresApi>;
