using Todo.Tests.Infrastructure;

namespace Todo.Tests.Deployment;

/// <summary>
/// The container image, built from the repository's Dockerfile with podman and run by deploy/container-test.sh: non-root,
/// port 8080, a HEALTHCHECK that passes, <c>db migrate</c> as a one-off command, and SQLite data kept in the volume
/// across a restart on a read-only root. The script needs root, podman and debootstrap (./test.sh installs them); it
/// runs alone, so as not to slow the timing-sensitive tests down, and takes a few minutes (most of it the build).
/// </summary>
[Collection(nameof(ContainerImageTests))]
[CollectionDefinition(nameof(ContainerImageTests), DisableParallelization = true)]
public sealed class ContainerImageTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(25);

    [Fact(Timeout = 26 * 60 * 1000)]
    public async Task TheImageBuildsAndServesFromItsVolumeOnAReadOnlyRoot()
    {
        var script = Path.Combine(TodoCli.RepoRoot, "deploy", "container-test.sh");
        // The script says what is missing (root, podman, debootstrap) and fails; it never skips.
        var result = await ProcessRunner.RunAsync("bash", [script], TodoCli.RepoRoot, timeout: Limit,
            cancellationToken: TestContext.Current.CancellationToken);

        TestContext.Current.SendDiagnosticMessage(result.StdOut);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("] PASS (", result.StdOut, StringComparison.Ordinal);
    }
}
