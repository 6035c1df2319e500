using Todo.Tests.Infrastructure;

namespace Todo.Clients.Tests;

/// <summary>
/// The TypeScript client (clients/typescript: openapi-fetch typed by openapi-typescript) against the real server:
/// <c>npm test</c> in clients/ compiles it with tsc and runs its tests with node's test runner.
/// </summary>
public sealed class TypeScriptClientTests(TodoServer server)
{
    [Fact]
    public async Task TheTypeScriptClientPassesItsTestsAgainstTheServer()
    {
        var clients = Path.Combine(TodoCli.RepoRoot, "clients");
        Assert.True(File.Exists(Path.Combine(clients, "node_modules", "openapi-fetch", "package.json")),
            "clients/node_modules is missing: run `npm ci --prefix clients` (test.sh does when it is missing).");

        var result = await ProcessRunner.RunAsync(
            "npm",
            ["test", "--silent"],
            clients,
            new Dictionary<string, string?> { ["TODO_BASE_URL"] = server.BaseAddress.ToString(), ["NO_COLOR"] = "1" },
            TimeSpan.FromMinutes(3),
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, $"npm test failed.\n{result}\n--- server ---\n{server.Process.Output}");
        Assert.Contains("# fail 0", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("# pass 4", result.StdOut, StringComparison.Ordinal);
    }
}
