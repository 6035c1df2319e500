using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Accounts;
using Todo.Tests.Infrastructure;

using static Todo.Tests.Web.BrowserForms;

namespace Todo.Tests.Web;

/// <summary>
/// RateLimiting:AuthPerMinute counts sign-in and sign-up attempts (the forms' posts and the API's), not page views;
/// a refusal says the real wait, to a browser as a page. Each test has a server of its own: the limit is per client
/// address, and every in-memory client shares one.
/// </summary>
public sealed partial class SignInRateLimitTests
{
    [Fact]
    public async Task TwentyFivePageLoadsOfTheSignInFormDoNotBlockASignIn()
    {
        await using var api = await LimitedApi.StartAsync(attemptsPerMinute: 3);
        var email = await RegisterWithoutAnAttemptAsync(api);
        var browser = NewBrowser(api);

        for (var load = 0; load < 25; load++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/signin")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/signup")).StatusCode);
        }

        var signIn = await PostAccountFormAsync(browser, "/signin", email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheFormsPostsAndTheApisShareTheAllowanceOfAttempts()
    {
        await using var api = await LimitedApi.StartAsync(attemptsPerMinute: 3);
        var browser = NewBrowser(api);
        var client = api.CreateClient();

        var statuses = new List<HttpStatusCode>
        {
            (await PostAccountFormAsync(browser, "/signin", "nobody@example.com", "wrong password")).StatusCode,
            (await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.com", password = "password1" })).StatusCode,
            (await PostAccountFormAsync(browser, "/signup", "not-an-email", Password)).StatusCode,
            (await client.PostAsJsonAsync("/api/auth/register", new { email = "x@example.com", password = "password1" })).StatusCode,
            (await PostAccountFormAsync(browser, "/signin", "nobody@example.com", "wrong password")).StatusCode,
        };

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            statuses);
    }

    [Fact]
    public async Task ABlockedApiClientIsToldTheRealWaitAndMayTryAgainAfterIt()
    {
        // 30 attempts a minute: one more every 2 seconds once the first 30 are spent.
        await using var api = await LimitedApi.StartAsync(attemptsPerMinute: 30);
        var client = api.CreateClient();

        HttpResponseMessage? blocked = null;
        for (var attempt = 0; attempt < 60 && blocked is null; attempt++)
        {
            var response = await client.PostAsJsonAsync("/api/auth/register", new { });
            blocked = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(blocked);
        var problem = await ProblemAssert.AssertProblemAsync(blocked, 429);
        var wait = blocked.Headers.RetryAfter?.Delta;
        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)); // not the rest of a minute
        Assert.Equal($"Too many requests; try again in {wait.Value.TotalSeconds} seconds.", problem.GetProperty("detail").GetString());

        // The limiter refills on a 100 ms tick, which a loaded test machine can delay: allow a little beyond the wait,
        // far less than the minute a fixed window would say.
        await Task.Delay(wait.Value, TestContext.Current.CancellationToken);
        var allowedAgain = await client.PostAsJsonAsync("/api/auth/register", new { });
        for (var retry = 0; retry < 12 && allowedAgain.StatusCode == HttpStatusCode.TooManyRequests; retry++)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            allowedAgain = await client.PostAsJsonAsync("/api/auth/register", new { });
        }

        Assert.Equal(HttpStatusCode.BadRequest, allowedAgain.StatusCode);
    }

    [Fact]
    public async Task ABlockedBrowserFormPostGetsAPageSayingHowLongToWait()
    {
        await using var api = await LimitedApi.StartAsync(attemptsPerMinute: 1);
        var browser = NewBrowser(api);
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        Assert.Equal(HttpStatusCode.OK, (await PostAccountFormAsync(browser, "/signin", "nobody@example.com", "wrong password")).StatusCode);

        var blocked = await PostAccountFormAsync(browser, "/signin?returnUrl=%2F", "nobody@example.com", "wrong password");

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal("text/html", blocked.Content.Headers.ContentType?.MediaType);
        var html = await blocked.Content.ReadAsStringAsync();
        var seconds = int.Parse(WaitIn(html), CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 60);
        Assert.Equal(TimeSpan.FromSeconds(seconds), blocked.Headers.RetryAfter?.Delta);
        Assert.Contains("<a href=\"/signin?returnUrl=%2F\">try again</a>", html, StringComparison.Ordinal);
    }

    /// <summary>Creates an account through the service, so the test's allowance of attempts is untouched.</summary>
    private static async Task<string> RegisterWithoutAnAttemptAsync(ApiFixture api)
    {
        var email = $"web-{Guid.NewGuid():N}@example.com";
        await using var scope = api.Services.CreateAsyncScope();
        var (result, _) = await scope.ServiceProvider.GetRequiredService<AccountService>().RegisterAsync(email, Password);
        Assert.Equal(RegistrationResult.Created, result);
        return email;
    }

    private static string WaitIn(string html) => Wait().Match(html) is { Success: true } match
        ? match.Groups[1].Value
        : throw new Xunit.Sdk.XunitException($"The page says no wait: {html}");

    [GeneratedRegex(@"Wait (\d+) seconds?, then")]
    private static partial Regex Wait();

    private sealed class LimitedApi(int attemptsPerMinute) : SqliteApi
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:AuthPerMinute"] = attemptsPerMinute.ToString(CultureInfo.InvariantCulture),
        };

        public static async Task<LimitedApi> StartAsync(int attemptsPerMinute)
        {
            var api = new LimitedApi(attemptsPerMinute);
            await api.InitializeAsync();
            return api;
        }
    }
}
