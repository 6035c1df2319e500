using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Web.BrowserForms;

namespace Todo.Tests.Web;

/// <summary>The settings page's "Export and import" section: downloads under the cookie, the import form, and the calendar feed.</summary>
public sealed partial class ExportImportSectionTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task TheSectionDownloadsImportsAndManagesTheFeed()
    {
        var browser = await SignedUpBrowserAsync();
        var page = await browser.GetStringAsync("/settings");
        Assert.Contains("<h2 id=\"transfer-heading\">Export and import</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"import-file\">File to import</label>", page, StringComparison.Ordinal);
        Assert.Contains("You have no calendar feed.", page, StringComparison.Ordinal);

        var imported = await PostImportAsync(browser, "tasks.txt", "(A) Call Mom +Family @phone\nx 2026-11-20 Paid the rent\n");
        Assert.Contains("Imported 2 tasks.", imported, StringComparison.Ordinal);

        var json = await browser.GetAsync("/settings/export.json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("attachment", json.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(json.Headers.CacheControl?.NoStore);
        var document = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["Call Mom", "Paid the rent"], document.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        Assert.Contains("(A) ", await browser.GetStringAsync("/settings/export.txt"), StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Call Mom", await browser.GetStringAsync("/settings/export.ics"), StringComparison.Ordinal);

        var created = await PostFormAsync(browser, "create-feed");
        var url = FeedUrl().Match(created) is { Success: true } match ? new Uri(match.Groups[1].Value) : throw new InvalidOperationException("No feed address shown.");
        Assert.Contains("SUMMARY:Call Mom", await api.CreateClient().GetStringAsync(url.PathAndQuery), StringComparison.Ordinal);
        Assert.Contains("Your calendar feed is on", await browser.GetStringAsync("/settings"), StringComparison.Ordinal);

        var revoked = await PostFormAsync(browser, "revoke-feed");
        Assert.Contains("The calendar feed is off", revoked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync(url.PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task ABadFileIsNamedByItsLineAndNothingIsImported()
    {
        var browser = await SignedUpBrowserAsync();

        var page = await PostImportAsync(browser, "tasks.csv", "TYPE,CONTENT,PRIORITY\ntask,Fine,1\ntask,Bad,9\n");

        Assert.Contains("<p id=\"import-error\" class=\"field-error\">Line 3: PRIORITY is &quot;9&quot;", page, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page, StringComparison.Ordinal);
        var json = JsonDocument.Parse(await browser.GetStringAsync("/settings/export.json")).RootElement;
        Assert.Equal(0, json.GetProperty("tasks").GetArrayLength());
    }

    [Fact]
    public async Task TheDownloadsNeedTheSessionCookie()
    {
        var response = await NewBrowser(api).GetAsync("/settings/export.json");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedUpBrowserAsync()
    {
        var browser = NewBrowser(api);
        var signUp = await PostAccountFormAsync(browser, "/signup", $"io-{Guid.NewGuid():N}@example.com", Password);
        Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);
        return browser;
    }

    private static async Task<string> PostImportAsync(HttpClient browser, string fileName, string content)
    {
        var token = TokenIn(await browser.GetStringAsync("/settings"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent("import-tasks"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(""), "format" },
        };
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        var response = await browser.PostAsync("/settings", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> PostFormAsync(HttpClient browser, string handler)
    {
        var token = TokenIn(await browser.GetStringAsync("/settings"));
        var response = await browser.PostAsync("/settings", new FormUrlEncodedContent([new("_handler", handler), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<input id=\"feed-url\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex FeedUrl();
}
