using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Todo.E2E;

/// <summary>
/// Lists, labels, priority, quick add and the filter, in a real browser against the real server: make a list, quick-add a
/// task into it, find it by list and by filter, see a bad filter explained, rename and delete the list; the address keeps
/// the view across a reload and Back. Once on a desktop and once on a 375 px phone, where the lists are a disclosure.
/// </summary>
public sealed class ListsJourneyTests(TodoWebApp app, BrowserFixture browser) : IClassFixture<TodoWebApp>
{
    private const string Password = "correct horse battery";

    [Theory(Timeout = 300_000)]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 375, 812)]
    public async Task AListIsMadeFilledByQuickAddFilteredRenamedAndDeleted(string device, int width, int height)
    {
        var shots = new Screenshots($"lists-{device}");
        await using var context = await browser.NewContextAsync(app.BaseAddress, width, height);
        var violations = await CspViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync("/signup");
            await page.GetByLabel("Email", new() { Exact = true }).FillAsync($"lists-{device}-{Guid.NewGuid():N}@example.com");
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await Expect(page.GetByText("No tasks yet.")).ToBeVisibleAsync();

            // On a phone the lists are one button ("Lists: All tasks") until opened; on a desktop they always show.
            var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Lists: All tasks" });
            var inboxLink = page.GetByRole(AriaRole.Link, new() { Name = "Inbox" });
            if (width < 900)
            {
                await Expect(toggle).ToBeVisibleAsync();
                await Expect(inboxLink).ToBeHiddenAsync();
                await toggle.ClickAsync();
                await Expect(inboxLink).ToBeVisibleAsync();
            }
            else
            {
                await Expect(toggle).ToBeHiddenAsync();
                await Expect(inboxLink).ToBeVisibleAsync();
            }

            // A list made in the navigation shows there, after the Inbox.
            await OpenListsAsync(page);
            await page.GetByLabel("New list", new() { Exact = true }).FillAsync("Groceries");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add list" }).ClickAsync();
            var lists = page.GetByRole(AriaRole.Navigation, new() { Name = "Lists" });
            await Expect(lists.GetByRole(AriaRole.Link)).ToHaveTextAsync([new Regex("^All tasks"), new Regex("^Inbox"), new Regex("^Groceries")]);
            await Expect(page.GetByLabel("New list", new() { Exact = true })).ToBeEmptyAsync();

            // A duplicate name is explained next to the field.
            await page.GetByLabel("New list", new() { Exact = true }).FillAsync("groceries");
            await page.GetByLabel("New list", new() { Exact = true }).PressAsync("Enter");
            await Expect(page.Locator("#new-list-error")).ToHaveTextAsync("You already have a list named “groceries”.");
            await Expect(page.GetByLabel("New list", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
            await page.GetByLabel("New list", new() { Exact = true }).FillAsync("");
            await CloseListsAsync(page);

            // Quick add: what the field reads shows before the task is added; Enter adds it to that list.
            var newTask = page.GetByLabel("New task", new() { Exact = true });
            await newTask.FillAsync("Call the bank");
            await newTask.PressAsync("Enter");
            await Expect(Task(page, "Call the bank")).ToBeVisibleAsync();
            await newTask.FillAsync("Buy milk #Groceries @errands !high");
            var preview = page.Locator("#new-task-preview");
            await Expect(preview).ToContainTextAsync("Title: Buy milk");
            await Expect(preview).ToContainTextAsync("List: Groceries");
            await Expect(preview).ToContainTextAsync("Labels: errands");
            await Expect(preview).ToContainTextAsync("Priority: High");
            await shots.TakeAsync(page, "01-quick-add-preview");
            await newTask.PressAsync("Enter");
            await Expect(Task(page, "Buy milk")).ToBeVisibleAsync();
            await Expect(newTask).ToBeEmptyAsync();
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Added task 2" })).ToHaveTextAsync("Added task 2, “Buy milk”, to Groceries. Undo is available.");

            // Choosing the list shows only its tasks, with their labels and priority, and puts it in the address.
            await OpenListsAsync(page);
            await lists.GetByRole(AriaRole.Link, new() { Name = "Groceries" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Groceries", Level = 2 })).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"[?&]list=[0-9a-f-]{36}"));
            await Expect(Task(page, "Call the bank")).ToHaveCountAsync(0);
            var milk = page.Locator("li.task", new() { Has = Task(page, "Buy milk") });
            await Expect(milk.Locator(".labels").GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["errands"]);
            await Expect(milk.Locator(".priority")).ToHaveTextAsync("!!! High priority");
            await Expect(Task(page, "Buy milk")).ToHaveAccessibleDescriptionAsync("#2 High priority Labels: @errands");
            await AssertNoSidewaysScrollingAsync(page);
            await Axe.AssertNoSeriousViolationsAsync(page, $"a list with a labelled task ({device})");
            await shots.TakeAsync(page, "02-list");
            var listUrl = page.Url;

            // Reload keeps the list; Back returns to all tasks, and keeps the conversation open meanwhile.
            await page.ReloadAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Groceries", Level = 2 })).ToBeVisibleAsync();
            await Expect(Task(page, "Buy milk")).ToBeVisibleAsync();
            var message = page.GetByLabel("Message", new() { Exact = true });
            await message.FillAsync("what's pending?");
            await message.PressAsync("Enter");
            await Expect(page.Locator(".message.from-assistant")).ToHaveCountAsync(1);
            await Expect(page).ToHaveURLAsync(new Regex(@"[?&]c=[0-9a-f-]{36}"));
            var conversation = new Regex(@"[?&]c=[0-9a-f-]{36}").Match(page.Url).Value[1..];
            await page.GoBackAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "All tasks", Level = 2 })).ToBeVisibleAsync();
            await Expect(Task(page, "Call the bank")).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(conversation)));
            await Expect(page).Not.ToHaveURLAsync(new Regex("list="));
            await page.GoForwardAsync();
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(new Regex(@"list=[0-9a-f-]{36}").Match(listUrl).Value)));
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(conversation)));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Groceries", Level = 2 })).ToBeVisibleAsync();
            await Expect(Task(page, "Call the bank")).ToHaveCountAsync(0);

            // The filter: @errands finds the task among all; a bad filter is explained, and the tasks stay.
            await OpenListsAsync(page);
            await lists.GetByRole(AriaRole.Link, new() { Name = "All tasks" }).ClickAsync();
            await Expect(Task(page, "Call the bank")).ToBeVisibleAsync();
            var filter = page.GetByLabel("Filter", new() { Exact = true });
            await filter.FillAsync("@errands");
            await filter.PressAsync("Enter");
            await Expect(Task(page, "Call the bank")).ToHaveCountAsync(0);
            await Expect(Task(page, "Buy milk")).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(new Regex("[?&]filter=%40errands"));
            await filter.FillAsync("@errands & (");
            await filter.PressAsync("Enter");
            await Expect(page.Locator("#task-filter-error")).ToContainTextAsync("position 12");
            await Expect(filter).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(filter).ToHaveAccessibleDescriptionAsync(new Regex("position 12"));
            await Expect(Task(page, "Buy milk")).ToBeVisibleAsync();
            await AssertNoSidewaysScrollingAsync(page);
            await Axe.AssertNoSeriousViolationsAsync(page, $"the filter's error ({device})");
            await shots.TakeAsync(page, "03-filter-error");
            await page.GetByRole(AriaRole.Button, new() { Name = "Clear filter" }).ClickAsync();
            await Expect(Task(page, "Call the bank")).ToBeVisibleAsync();
            await Expect(page).Not.ToHaveURLAsync(new Regex("filter="));

            // A task's edit form changes its labels and priority; the keyboard returns to its Edit button.
            await OpenListsAsync(page);
            await lists.GetByRole(AriaRole.Link, new() { Name = "Groceries" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Edit “Buy milk”" }).ClickAsync();
            await Expect(page.GetByLabel("Title", new() { Exact = true })).ToBeFocusedAsync();
            await Expect(page.GetByLabel("List", new() { Exact = true })).ToHaveValueAsync(new Regex("^[0-9a-f-]{36}$"));
            await page.GetByLabel("Priority", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Medium" });
            await page.GetByLabel("Labels", new() { Exact = true }).FillAsync("errands home");
            await Axe.AssertNoSeriousViolationsAsync(page, $"a task's edit form ({device})");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(milk.Locator(".priority")).ToHaveTextAsync("!! Medium priority");
            await Expect(milk.Locator(".labels").GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["errands", "home"]);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit “Buy milk”" })).ToBeFocusedAsync();

            // Rename the list.
            await page.GetByRole(AriaRole.Button, new() { Name = "Rename list" }).ClickAsync();
            await Expect(page.GetByLabel("List name", new() { Exact = true })).ToBeFocusedAsync();
            await page.GetByLabel("List name", new() { Exact = true }).FillAsync("Shopping");
            await page.GetByLabel("List name", new() { Exact = true }).PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Shopping", Level = 2 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Rename list" })).ToBeFocusedAsync();
            await OpenListsAsync(page);
            await Expect(lists.GetByRole(AriaRole.Link, new() { Name = "Shopping" })).ToBeVisibleAsync();
            await CloseListsAsync(page);

            // Delete it: asked what happens to its task, which moves to the Inbox.
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete list" }).ClickAsync();
            var confirm = page.GetByRole(AriaRole.Group, new() { Name = "Delete the list “Shopping”? It has 1 task." });
            await Expect(confirm).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(page, $"the delete confirmation ({device})");
            await shots.TakeAsync(page, "04-delete-list");
            await confirm.GetByRole(AriaRole.Button, new() { Name = "Move it to the Inbox and delete the list" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox", Level = 2 })).ToBeFocusedAsync();
            await Expect(Task(page, "Buy milk")).ToBeVisibleAsync();
            await OpenListsAsync(page);
            await Expect(lists.GetByRole(AriaRole.Link)).ToHaveTextAsync([new Regex("^All tasks"), new Regex("^Inbox")]);
            await shots.TakeAsync(page, "05-list-deleted");

            Assert.True(violations.Found.Count == 0, $"CSP violations:\n{string.Join('\n', violations.Found)}");
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            await shots.TakeAsync(page, "failure");
            throw new InvalidOperationException(
                $"{e.Message}\n--- server output (last lines) ---\n{string.Join('\n', app.Server.Output.Split('\n').TakeLast(60))}", e);
        }
    }

    /// <summary>A task's checkbox, found by its accessible name: exactly the task's title.</summary>
    private static ILocator Task(IPage page, string title) =>
        page.GetByRole(AriaRole.Checkbox, new() { Name = title, Exact = true });

    /// <summary>On a phone the lists are behind a disclosure button; on a desktop it is hidden and the lists always show.</summary>
    private static async Task OpenListsAsync(IPage page)
    {
        var toggle = page.Locator("#lists-toggle");
        if (await toggle.IsVisibleAsync() && await toggle.GetAttributeAsync("aria-expanded") != "true")
        {
            await toggle.ClickAsync();
            await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        }
    }

    private static async Task CloseListsAsync(IPage page)
    {
        var toggle = page.Locator("#lists-toggle");
        if (await toggle.IsVisibleAsync() && await toggle.GetAttributeAsync("aria-expanded") == "true")
        {
            await toggle.ClickAsync();
            await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        }
    }

    private static async Task AssertNoSidewaysScrollingAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the page scrolls sideways");
}
