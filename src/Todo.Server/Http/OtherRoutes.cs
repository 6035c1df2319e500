using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Todo.Server.Http;

/// <summary>
/// The routes that are not route handlers, so the framework does not describe them: the health probes
/// (<c>MapHealthChecks</c>) and the MCP endpoint (<c>MapMcp</c>, stateless: POST only).
/// </summary>
internal static class OtherRoutes
{
    public static Task AddAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        _ = context;
        _ = cancellationToken;
        document.Paths ??= [];
        document.Paths["/health/live"] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = Health("HealthLive", "Whether the process is up",
                    "Always 200 while the server runs; checks nothing else.", ready: false, document),
            },
        };
        document.Paths["/health/ready"] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = Health("HealthReady", "Whether the server can take requests",
                    "200 when the database answers and is writable, 503 otherwise.", ready: true, document),
            },
        };
        document.Paths["/mcp"] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Post] = Mcp(document) },
        };
        return Task.CompletedTask;
    }

    private static OpenApiOperation Health(string id, string summary, string description, bool ready, OpenApiDocument document)
    {
        var responses = new OpenApiResponses { ["200"] = HealthReport("Healthy.") };
        if (ready)
        {
            responses["503"] = HealthReport("Unhealthy: the database is down or not writable.");
        }

        return new OpenApiOperation
        {
            OperationId = id,
            Summary = summary,
            Description = description,
            Tags = new HashSet<OpenApiTagReference> { new("Health", document) },
            Security = [],
            Responses = responses,
        };
    }

    private static OpenApiResponse HealthReport(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/json"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["status"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.String,
                            Description = "Healthy, Degraded or Unhealthy.",
                        },
                        ["checks"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Description = "Each check by name, with its status and description.",
                        },
                    },
                },
            },
        },
    };

    private static OpenApiOperation Mcp(OpenApiDocument document) => new()
    {
        OperationId = "Mcp",
        Summary = "Model Context Protocol (Streamable HTTP)",
        Description = "One JSON-RPC 2.0 message of the Model Context Protocol; use an MCP client rather than calling it "
                      + "yourself. Stateless: no session, every request stands alone. Send Accept: application/json, "
                      + "text/event-stream. The tools list, create, change, complete and delete your tasks.",
        Tags = new HashSet<OpenApiTagReference> { new("MCP", document) },
        RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "A JSON-RPC 2.0 request or notification.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "A JSON-RPC 2.0 message." },
                    Example = System.Text.Json.Nodes.JsonNode.Parse("""{"jsonrpc": "2.0", "id": 1, "method": "tools/list"}"""),
                },
            },
        },
        Responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse
            {
                Description = "The JSON-RPC answer, as server-sent events.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["text/event-stream"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
            ["202"] = new OpenApiResponse { Description = "A notification was accepted (no answer)." },
            ["401"] = Problem("No bearer token, or one that is invalid or expired; WWW-Authenticate names the resource metadata.", document),
            ["429"] = Problem("Too many requests: wait the Retry-After header's seconds before trying again.", document),
        },
    };

    private static OpenApiResponse Problem(string description, OpenApiDocument document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
        },
    };
}
