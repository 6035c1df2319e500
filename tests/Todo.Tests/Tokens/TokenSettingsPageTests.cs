using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Todo.Tests.Infrastructure;
using Todo.Tests.Web;

namespace Todo.Tests.Tokens;

/// <summary>The settings page's personal access tokens, posted as a browser would: create (shown once), use, list, revoke.</summary>
public abstract partial class TokenSettingsPageTests(ApiFixture api)
{
    [Fact]
    public async Task ATokenCreatedOnTheSettingsPageIsShownOnceWorksAndIsRevokedThere()
    {
        var browser = BrowserForms.NewBrowser(api);
        var email = $"tokens-{Guid.NewGuid():N}@example.com";
        Assert.Equal(HttpStatusCode.Redirect, (await BrowserForms.PostAccountFormAsync(browser, "/signup", email, BrowserForms.Password)).StatusCode);
        var empty = await browser.GetStringAsync("/settings");
        Assert.Contains("<h2 id=\"tokens-heading\">Personal access tokens</h2>", empty, StringComparison.Ordinal);
        Assert.Contains("<label for=\"token-name\">Token name</label>", empty, StringComparison.Ordinal);
        Assert.Contains("<label for=\"token-expiry\">Expires in (days)</label>", empty, StringComparison.Ordinal);
        Assert.Contains("You have no personal access tokens.", empty, StringComparison.Ordinal);

        var createdPage = await (await PostAsync(browser, "create-token", ("Create.Name", "Backup script"), ("Create.ExpiresInDays", "30"))).Content.ReadAsStringAsync();

        var token = NewToken().Match(createdPage) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No new token shown:\n" + createdPage);
        Assert.Contains("Created &#x201C;Backup script&#x201D;. Copy the token now: it will not be shown again.", createdPage, StringComparison.Ordinal);
        Assert.Contains("role=\"status\"", createdPage, StringComparison.Ordinal);
        Assert.Matches("<input id=\"time-zone\"[^>]*value=\"UTC\"", createdPage); // the time zone form keeps its value
        using var client = api.ClientWith(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks")).StatusCode);

        var listed = await browser.GetStringAsync("/settings");
        Assert.DoesNotContain(token, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(token[21..], listed, StringComparison.Ordinal);
        Assert.Contains($"<code class=\"token-prefix\">{token[..21]}…</code>", listed, StringComparison.Ordinal);
        Assert.Contains("<span class=\"token-name\">Backup script</span>", listed, StringComparison.Ordinal);
        Assert.Contains("last used", listed, StringComparison.Ordinal);
        Assert.Contains("expires", listed, StringComparison.Ordinal);
        var id = RevokeButton().Match(listed).Groups[1].Value;
        Assert.Equal(id, (await api.WithDbAsync(db => db.PersonalAccessTokens.SingleAsync(t => t.Prefix == token.Substring(0, 21)))).Id.ToString());

        var revokedPage = await (await PostAsync(browser, "revoke-token", ("RevokeId", id))).Content.ReadAsStringAsync();

        Assert.Contains("Revoked &#x201C;Backup script&#x201D;. It no longer works.", revokedPage, StringComparison.Ordinal);
        Assert.Contains("You have no personal access tokens.", revokedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task BadInputOnTheSettingsPageIsExplainedNextToTheFieldAndCreatesNothing()
    {
        var browser = BrowserForms.NewBrowser(api);
        var email = $"tokens-{Guid.NewGuid():N}@example.com";
        await BrowserForms.PostAccountFormAsync(browser, "/signup", email, BrowserForms.Password);

        var noName = await (await PostAsync(browser, "create-token", ("Create.Name", "  "), ("Create.ExpiresInDays", ""))).Content.ReadAsStringAsync();
        var badExpiry = await (await PostAsync(browser, "create-token", ("Create.Name", "Script"), ("Create.ExpiresInDays", "400"))).Content.ReadAsStringAsync();

        Assert.Contains("<p id=\"token-name-error\" class=\"field-error\">Give the token a name.</p>", noName, StringComparison.Ordinal);
        Assert.Contains("<p id=\"token-expiry-error\" class=\"field-error\">Choose an expiry of 1 to 365 days, or none.</p>", badExpiry, StringComparison.Ordinal);
        Assert.Contains("value=\"Script\"", badExpiry, StringComparison.Ordinal);
        Assert.DoesNotMatch(NewToken(), noName + badExpiry);
        Assert.Equal(0, await api.WithDbAsync(db => db.PersonalAccessTokens.CountAsync(t => db.Users.Any(u => u.Id == t.UserId && u.Email == email))));
    }

    /// <summary>Gets the settings page (for its antiforgery token), then posts one of its forms.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string handler, params (string Name, string Value)[] fields)
    {
        var page = await browser.GetStringAsync("/settings");
        var response = await browser.PostAsync("/settings", new FormUrlEncodedContent(
        [
            new("_handler", handler),
            new("__RequestVerificationToken", BrowserForms.TokenIn(page)),
            .. fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value)),
        ]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    [GeneratedRegex("<input id=\"new-token\"[^>]*value=\"(todo_pat_[A-Za-z0-9_-]{55})\"")]
    private static partial Regex NewToken();

    [GeneratedRegex("name=\"RevokeId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex RevokeButton();
}

public sealed class SqliteTokenSettingsPageTests(SqliteApi api) : TokenSettingsPageTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresTokenSettingsPageTests(PostgresApi api) : TokenSettingsPageTests(api), IClassFixture<PostgresApi>;
