using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Accounts;

/// <summary>The <c>users</c> command and the signing-key rules at start-up, run out of process as an operator would.</summary>
public sealed class AccountsOperatorTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Key = "operator-test-signing-key-long-enough-for-hs256";

    private Dictionary<string, string?> ServerEnvironment(string environment = "Production", string? key = Key) => new()
    {
        ["ConnectionStrings__Todo"] = database.ConnectionString,
        ["ASPNETCORE_ENVIRONMENT"] = environment,
        ["Auth__SigningKey"] = key,
        ["Auth__ActiveUserRecheck"] = "00:00:01",
        ["RateLimiting__AuthPerMinute"] = "0",
    };

    private TodoCli Cli()
    {
        var cli = new TodoCli();
        foreach (var (name, value) in ServerEnvironment())
        {
            cli.Environment[name] = value;
        }

        return cli;
    }

    [Fact]
    public async Task UsersCommandListsDeactivatesAndActivatesAccounts()
    {
        await using var server = await TodoServerProcess.StartAsync(ServerEnvironment());
        var email = $"ops-{Guid.NewGuid():N}@example.com";
        var token = await RegisterAndLoginAsync(server.HttpClient, email);

        var list = await Cli().RunAsync("users", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains($"{email}\tactive", list.StdOut, StringComparison.Ordinal);

        var deactivate = await Cli().RunAsync("users", "deactivate", email.ToUpperInvariant());
        Assert.Equal(0, deactivate.ExitCode);
        Assert.Contains("inactive", deactivate.StdOut, StringComparison.Ordinal);
        Assert.Contains($"{email}\tinactive", (await Cli().RunAsync("users", "list")).StdOut, StringComparison.Ordinal);

        var login = await server.HttpClient.PostAsJsonAsync("/api/auth/login", new { email, password = "password1" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(server.HttpClient, token)).StatusCode);

        var activate = await Cli().RunAsync("users", "activate", email);
        Assert.Equal(0, activate.ExitCode);
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(server.HttpClient, token)).StatusCode);
    }

    [Fact]
    public async Task UsersCommandFailsForAnUnknownEmailAndPrintsUsageForNonsense()
    {
        Assert.Equal(0, (await Cli().RunAsync("db", "migrate")).ExitCode);
        var unknown = await Cli().RunAsync("users", "deactivate", "nobody@example.com");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("nobody@example.com", unknown.StdErr, StringComparison.Ordinal);

        var usage = await Cli().RunAsync("users", "promote");
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("Usage", usage.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("too-short-key")]
    public async Task OutsideDevelopmentAMissingOrShortKeyStopsStartUpNamingTheSetting(string? key)
    {
        var cli = new TodoCli();
        foreach (var (name, value) in ServerEnvironment(key: key))
        {
            cli.Environment[name] = value;
        }

        cli.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";

        var result = await cli.RunAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Auth:SigningKey", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InDevelopmentAGeneratedKeySurvivesARestart()
    {
        var contentRoot = Directory.CreateTempSubdirectory("todo-devkey-").FullName;
        try
        {
            var environment = ServerEnvironment("Development", key: null);
            string[] args = ["--contentRoot", contentRoot];
            string token;
            await using (var first = await TodoServerProcess.StartAsync(environment, args))
            {
                token = await RegisterAndLoginAsync(first.HttpClient, $"dev-{Guid.NewGuid():N}@example.com");
            }

            Assert.True(File.Exists(Path.Combine(contentRoot, "data", "signing-key")));
            await using var second = await TodoServerProcess.StartAsync(environment, args);
            Assert.Equal(HttpStatusCode.OK, (await MeAsync(second.HttpClient, token)).StatusCode);
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    private static async Task<string> RegisterAndLoginAsync(HttpClient client, string email)
    {
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password = "password1" })).EnsureSuccessStatusCode();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "password1" });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private static Task<HttpResponseMessage> MeAsync(HttpClient client, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }
}
