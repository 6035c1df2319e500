using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Todo.E2E;

/// <summary>
/// A person's whole visit, in a real browser against the real server: sign up, keep tasks with the form and the
/// assistant, come back to the conversation after a reload, sign out and in again, while another person signed in
/// at the same time sees none of it. Once on a desktop and once on a 375 px phone.
/// </summary>
public sealed partial class JourneyTests(TodoWebApp app, BrowserFixture browser) : IClassFixture<TodoWebApp>
{
    private const string Password = "correct horse battery";
    private const int Timeout = 300_000;

    [Theory(Timeout = Timeout)]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 375, 812)]
    public async Task TasksAndTheAssistantWorkTogetherAndStayPrivate(string device, int width, int height)
    {
        var email = $"{device}-{Guid.NewGuid():N}@example.com";
        var shots = new Screenshots(device);
        await using var context = await browser.NewContextAsync(app.BaseAddress, width, height);
        await using var otherContext = await browser.NewContextAsync(app.BaseAddress, width, height);
        var violations = await CspViolations.WatchAsync(context);
        var otherViolations = await CspViolations.WatchAsync(otherContext);
        var page = await context.NewPageAsync();
        var other = await otherContext.NewPageAsync();
        try
        {
            // Asking for the tasks leads to the sign-in page.
            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(new Regex("/signin"));
            await Axe.AssertNoSeriousViolationsAsync(page, $"the sign-in page ({device})");
            await shots.TakeAsync(page, "01-sign-in");

            await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create an account" })).ToBeVisibleAsync();
            await FillAccountFormAsync(page, email, Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

            // A task added with the form shows at once, with its number.
            var newTask = page.GetByLabel("New task", new() { Exact = true });
            await newTask.FillAsync("Buy milk");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add task" }).ClickAsync();
            await Expect(Task(page, "Buy milk")).ToBeVisibleAsync();
            await Expect(page.Locator(".task", new() { HasText = "Buy milk" })).ToContainTextAsync("#1");
            await Expect(newTask).ToBeEmptyAsync();
            await AssertLayoutAsync(page, width);
            await Axe.AssertNoSeriousViolationsAsync(page, $"the task list ({device})");
            await shots.TakeAsync(page, "02-task-added");

            // Someone else, signed in at the same time, has an empty list.
            await other.GotoAsync("/signup");
            await FillAccountFormAsync(other, $"other-{Guid.NewGuid():N}@example.com", Password);
            await other.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await Expect(other.GetByText("No tasks yet.")).ToBeVisibleAsync();
            await other.GetByLabel("New task", new() { Exact = true }).FillAsync("Walk the dog");
            await other.GetByLabel("New task", new() { Exact = true }).PressAsync("Enter");
            await Expect(Task(other, "Walk the dog")).ToBeVisibleAsync();

            // The assistant adds a task, and the list shows it without a reload.
            await page.EvaluateAsync("() => { window.notReloaded = true; }");
            await SendAsync(page, "remind me to call the bank");
            await Expect(Task(page, "Call the bank")).ToBeVisibleAsync();
            await Expect(page.Locator(".message.from-assistant")).ToHaveCountAsync(1);
            Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was reloaded");
            await Expect(page).ToHaveURLAsync(new Regex(@"[?&]c=[0-9a-f-]{36}"));
            var conversationUrl = page.Url;

            await Task(page, "Call the bank").CheckAsync();
            await Expect(Task(page, "Call the bank")).ToBeCheckedAsync();

            await SendAsync(page, "what did I finish?");
            await Expect(page.Locator(".message.from-assistant")).ToHaveCountAsync(2);
            await Expect(page.Locator(".message.from-assistant").Last).ToContainTextAsync("Call the bank");
            Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was reloaded");
            await Axe.AssertNoSeriousViolationsAsync(page, $"the chat ({device})");
            await shots.TakeAsync(page, "03-chat");

            // The other person sees none of it, not even by opening the conversation's address.
            await other.GotoAsync(new Uri(conversationUrl).PathAndQuery);
            await Expect(other.GetByText("That conversation no longer exists.")).ToBeVisibleAsync();
            await Expect(other.GetByText("remind me to call the bank")).ToHaveCountAsync(0);
            await Expect(Task(other, "Walk the dog")).ToBeVisibleAsync();
            await Expect(Task(other, "Buy milk")).ToHaveCountAsync(0);
            await Expect(Task(other, "Call the bank")).ToHaveCountAsync(0);
            await shots.TakeAsync(other, "04-other-user");

            // After a reload the same conversation and its history come back.
            await page.ReloadAsync();
            await Expect(page).ToHaveURLAsync(conversationUrl);
            var messages = page.GetByRole(AriaRole.Log, new() { Name = "Messages" });
            await Expect(messages).ToContainTextAsync("remind me to call the bank");
            await Expect(messages).ToContainTextAsync("what did I finish?");
            await Expect(page.Locator(".conversation-link[aria-current=true]")).ToHaveTextAsync("remind me to call the bank");
            await shots.TakeAsync(page, "05-after-reload");

            // Deleting the conversation removes it and its messages.
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete conversation" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
            await Expect(page.Locator(".conversation-link")).ToHaveCountAsync(0);
            await Expect(messages).Not.ToContainTextAsync("remind me to call the bank");
            await Expect(page).Not.ToHaveURLAsync(new Regex("c="));

            // Sign out, sign in: the tasks are still there, as they were left.
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/signin"));
            await FillAccountFormAsync(page, email, Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await Expect(Task(page, "Buy milk")).Not.ToBeCheckedAsync();
            await Expect(Task(page, "Call the bank")).ToBeCheckedAsync();
            await Expect(Task(page, "Walk the dog")).ToHaveCountAsync(0);
            await Expect(page.Locator(".conversation-link")).ToHaveCountAsync(0);
            await shots.TakeAsync(page, "06-signed-in-again");

            // The pages did everything above within their Content-Security-Policy.
            Assert.True(violations.Found.Count == 0, $"CSP violations:\n{string.Join('\n', violations.Found)}");
            Assert.True(otherViolations.Found.Count == 0, $"CSP violations:\n{string.Join('\n', otherViolations.Found)}");
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            await shots.TakeAsync(page, "failure");
            await shots.TakeAsync(other, "failure-other");
            throw new InvalidOperationException($"{e.Message}\n--- server output (last lines) ---\n{Tail(app.Server.Output)}", e);
        }
    }

    /// <summary>A task's checkbox, found by its accessible name: exactly the task's title.</summary>
    private static ILocator Task(IPage page, string title) =>
        page.GetByRole(AriaRole.Checkbox, new() { Name = title, Exact = true });

    private static async Task FillAccountFormAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
    }

    /// <summary>Writes a message and sends it with the keyboard.</summary>
    private static async Task SendAsync(IPage page, string message)
    {
        var box = page.GetByLabel("Message", new() { Exact = true });

        // The reply shows before the turn ends (the task list is read again after it); until then Send is off and Enter
        // sends nothing, so a person waits for it, and so does the test.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true })).ToBeEnabledAsync();
        await box.FillAsync(message);
        await box.PressAsync("Enter");
        await Expect(box).ToBeEmptyAsync();
    }

    /// <summary>No sideways scrolling; the assistant beside the list on a desktop and below it on a phone.</summary>
    private static async Task AssertLayoutAsync(IPage page, int width)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the page scrolls sideways");
        var tasks = await page.Locator(".task-panel").BoundingBoxAsync();
        var chat = await page.Locator(".chat-panel").BoundingBoxAsync();
        Assert.NotNull(tasks);
        Assert.NotNull(chat);
        if (width <= 480)
        {
            Assert.True(chat.Y >= tasks.Y + tasks.Height, $"the assistant ({chat.Y}) is not below the tasks ({tasks.Y}+{tasks.Height})");
        }
        else
        {
            Assert.True(chat.X >= tasks.X + tasks.Width, $"the assistant ({chat.X}) is not beside the tasks ({tasks.X}+{tasks.Width})");
        }
    }

    private static string Tail(string output) => string.Join('\n', output.Split('\n').TakeLast(60));
}
