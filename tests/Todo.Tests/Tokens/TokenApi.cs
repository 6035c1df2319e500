using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Tokens;

/// <summary>
/// A server on a <see cref="TestClock"/> that starts at the real time, so tests can move past a token's expiry and its
/// last-use interval, with its log kept.
/// </summary>
public interface ITokenApi
{
    ApiFixture Api { get; }

    TestClock Clock { get; }

    LogCollector Log { get; }
}

public sealed class TokenSqliteApi : SqliteApi, ITokenApi
{
    public ApiFixture Api => this;

    public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public LogCollector Log { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        Clock.Use(services);
        services.AddSingleton<ILoggerProvider>(Log);
    }
}

public sealed class TokenPostgresApi(PostgresServer server) : PostgresApi(server), ITokenApi
{
    public ApiFixture Api => this;

    public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public LogCollector Log { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        Clock.Use(services);
        services.AddSingleton<ILoggerProvider>(Log);
    }
}

internal static class TokenSupport
{
    /// <summary>Creates a token through POST /api/tokens with the user's session; returns the created body.</summary>
    public static async Task<JsonElement> CreateTokenAsync(this TestUser user, string name = "script", int? expiresInDays = null)
    {
        using var response = await user.Client.PostAsJsonAsync("/api/tokens", new { name, expires_in_days = expiresInDays }, ApiFixture.Json);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await ProblemAssert.DescribeAsync(response));
        return await response.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json);
    }

    /// <summary>A client of the same server that sends <paramref name="token"/> as its bearer token.</summary>
    public static HttpClient ClientWith(this ApiFixture api, string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<List<JsonElement>> TokensAsync(this TestUser user)
    {
        var page = await user.Client.GetFromJsonAsync<JsonElement>("/api/tokens", ApiFixture.Json);
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}
