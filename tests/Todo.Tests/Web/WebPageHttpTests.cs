using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Web;

/// <summary>
/// The web page's sign-up, sign-in and sign-out over HTTP: a session cookie that opens the pages and nothing of
/// the API, which stays bearer-only; the API's rules and answers for accounts.
/// </summary>
public sealed partial class WebPageHttpTests(WebPageHttpTests.WebApi api) : IClassFixture<WebPageHttpTests.WebApi>
{
    private const string Password = "correct horse battery";

    public sealed class WebApi : SqliteApi
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Auth:ActiveUserRecheck"] = "00:00:00",
        };
    }

    [Fact]
    public async Task TheRootLeadsVisitorsWithoutASessionToTheSignInPage()
    {
        var browser = NewBrowser();

        var root = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/signin?returnUrl=%2F", root.Headers.Location?.OriginalString);
        var signIn = await browser.GetStringAsync("/signin");
        Assert.Contains("<label for=\"email\">Email</label>", signIn, StringComparison.Ordinal);
        Assert.Contains("<label for=\"password\">Password</label>", signIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningUpOpensThePageWithASessionCookieThatTheApiDoesNotAccept()
    {
        var browser = NewBrowser();
        var email = NewEmail();

        var signUp = await PostFormAsync(browser, "/signup", email, Password);

        Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);
        Assert.Equal("/", signUp.Headers.Location?.OriginalString);
        var cookie = Assert.Single(signUp.Headers.GetValues("Set-Cookie"), c => c.StartsWith("todo_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        var page = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(email, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task SignUpUsesTheApisRulesAndSaysWhatIsWrongNextToTheField()
    {
        var taken = await api.CreateUserAsync();
        var browser = NewBrowser();

        var badEmail = await ReadAsync(await PostFormAsync(browser, "/signup", "not-an-email", Password));
        var shortPassword = await ReadAsync(await PostFormAsync(browser, "/signup", NewEmail(), "short"));
        var takenEmail = await ReadAsync(await PostFormAsync(browser, "/signup", taken.Email.ToUpperInvariant(), Password));

        Assert.Contains("<p id=\"email-error\" class=\"field-error\">Enter an email address like name@example.com", badEmail, StringComparison.Ordinal);
        Assert.Contains("<p id=\"password-error\" class=\"field-error\">Choose a password of 8 to 128 characters.</p>", shortPassword, StringComparison.Ordinal);
        Assert.Contains("An account with this email already exists.", takenEmail, StringComparison.Ordinal);
        Assert.Contains("value=\"not-an-email\"", badEmail, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, badEmail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedInWordsAndTheEmailIsKept()
    {
        var user = await api.CreateUserAsync();
        var browser = NewBrowser();

        var response = await PostFormAsync(browser, "/signin", user.Email, "wrong password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<p id=\"password-error\" class=\"field-error\">The email or password is incorrect.</p>", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{user.Email}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("todo_session=", string.Join(' ', response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningInReturnsToThePageAskedForAndSigningOutEndsTheSession()
    {
        var user = await api.CreateUserAsync();
        var browser = NewBrowser();

        var signIn = await PostFormAsync(browser, "/signin?returnUrl=%2F%3Fc%3D42", user.Email, Password);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/?c=42", signIn.Headers.Location?.OriginalString);
        var page = await browser.GetStringAsync("/");
        var signOut = new HttpRequestMessage(HttpMethod.Post, "/signout")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", TokenIn(page))]),
        };
        var signedOut = await browser.SendAsync(signOut);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/signin", signedOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task ASignInFromAnotherSiteIsRefusedWithoutTheFormsToken()
    {
        var user = await api.CreateUserAsync();
        var browser = NewBrowser();

        var forged = await browser.PostAsync("/signin", new FormUrlEncodedContent(
        [
            new("_handler", "signin"), new("Input.Email", user.Email), new("Input.Password", Password),
        ]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(forged.Headers.Contains("Set-Cookie") && forged.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("todo_session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ADeactivatedUsersSessionStopsWorkingAsTheirTokensDo()
    {
        var user = await api.CreateUserAsync();
        var browser = NewBrowser();
        await PostFormAsync(browser, "/signin", user.Email, Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        await api.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));

        var page = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains("The email or password is incorrect.",
            await ReadAsync(await PostFormAsync(browser, "/signin", user.Email, Password)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABearerTokenDoesNotOpenThePagesAndThePagesAreNotInTheApiDescription()
    {
        var user = await api.CreateUserAsync();
        var browser = NewBrowser();
        browser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
        var document = await api.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/tasks", paths);
        Assert.DoesNotContain(paths, path => path is "/" or "/signin" or "/signup" or "/signout" || path.StartsWith("/_", StringComparison.Ordinal));
    }

    private HttpClient NewBrowser() => api.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static string NewEmail() => $"web-{Guid.NewGuid():N}@example.com";

    /// <summary>Gets the form's page (for its antiforgery token and cookie), then posts it as a browser would.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, string email, string password)
    {
        var form = await browser.GetStringAsync(path);
        var handler = path.StartsWith("/signup", StringComparison.Ordinal) ? "signup" : "signin";
        return await browser.PostAsync(path, new FormUrlEncodedContent(
        [
            new("_handler", handler),
            new("__RequestVerificationToken", TokenIn(form)),
            new("Input.Email", email),
            new("Input.Password", password),
        ]));
    }

    private static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string TokenIn(string html) => AntiforgeryToken().Match(html) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
