using Microsoft.Playwright;
using Todo.E2E;

[assembly: AssemblyFixture(typeof(BrowserFixture))]

namespace Todo.E2E;

/// <summary>
/// Debian's Chromium (apt-get install chromium; ./test.sh installs it when missing), driven by Playwright for the
/// whole test run. Playwright's own browser downloads are never used.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not started.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {ChromiumPath}. Install it with `apt-get install -y chromium` " +
                "(./test.sh does this on Debian/Ubuntu).");
        }

        // Generous waits: these tests share two cores with the rest of the suite.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>
    /// A fresh browser context (its own cookies and storage: another person) of the given size, in the IANA time zone
    /// <paramref name="timeZone"/> (null: the machine's).
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress, int width, int height, string? timeZone = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
            TimezoneId = timeZone,
        });
        // A first page load (the API browser's bundle, the server's first OpenAPI document) can pass Playwright's
        // 30 s default while the other test project keeps both cores busy.
        context.SetDefaultNavigationTimeout(90_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
