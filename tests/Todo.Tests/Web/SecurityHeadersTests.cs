using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Todo.Tests.Infrastructure;

using static Todo.Tests.Web.BrowserForms;

namespace Todo.Tests.Web;

/// <summary>
/// The headers every answer carries (nosniff, no referrer, a Content-Security-Policy for what is served, no-store on
/// what carries user data, HSTS over HTTPS outside Development), and the redirect after signing in, which never
/// names the host the request claimed.
/// </summary>
public abstract class SecurityHeadersTests(ApiFixture api)
{
    private const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    [Fact]
    public async Task APageAnswerCarriesTheSecurityHeaders()
    {
        var user = await api.CreateUserAsync();
        var browser = NewBrowser(api);
        await SignInAsync(browser, user.Email);

        var page = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(user.Email, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(page, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(page, "Referrer-Policy"));
        Assert.Equal(PagePolicy, Header(page, "Content-Security-Policy"));
        Assert.True(page.Headers.CacheControl?.NoStore, "the signed-in page may be stored");
        Assert.False(page.Headers.Contains("Strict-Transport-Security")); // plain HTTP
    }

    [Fact]
    public async Task ThePageUsesNoInlineScriptTheCspWouldBlock()
    {
        var html = await NewBrowser(api).GetStringAsync("/signin");

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"importmap\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        Assert.Contains("_framework/blazor.web", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApiAnswerCarriesTheSecurityHeaders()
    {
        var user = await api.CreateUserAsync();

        var tasks = await user.Client.GetAsync("/api/tasks");
        var refused = await api.CreateClient().GetAsync("/api/tasks");

        Assert.Equal(HttpStatusCode.OK, tasks.StatusCode);
        Assert.Contains("\"items\"", await tasks.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        foreach (var answer in new[] { tasks, refused })
        {
            Assert.Equal("nosniff", Header(answer, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Header(answer, "Referrer-Policy"));
            Assert.Equal("default-src 'none'; frame-ancestors 'none'", Header(answer, "Content-Security-Policy"));
            Assert.True(answer.Headers.CacheControl?.NoStore, "an API answer may be stored");
        }
    }

    [Fact]
    public async Task TheApiBrowserHasAPolicyOfItsOwnAndStillLoads()
    {
        var scalar = await api.CreateClient().GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
        Assert.Contains("openapi", await scalar.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var policy = Header(scalar, "Content-Security-Policy");
        Assert.Contains("script-src 'self' 'unsafe-inline'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(scalar, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task HttpsAnswersOutsideDevelopmentCarryHsts()
    {
        var client = api.Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://todo.example"), AllowAutoRedirect = false,
        });

        var page = await client.GetAsync("/signin");
        var apiAnswer = await client.GetAsync("/api/tasks");

        Assert.Equal("max-age=2592000", Header(page, "Strict-Transport-Security"));
        Assert.Equal("max-age=2592000", Header(apiAnswer, "Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("/signin")]
    [InlineData("/signin?returnUrl=%2F%3Fc%3D42")]
    [InlineData("/signup")]
    public async Task SigningInWithAForeignHostHeaderRedirectsToAPathOfThisSite(string path)
    {
        var email = path.StartsWith("/signup", StringComparison.Ordinal)
            ? $"web-{Guid.NewGuid():N}@example.com"
            : (await api.CreateUserAsync()).Email;
        var browser = NewBrowser(api);

        var signedIn = await PostAccountFormAsync(browser, path, email, Password, request => request.Headers.Host = "evil.example");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var location = signedIn.Headers.Location;
        Assert.NotNull(location);
        Assert.False(location.IsAbsoluteUri, $"redirected to {location}");
        Assert.Equal(path.Contains("c%3D42", StringComparison.Ordinal) ? "/?c=42" : "/", location.OriginalString);
    }

    [Fact]
    public async Task TheSignInPageOfASignedInVisitorRedirectsToAPathOfThisSite()
    {
        var user = await api.CreateUserAsync();
        var browser = NewBrowser(api);
        await SignInAsync(browser, user.Email);

        var request = new HttpRequestMessage(HttpMethod.Get, "/signin?returnUrl=%2F%3Fc%3D7");
        request.Headers.Host = "evil.example";
        var page = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/?c=7", page.Headers.Location?.OriginalString);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing from {response.RequestMessage?.RequestUri}");
}

public sealed class SqliteSecurityHeadersTests(SqliteApi api) : SecurityHeadersTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresSecurityHeadersTests(PostgresApi api) : SecurityHeadersTests(api), IClassFixture<PostgresApi>;
