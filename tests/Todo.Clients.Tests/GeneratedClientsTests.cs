using Todo.Tests.Infrastructure;

namespace Todo.Clients.Tests;

/// <summary>
/// The committed description and clients are what clients/generate.sh makes from the server now: it runs the script
/// into a temporary folder (which also lints the description: a lint error fails it) and compares every file.
/// </summary>
public sealed class GeneratedClientsTests
{
    /// <summary>The generated files, relative to clients/: single files, and folders compared file by file.</summary>
    private static readonly string[] GeneratedFiles = ["openapi.json", "typescript/src/schema.ts"];

    private const string GeneratedCSharpFolder = "csharp/Todo.Client/Generated";

    [Fact]
    public async Task TheCommittedClientsAreWhatTheScriptGeneratesNow()
    {
        var clients = Path.Combine(TodoCli.RepoRoot, "clients");
        var output = Directory.CreateTempSubdirectory("todo-generate-").FullName;
        try
        {
            var result = await ProcessRunner.RunAsync(
                "bash",
                [Path.Combine(clients, "generate.sh"), "--no-build", "--configuration", TodoCli.Configuration, "--out", output],
                clients,
                timeout: TimeSpan.FromMinutes(5),
                cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(result.ExitCode == 0, $"clients/generate.sh failed.\n{result}");

            var differences = new List<string>();
            foreach (var file in GeneratedFiles)
            {
                Compare(Path.Combine(clients, file), Path.Combine(output, file), file, differences);
            }

            var committed = Path.Combine(clients, GeneratedCSharpFolder);
            var generated = Path.Combine(output, GeneratedCSharpFolder);
            foreach (var file in FilesUnder(committed).Union(FilesUnder(generated)).Order(StringComparer.Ordinal))
            {
                Compare(Path.Combine(committed, file), Path.Combine(generated, file), $"{GeneratedCSharpFolder}/{file}", differences);
            }

            Assert.True(differences.Count == 0,
                "The committed clients differ from what clients/generate.sh makes now; run it and commit the result:\n  "
                + string.Join("\n  ", differences));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static IEnumerable<string> FilesUnder(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            : [];

    private static void Compare(string committed, string generated, string name, List<string> differences)
    {
        if (!File.Exists(committed))
        {
            differences.Add($"{name}: generated, not committed");
        }
        else if (!File.Exists(generated))
        {
            differences.Add($"{name}: committed, no longer generated");
        }
        else if (!File.ReadAllBytes(committed).AsSpan().SequenceEqual(File.ReadAllBytes(generated)))
        {
            differences.Add($"{name}: differs");
        }
    }
}
