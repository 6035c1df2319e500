using Microsoft.Extensions.Configuration;
using Todo.Server.Data;
using Todo.Tests.Data;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Deployment;

/// <summary>
/// <c>health [URL]</c>, the container image's HEALTHCHECK: exit 0 when the server answers 200 on /health/ready, 1 when
/// it answers anything else or nothing, and by default it asks the address the server listens on.
/// </summary>
public sealed class HealthCommandTests
{
    private const int Timeout = 180_000;

    [Fact(Timeout = Timeout)]
    public async Task ExitsZeroForAReadyServerAtTheAddressItsEnvironmentGivesOrAnExplicitUrl()
    {
        var ct = TestContext.Current.CancellationToken;
        var contentRoot = Directory.CreateTempSubdirectory("todo-health-").FullName;
        try
        {
            await using var server = await TodoServerProcess.StartAsync(
                ServerEnvironment.For(connectionString: null), ["--contentRoot", contentRoot], startupTimeout: TimeSpan.FromSeconds(90), cancellationToken: ct);
            var cli = ServerEnvironment.Cli(connectionString: null);
            cli.Environment["ASPNETCORE_URLS"] = server.BaseAddress.ToString().Replace("127.0.0.1", "+", StringComparison.Ordinal);

            var byEnvironment = await cli.RunAsync("health");
            var byUrl = await ServerEnvironment.Cli(connectionString: null).RunAsync("health", new Uri(server.BaseAddress, "health/ready").ToString());

            Assert.True(byEnvironment.ExitCode == 0, byEnvironment.ToString());
            Assert.Contains($"http://127.0.0.1:{server.BaseAddress.Port}/health/ready: 200", byEnvironment.StdOut, StringComparison.Ordinal);
            Assert.Contains("\"Healthy\"", byEnvironment.StdOut, StringComparison.Ordinal);
            Assert.True(byUrl.ExitCode == 0, byUrl.ToString());
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact(Timeout = Timeout)]
    public async Task ExitsOneWhenNothingAnswersAndTwoOnAnUnusableArgument()
    {
        var port = FreePort.Next();
        var cli = ServerEnvironment.Cli(connectionString: null);
        cli.Environment["ASPNETCORE_URLS"] = null;
        cli.Environment["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var nothing = await cli.RunAsync("health");
        var usage = await cli.RunAsync("health", "not a url");

        Assert.True(nothing.ExitCode == 1, nothing.ToString());
        Assert.Contains($"http://127.0.0.1:{port}/health/ready", nothing.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("Usage: Todo.Server health", usage.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "http://127.0.0.1:5000/health/ready")]
    [InlineData(null, "8080", "http://127.0.0.1:8080/health/ready")]
    [InlineData(null, "8081;8082", "http://127.0.0.1:8081/health/ready")]
    [InlineData("http://+:9000;https://+:9001", "8080", "http://127.0.0.1:9000/health/ready")]
    [InlineData("http://*:9000", null, "http://127.0.0.1:9000/health/ready")]
    [InlineData("http://0.0.0.0:9000", null, "http://127.0.0.1:9000/health/ready")]
    [InlineData("http://[::]:9000", null, "http://127.0.0.1:9000/health/ready")]
    [InlineData("http://localhost:9000", null, "http://127.0.0.1:9000/health/ready")]
    [InlineData("http://[::1]:9000", null, "http://[::1]:9000/health/ready")]
    [InlineData("https://+:9443", null, "https://127.0.0.1:9443/health/ready")]
    public void TheDefaultUrlIsWhereKestrelListens(string? urls, string? httpPorts, string expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls, ["http_ports"] = httpPorts })
            .Build();

        Assert.Equal(new Uri(expected), HealthCommand.LocalReadyUrl(configuration));
    }
}
