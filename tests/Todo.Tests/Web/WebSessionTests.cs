using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Accounts;
using Todo.Server.Components.Account;
using Todo.Tests.Infrastructure;

using static Todo.Tests.Web.BrowserForms;

namespace Todo.Tests.Web;

/// <summary>
/// The web session ends on the server: sign-out needs the page's antiforgery token, and sign-out and deactivation
/// replace the user's security stamp, so a copy of the cookie stops working too. The fixture keeps the active-user
/// answer for 30 s, as in production, so what is proven here holds with the cache in place.
/// </summary>
public abstract class WebSessionTests(ApiFixture api)
{
    [Fact]
    public async Task SignOutWithoutTheAntiforgeryTokenIsRefusedAndTheSessionStays()
    {
        var user = await api.CreateUserAsync();
        var browser = NewBrowser(api);
        await SignInAsync(browser, user.Email);

        var bodiless = await browser.PostAsync("/signout", null);
        var tokenless = await browser.PostAsync("/signout", new FormUrlEncodedContent([new("x", "1")]));
        var forged = await browser.PostAsync("/signout", new FormUrlEncodedContent([new("__RequestVerificationToken", "forged")]));
        var json = await browser.PostAsync("/signout", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var brokenMultipart = await browser.PostAsync("/signout", new StringContent("--x\r\nno headers", System.Text.Encoding.UTF8, "multipart/form-data"));

        foreach (var refused in new[] { bodiless, tokenless, forged, json })
        {
            var problem = await ProblemAssert.AssertProblemAsync(refused, 400);
            Assert.Equal("The sign-out form's antiforgery token is missing or invalid.", problem.GetProperty("detail").GetString());
        }

        Assert.Equal(HttpStatusCode.BadRequest, brokenMultipart.StatusCode);
        var page = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(user.Email, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOpenPagesSessionIsCurrentOnlyWithTheUsersPresentStamp()
    {
        // The circuit's revalidation (ActiveUserAuthenticationStateProvider) asks exactly this.
        var user = await api.CreateUserAsync();
        var check = api.Services.GetRequiredService<ActiveUserCheck>();
        var stamp = await StampOfAsync(user.Id);
        var cancel = TestContext.Current.CancellationToken;

        Assert.True(await CookieSession.IsCurrentAsync(Session(user.Id, stamp), check, cancel));
        Assert.False(await CookieSession.IsCurrentAsync(Session(user.Id, "0123456789abcdef0123456789abcdef"), check, cancel));
        Assert.False(await CookieSession.IsCurrentAsync(Session(user.Id, stamp: null), check, cancel));
        Assert.False(await CookieSession.IsCurrentAsync(Session(Guid.NewGuid(), stamp), check, cancel));

        await WithAccountsAsync(accounts => accounts.RotateSecurityStampAsync(user.Id));
        check.Forget(user.Id);
        Assert.False(await CookieSession.IsCurrentAsync(Session(user.Id, stamp), check, cancel));
    }

    [Fact]
    public async Task ACopiedSessionCookieIsRefusedOnceTheBrowserSignsOut()
    {
        var user = await api.CreateUserAsync();
        var browser = NewBrowser(api);
        var cookie = await SignInAsync(browser, user.Email);
        var copy = api.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/")).StatusCode); // the user's answer is now cached

        var signedOut = await SignOutAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var page = await copy.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SigningInAgainAfterSigningOutGivesAWorkingSession()
    {
        var user = await api.CreateUserAsync();
        var browser = NewBrowser(api);
        await SignInAsync(browser, user.Email);
        await SignOutAsync(browser);

        await SignInAsync(browser, user.Email);

        var page = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(user.Email, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeactivationReplacesTheStampSoNoSessionFromBeforeSurvivesReactivation()
    {
        var user = await api.CreateUserAsync();
        var browser = NewBrowser(api);
        await SignInAsync(browser, user.Email);
        var before = await StampOfAsync(user.Id);

        await WithAccountsAsync(accounts => accounts.SetActiveAsync(user.Email, isActive: false));
        await WithAccountsAsync(accounts => accounts.SetActiveAsync(user.Email, isActive: true));
        api.Services.GetRequiredService<ActiveUserCheck>().Forget(user.Id); // as Auth:ActiveUserRecheck passing would

        Assert.NotEqual(before, await StampOfAsync(user.Id));
        var page = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await SignInAsync(browser, user.Email);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task EveryUserGetsAStampOfTheirOwnAndSignOutReplacesIt()
    {
        var first = await api.CreateUserAsync();
        var second = await api.CreateUserAsync();
        var stamp = await StampOfAsync(first.Id);
        Assert.Matches("^[0-9a-f]{32}$", stamp);
        Assert.NotEqual(stamp, await StampOfAsync(second.Id));

        var browser = NewBrowser(api);
        await SignInAsync(browser, first.Email);
        await SignOutAsync(browser);

        Assert.Matches("^[0-9a-f]{32}$", await StampOfAsync(first.Id));
        Assert.NotEqual(stamp, await StampOfAsync(first.Id));
    }

    [Fact]
    public async Task TheApisBearerTokenOutlivesSigningOutOfThePage()
    {
        var user = await api.CreateUserAsync();
        var browser = NewBrowser(api);
        await SignInAsync(browser, user.Email);

        await SignOutAsync(browser);

        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/auth/me")).StatusCode);
    }

    private static ClaimsPrincipal Session(Guid userId, string? stamp) => new(new ClaimsIdentity(
        stamp is null
            ? [new Claim("sub", userId.ToString())]
            : [new Claim("sub", userId.ToString()), new Claim(CookieSession.SecurityStampClaim, stamp)],
        "Cookies"));

    private Task<string> StampOfAsync(Guid userId) =>
        api.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync());

    private async Task WithAccountsAsync(Func<AccountService, Task> action)
    {
        await using var scope = api.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<AccountService>());
    }
}

public sealed class CachingSqliteApi : SqliteApi
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:ActiveUserRecheck"] = "00:00:30",
    };
}

public sealed class CachingPostgresApi(PostgresServer server) : PostgresApi(server)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:ActiveUserRecheck"] = "00:00:30",
    };
}

public sealed class SqliteWebSessionTests(CachingSqliteApi api) : WebSessionTests(api), IClassFixture<CachingSqliteApi>;

public sealed class PostgresWebSessionTests(CachingPostgresApi api) : WebSessionTests(api), IClassFixture<CachingPostgresApi>;
