using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Todo.Server.Accounts;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Web;

/// <summary>The time zone on the web page's forms: taken at sign-up (app.js fills in the browser's), changed in Settings.</summary>
public sealed partial class TimeZoneFormsTests(TimeZoneFormsTests.WebApi api) : IClassFixture<TimeZoneFormsTests.WebApi>
{
    private const string Password = "correct horse battery";

    public sealed class WebApi : SqliteApi;

    [Fact]
    public async Task SignUpTakesTheTimeZoneItIsGiven()
    {
        var browser = NewBrowser();
        var form = await browser.GetStringAsync("/signup");
        Assert.Contains("<label for=\"time-zone\">Time zone</label>", form, StringComparison.Ordinal);
        Assert.Contains("data-browser-time-zone", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Pacific/Auckland\"></option>", form, StringComparison.Ordinal);

        var signUp = await PostAsync(browser, "/signup", "signup", ("Input.Email", NewEmail()), ("Input.Password", Password), ("Input.TimeZone", "Pacific/Auckland"));

        Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);
        Assert.Equal("Pacific/Auckland", ZoneIn(await browser.GetStringAsync("/settings")));
    }

    [Fact]
    public async Task SignUpWithoutATimeZoneIsInUtcAndAnUnknownOneIsExplainedNextToTheField()
    {
        var browser = NewBrowser();
        var email = NewEmail();

        var unknown = await PostAsync(browser, "/signup", "signup", ("Input.Email", email), ("Input.Password", Password), ("Input.TimeZone", "Mars/Olympus"));

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var html = await unknown.Content.ReadAsStringAsync();
        Assert.Contains($"<p id=\"time-zone-error\" class=\"field-error\">{UserTimeZones.Problem}</p>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Mars/Olympus\"", html, StringComparison.Ordinal);

        var plain = await PostAsync(browser, "/signup", "signup", ("Input.Email", email), ("Input.Password", Password), ("Input.TimeZone", ""));
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        Assert.Equal("UTC", ZoneIn(await browser.GetStringAsync("/settings")));
    }

    [Fact]
    public async Task SettingsChangeTheTimeZoneAndRefuseAnUnknownOne()
    {
        var browser = NewBrowser();
        await PostAsync(browser, "/signup", "signup", ("Input.Email", NewEmail()), ("Input.Password", Password), ("Input.TimeZone", "UTC"));

        var saved = await PostAsync(browser, "/settings", "settings", ("Input.TimeZone", "Europe/Berlin"));

        var html = await saved.Content.ReadAsStringAsync();
        Assert.Contains("Saved. Your time zone is Europe/Berlin.", html, StringComparison.Ordinal);
        Assert.Equal("Europe/Berlin", ZoneIn(await browser.GetStringAsync("/settings")));

        var refused = await (await PostAsync(browser, "/settings", "settings", ("Input.TimeZone", "Berlin"))).Content.ReadAsStringAsync();
        Assert.Contains($"<p id=\"time-zone-error\" class=\"field-error\">{UserTimeZones.Problem}</p>", refused, StringComparison.Ordinal);
        Assert.Equal("Europe/Berlin", ZoneIn(await browser.GetStringAsync("/settings")));
    }

    [Fact]
    public async Task SettingsAreForSignedInPeopleOnly()
    {
        var response = await NewBrowser().GetAsync("/settings");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private HttpClient NewBrowser() => api.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static string NewEmail() => $"zone-{Guid.NewGuid():N}@example.com";

    /// <summary>Gets the form's page (for its antiforgery token and cookie), then posts the fields as a browser would.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, string handler, params (string Name, string Value)[] fields)
    {
        var form = await browser.GetStringAsync(path);
        return await browser.PostAsync(path, new FormUrlEncodedContent(
        [
            new("_handler", handler),
            new("__RequestVerificationToken", AntiforgeryToken().Match(form).Groups[1].Value),
            .. fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value)),
        ]));
    }

    /// <summary>The value of the settings' time zone field.</summary>
    private static string ZoneIn(string settings) => TimeZoneValue().Match(settings) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("The settings page has no time zone field with a value.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<input id=\"time-zone\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex TimeZoneValue();
}
