using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Todo.E2E;

/// <summary>The Content-Security-Policy violations the pages of a browser context report, on every page it opens.</summary>
public sealed class CspViolations
{
    private readonly ConcurrentQueue<string> found = new();

    public IReadOnlyCollection<string> Found => found;

    public static async Task<CspViolations> WatchAsync(IBrowserContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var violations = new CspViolations();
        await context.ExposeFunctionAsync<string>("todoReportCspViolation", violations.found.Enqueue);
        await context.AddInitScriptAsync("""
            document.addEventListener("securitypolicyviolation", (e) => window.todoReportCspViolation(
              `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile || e.documentURI}:${e.lineNumber}`));
            """);
        return violations;
    }
}
