using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Todo.E2E;

/// <summary>
/// The trash in a real browser: a task deleted on the page waits in the trash, comes back with its number, and the trash
/// empties only after the browser's confirmation (a dismissed one changes nothing).
/// </summary>
public sealed class TrashJourneyTests(TodoWebApp app, BrowserFixture browser) : IClassFixture<TodoWebApp>
{
    private const string Password = "correct horse battery";

    [Fact(Timeout = 300_000)]
    public async Task ADeletedTaskWaitsInTheTrashComesBackWithItsNumberAndTheTrashEmptiesOnlyWhenConfirmed()
    {
        var shots = new Screenshots("trash");
        await using var context = await browser.NewContextAsync(app.BaseAddress, 1280, 800);
        var violations = await CspViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync("/signup");
            await page.GetByLabel("Email", new() { Exact = true }).FillAsync($"trash-{Guid.NewGuid():N}@example.com");
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await Expect(page.GetByText("No tasks yet.")).ToBeVisibleAsync();

            var newTask = page.GetByLabel("New task", new() { Exact = true });
            foreach (var title in new[] { "Buy milk", "Call mom" })
            {
                await newTask.FillAsync(title);
                await newTask.PressAsync("Enter");
                await Expect(Task(page, title)).ToBeVisibleAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Delete “Buy milk”" }).ClickAsync();
            await Expect(Task(page, "Buy milk")).ToHaveCountAsync(0);

            // The trash lists it with its number; restoring it says so and puts it back in the list as #1.
            await page.GetByRole(AriaRole.Link, new() { Name = "Trash" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trash", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator(".trash-items li")).ToHaveCountAsync(1);
            await Expect(page.Locator(".trash-items li")).ToContainTextAsync("#1");
            await Axe.AssertNoSeriousViolationsAsync(page, "the trash");
            await shots.TakeAsync(page, "01-trash");
            await page.GetByRole(AriaRole.Button, new() { Name = "Restore “Buy milk”" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Restored “Buy milk” as #1.");
            await Expect(page.GetByText("The trash is empty.")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Back to your tasks" }).ClickAsync();
            await Expect(Task(page, "Buy milk")).ToBeVisibleAsync();
            await Expect(page.Locator(".task-number").First).ToHaveTextAsync("#1");

            // Emptying asks first: dismissed, nothing goes; accepted, everything does.
            foreach (var title in new[] { "Buy milk", "Call mom" })
            {
                await page.GetByRole(AriaRole.Button, new() { Name = $"Delete “{title}”" }).ClickAsync();
                await Expect(Task(page, title)).ToHaveCountAsync(0);
            }

            await page.GetByRole(AriaRole.Link, new() { Name = "Trash" }).ClickAsync();
            await Expect(page.Locator(".trash-items li")).ToHaveCountAsync(2);
            page.Dialog += DismissOnce;
            await page.GetByRole(AriaRole.Button, new() { Name = "Empty trash" }).ClickAsync();
            await Expect(page.Locator(".trash-items li")).ToHaveCountAsync(2);
            page.Dialog -= DismissOnce;
            page.Dialog += AcceptOnce;
            await page.GetByRole(AriaRole.Button, new() { Name = "Empty trash" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Deleted 2 tasks for good.");
            await Expect(page.GetByText("The trash is empty.")).ToBeVisibleAsync();
            await shots.TakeAsync(page, "02-emptied");

            Assert.True(violations.Found.Count == 0, $"CSP violations:\n{string.Join('\n', violations.Found)}");
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            await shots.TakeAsync(page, "failure");
            throw new InvalidOperationException(
                $"{e.Message}\n--- server output (last lines) ---\n{string.Join('\n', app.Server.Output.Split('\n').TakeLast(60))}", e);
        }
    }

    private static void DismissOnce(object? sender, IDialog dialog) => _ = dialog.DismissAsync();

    private static void AcceptOnce(object? sender, IDialog dialog) => _ = dialog.AcceptAsync();

    private static ILocator Task(IPage page, string title) =>
        page.GetByRole(AriaRole.Checkbox, new() { Name = title, Exact = true });
}
