using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Mcp;

/// <summary>/mcp has a per-user allowance (RateLimiting:McpPerMinute): one user's flood does not reach the others.</summary>
public sealed class McpRateLimitTests(McpRateLimitTests.LimitedApi api) : IClassFixture<McpRateLimitTests.LimitedApi>
{
    private const int Allowance = 3;

    [Fact]
    public async Task McpRequestsOverTheAllowanceAre429ForThatUserOnly()
    {
        var flooder = await api.CreateUserAsync();
        var other = await api.CreateUserAsync();

        for (var i = 0; i < Allowance; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ListToolsAsync(flooder)).StatusCode);
        }

        var refused = await ListToolsAsync(flooder);
        var fine = await ListToolsAsync(other);

        await AssertProblemAsync(refused, 429);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is given");
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    private static Task<HttpResponseMessage> ListToolsAsync(TestUser user)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return user.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public sealed class LimitedApi : SqliteApi
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:McpPerMinute"] = Allowance.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
