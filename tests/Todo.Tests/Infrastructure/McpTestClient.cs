using System.Net;
using ModelContextProtocol.Client;

namespace Todo.Tests.Infrastructure;

/// <summary>The MCP SDK's own client over Streamable HTTP to an in-memory server, sending a bearer token.</summary>
public static class McpTestClient
{
    public static Task<McpClient> ConnectAsync(ApiFixture api, string token, CancellationToken cancellationToken)
    {
        var http = new HttpClient(api.Factory.Server.CreateHandler())
        {
            BaseAddress = api.Factory.Server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(20),
        };
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions
            {
                Endpoint = new Uri(api.Factory.Server.BaseAddress, "/mcp"),
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
            },
            http,
            loggerFactory: null,
            ownsHttpClient: true);
        return McpClient.CreateAsync(transport, cancellationToken: cancellationToken);
    }

    /// <summary>Whether the MCP client's failure was the server's 401, however the transport reported it.</summary>
    public static bool IsUnauthorized(Exception error) => error switch
    {
        HttpRequestException { StatusCode: HttpStatusCode.Unauthorized } => true,
        ClientTransportClosedException { Details: HttpClientCompletionDetails { HttpStatusCode: HttpStatusCode.Unauthorized } } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsUnauthorized),
        _ => error.Message.Contains("401", StringComparison.Ordinal)
             || error.Message.Contains("Unauthorized", StringComparison.OrdinalIgnoreCase)
             || (error.InnerException is { } inner && IsUnauthorized(inner)),
    };
}
