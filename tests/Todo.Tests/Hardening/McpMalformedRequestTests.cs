using System.Net.Http.Headers;
using System.Text;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Hardening;

/// <summary>
/// JSON-RPC requests to /mcp that are malformed below the tool's arguments: each is answered as a client error (a
/// 4xx, a JSON-RPC error, or a tool error) that says what is wrong, never a 5xx, and nothing is logged as an error.
/// </summary>
public abstract class McpMalformedRequestTests(ApiFixture api, LogCollector log)
{
    public static TheoryData<string, string> Requests => new()
    {
        { """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add_task","arguments":"buy milk"}}""", "" },
        { """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add_task","arguments":["buy milk"]}}""", "" },
        { """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"arguments":{"title":"x"}}}""", "" },
        { """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":7,"arguments":{}}}""", "" },
        { """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"drop_tables","arguments":{}}}""", "drop_tables" },
        { """{"jsonrpc":"2.0","id":1,"method":"tools/call"}""", "" },
        { """{"jsonrpc":"2.0","id":1,"method":"no/such/method"}""", "" },
        { """{"jsonrpc":"2.0","id":{"a":1},"method":"tools/list"}""", "" },
        { """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add_task","arguments":{"title":"a\u0000b"}}}""", "title" },
        { "not json at all", "" },
        { "", "" },
        { "[]", "" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task MalformedRequestIsAClientErrorAndNothingIsStored(string body, string named)
    {
        var user = await api.CreateUserAsync();
        log.Clear();
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));

        var response = await user.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {text}");
        Assert.True(
            (int)response.StatusCode >= 400 || text.Contains("\"error\"", StringComparison.Ordinal) || text.Contains("\"isError\":true", StringComparison.Ordinal),
            text);
        Assert.Contains(named, text, StringComparison.Ordinal);
        Assert.Empty(await api.WithDbAsync(db => Task.FromResult(db.Tasks.Where(t => t.UserId == user.Id).ToList())));
        log.AssertNoErrors();
    }
}

public sealed class SqliteMcpMalformedRequestTests(LoggedSqliteApi api) : McpMalformedRequestTests(api, api.Log), IClassFixture<LoggedSqliteApi>;

public sealed class PostgresMcpMalformedRequestTests(LoggedPostgresApi api) : McpMalformedRequestTests(api, api.Log), IClassFixture<LoggedPostgresApi>;
