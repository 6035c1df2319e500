using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Todo.E2E;

/// <summary>
/// Two pages of one user against the real server: a task added in one, and one added through the API, appear in the other
/// within 2 s without a reload; an edit form being typed in keeps its text and the keyboard meanwhile; deleting a task
/// offers Undo (announced), which puts it back, and the other page shows it back too.
/// </summary>
public sealed class LiveJourneyTests(TodoWebApp app, BrowserFixture browser) : IClassFixture<TodoWebApp>
{
    private const string Password = "correct horse battery";
    private static readonly LocatorAssertionsToBeVisibleOptions Within2s = new() { Timeout = 2_000 };

    [Fact(Timeout = 300_000)]
    public async Task TwoPagesOfOneUserFollowEachOtherAndTheApiAndUndoPutsADeletedTaskBack()
    {
        var email = $"live-{Guid.NewGuid():N}@example.com";
        await using var context = await browser.NewContextAsync(app.BaseAddress, 1280, 800);
        var violations = await CspViolations.WatchAsync(context);
        var first = await context.NewPageAsync();
        var shots = new Screenshots("live");
        IPage? second = null;
        try
        {
            await first.GotoAsync("/signup");
            await first.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
            await first.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await first.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await Expect(first.GetByText("No tasks yet.")).ToBeVisibleAsync();

            // The same user in a second tab (the session cookie is shared).
            second = await context.NewPageAsync();
            await second.GotoAsync("/");
            await Expect(second.GetByText("No tasks yet.")).ToBeVisibleAsync();
            await second.EvaluateAsync("() => { window.notReloaded = true; }");

            // A task added in the first tab appears in the second.
            await first.GetByLabel("New task", new() { Exact = true }).FillAsync("Buy milk");
            await first.GetByLabel("New task", new() { Exact = true }).PressAsync("Enter");
            await Expect(Task(first, "Buy milk")).ToBeVisibleAsync();
            await Expect(Task(second, "Buy milk")).ToBeVisibleAsync(Within2s);

            // The second tab is editing "Buy milk" when a task arrives through the API: both tabs show it, and the edit form
            // keeps its text and the keyboard.
            await second.GetByRole(AriaRole.Button, new() { Name = "Edit “Buy milk”" }).ClickAsync();
            var editTitle = second.GetByLabel("Title", new() { Exact = true });
            await Expect(editTitle).ToBeFocusedAsync();
            await editTitle.FillAsync("Buy oat mi");
            using var api = await ApiClientAsync(email);
            using (var created = await api.PostAsJsonAsync("/api/tasks", new { title = "Call the bank" }, TestContext.Current.CancellationToken))
            {
                created.EnsureSuccessStatusCode();
            }

            await Expect(Task(first, "Call the bank")).ToBeVisibleAsync(Within2s);
            await Expect(second.GetByText("Call the bank", new() { Exact = true })).ToBeVisibleAsync(Within2s);
            await Expect(editTitle).ToHaveValueAsync("Buy oat mi");
            await Expect(editTitle).ToBeFocusedAsync();
            await editTitle.PressSequentiallyAsync("lk");
            await editTitle.PressAsync("Enter");
            await Expect(Task(second, "Buy oat milk")).ToBeVisibleAsync();
            await Expect(Task(first, "Buy oat milk")).ToBeVisibleAsync(Within2s);

            // Deleting in the first tab offers Undo, announced; the second tab sees the task go.
            await first.GetByRole(AriaRole.Button, new() { Name = "Delete “Call the bank”" }).ClickAsync();
            await Expect(Task(first, "Call the bank")).ToHaveCountAsync(0);
            await Expect(Task(second, "Call the bank")).ToHaveCountAsync(0, new() { Timeout = 2_000 });
            var undo = first.GetByRole(AriaRole.Button, new() { Name = "Undo deleting “Call the bank”" });
            await Expect(undo).ToBeVisibleAsync();
            await Expect(first.Locator(".task-panel [role=status]")).ToContainTextAsync("Deleted “Call the bank”. Undo is available.");
            await Axe.AssertNoSeriousViolationsAsync(first, "the task list with Undo");
            await shots.TakeAsync(first, "01-undo-offered");

            await undo.ClickAsync();
            await Expect(Task(first, "Call the bank")).ToBeVisibleAsync();
            await Expect(first.Locator(".task-panel [role=status]")).ToContainTextAsync("Undone: deleting “Call the bank”.");
            await Expect(undo).ToHaveCountAsync(0);
            await Expect(Task(second, "Call the bank")).ToBeVisibleAsync(Within2s);
            await Expect(first.Locator(".task", new() { HasText = "Call the bank" })).ToContainTextAsync("#2");

            Assert.True(await second.EvaluateAsync<bool>("() => window.notReloaded === true"), "the second tab was reloaded");
            Assert.True(violations.Found.Count == 0, $"CSP violations:\n{string.Join('\n', violations.Found)}");
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            await shots.TakeAsync(first, "failure-first");
            if (second is not null)
            {
                await shots.TakeAsync(second, "failure-second");
            }

            throw new InvalidOperationException(
                $"{e.Message}\n--- server output (last lines) ---\n{string.Join('\n', app.Server.Output.Split('\n').TakeLast(60))}", e);
        }
    }

    private static ILocator Task(IPage page, string title) =>
        page.GetByRole(AriaRole.Checkbox, new() { Name = title, Exact = true });

    /// <summary>A client of the API signed in as the user.</summary>
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
