using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Webhooks;
using Todo.Tests.Infrastructure;
using Todo.Tests.Web;
using static Todo.Tests.Webhooks.WebhookApiSupport;

namespace Todo.Tests.Webhooks;

/// <summary>The Webhooks section of /settings: adding one (the secret shown once), the list with the latest delivery, refusals next to the field, deleting.</summary>
public sealed partial class WebhookSettingsPageTests(WebhookSqliteApi api) : IClassFixture<WebhookSqliteApi>
{
    [Fact]
    public async Task AddingAWebhookShowsItsSecretOnceThenListsItWithItsLatestDelivery()
    {
        var (user, browser) = await SignedInAsync();
        var empty = await browser.GetStringAsync("/settings");
        Assert.Contains("<h2 id=\"webhooks-heading\">Webhooks</h2>", empty, StringComparison.Ordinal);
        Assert.Contains("<label for=\"webhook-url\">Webhook URL</label>", empty, StringComparison.Ordinal);
        Assert.Contains("No webhooks yet.", empty, StringComparison.Ordinal);
        var url = api.Receiver.Url($"/page-{Guid.NewGuid():N}");

        var added = await PostAsync(browser, "webhook-add", ("NewWebhook.Url", url), ("NewWebhook.Events", "task.created"), ("NewWebhook.Events", "task.completed"));

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var html = await added.Content.ReadAsStringAsync();
        var secret = WebUtility.HtmlDecode(SecretShown().Match(html).Groups[1].Value);
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Contains("value=\"UTC\"", html, StringComparison.Ordinal); // the time zone form is left as it was
        var stored = await api.WithDbAsync(db => db.Webhooks.SingleAsync(w => w.UserId == user.Id));
        Assert.Equal((url, "task.created task.completed"), (stored.Url, stored.Events));
        Assert.Equal(secret, api.Services.GetRequiredService<WebhookSecrets>().Unprotect(stored.ProtectedSecret));

        var listed = await browser.GetStringAsync("/settings");
        Assert.DoesNotContain("whsec_", listed, StringComparison.Ordinal);
        Assert.Contains(url, listed, StringComparison.Ordinal);
        Assert.Contains("Events: task.created, task.completed", listed, StringComparison.Ordinal);
        Assert.Contains("No deliveries yet.", listed, StringComparison.Ordinal);

        await user.CreateTaskAsync("Book the venue");
        await api.DispatchAsync();

        Assert.Contains("Last delivery: task.created, delivered", await browser.GetStringAsync("/settings"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadUrlOrNoEventsIsExplainedNextToTheFieldAndNothingIsAdded()
    {
        var (user, browser) = await SignedInAsync();

        var badUrl = await (await PostAsync(browser, "webhook-add", ("NewWebhook.Url", "ftp://example.com/hook"), ("NewWebhook.Events", "*"))).Content.ReadAsStringAsync();
        Assert.Contains("<p id=\"webhook-url-error\" class=\"field-error\">The URL must be an absolute http or https URL.</p>", badUrl, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", badUrl, StringComparison.Ordinal);
        Assert.Contains("value=\"ftp://example.com/hook\"", badUrl, StringComparison.Ordinal);

        var noEvents = await (await PostAsync(browser, "webhook-add", ("NewWebhook.Url", api.Receiver.Url("/none")))).Content.ReadAsStringAsync();
        Assert.Contains("<p id=\"webhook-events-error\" class=\"field-error\">Name at least one event type", noEvents, StringComparison.Ordinal);

        Assert.Equal(0, await api.WithDbAsync(db => db.Webhooks.CountAsync(w => w.UserId == user.Id)));
    }

    [Fact]
    public async Task DeletingAWebhookRemovesItFromTheList()
    {
        var (user, browser) = await SignedInAsync();
        var url = api.Receiver.Url($"/page-{Guid.NewGuid():N}");
        await PostAsync(browser, "webhook-add", ("NewWebhook.Url", url), ("NewWebhook.Events", "*"));
        var id = await api.WithDbAsync(db => db.Webhooks.Where(w => w.UserId == user.Id).Select(w => w.Id).SingleAsync());
        Assert.Contains($"aria-label=\"Delete the webhook to {url}\"", await browser.GetStringAsync("/settings"), StringComparison.Ordinal);

        var deleted = await (await PostAsync(browser, $"webhook-delete-{id:N}")).Content.ReadAsStringAsync();

        Assert.Contains("Webhook deleted.", deleted, StringComparison.Ordinal);
        Assert.Contains("No webhooks yet.", deleted, StringComparison.Ordinal);
        Assert.Equal(0, await api.WithDbAsync(db => db.Webhooks.CountAsync(w => w.UserId == user.Id)));
    }

    private async Task<(TestUser User, HttpClient Browser)> SignedInAsync()
    {
        var user = await api.CreateUserAsync();
        var browser = BrowserForms.NewBrowser(api);
        await BrowserForms.SignInAsync(browser, user.Email, user.Password);
        return (user, browser);
    }

    /// <summary>Gets /settings (for its antiforgery token), then posts the named form's fields as a browser would.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string handler, params (string Name, string Value)[] fields)
    {
        var form = await browser.GetStringAsync("/settings");
        return await browser.PostAsync("/settings", new FormUrlEncodedContent(
        [
            new("_handler", handler),
            new("__RequestVerificationToken", BrowserForms.TokenIn(form)),
            .. fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value)),
        ]));
    }

    [GeneratedRegex("<code id=\"webhook-secret\">([^<]+)</code>")]
    private static partial Regex SecretShown();
}
