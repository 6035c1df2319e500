using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Todo.E2E;

/// <summary>The API browser at /scalar/v1 works in a real browser under the policy the server gives it.</summary>
public sealed class ApiBrowserTests(TodoWebApp app, BrowserFixture browser) : IClassFixture<TodoWebApp>
{
    [Fact(Timeout = 120_000)]
    public async Task TheApiBrowserShowsTheApiWithinItsContentSecurityPolicy()
    {
        await using var context = await browser.NewContextAsync(app.BaseAddress, 1280, 800);
        var violations = await CspViolations.WatchAsync(context);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/scalar/v1");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Todo API" })).ToBeVisibleAsync();
        await Expect(page.GetByText("/api/auth/login").First).ToBeVisibleAsync();
        await Expect(page.GetByText("Too Many Requests").First).ToBeVisibleAsync();
        // Scalar's bundle probes whether eval works and does without it; the policy refuses it on purpose.
        var unexpected = violations.Found.Where(v => !v.StartsWith("script-src blocked eval ", StringComparison.Ordinal)).ToList();
        Assert.True(unexpected.Count == 0, $"CSP violations:\n{string.Join('\n', unexpected)}");
    }
}
