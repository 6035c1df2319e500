using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Todo.E2E;

/// <summary>
/// A reminder that comes due while the page is open appears as a notification without a reload: the unread count goes up,
/// it is read out, and the list shows it until it is marked read.
/// </summary>
public sealed class ReminderJourneyTests(TodoWebApp app, BrowserFixture browser) : IClassFixture<TodoWebApp>
{
    private const string Password = "correct horse battery";

    [Fact(Timeout = 300_000)]
    public async Task AReminderDueNowAppearsAsANotificationOnTheOpenPage()
    {
        var email = $"reminder-{Guid.NewGuid():N}@example.com";
        var shots = new Screenshots("reminder");
        await using var context = await browser.NewContextAsync(app.BaseAddress, 1280, 800);
        var violations = await CspViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync("/signup");
            await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await Expect(page.GetByText("No tasks yet.")).ToBeVisibleAsync();
            await Expect(page.Locator("#notifications-unread")).ToHaveTextAsync("0 unread");
            await page.EvaluateAsync("() => { window.notReloaded = true; }");

            // Through the API: a task with a reminder a few seconds from now.
            using var api = await ApiClientAsync(email);
            var at = DateTimeOffset.UtcNow.AddSeconds(3).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            using (var created = await api.PostAsJsonAsync("/api/tasks",
                new { title = "Call the dentist", reminders = new[] { new { at } } }, TestContext.Current.CancellationToken))
            {
                created.EnsureSuccessStatusCode();
            }

            await Expect(page.Locator("#notifications-unread")).ToHaveTextAsync("1 unread", new() { Timeout = 30_000 });
            await Expect(page.Locator("#notifications-status")).ToContainTextAsync("Call the dentist");
            Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "The page was reloaded.");

            await page.GetByRole(AriaRole.Button, new() { Name = "Notifications" }).ClickAsync();
            var item = page.Locator(".notification", new() { HasText = "Call the dentist" });
            await Expect(item).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(page, "a notification");
            await shots.TakeAsync(page, "01-notification");
            await item.GetByRole(AriaRole.Button).ClickAsync();
            await Expect(page.Locator("#notifications-unread")).ToHaveTextAsync("0 unread");

            Assert.True(violations.Found.Count == 0, $"CSP violations:\n{string.Join('\n', violations.Found)}");
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            await shots.TakeAsync(page, "failure");
            throw new InvalidOperationException(
                $"{e.Message}\n--- server output (last lines) ---\n{string.Join('\n', app.Server.Output.Split('\n').TakeLast(60))}", e);
        }
    }

    private async Task<HttpClient> ApiClientAsync(string email)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password }, TestContext.Current.CancellationToken);
        login.EnsureSuccessStatusCode();
        var body = await login.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        return client;
    }
}
