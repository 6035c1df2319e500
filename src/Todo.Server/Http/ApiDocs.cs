using System.Reflection;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Todo.Server.Http;

/// <summary>
/// OpenAPI at /openapi/v1.json, browsable with Scalar at /scalar/v1. Endpoints describe themselves (name, summary,
/// answers); the transformers here add what every route shares: the licence and version, the bearer scheme (and no
/// scheme on anonymous routes), the problem answers the conventions give every route (401 when signed in, 429 when
/// rate-limited, 400/413/415 for a JSON body), the original routes' {user_id}, tag descriptions, request examples, and
/// the routes that are not route handlers (health, MCP).
/// </summary>
public static class ApiDocs
{
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>The server's version without the source revision, so the description stays the same from commit to commit.</summary>
    public static string ServerVersion { get; } =
        (typeof(ApiDocs).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0")
        .Split('+')[0];

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Accounts"] = "Sign up, sign in (an access token for the bearer scheme) and your settings.",
        ["Tokens"] = "Personal access tokens: long-lived bearer tokens for scripts and integrations.",
        ["Tasks"] = "Your tasks: create, read, change, complete and delete, one at a time or in bulk. The /api/{user_id}/tasks "
                    + "routes are the original API's and answer the same as /api/tasks.",
        ["Activity"] = "What changed in your tasks, and undo and redo of a batch of changes.",
        ["Trash"] = "Deleted tasks, restorable until they are removed for good.",
        ["Notifications"] = "Reminders that have fired.",
        ["Webhooks"] = "URLs the server posts your task events to, signed with a secret, and their delivery log.",
        ["Lists"] = "Your lists (the Inbox and the ones you make) and labels.",
        ["Export and import"] = "Your data as JSON, todo.txt or iCalendar, import of the same, and the calendar feed.",
        ["Live"] = "Your activity as server-sent events, as it happens.",
        ["Chat"] = "One turn with the assistant, which reads and changes your tasks on your behalf.",
        ["Conversations"] = "Your conversations with the assistant and their messages.",
        ["OAuth"] = "What MCP clients need to get a token through OAuth: resource metadata and client registration.",
        ["MCP"] = "The Model Context Protocol endpoint for AI agents (Streamable HTTP, stateless).",
        ["Health"] = "Liveness and readiness probes for load balancers and orchestrators.",
    };

    /// <summary>What the conventions answer with a problem, worded for the routes that may answer it.</summary>
    private static readonly Dictionary<int, string> ProblemDescriptions = new()
    {
        [StatusCodes.Status400BadRequest] = "The request is not valid: a problem whose errors name each field at fault, or whose detail says what is wrong.",
        [StatusCodes.Status401Unauthorized] = "No bearer token, or one that is invalid, expired or revoked, or whose account is gone or deactivated.",
        [StatusCodes.Status403Forbidden] = "Not allowed: the route's {user_id} is not yours, or the token may not do this.",
        [StatusCodes.Status404NotFound] = "You have nothing with this id (someone else's looks the same).",
        [StatusCodes.Status409Conflict] = "The request conflicts with the current state (the detail says how).",
        [StatusCodes.Status413PayloadTooLarge] = "The request body is larger than 1 MiB (or than the route allows).",
        [StatusCodes.Status415UnsupportedMediaType] = "The body is not sent as a content type this route reads (application/json).",
        [StatusCodes.Status422UnprocessableEntity] = "The request is well formed but cannot be carried out (the detail says why).",
        [StatusCodes.Status429TooManyRequests] = "Too many requests: wait the Retry-After header's seconds before trying again.",
        [StatusCodes.Status502BadGateway] = "The assistant's model answered with an error.",
        [StatusCodes.Status504GatewayTimeout] = "The assistant's model did not answer in time.",
    };

    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer(DescribeDocumentAsync);
            options.AddOperationTransformer(DescribeSharedAnswers);
            options.AddSchemaTransformer(ApiSchemas.Describe);
        });
        return builder;
    }

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference();
        return app;
    }

    private static async Task DescribeDocumentAsync(
        OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Todo API";
        document.Info.Version = ServerVersion;
        document.Info.Description = "A multi-user todo service: tasks, lists, reminders, activity with undo, export and import, "
                                    + "webhooks, live events and a chat assistant. Every error is an RFC 9457 problem "
                                    + "(application/problem+json). JSON fields are snake_case.";
        document.Info.License = new OpenApiLicense { Name = "MIT License", Identifier = "MIT" };

        // The framework names the address the document was fetched from; a trailing slash would double the paths' own.
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[JwtBearerDefaults.AuthenticationScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The access_token from POST /api/auth/login, or a personal access token (todo_pat_…) from POST /api/tokens.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(JwtBearerDefaults.AuthenticationScheme, document)] = [],
        });

        await OtherRoutes.AddAsync(document, context, cancellationToken);
        ApiSchemas.DescribeComponents(document);

        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var (name, description) in TagDescriptions)
        {
            if (document.Tags.FirstOrDefault(tag => tag.Name == name) is { } tag)
            {
                tag.Description = description;
            }
            else
            {
                document.Tags.Add(new OpenApiTag { Name = name, Description = description });
            }
        }
    }

    /// <summary>The answers every route shares by the conventions it is mapped with, added where the route does not list them.</summary>
    private static Task DescribeSharedAnswers(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any();
        operation.Responses ??= [];
        if (anonymous)
        {
            operation.Security = []; // no token needed
        }
        else
        {
            AddProblem(operation, context, StatusCodes.Status401Unauthorized);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            AddProblem(operation, context, StatusCodes.Status429TooManyRequests);
        }

        if (operation.RequestBody?.Content?.ContainsKey("application/json") == true)
        {
            // Malformed JSON, an oversized body and another content type, as ApiConventions answers them.
            AddProblem(operation, context, StatusCodes.Status400BadRequest);
            AddProblem(operation, context, StatusCodes.Status413PayloadTooLarge);
            AddProblem(operation, context, StatusCodes.Status415UnsupportedMediaType);
            var body = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
            if (body is not null && ApiSchemas.RequestExample(body) is { } example)
            {
                operation.RequestBody.Content["application/json"].Example = example;
            }
        }

        var template = context.Description.RelativePath ?? "";
        if (template.Contains("{user_id}", StringComparison.Ordinal) && operation.Parameters?.Any(p => p.Name == "user_id") != true)
        {
            operation.Parameters ??= [];
            operation.Parameters.Insert(0, new OpenApiParameter
            {
                Name = "user_id",
                In = ParameterLocation.Path,
                Required = true,
                Description = "Your own user id (the original API's routes); any other id is a 403.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
            });
        }

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            parameter.Description ??= ApiSchemas.DescribeParameter(parameter.Name, template);
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is OpenApiResponse concrete && int.TryParse(status, out var code)
                && ProblemDescriptions.TryGetValue(code, out var description)
                && concrete.Content?.ContainsKey("application/problem+json") == true
                && (string.IsNullOrEmpty(concrete.Description) || concrete.Description == ReasonPhrases.GetReasonPhrase(code)))
            {
                concrete.Description = description; // says more than the framework's reason phrase
            }
        }

        return Task.CompletedTask;
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = ProblemDescriptions[status],
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), context.Document) },
            },
        };
    }
}
