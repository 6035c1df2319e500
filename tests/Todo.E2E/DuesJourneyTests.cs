using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Todo.E2E;

/// <summary>
/// Due dates in a real browser in Auckland against the real server (whose clock is real time): sign-up takes the
/// browser's zone; quick add reads "Pay rent every 1st #Home" into a repeating task in Home with its next date;
/// completing it shows the month after; the due is set in words in the edit form; the Today view shows what is due
/// today in Auckland, which the Overdue view does not. Once on a desktop and once on a 375 px phone.
/// </summary>
public sealed class DuesJourneyTests(TodoWebApp app, BrowserFixture browser) : IClassFixture<TodoWebApp>
{
    private const string Password = "correct horse battery";
    private const string Zone = "Pacific/Auckland";

    [Theory(Timeout = 300_000)]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 375, 812)]
    public async Task ARepeatingTaskShowsItsNextDateMovesOnWhenCompletedAndTodayIsReckonedInTheBrowsersZone(string device, int width, int height)
    {
        var shots = new Screenshots($"dues-{device}");
        await using var context = await browser.NewContextAsync(app.BaseAddress, width, height, Zone);
        var violations = await CspViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        try
        {
            // Sign-up offers the browser's zone.
            await page.GotoAsync("/signup");
            await Expect(page.GetByLabel("Time zone", new() { Exact = true })).ToHaveValueAsync(Zone);
            await Axe.AssertNoSeriousViolationsAsync(page, $"sign-up with the time zone ({device})");
            await page.GetByLabel("Email", new() { Exact = true }).FillAsync($"dues-{device}-{Guid.NewGuid():N}@example.com");
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await Expect(page.GetByText("No tasks yet.")).ToBeVisibleAsync();

            // The expectations are reckoned from the real date in Auckland, as the server reckons the user's days.
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(Zone)).DateTime);
            var rentDue = today.Day == 1 ? today : new DateOnly(today.Year, today.Month, 1).AddMonths(1);

            // Quick add: the preview shows the date read; the task lands in Home, repeating, with its next date.
            var newTask = page.GetByLabel("New task", new() { Exact = true });
            await newTask.FillAsync("Pay rent every 1st #Home");
            var preview = page.Locator("#new-task-preview");
            await Expect(preview).ToContainTextAsync("Title: Pay rent");
            await Expect(preview).ToContainTextAsync("List: Home (new list)");
            await Expect(preview).ToContainTextAsync(new Regex($"Due: every month on the 1st, next {Regex.Escape(LongDate(rentDue, today))}"));
            await shots.TakeAsync(page, "01-quick-add-date");
            await newTask.PressAsync("Enter");
            await Expect(Task(page, "Pay rent")).ToBeVisibleAsync();

            await OpenListsAsync(page);
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Lists" }).GetByRole(AriaRole.Link, new() { Name = "Home" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Home", Level = 2 })).ToBeVisibleAsync();
            var rent = Row(page, "Pay rent");
            await Expect(rent.Locator(".due")).ToHaveTextAsync($"Due: {DayName(rentDue, today)}");
            await Expect(rent.Locator(".due-repeats")).ToHaveTextAsync(new Regex("Repeats every month on the 1st$"));
            await Expect(Task(page, "Pay rent")).ToHaveAccessibleDescriptionAsync(
                new Regex($"Due: {Regex.Escape(DayName(rentDue, today))}.*Repeats every month on the 1st"));
            await AssertNoSidewaysScrollingAsync(page);
            await Axe.AssertNoSeriousViolationsAsync(page, $"a repeating task ({device})");
            await shots.TakeAsync(page, "02-repeating");

            // Completing it keeps it open and moves it to the 1st of the month after.
            await Task(page, "Pay rent").ClickAsync();
            await Expect(rent.Locator(".due")).ToHaveTextAsync($"Due: {DayName(rentDue.AddMonths(1), today)}");
            await Expect(Task(page, "Pay rent")).Not.ToBeCheckedAsync();
            await shots.TakeAsync(page, "03-completed-moves-on");

            // Set a due in words in the edit form: what it reads shows before saving; a bad one changes nothing.
            await newTask.FillAsync("Call mom");
            await newTask.PressAsync("Enter");
            await Expect(Task(page, "Call mom")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Edit “Call mom”" }).ClickAsync();
            // The form focuses its title once rendered; typing into Due before that would land in the title.
            await Expect(page.GetByLabel("Title", new() { Exact = true })).ToBeFocusedAsync();
            var due = page.GetByLabel("Due", new() { Exact = true });
            await due.FillAsync("whenever suits");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(due).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.Locator("#edit-due-error")).Not.ToBeEmptyAsync();
            await due.FillAsync("tomorrow 5pm");
            await Expect(page.Locator("#edit-due-read")).ToHaveTextAsync($"Reads as: {LongDate(today.AddDays(1), today)}, 17:00.");
            await Axe.AssertNoSeriousViolationsAsync(page, $"the due field ({device})");
            await shots.TakeAsync(page, "04-due-field");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(Row(page, "Call mom").Locator(".due")).ToHaveTextAsync("Due: Tomorrow, 17:00");

            // Today in Auckland, whatever the date is in UTC: a task due on Auckland's today shows in Today, one due on
            // Auckland's yesterday (UTC's today for half of each day) in Overdue instead.
            await newTask.FillAsync($"File the report {today:yyyy-MM-dd}");
            await newTask.PressAsync("Enter");
            await Expect(Task(page, "File the report")).ToBeVisibleAsync();
            await newTask.FillAsync($"Pay the bills {today.AddDays(-1):yyyy-MM-dd}");
            await newTask.PressAsync("Enter");
            await Expect(Task(page, "Pay the bills")).ToBeVisibleAsync();
            await Expect(Row(page, "Pay the bills").Locator(".due")).ToHaveTextAsync($"Due: Overdue · {DayName(today.AddDays(-1), today)}");

            var views = page.GetByRole(AriaRole.Navigation, new() { Name = "Views" });
            await views.GetByRole(AriaRole.Link, new() { Name = "Today" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Today", Level = 2 })).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(new Regex("[?&]filter=today"));
            await Expect(Task(page, "File the report")).ToBeVisibleAsync();
            await Expect(Row(page, "File the report").Locator(".due")).ToHaveTextAsync("Due: Today");
            await Expect(Task(page, "Pay the bills")).ToHaveCountAsync(0);
            await Expect(Task(page, "Call mom")).ToHaveCountAsync(0);
            await AssertNoSidewaysScrollingAsync(page);
            await Axe.AssertNoSeriousViolationsAsync(page, $"the Today view ({device})");
            await shots.TakeAsync(page, "05-today");

            await views.GetByRole(AriaRole.Link, new() { Name = "Overdue" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overdue", Level = 2 })).ToBeVisibleAsync();
            await Expect(Task(page, "Pay the bills")).ToBeVisibleAsync();
            await Expect(Task(page, "File the report")).ToHaveCountAsync(0);

            // A reload keeps the view.
            await page.ReloadAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overdue", Level = 2 })).ToBeVisibleAsync();
            await Expect(Task(page, "Pay the bills")).ToBeVisibleAsync();

            // Settings show the zone taken at sign-up; another one is saved, and the browser's is offered back.
            await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
            var timeZone = page.GetByLabel("Time zone", new() { Exact = true });
            await Expect(timeZone).ToHaveValueAsync(Zone);
            var useBrowserZone = page.GetByRole(AriaRole.Button, new() { Name = $"Use this browser's zone, {Zone}" });
            await Expect(useBrowserZone).ToBeHiddenAsync();
            await timeZone.FillAsync("Europe/Berlin");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved. Your time zone is Europe/Berlin.");
            await Expect(timeZone).ToHaveValueAsync("Europe/Berlin");
            await Axe.AssertNoSeriousViolationsAsync(page, $"the settings ({device})");
            await shots.TakeAsync(page, "06-settings");
            await useBrowserZone.ClickAsync();
            await Expect(timeZone).ToHaveValueAsync(Zone);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Saved. Your time zone is {Zone}.");

            Assert.True(violations.Found.Count == 0, $"CSP violations:\n{string.Join('\n', violations.Found)}");
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            await shots.TakeAsync(page, "failure");
            throw new InvalidOperationException(
                $"{e.Message}\n--- server output (last lines) ---\n{string.Join('\n', app.Server.Output.Split('\n').TakeLast(60))}", e);
        }
    }

    /// <summary>How a task's row names its day: Today, Tomorrow, a weekday for the six days after, else "Fri 4 Dec" (with the year when not this one).</summary>
    private static string DayName(DateOnly day, DateOnly today) => (day.DayNumber - today.DayNumber) switch
    {
        0 => "Today",
        1 => "Tomorrow",
        > 1 and < 7 => day.ToString("dddd", CultureInfo.InvariantCulture),
        _ => day.ToString(day.Year == today.Year ? "ddd d MMM" : "ddd d MMM yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>"Friday, 4 December", with the year when it is not this one: how the date reader reads a date back.</summary>
    private static string LongDate(DateOnly day, DateOnly today) =>
        day.ToString("dddd, d MMMM", CultureInfo.InvariantCulture) + (day.Year == today.Year ? "" : " " + day.Year.ToString(CultureInfo.InvariantCulture));

    private static ILocator Task(IPage page, string title) =>
        page.GetByRole(AriaRole.Checkbox, new() { Name = title, Exact = true });

    private static ILocator Row(IPage page, string title) => page.Locator("li.task", new() { Has = Task(page, title) });

    private static async Task OpenListsAsync(IPage page)
    {
        var toggle = page.Locator("#lists-toggle");
        if (await toggle.IsVisibleAsync() && await toggle.GetAttributeAsync("aria-expanded") != "true")
        {
            await toggle.ClickAsync();
            await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        }
    }

    private static async Task AssertNoSidewaysScrollingAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the page scrolls sideways");
}
