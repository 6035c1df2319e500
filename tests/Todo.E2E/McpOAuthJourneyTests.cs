using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ModelContextProtocol.Authentication;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using static Microsoft.Playwright.Assertions;

namespace Todo.E2E;

/// <summary>
/// A real MCP client (the MCP C# SDK's, with its OAuth support) connects to /mcp the way Claude Desktop or VS Code do:
/// it meets the 401, discovers the authorization server from it, registers itself, and sends the person to the consent
/// page, driven here in Chromium (sign in, Allow); the browser's redirect reaches the client's loopback listener. Then
/// it lists the tools and completes one of the person's tasks, refreshes its token, and stops working the moment the
/// person disconnects it under Settings, Connected apps.
/// </summary>
public sealed class McpOAuthJourneyTests(TodoWebApp app, BrowserFixture browser) : IClassFixture<TodoWebApp>
{
    private const string Password = "correct horse battery";
    private const string ClientName = "Journey Agent";

    [Fact(Timeout = 300_000)]
    public async Task AnMcpClientConnectsThroughOAuthChangesATaskRefreshesAndStopsWhenDisconnected()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var email = $"mcp-{Guid.NewGuid():N}@example.com";
        using var api = await RegisteredApiClientAsync(email, cancellation);
        var taskNumber = await CreateTaskAsync(api, "Water the plants", cancellation);

        var shots = new Screenshots("mcp-oauth");
        await using var context = await browser.NewContextAsync(app.BaseAddress, 1280, 800);
        var violations = await CspViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        using var redirect = new LoopbackRedirect();
        var tokens = new ObservedTokenCache();
        var authorizations = 0;

        async Task<AuthorizationResult?> AuthorizeInBrowserAsync(AuthorizationCallbackContext authorization, CancellationToken cancel)
        {
            if (Interlocked.Increment(ref authorizations) > 1)
            {
                throw new InvalidOperationException("The client asked the person to authorize it again.");
            }

            Assert.Equal(redirect.Uri, authorization.RedirectUri);
            var response = redirect.NextAsync(cancel);
            await page.GotoAsync(authorization.AuthorizationUri.ToString());

            // Not signed in yet: the sign-in page first, which returns to the consent page.
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
            await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Allow “{ClientName}”?" })).ToBeVisibleAsync();
            await Expect(page.Locator(".consent")).ToContainTextAsync("read and change your tasks through MCP");
            await Expect(page.Locator(".client-host")).ToHaveTextAsync(redirect.Uri.Authority);
            await Axe.AssertNoSeriousViolationsAsync(page, "the consent page");
            await shots.TakeAsync(page, "01-consent");
            await page.GetByRole(AriaRole.Button, new() { Name = "Allow", Exact = true }).ClickAsync();

            var query = await response;
            await Expect(page.GetByText("You can close this window.")).ToBeVisibleAsync();
            Assert.False(query.ContainsKey("error"), $"The authorization failed: {string.Join(", ", query)}");
            return new AuthorizationResult { Code = query["code"], State = query["state"], Iss = query.GetValueOrDefault("iss") };
        }

