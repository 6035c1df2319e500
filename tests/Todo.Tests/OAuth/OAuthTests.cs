using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ModelContextProtocol.Client;
using Todo.Tests.Infrastructure;
using Todo.Tests.Tokens;
using Todo.Tests.Web;
using static Todo.Tests.OAuth.OAuthFlow;

namespace Todo.Tests.OAuth;

/// <summary>
/// MCP over OAuth 2.1 over HTTP: discovery from /mcp's 401, dynamic client registration, authorization code with PKCE
/// through the consent page, tokens acting for the user over MCP, rotated refresh tokens, revocation, resource binding,
/// refused requests, and connected apps that only their user sees and revokes, on each provider.
/// </summary>
public abstract partial class OAuthTests(ApiFixture api)
{
    private static readonly string[] ExampleRedirect = ["https://example.com/cb"];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task McpAnswers401PointingToItsMetadataWhichLeadsToTheAuthorizationServer()
    {
        using var anonymous = api.CreateClient();

        using var unauthorized = await anonymous.PostAsync("/mcp", JsonContent.Create(new { jsonrpc = "2.0", id = 1, method = "tools/list" }), Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        var challenge = Assert.Single(unauthorized.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        var metadataUrl = ResourceMetadataParameter().Match(challenge.Parameter ?? "").Groups[1].Value;
        Assert.Equal(Origin + "/.well-known/oauth-protected-resource/mcp", metadataUrl);

        var resource = await anonymous.GetFromJsonAsync<JsonElement>(new Uri(metadataUrl).PathAndQuery, Cancellation);
        Assert.Equal(Resource, resource.GetProperty("resource").GetString());
        Assert.Equal([Origin], resource.GetProperty("authorization_servers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["tasks", "offline_access"], resource.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["header"], resource.GetProperty("bearer_methods_supported").EnumerateArray().Select(e => e.GetString()));
        var atRoot = await anonymous.GetFromJsonAsync<JsonElement>("/.well-known/oauth-protected-resource", Cancellation);
        Assert.Equal(Resource, atRoot.GetProperty("resource").GetString());

        var server = await anonymous.GetFromJsonAsync<JsonElement>("/.well-known/oauth-authorization-server", Cancellation);
        Assert.Equal(Origin, server.GetProperty("issuer").GetString());
        Assert.Equal(Origin + "/oauth/authorize", server.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(Origin + "/oauth/token", server.GetProperty("token_endpoint").GetString());
        Assert.Equal(Origin + "/oauth/revoke", server.GetProperty("revocation_endpoint").GetString());
        Assert.Equal(Origin + "/oauth/register", server.GetProperty("registration_endpoint").GetString());
        Assert.Equal(["S256"], server.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["code"], server.GetProperty("response_types_supported").EnumerateArray().Select(e => e.GetString()));
        var grants = server.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("authorization_code", grants);
        Assert.Contains("refresh_token", grants);
        Assert.Contains("none", server.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task ABadBearerTokenAtMcpGetsTheSame401WithTheMetadataAndTheRestApiKeepsItsAnswer()
    {
        using var bad = api.ClientWith("not-a-real-token");

        using var mcp = await bad.PostAsync("/mcp", JsonContent.Create(new { jsonrpc = "2.0", id = 1, method = "tools/list" }), Cancellation);
        using var rest = await bad.GetAsync("/api/tasks", Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, mcp.StatusCode);
        Assert.Equal($"Bearer resource_metadata=\"{Origin}/.well-known/oauth-protected-resource/mcp\"", mcp.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, rest.StatusCode);
        Assert.Equal("Bearer", rest.Headers.WwwAuthenticate.ToString());
        await ProblemAssert.AssertProblemAsync(mcp, 401);
    }

    [Fact]
    public async Task RegistrationCreatesAPublicClientAndAnswersPerRfc7591()
    {
        var body = await RegisterAsync(api, "  Claude Desktop  ");

        var clientId = body.GetProperty("client_id").GetString()!;
        Assert.Equal("Claude Desktop", body.GetProperty("client_name").GetString());
        Assert.Equal([RedirectUri], body.GetProperty("redirect_uris").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("none", body.GetProperty("token_endpoint_auth_method").GetString());
        Assert.Equal(["authorization_code", "refresh_token"], body.GetProperty("grant_types").EnumerateArray().Select(e => e.GetString()));
        Assert.False(body.TryGetProperty("client_secret", out _));
        Assert.InRange(body.GetProperty("client_id_issued_at").GetInt64(), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        var stored = await api.WithDbAsync(db => db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication<Guid>>()
            .AsNoTracking().SingleAsync(a => a.ClientId == clientId));
        Assert.Equal("public", stored.ClientType);
        Assert.Null(stored.ClientSecret);
        Assert.Equal("Claude Desktop", stored.DisplayName);
    }

    [Theory]
    [InlineData("""{"client_name":"x"}""", "invalid_redirect_uri")]
    [InlineData("""{"redirect_uris":[]}""", "invalid_redirect_uri")]
    [InlineData("""{"redirect_uris":["http://example.com/callback"]}""", "invalid_redirect_uri")]
    [InlineData("""{"redirect_uris":["https://example.com/callback#frag"]}""", "invalid_redirect_uri")]
    [InlineData("""{"redirect_uris":["not a url"]}""", "invalid_redirect_uri")]
    [InlineData("""{"redirect_uris":["javascript:alert(1)"]}""", "invalid_redirect_uri")]
    [InlineData("""{"redirect_uris":[null]}""", "invalid_redirect_uri")]
    [InlineData("""{"redirect_uris":["https://example.com/cb"],"grant_types":["client_credentials"]}""", "invalid_client_metadata")]
    [InlineData("""{"redirect_uris":["https://example.com/cb"],"response_types":["token"]}""", "invalid_client_metadata")]
    [InlineData("""{"redirect_uris":["https://example.com/cb"],"scope":"admin"}""", "invalid_client_metadata")]
    public async Task InvalidRegistrationsAreRefusedAndStoreNothing(string json, string error)
    {
        using var client = api.CreateClient();
        var before = await ApplicationCountAsync();

        using var response = await client.PostAsync("/oauth/register", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, await ErrorOfAsync(response));
        Assert.Equal(before, await ApplicationCountAsync());
    }

    [Fact]
    public async Task AClientNameOverTheLimitIsRefused()
    {
        using var client = api.CreateClient();

        using var response = await client.PostAsJsonAsync("/oauth/register",
            new { client_name = new string('n', 101), redirect_uris = ExampleRedirect }, Cancellation);
        using var malformed = await client.PostAsync("/oauth/register", new StringContent("{", System.Text.Encoding.UTF8, "application/json"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_client_metadata", await ErrorOfAsync(response));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task TheConsentPageNamesTheClientAndWhatItMayDo()
    {
        var user = await api.CreateUserAsync();
        var clientId = (await RegisterAsync(api, "Inspector <b>")).GetProperty("client_id").GetString()!;
        using var browser = await SignedInBrowserAsync(api, user);

        var (_, html) = await OpenConsentAsync(browser, AuthorizeUrl(clientId, Pkce.Create()));

        Assert.Contains("Inspector &lt;b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:7777", html, StringComparison.Ordinal);
        Assert.Contains("read and change your tasks through MCP", html, StringComparison.Ordinal);
        Assert.Contains(">Allow</button>", html, StringComparison.Ordinal);
        Assert.Contains(">Deny</button>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignedOutVisitorIsSentToSignInAndBackToTheRequest()
    {
        var clientId = (await RegisterAsync(api)).GetProperty("client_id").GetString()!;
        var authorize = AuthorizeUrl(clientId, Pkce.Create());
        using var browser = BrowserForms.NewBrowser(api);

        using var answer = await browser.GetAsync(authorize, Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var location = answer.Headers.Location!.OriginalString;
        Assert.StartsWith("/signin?returnUrl=", location, StringComparison.Ordinal);
        var returnUrl = Uri.UnescapeDataString(location["/signin?returnUrl=".Length..]);
        Assert.Equal(authorize, returnUrl);
    }

    [Fact]
    public async Task TheAuthorizedClientActsForTheUserOverMcp()
    {
        var user = await api.CreateUserAsync();
        var other = await api.CreateUserAsync();
        var (_, tokens) = await ConnectAsync(api, user);
        Assert.NotNull(tokens.RefreshToken);
        Assert.InRange(tokens.ExpiresIn, 60, 15 * 60);

        await using var client = await McpTestClient.ConnectAsync(api, tokens.AccessToken, Cancellation);
        var tools = await client.ListToolsAsync(cancellationToken: Cancellation);
        Assert.Contains(tools, t => t.Name == "add_task");
        var added = await client.CallToolAsync("add_task", new Dictionary<string, object?> { ["title"] = "Call the plumber" }, cancellationToken: Cancellation);

        Assert.NotEqual(true, added.IsError);
        var mine = await user.Client.GetFromJsonAsync<JsonElement>("/api/tasks", ApiFixture.Json, Cancellation);
        Assert.Equal(["Call the plumber"], mine.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        var theirs = await other.Client.GetFromJsonAsync<JsonElement>("/api/tasks", ApiFixture.Json, Cancellation);
        Assert.Empty(theirs.GetProperty("items").EnumerateArray());
        var activity = await user.Client.GetFromJsonAsync<JsonElement>("/api/activity", ApiFixture.Json, Cancellation);
        Assert.Equal("mcp", activity.GetProperty("items")[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task OAuthAccessTokensAreForMcpOnlyNotTheRestApi()
    {
        var user = await api.CreateUserAsync();
        var (_, tokens) = await ConnectAsync(api, user);
        using var client = api.ClientWith(tokens.AccessToken);

        using var rest = await client.GetAsync("/api/tasks", Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, rest.StatusCode);
    }

    [Fact]
    public async Task RefreshRotatesTheRefreshTokenAndTheOldOneIsRefused()
    {
        var user = await api.CreateUserAsync();
        var (clientId, first) = await ConnectAsync(api, user);

        using var refreshed = await RefreshAsync(api, clientId, first.RefreshToken!);
        var second = await ReadTokensAsync(refreshed);

        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        await using (var mcp = await McpTestClient.ConnectAsync(api, second.AccessToken, Cancellation))
        {
            Assert.NotEmpty(await mcp.ListToolsAsync(cancellationToken: Cancellation));
        }

        // The replaced refresh token is refused; a replay means it leaked, so the grant's other tokens stop too.
        using var reused = await RefreshAsync(api, clientId, first.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal("invalid_grant", await ErrorOfAsync(reused));
        using var afterReplay = await RefreshAsync(api, clientId, second.RefreshToken!);
        Assert.Equal("invalid_grant", await ErrorOfAsync(afterReplay));
    }

    [Fact]
    public async Task ARevokedAccessTokenIsRefusedAtMcpAtOnce()
    {
        var user = await api.CreateUserAsync();
        var (clientId, tokens) = await ConnectAsync(api, user);
        await using (var before = await McpTestClient.ConnectAsync(api, tokens.AccessToken, Cancellation))
        {
            Assert.NotEmpty(await before.ListToolsAsync(cancellationToken: Cancellation));
        }

        using var anonymous = api.CreateClient();
        using var revoke = await anonymous.PostAsync("/oauth/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = tokens.AccessToken,
            ["token_type_hint"] = "access_token",
            ["client_id"] = clientId,
        }), Cancellation);

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => McpTestClient.ConnectAsync(api, tokens.AccessToken, Cancellation));
        Assert.True(McpTestClient.IsUnauthorized(error), error.ToString());
    }

    [Fact]
    public async Task ATokenBoundToAnotherResourceIsRefusedAtMcp()
    {
        var user = await api.CreateUserAsync();
        var (_, tokens) = await ConnectAsync(api, user);
        using var elsewhere = api.ClientWith(tokens.AccessToken);
        using var here = api.ClientWith(tokens.AccessToken);
        var list = new { jsonrpc = "2.0", id = 1, method = "tools/list" };

        // The same token sent to this server under another origin: its /mcp is another resource.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = JsonContent.Create(list) };
        request.Headers.Host = "other.example";
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        using var refused = await elsewhere.SendAsync(request, Cancellation);
        using var accepted = await SendMcpAsync(here, list);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer resource_metadata=\"http://other.example/.well-known/oauth-protected-resource/mcp\"", refused.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task AnAuthorizationRequestForAnotherResourceIsRefused()
    {
        var user = await api.CreateUserAsync();
        var clientId = (await RegisterAsync(api)).GetProperty("client_id").GetString()!;
        using var browser = await SignedInBrowserAsync(api, user);

        using var answer = await browser.GetAsync(AuthorizeUrl(clientId, Pkce.Create(), resource: "https://api.example.com/"), Cancellation);

        await AssertRefusedWithoutRedirectAsync(answer, "resource");
    }

    [Fact]
    public async Task PlainPkceIsRefused()
    {
        var user = await api.CreateUserAsync();
        var clientId = (await RegisterAsync(api)).GetProperty("client_id").GetString()!;
        using var browser = await SignedInBrowserAsync(api, user);

        using var answer = await browser.GetAsync(AuthorizeUrl(clientId, Pkce.Create(), method: "plain"), Cancellation);

        await AssertRefusedWithoutRedirectAsync(answer, "'code_challenge_method' is not supported");
    }

    [Fact]
    public async Task AnAuthorizationWithoutPkceIsRefused()
    {
        var user = await api.CreateUserAsync();
        var clientId = (await RegisterAsync(api)).GetProperty("client_id").GetString()!;
        using var browser = await SignedInBrowserAsync(api, user);

        using var answer = await browser.GetAsync(AuthorizeUrl(clientId, pkce: null), Cancellation);

        await AssertRefusedWithoutRedirectAsync(answer, "'code_challenge' parameter is missing");
    }

    [Fact]
    public async Task ACodeIsRefusedWithoutTheRightVerifier()
    {
        var user = await api.CreateUserAsync();
        var clientId = (await RegisterAsync(api)).GetProperty("client_id").GetString()!;
        using var browser = await SignedInBrowserAsync(api, user);
        var code = await AuthorizeAsync(browser, clientId, Pkce.Create());

        using var response = await PostTokenAsync(api, new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = clientId,
            ["code_verifier"] = Pkce.Create().Verifier,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", await ErrorOfAsync(response));
    }

    [Fact]
    public async Task ARedirectUriTheClientDidNotRegisterIsRefusedWithoutRedirecting()
    {
        var user = await api.CreateUserAsync();
        var clientId = (await RegisterAsync(api)).GetProperty("client_id").GetString()!;
        using var browser = await SignedInBrowserAsync(api, user);

        using var answer = await browser.GetAsync(AuthorizeUrl(clientId, Pkce.Create(), redirectUri: "http://127.0.0.1:9999/steal"), Cancellation);
        using var consent = await browser.GetAsync(
            "/oauth/consent?client_id=" + clientId + "&redirect_uri=" + Uri.EscapeDataString("https://evil.example/cb"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Null(answer.Headers.Location);
        Assert.Contains("redirect_uri", await answer.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        var page = await consent.Content.ReadAsStringAsync(Cancellation);
        Assert.Contains("Unknown app", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Allow</button>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", consent.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DenyAnswersAccessDeniedToTheClientAndGrantsNothing()
    {
        var user = await api.CreateUserAsync();
        var clientId = (await RegisterAsync(api)).GetProperty("client_id").GetString()!;
        using var browser = await SignedInBrowserAsync(api, user);
        var (_, html) = await OpenConsentAsync(browser, AuthorizeUrl(clientId, Pkce.Create()));

        using var answer = await DecideAsync(browser, html, "deny");

        var parameters = RedirectParameters(answer);
        Assert.Equal("access_denied", parameters["error"]);
        Assert.Equal("state-1", parameters["state"]);
        Assert.False(parameters.ContainsKey("code"));
        Assert.Equal(0, await api.WithDbAsync(db => db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreAuthorization<Guid>>()
            .CountAsync(a => a.Subject == user.Id.ToString())));
    }

    [Fact]
    public async Task AConsentWithoutItsAntiforgeryTokenIsRefused()
    {
        var user = await api.CreateUserAsync();
        var clientId = (await RegisterAsync(api)).GetProperty("client_id").GetString()!;
        using var browser = await SignedInBrowserAsync(api, user);
        var (_, html) = await OpenConsentAsync(browser, AuthorizeUrl(clientId, Pkce.Create()));
        var forged = html.Replace(BrowserForms.TokenIn(html), "forged", StringComparison.Ordinal);

        using var answer = await DecideAsync(browser, forged, "allow");

        await ProblemAssert.AssertProblemAsync(answer, 400);
        Assert.Null(answer.Headers.Location);
    }

    [Fact]
    public async Task TheConsentPageLetsItsFormRedirectToTheClientOnly()
    {
        var user = await api.CreateUserAsync();
        var clientId = (await RegisterAsync(api)).GetProperty("client_id").GetString()!;
        using var browser = await SignedInBrowserAsync(api, user);
        var (address, _) = await OpenConsentAsync(browser, AuthorizeUrl(clientId, Pkce.Create()));

        using var page = await browser.GetAsync(address, Cancellation);

        Assert.Contains("form-action 'self' http://127.0.0.1:7777;", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectedAppsListOnlyTheUsersOwnGrantsAndRevokingOneStopsItsTokens()
    {
        var user = await api.CreateUserAsync();
        var other = await api.CreateUserAsync();
        var (clientId, tokens) = await ConnectAsync(api, user, "Desk Helper 3000");
        await ConnectAsync(api, other, "Other person's editor");
        using var userBrowser = await SignedInBrowserAsync(api, user);
        using var otherBrowser = await SignedInBrowserAsync(api, other);

        var userSettings = await userBrowser.GetStringAsync("/settings", Cancellation);
        var otherSettings = await otherBrowser.GetStringAsync("/settings", Cancellation);
        Assert.Contains("Desk Helper 3000", userSettings, StringComparison.Ordinal);
        Assert.DoesNotContain("Other person", userSettings, StringComparison.Ordinal);
        Assert.DoesNotContain("Desk Helper 3000", otherSettings, StringComparison.Ordinal);
        var appId = RevokeAppValue().Match(userSettings).Groups[1].Value;
        Assert.NotEmpty(appId);

        // Someone else cannot revoke it: nothing changes, and the token still works.
        using var foreign = await PostRevokeAppAsync(otherBrowser, otherSettings, appId);
        Assert.Contains("That app is not connected.", await foreign.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        await using (var still = await McpTestClient.ConnectAsync(api, tokens.AccessToken, Cancellation))
        {
            Assert.NotEmpty(await still.ListToolsAsync(cancellationToken: Cancellation));
        }

        using var revoked = await PostRevokeAppAsync(userBrowser, userSettings, appId);
        var after = WebUtility.HtmlDecode(await revoked.Content.ReadAsStringAsync(Cancellation));
        Assert.True(after.Contains("Disconnected “Desk Helper 3000”", StringComparison.Ordinal), after);
        Assert.Contains("No apps are connected.", after, StringComparison.Ordinal);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => McpTestClient.ConnectAsync(api, tokens.AccessToken, Cancellation));
        Assert.True(McpTestClient.IsUnauthorized(error), error.ToString());
        using var refresh = await RefreshAsync(api, clientId, tokens.RefreshToken!);
        Assert.Equal("invalid_grant", await ErrorOfAsync(refresh));
    }

    [Fact]
    public async Task AllowingTheSameClientAgainKeepsOneConnectedApp()
    {
        var user = await api.CreateUserAsync();
        var clientId = (await RegisterAsync(api, "Twice")).GetProperty("client_id").GetString()!;
        using var browser = await SignedInBrowserAsync(api, user);
        await AuthorizeAsync(browser, clientId, Pkce.Create());
        await AuthorizeAsync(browser, clientId, Pkce.Create());

        var settings = await browser.GetStringAsync("/settings", Cancellation);

        Assert.Single(RevokeAppValue().Matches(settings));
    }

    /// <summary>
    /// A request refused before its redirect URI is trusted: OpenIddict answers the browser itself (400, the OAuth
    /// error in the body) rather than redirecting; no consent page, no code.
    /// </summary>
    private static async Task AssertRefusedWithoutRedirectAsync(HttpResponseMessage answer, string reason)
    {
        var body = await answer.Content.ReadAsStringAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Null(answer.Headers.Location);
        Assert.Contains("error:invalid_request", body, StringComparison.Ordinal);
        Assert.Contains(reason, body, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostRevokeAppAsync(HttpClient browser, string settingsHtml, string appId) =>
        await browser.PostAsync("/settings", new FormUrlEncodedContent(
        [
            new("_handler", "revoke-app"),
            new("__RequestVerificationToken", BrowserForms.TokenIn(settingsHtml)),
            new("RevokeAppId", appId),
        ]));

    private static async Task<HttpResponseMessage> SendMcpAsync(HttpClient client, object message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = JsonContent.Create(message) };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        return await client.SendAsync(request);
    }

    private Task<int> ApplicationCountAsync() =>
        api.WithDbAsync(db => db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication<Guid>>().CountAsync());

    [GeneratedRegex("resource_metadata=\"([^\"]+)\"")]
    private static partial Regex ResourceMetadataParameter();

    [GeneratedRegex("name=\"RevokeAppId\" value=\"([^\"]+)\"")]
    private static partial Regex RevokeAppValue();
}

public sealed class SqliteOAuthTests(SqliteApi api) : OAuthTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresOAuthTests(PostgresApi api) : OAuthTests(api), IClassFixture<PostgresApi>;
