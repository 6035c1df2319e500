using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Docs;

/// <summary>
/// The OpenAPI description is precise enough for a generator: every route the server has is in it, every operation
/// has an operationId and a summary, every parameter a description, every error a problem, and the document names
/// its licence and version. (clients/generate.sh lints it with Redocly; Todo.Clients.Tests runs the clients made from it.)
/// </summary>
public sealed partial class OpenApiDescriptionTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    /// <summary>Routes that are not part of the API: the web page and its forms, the OAuth browser flow and token exchange
    /// (described by OAuth metadata, used by OAuth libraries), and the description itself.</summary>
    private static readonly string[] NotApiPrefixes = ["/openapi/", "/scalar", "/oauth/authorize", "/oauth/token", "/oauth/consent"];

    private static readonly string[] ApiPrefixes = ["/api/", "/oauth/", "/.well-known/", "/health/", "/mcp", "/calendar/"];

    [Fact]
    public async Task EveryOperationHasAnIdASummaryAndDescribedParameters()
    {
        var document = await DocumentAsync();
        var missing = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, method, operation) in Operations(document))
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            if (!operation.TryGetProperty("operationId", out var id) || !ids.Add(id.GetString()!))
            {
                missing.Add($"{name}: no operationId, or one used twice");
            }

            if (string.IsNullOrWhiteSpace(operation.TryGetProperty("summary", out var summary) ? summary.GetString() : null))
            {
                missing.Add($"{name}: no summary");
            }

            foreach (var parameter in operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : default)
            {
                if (!parameter.TryGetProperty("description", out _))
                {
                    missing.Add($"{name}: parameter {parameter.GetProperty("name").GetString()} has no description");
                }
            }

            foreach (var template in TemplateParameter().Matches(path).Select(m => m.Groups[1].Value))
            {
                if (!operation.TryGetProperty("parameters", out var declared)
                    || !declared.EnumerateArray().Any(p => p.GetProperty("name").GetString() == template))
                {
                    missing.Add($"{name}: path parameter {template} is not declared");
                }
            }

            foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4') && r.Name != "400"))
            {
                if (!response.Value.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out _))
                {
                    missing.Add($"{name}: {response.Name} is not a problem");
                }
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task EveryRouteOfTheServerIsDescribed()
    {
        var document = await DocumentAsync();
        var described = Operations(document).Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}").ToHashSet(StringComparer.Ordinal);

        var routes = api.Services.GetServices<EndpointDataSource>().SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => $"{method} {Normalize(e.RoutePattern.RawText ?? "")}"))
            .Where(route => ApiPrefixes.Any(p => route.Split(' ')[1].StartsWith(p, StringComparison.Ordinal))
                            && !NotApiPrefixes.Any(p => route.Split(' ')[1].StartsWith(p, StringComparison.Ordinal)))
            .Distinct()
            .ToList();

        Assert.Contains("POST /api/tasks", routes);
        Assert.Contains("GET /health/live", routes);
        var undescribed = routes.Where(route => !described.Contains(route)).ToList();
        Assert.Empty(undescribed);
    }

    [Fact]
    public async Task TheDocumentNamesItsLicenceVersionAndBearerScheme()
    {
        var document = await DocumentAsync();

        var info = document.GetProperty("info");
        Assert.Equal("MIT", info.GetProperty("license").GetProperty("identifier").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", info.GetProperty("version").GetString());
        Assert.DoesNotContain("+", info.GetProperty("version").GetString(), StringComparison.Ordinal);
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        var login = document.GetProperty("paths").GetProperty("/api/auth/login").GetProperty("post");
        Assert.Equal(0, login.GetProperty("security").GetArrayLength());
        Assert.True(login.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _));
        Assert.All(document.GetProperty("tags").EnumerateArray(), tag => Assert.True(tag.TryGetProperty("description", out _)));
    }

    private async Task<JsonElement> DocumentAsync() =>
        await api.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(op => op.Name is "get" or "put" or "post" or "patch" or "delete")
            .Select(op => (path.Name, op.Name, op.Value)));

    /// <summary>/api/tasks/{id:guid}/ → /api/tasks/{id}</summary>
    private static string Normalize(string pattern)
    {
        var path = "/" + RouteConstraint().Replace(pattern, "}").Trim('/');
        return path;
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex TemplateParameter();

    [GeneratedRegex(@":[^}]+\}")]
    private static partial Regex RouteConstraint();
}
