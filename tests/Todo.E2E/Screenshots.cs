using Microsoft.Playwright;
using Todo.Tests.Infrastructure;

namespace Todo.E2E;

/// <summary>Full-page screenshots of the main states, kept in TestResults/e2e-screenshots/ at the repository root.</summary>
public sealed class Screenshots(string prefix)
{
    public static string Folder => Path.Combine(TodoCli.RepoRoot, "TestResults", "e2e-screenshots");

    public async Task TakeAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{prefix}-{name}.png"), FullPage = true });
    }
}
