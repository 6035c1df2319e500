using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Todo.Server.Tokens;
using Todo.Tests.Infrastructure;
using Todo.Tests.Tasks;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Tokens;

/// <summary>
/// Personal access tokens over HTTP and MCP: creation with the secret shown once, use as a bearer token, listing
/// without secrets, revocation and expiry biting at once, owners that are inactive or gone, isolation between users,
/// bad input, tokens not managing tokens, last use, and tampered secrets, on each provider.
/// </summary>
public abstract class PersonalAccessTokenTests(ITokenApi fixture)
{
    private const int TestTimeout = 30_000;

    private readonly ApiFixture api = fixture.Api;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreatingATokenAnswersItsSecretOnceWithTheDocumentedShape()
    {
        var user = await api.CreateUserAsync();
        var now = fixture.Clock.Now.UtcDateTime;

        using var response = await user.Client.PostAsJsonAsync("/api/tokens", new { name = "  Laptop script  ", expires_in_days = 30 }, ApiFixture.Json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json);
        Assert.Equal(
            ["created_at", "expires_at", "id", "last_used_at", "name", "prefix", "token"],
            body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/tokens/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Laptop script", body.GetProperty("name").GetString());
        var token = body.GetProperty("token").GetString()!;
        Assert.Matches("^todo_pat_[A-Za-z0-9_-]{55}$", token);
        Assert.Equal(token[..21], body.GetProperty("prefix").GetString());
        Assert.Equal(now, body.GetProperty("created_at").GetDateTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(now.AddDays(30), body.GetProperty("expires_at").GetDateTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("last_used_at").ValueKind);

        // Stored hashed: neither the secret nor the whole token is in the row.
        var row = await api.WithDbAsync(db => db.PersonalAccessTokens.AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal(token[..21], row.Prefix);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)), row.TokenHash);

        // Shown once: no other answer carries it.
        var listed = await user.Client.GetStringAsync("/api/tokens");
        Assert.DoesNotContain(token, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(token[21..], listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenWithoutExpiryNeverExpires()
    {
        var user = await api.CreateUserAsync();

        var created = await user.CreateTokenAsync("forever");

        Assert.Equal(JsonValueKind.Null, created.GetProperty("expires_at").ValueKind);
        fixture.Clock.Now += TimeSpan.FromDays(400);
        using var client = api.ClientWith(created.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task ATokenActsForItsOwnerOnTheRestApi()
    {
        var user = await api.CreateUserAsync();
        var other = await api.CreateUserAsync();
        await other.Client.PostAsJsonAsync("/api/tasks", new { title = "Not mine" }, ApiFixture.Json);
        var token = (await user.CreateTokenAsync()).GetProperty("token").GetString()!;
        using var client = api.ClientWith(token);

        var created = await client.PostAsJsonAsync("/api/tasks", new { title = "Made with a token" }, ApiFixture.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var page = await client.GetFromJsonAsync<JsonElement>("/api/tasks", ApiFixture.Json);
        Assert.Equal(["Made with a token"], page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me", ApiFixture.Json);
        Assert.Equal((user.Id, user.Email), (me.GetProperty("id").GetGuid(), me.GetProperty("email").GetString()));
        Assert.Equal(["Made with a token"], (await user.ListAsync()).Items.Select(t => t.Title));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ATokenActsForItsOwnerOnMcp()
    {
        var user = await api.CreateUserAsync();
        var token = (await user.CreateTokenAsync("claude")).GetProperty("token").GetString()!;
        await using var client = await McpTestClient.ConnectAsync(api, token, Cancellation);

        var tools = await client.ListToolsAsync(cancellationToken: Cancellation);
        Assert.Contains(tools, t => t.Name == "add_task");

        var result = await client.CallToolAsync("add_task", new Dictionary<string, object?> { ["title"] = "Added over MCP" }, cancellationToken: Cancellation);
        Assert.NotEqual(true, result.IsError);
        Assert.Contains("Added over MCP", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, StringComparison.Ordinal);
        Assert.Equal(["Added over MCP"], (await user.ListAsync()).Items.Select(t => t.Title));
    }

    [Fact]
    public async Task ListingShowsTheCallersTokensNewestFirstWithoutSecrets()
    {
        var user = await api.CreateUserAsync();
        var other = await api.CreateUserAsync();
        await other.CreateTokenAsync("theirs");
        var first = await user.CreateTokenAsync("first");
        fixture.Clock.Now += TimeSpan.FromSeconds(1);
        var second = await user.CreateTokenAsync("second", 7);

        var items = await user.TokensAsync();

        Assert.Equal(["second", "first"], items.Select(t => t.GetProperty("name").GetString()));
        Assert.All(items, t => Assert.Equal(
            ["created_at", "expires_at", "id", "last_used_at", "name", "prefix"],
            t.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
        Assert.Equal(second.GetProperty("prefix").GetString(), items[0].GetProperty("prefix").GetString());
        Assert.Equal(second.GetProperty("expires_at").GetDateTime(), items[0].GetProperty("expires_at").GetDateTime(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(first.GetProperty("id").GetGuid(), items[1].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task ARevokedTokenIsRefusedAtOnce()
    {
        var user = await api.CreateUserAsync();
        var created = await user.CreateTokenAsync();
        using var client = api.ClientWith(created.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks")).StatusCode);

        var revoke = await user.Client.DeleteAsync($"/api/tokens/{created.GetProperty("id").GetGuid()}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tasks")).StatusCode);
        Assert.Empty(await user.TokensAsync());
        await AssertProblemAsync(await user.Client.DeleteAsync($"/api/tokens/{created.GetProperty("id").GetGuid()}"), 404);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ARevokedTokenIsRefusedOnMcp()
    {
        var user = await api.CreateUserAsync();
        var created = await user.CreateTokenAsync();
        await user.Client.DeleteAsync($"/api/tokens/{created.GetProperty("id").GetGuid()}");

        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var client = await McpTestClient.ConnectAsync(api, created.GetProperty("token").GetString()!, Cancellation);
        });

        Assert.True(McpTestClient.IsUnauthorized(error), "expected a 401 from /mcp, got: " + error);
    }

    [Fact]
    public async Task AnExpiredTokenIsRefused()
    {
        var user = await api.CreateUserAsync();
        var created = await user.CreateTokenAsync("short", 1);
        using var client = api.ClientWith(created.GetProperty("token").GetString()!);
        fixture.Clock.Now += TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks")).StatusCode);

        fixture.Clock.Now += TimeSpan.FromMinutes(2);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task ATokenOfAnInactiveOrRemovedUserIsRefused()
    {
        var inactive = await api.CreateUserAsync();
        var removed = await api.CreateUserAsync();
        using var inactiveClient = api.ClientWith((await inactive.CreateTokenAsync()).GetProperty("token").GetString()!);
        using var removedClient = api.ClientWith((await removed.CreateTokenAsync()).GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await inactiveClient.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await removedClient.GetAsync("/api/tasks")).StatusCode);

        await api.WithDbAsync(db => db.Users.Where(u => u.Id == inactive.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        await api.WithDbAsync(db => db.Users.Where(u => u.Id == removed.Id).ExecuteDeleteAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, (await inactiveClient.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await removedClient.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await inactiveClient.PostAsJsonAsync("/api/tasks", new { title = "x" }, ApiFixture.Json)).StatusCode);
    }

    [Fact]
    public async Task AnotherUsersTokenCannotBeRevokedAndStillWorks()
    {
        var owner = await api.CreateUserAsync();
        var intruder = await api.CreateUserAsync();
        var created = await owner.CreateTokenAsync();

        var problem = await AssertProblemAsync(await intruder.Client.DeleteAsync($"/api/tokens/{created.GetProperty("id").GetGuid()}"), 404);

        Assert.Equal("Token not found", problem.GetProperty("title").GetString());
        Assert.Single(await owner.TokensAsync());
        Assert.Empty(await intruder.TokensAsync());
        using var client = api.ClientWith(created.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks")).StatusCode);
    }

    [Theory]
    [InlineData("""{"expires_in_days": 7}""", "name")]
    [InlineData("""{"name": null}""", "name")]
    [InlineData("""{"name": "   "}""", "name")]
    [InlineData("""{"name": "a\u0000b"}""", "name")]
    [InlineData("""{"name": 5}""", "name")]
    [InlineData("""{"name": "ok", "expires_in_days": 0}""", "expires_in_days")]
    [InlineData("""{"name": "ok", "expires_in_days": 366}""", "expires_in_days")]
    [InlineData("""{"name": "ok", "expires_in_days": -1}""", "expires_in_days")]
    [InlineData("""{"name": "ok", "expires_in_days": 1.5}""", "expires_in_days")]
    [InlineData("""{"name": "ok", "expires_in_days": "week"}""", "expires_in_days")]
    public async Task BadInputIsA400NamingTheFieldAndCreatesNothing(string json, string field)
    {
        var user = await api.CreateUserAsync();

        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        await AssertValidationProblemAsync(await user.Client.PostAsync("/api/tokens", content), field);

        Assert.Empty(await user.TokensAsync());
    }

    [Fact]
    public async Task ANameLongerThan100CharactersIsRefusedAndOf100Accepted()
    {
        var user = await api.CreateUserAsync();

        await AssertValidationProblemAsync(
            await user.Client.PostAsJsonAsync("/api/tokens", new { name = new string('n', 101) }, ApiFixture.Json), "name");
        var created = await user.CreateTokenAsync(new string('n', 100), 365);

        Assert.Equal(100, created.GetProperty("name").GetString()!.Length);
        Assert.Single(await user.TokensAsync());
    }

    [Fact]
    public async Task AUserHoldsAtMostTheLimitOfTokens()
    {
        var user = await api.CreateUserAsync();
        for (var i = 0; i < PersonalAccessTokenService.MaxPerUser; i++)
        {
            await user.CreateTokenAsync($"token {i}");
        }

        var problem = await AssertProblemAsync(await user.Client.PostAsJsonAsync("/api/tokens", new { name = "one more" }, ApiFixture.Json), 409);

        Assert.Equal("Too many tokens", problem.GetProperty("title").GetString());
        Assert.Equal(PersonalAccessTokenService.MaxPerUser, (await user.TokensAsync()).Count);
        await user.Client.DeleteAsync($"/api/tokens/{(await user.TokensAsync())[0].GetProperty("id").GetGuid()}");
        await user.CreateTokenAsync("after a revocation");
    }

    [Fact]
    public async Task ATokenCannotManageTokens()
    {
        var user = await api.CreateUserAsync();
        var created = await user.CreateTokenAsync();
        using var client = api.ClientWith(created.GetProperty("token").GetString()!);

        var create = await AssertProblemAsync(await client.PostAsJsonAsync("/api/tokens", new { name = "successor" }, ApiFixture.Json), 403);
        await AssertProblemAsync(await client.GetAsync("/api/tokens"), 403);
        await AssertProblemAsync(await client.DeleteAsync($"/api/tokens/{created.GetProperty("id").GetGuid()}"), 403);

        Assert.Equal("Not allowed with a personal access token", create.GetProperty("title").GetString());
        var left = Assert.Single(await user.TokensAsync());
        Assert.Equal(created.GetProperty("id").GetGuid(), left.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task LastUseIsRecordedAtMostOncePerMinute()
    {
        var user = await api.CreateUserAsync();
        var created = await user.CreateTokenAsync();
        using var client = api.ClientWith(created.GetProperty("token").GetString()!);
        var firstUse = fixture.Clock.Now.UtcDateTime;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(firstUse, LastUsed(await user.TokensAsync()), TimeSpan.FromMilliseconds(1));

        fixture.Clock.Now += TimeSpan.FromSeconds(30);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(firstUse, LastUsed(await user.TokensAsync()), TimeSpan.FromMilliseconds(1));

        fixture.Clock.Now += TimeSpan.FromSeconds(31);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(fixture.Clock.Now.UtcDateTime, LastUsed(await user.TokensAsync()), TimeSpan.FromMilliseconds(1));

        static DateTime LastUsed(List<JsonElement> tokens) => Assert.Single(tokens).GetProperty("last_used_at").GetDateTime();
    }

    [Fact]
    public async Task ATamperedOrMalformedTokenIsRefusedLikeABadJwt()
    {
        var user = await api.CreateUserAsync();
        var token = (await user.CreateTokenAsync()).GetProperty("token").GetString()!;
        var last = token[^1] == 'A' ? 'B' : 'A';
        string[] refused =
        [
            token[..^1] + last,              // the right prefix, a wrong secret
            token[..21] + new string('A', 43),
            token + "A",                     // too long
            token[..^1],                     // too short
            token[..^1] + "!",               // not base64url
            "todo_pat_",
        ];
        using var badJwt = await api.ClientWith("not-a-valid-token").GetAsync("/api/tasks");
        var expected = await AnswerAsync(badJwt);
        Assert.Equal(HttpStatusCode.Unauthorized, expected.Item1);

        foreach (var bad in refused)
        {
            using var response = await api.ClientWith(bad).GetAsync("/api/tasks");
            Assert.Equal(expected, await AnswerAsync(response));
        }

        Assert.Equal(JsonValueKind.Null, Assert.Single(await user.TokensAsync()).GetProperty("last_used_at").ValueKind);

        // Everything of a 401 but its trace id.
        static async Task<(HttpStatusCode, string, string?, string?, string?)> AnswerAsync(HttpResponseMessage response)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json);
            return (response.StatusCode, string.Join(',', response.Headers.WwwAuthenticate),
                problem.GetProperty("type").GetString(), problem.GetProperty("title").GetString(),
                problem.TryGetProperty("detail", out var detail) ? detail.GetString() : null);
        }
    }

    [Fact(Timeout = TestTimeout)]
    public async Task NoSecretIsLogged()
    {
        var user = await api.CreateUserAsync();
        var token = (await user.CreateTokenAsync()).GetProperty("token").GetString()!;
        var tampered = token[..^4] + "AAAA";
        using var good = api.ClientWith(token);
        using var bad = api.ClientWith(tampered);

        Assert.Equal(HttpStatusCode.OK, (await good.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bad.GetAsync("/api/tasks")).StatusCode);
        await using (var mcp = await McpTestClient.ConnectAsync(api, token, Cancellation))
        {
            await mcp.ListToolsAsync(cancellationToken: Cancellation);
        }

        var entries = fixture.Log.Entries;
        Assert.Contains(entries, e => e.Message.Contains($"{token[..21]}) created", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Message.Contains($"{token[..21]} refused", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.ToString().Contains(token[21..], StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.ToString().Contains(tampered[21..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task JwtsStillWorkAndTheirSessionsManageTokens()
    {
        var user = await api.CreateUserAsync();

        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync("/api/tokens")).StatusCode);
    }
}

public sealed class SqlitePersonalAccessTokenTests(TokenSqliteApi api) : PersonalAccessTokenTests(api), IClassFixture<TokenSqliteApi>;

public sealed class PostgresPersonalAccessTokenTests(TokenPostgresApi api) : PersonalAccessTokenTests(api), IClassFixture<TokenPostgresApi>;
