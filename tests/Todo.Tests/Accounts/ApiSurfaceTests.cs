using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Accounts;

/// <summary>What the API shows of itself: OpenAPI, Scalar, the root redirect, and the auth and client registration rate limits.</summary>
public sealed class ApiSurfaceTests(ApiSurfaceTests.LimitedApi api) : IClassFixture<ApiSurfaceTests.LimitedApi>
{
    public sealed class LimitedApi : SqliteApi
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:AuthPerMinute"] = "3",
            ["OAuth:RegistrationsPerMinute"] = "2",
        };
    }

    [Fact]
    public async Task OpenApiDescribesTheBearerSchemeAndEveryAnswerOfTheAuthRoutes()
    {
        var document = await api.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());

        var paths = document.GetProperty("paths");
        var register = paths.GetProperty("/api/auth/register").GetProperty("post").GetProperty("responses");
        Assert.True(register.TryGetProperty("201", out _));
        Assert.True(register.TryGetProperty("400", out _));
        Assert.True(register.TryGetProperty("409", out _));
        var login = paths.GetProperty("/api/auth/login").GetProperty("post").GetProperty("responses");
        Assert.True(login.TryGetProperty("200", out _));
        Assert.True(login.TryGetProperty("401", out _));
        Assert.True(paths.GetProperty("/api/auth/me").GetProperty("get").GetProperty("responses").TryGetProperty("200", out _));
    }

    [Fact]
    public async Task OpenApiListsTheAnswersOfEveryTaskAndChatRoute()
    {
        var paths = (await api.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        string[] authorized =
        [
            "/api/tasks", "/api/tasks/{id}", "/api/tasks/{id}/complete", "/api/chat", "/api/conversations", "/api/tokens", "/api/tokens/{id}",
            "/api/webhooks", "/api/webhooks/{id}", "/api/webhooks/{id}/deliveries",
        ];
        foreach (var path in authorized)
        {
            foreach (var operation in paths.GetProperty(path).EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                var responses = operation.Value.GetProperty("responses");
                Assert.True(responses.TryGetProperty("401", out _), $"{operation.Name} {path} lists no 401");
                Assert.True(responses.EnumerateObject().Any(r => r.Name.StartsWith('2')), $"{operation.Name} {path} lists no success");
            }
        }

        var task = paths.GetProperty("/api/tasks/{id}");
        Assert.True(task.GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(task.GetProperty("put").GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(paths.GetProperty("/api/tasks").GetProperty("post").GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(paths.GetProperty("/api/{user_id}/tasks").GetProperty("get").GetProperty("responses").TryGetProperty("403", out _));
        var tokens = paths.GetProperty("/api/tokens");
        foreach (var status in new[] { "201", "400", "403", "409" })
        {
            Assert.True(tokens.GetProperty("post").GetProperty("responses").TryGetProperty(status, out _), $"POST /api/tokens lists no {status}");
        }

        Assert.True(paths.GetProperty("/api/tokens/{id}").GetProperty("delete").GetProperty("responses").TryGetProperty("404", out _));
        var webhooks = paths.GetProperty("/api/webhooks").GetProperty("post").GetProperty("responses");
        foreach (var status in new[] { "201", "400", "409" })
        {
            Assert.True(webhooks.TryGetProperty(status, out _), $"POST /api/webhooks lists no {status}");
        }

        Assert.True(paths.GetProperty("/api/webhooks/{id}/deliveries").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        var chat = paths.GetProperty("/api/chat").GetProperty("post").GetProperty("responses");
        foreach (var status in new[] { "200", "400", "404", "429", "502", "504" })
        {
            Assert.True(chat.TryGetProperty(status, out _), $"POST /api/chat lists no {status}");
        }
    }

    [Fact]
    public async Task OpenApiListsTheExportImportAndCalendarFeedRoutes()
    {
        var paths = (await api.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        foreach (var (path, method) in new[] { ("/api/export", "get"), ("/api/export.txt", "get"), ("/api/export.ics", "get"), ("/api/import", "post"),
            ("/api/calendar-feed", "get"), ("/api/calendar-feed", "post"), ("/api/calendar-feed", "delete") })
        {
            var responses = paths.GetProperty(path).GetProperty(method).GetProperty("responses");
            Assert.True(responses.TryGetProperty("401", out _), $"{method} {path} lists no 401");
            Assert.True(responses.EnumerateObject().Any(r => r.Name.StartsWith('2')), $"{method} {path} lists no success");
        }

        var import = paths.GetProperty("/api/import").GetProperty("post");
        foreach (var status in new[] { "200", "400", "413", "415" })
        {
            Assert.True(import.GetProperty("responses").TryGetProperty(status, out _), $"POST /api/import lists no {status}");
        }

        Assert.Equal(["application/json", "text/csv", "text/plain"], import.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name).Order());
        var feed = paths.GetProperty("/calendar/{secret}.ics").GetProperty("get").GetProperty("responses");
        Assert.True(feed.TryGetProperty("404", out _));
        Assert.False(feed.TryGetProperty("401", out _)); // read without a token
        Assert.False(paths.TryGetProperty("/settings/export.json", out _)); // the page's own downloads are not API
    }

    [Fact]
    public async Task ScalarIsServedAndTheRootIsTheWebPage()
    {
        var client = api.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var root = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/signin?returnUrl=%2F", root.Headers.Location?.OriginalString); // the web page, which asks who you are
        var scalar = await client.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
        Assert.Contains("openapi", await scalar.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheAuthRoutesAreRateLimitedWithRetryAfter()
    {
        var client = api.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "x@example.com", password = "password1" });
            statuses.Add(response.StatusCode);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : limited;
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses.Take(3));
        Assert.All(statuses.Skip(3), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.NotNull(limited);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await ProblemAssert.AssertProblemAsync(limited, 429);
    }

    [Fact]
    public async Task OpenApiDescribesTheOAuthRoutesOfMcpClients()
    {
        var paths = (await api.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        var register = paths.GetProperty("/oauth/register").GetProperty("post").GetProperty("responses");
        foreach (var status in new[] { "201", "400", "429" })
        {
            Assert.True(register.TryGetProperty(status, out _), $"POST /oauth/register lists no {status}");
        }

        Assert.True(paths.GetProperty("/.well-known/oauth-protected-resource/mcp").GetProperty("get").GetProperty("responses").TryGetProperty("200", out _));
        Assert.True(paths.GetProperty("/.well-known/oauth-protected-resource").GetProperty("get").GetProperty("responses").TryGetProperty("200", out _));
        Assert.False(paths.TryGetProperty("/oauth/authorize", out _)); // the browser's, not an API route
    }

    [Fact]
    public async Task ClientRegistrationIsRateLimitedWithRetryAfter()
    {
        var client = api.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsJsonAsync("/oauth/register", new { redirect_uris = new[] { $"https://example.com/cb{i}" } });
            statuses.Add(response.StatusCode);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : limited;
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(limited!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await ProblemAssert.AssertProblemAsync(limited, 429);
    }
}