        try
        {
            var mcpEndpoint = new Uri(app.BaseAddress, "/mcp");
            await using var transport = new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = mcpEndpoint,
                TransportMode = HttpTransportMode.StreamableHttp,
                OAuth = new ClientOAuthOptions
                {
                    RedirectUri = redirect.Uri,
                    DynamicClientRegistration = new DynamicClientRegistrationOptions { ClientName = ClientName },
                    AuthorizationCallbackHandler = AuthorizeInBrowserAsync,
                    TokenCache = tokens,
                },
            });

            // Connecting meets the 401 and runs the whole flow: discovery, registration, consent, code, token.
            await using var client = await McpClient.CreateAsync(transport, cancellationToken: cancellation);
            Assert.Equal(1, authorizations);
            var issued = Assert.Single(tokens.Stored);
            Assert.False(string.IsNullOrEmpty(issued.RefreshToken), "No refresh token was issued (offline_access).");

            var tools = await client.ListToolsAsync(cancellationToken: cancellation);
            Assert.Contains(tools, tool => tool.Name == "add_task");
            Assert.Contains(tools, tool => tool.Name == "complete_task");

            var completed = await client.CallToolAsync(
                "complete_task", new Dictionary<string, object?> { ["task"] = taskNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                cancellationToken: cancellation);
            Assert.True(completed.IsError is not true, $"complete_task failed: {ToolText(completed)}");
            Assert.True(await IsCompletedAsync(api, taskNumber, cancellation), "The tool call did not complete the person's task.");

            // Refresh: once the access token has expired, the client trades its refresh token for new ones (rotated).
            tokens.ExpireAccessToken();
            var added = await client.CallToolAsync(
                "add_task", new Dictionary<string, object?> { ["title"] = "Repot the fern" }, cancellationToken: cancellation);
            Assert.True(added.IsError is not true, $"add_task failed: {ToolText(added)}");
            Assert.Equal(2, tokens.Stored.Count);
            var refreshed = tokens.Stored[^1];
            Assert.NotEqual(issued.AccessToken, refreshed.AccessToken);
            Assert.NotEqual(issued.RefreshToken, refreshed.RefreshToken);
            Assert.Equal(1, authorizations);
            Assert.Contains(await TaskTitlesAsync(api, cancellation), title => title == "Repot the fern");

            // The person disconnects the app under Settings, Connected apps.
            await page.GotoAsync("/settings");
            var connected = page.Locator(".connected-apps");
            await Expect(connected).ToContainTextAsync(ClientName);
            page.Dialog += AcceptOnce;
            await connected.GetByRole(AriaRole.Button, new() { Name = $"Disconnect “{ClientName}”" }).ClickAsync();
            await Expect(connected.GetByRole(AriaRole.Status)).ToContainTextAsync($"Disconnected “{ClientName}”");
            await Expect(connected).ToContainTextAsync("No apps are connected.");
            await shots.TakeAsync(page, "02-disconnected");

            // The next call with its token is refused with the 401 that points to the resource metadata...
            using (var raw = new HttpClient())
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, mcpEndpoint)
                {
                    Content = JsonContent.Create(new { jsonrpc = "2.0", id = 1, method = "tools/list" }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", refreshed.AccessToken);
                request.Headers.Accept.ParseAdd("application/json");
                request.Headers.Accept.ParseAdd("text/event-stream");
                using var refused = await raw.SendAsync(request, cancellation);
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
                Assert.Contains("resource_metadata=", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            }

            // ...and the client itself cannot go on: its refresh token is dead too, so it would have to ask the person again.
            await Assert.ThrowsAnyAsync<Exception>(() => client.ListToolsAsync(cancellationToken: cancellation).AsTask());
            Assert.Equal(2, authorizations);
            Assert.Equal(2, tokens.Stored.Count);

            Assert.True(violations.Found.Count == 0, $"CSP violations:\n{string.Join('\n', violations.Found)}");
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException or ModelContextProtocol.McpException or HttpRequestException)
        {
            await shots.TakeAsync(page, "failure");
            throw new InvalidOperationException(
                $"{e.Message}\n--- server output (last lines) ---\n{string.Join('\n', app.Server.Output.Split('\n').TakeLast(60))}", e);
        }
    }

    private static void AcceptOnce(object? sender, IDialog dialog)
    {
        ((IPage)sender!).Dialog -= AcceptOnce;
        _ = dialog.AcceptAsync();
    }

    private static string ToolText(CallToolResult result) =>
        string.Join('\n', result.Content.OfType<TextContentBlock>().Select(block => block.Text));

    private async Task<HttpClient> RegisteredApiClientAsync(string email, CancellationToken cancellation)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        using (var registered = await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password }, cancellation))
        {
            registered.EnsureSuccessStatusCode();
        }

        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password }, cancellation);
        login.EnsureSuccessStatusCode();
        var body = await login.Content.ReadFromJsonAsync<JsonElement>(cancellation);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        return client;
    }

    private static async Task<int> CreateTaskAsync(HttpClient api, string title, CancellationToken cancellation)
    {
        using var created = await api.PostAsJsonAsync("/api/tasks", new { title }, cancellation);
        created.EnsureSuccessStatusCode();
        var task = await created.Content.ReadFromJsonAsync<JsonElement>(cancellation);
        return task.GetProperty("number").GetInt32();
    }

    private static async Task<bool> IsCompletedAsync(HttpClient api, int number, CancellationToken cancellation)
    {
        var page = await api.GetFromJsonAsync<JsonElement>("/api/tasks?status=completed", cancellation);
        return page.GetProperty("items").EnumerateArray().Any(task => task.GetProperty("number").GetInt32() == number);
    }

    private static async Task<List<string>> TaskTitlesAsync(HttpClient api, CancellationToken cancellation)
    {
        var page = await api.GetFromJsonAsync<JsonElement>("/api/tasks", cancellation);
        return [.. page.GetProperty("items").EnumerateArray().Select(task => task.GetProperty("title").GetString() ?? "")];
    }

    /// <summary>The client's token store, watched: every token set it was given, and a way to let the access token lapse.</summary>
    private sealed class ObservedTokenCache : ITokenCache
    {
        private readonly Lock gate = new();
        private readonly List<TokenContainer> stored = [];

        public IReadOnlyList<TokenContainer> Stored
        {
            get
            {
                lock (gate)
                {
                    return [.. stored];
                }
            }
        }

        public ValueTask StoreTokensAsync(TokenContainer tokens, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                stored.Add(tokens);
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask<TokenContainer?> GetTokensAsync(CancellationToken cancellationToken)
        {
            lock (gate)
            {
                return ValueTask.FromResult(stored.Count == 0 ? null : stored[^1]);
            }
        }

        /// <summary>Makes the latest access token look an hour old, past its lifetime.</summary>
        public void ExpireAccessToken()
        {
            lock (gate)
            {
                stored[^1].ObtainedAt = DateTimeOffset.UtcNow.AddHours(-1);
            }
        }
    }
}
