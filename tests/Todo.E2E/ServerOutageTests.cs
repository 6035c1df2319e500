using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Todo.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Todo.E2E;

/// <summary>When the server goes away, the page says so in plain words and what was typed stays, also for a reload.</summary>
public sealed class ServerOutageTests(PostgresServer postgres, BrowserFixture browser)
{
    [Fact(Timeout = 180_000)]
    public async Task AServerThatGoesAwayIsReportedPlainlyAndWhatWasTypedIsKept()
    {
        await using var app = new TodoWebApp(postgres);
        await app.InitializeAsync();
        await using var context = await browser.NewContextAsync(app.BaseAddress, 1280, 800);
        var page = await context.NewPageAsync();
        var shots = new Screenshots("outage");

        await page.GotoAsync("/signup");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync($"outage-{Guid.NewGuid():N}@example.com");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        var newTask = page.GetByLabel("New task", new() { Exact = true });
        await newTask.FillAsync("Buy milk");
        var message = page.GetByLabel("Message", new() { Exact = true });
        await message.FillAsync("remind me to call the bank");

        app.Server.Kill();

        var notice = page.GetByRole(AriaRole.Alert).Filter(new() { HasTextRegex = new Regex("connection to the server was lost") });
        await Expect(notice).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(newTask).ToHaveValueAsync("Buy milk");
        await Expect(message).ToHaveValueAsync("remind me to call the bank");
        // Kept for the tab too, so the page reloaded once the server is back shows them again.
        Assert.Equal("Buy milk", await page.EvaluateAsync<string?>("() => sessionStorage.getItem('todo.draft.new-task')"));
        Assert.Equal("remind me to call the bank", await page.EvaluateAsync<string?>("() => sessionStorage.getItem('todo.draft.chat-message')"));
        await shots.TakeAsync(page, "server-down");
    }
}
