using System.Text.Json;
using Microsoft.Playwright;
using Todo.Tests.Infrastructure;

namespace Todo.E2E;

/// <summary>Runs axe-core (tests/Todo.E2E/node_modules, from package.json: ./test.sh runs npm ci) in a page.</summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(() => File.ReadAllText(FindScript()));

    /// <summary>Fails with every serious or critical violation axe finds on the page as it is now.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string where)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            // Evaluated by the browser's driver, which the page's Content-Security-Policy does not govern (a script tag
            // with inline content would be refused, as it should be).
            await page.EvaluateAsync(Script.Value);
        }

        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const results = await axe.run(document);
              return results.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"axe found serious or critical violations on {where}:\n{string.Join('\n', found)}");
    }

    private static string FindScript()
    {
        var path = Path.Combine(TodoCli.RepoRoot, "tests", "Todo.E2E", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"axe-core is not installed ({path} is missing). Run `npm ci` in tests/Todo.E2E (./test.sh does this).");
    }
}
