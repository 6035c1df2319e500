namespace Todo.Server.OAuth;

/// <summary>
/// /mcp as an OAuth protected resource (RFC 9728): its identifier is the absolute URL of /mcp on the origin the
/// request came to, and its access tokens carry that URL as their audience.
/// </summary>
public static class McpResource
{
    public const string Path = "/mcp";
    public const string MetadataPath = "/.well-known/oauth-protected-resource";

    /// <summary>The one scope: read and change the user's tasks through MCP.</summary>
    public const string TasksScope = "tasks";

    public static readonly string[] Scopes = [TasksScope, OpenIddict.Abstractions.OpenIddictConstants.Scopes.OfflineAccess];

    public static string Origin(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";
    }

    public static string Url(HttpRequest request) => Origin(request) + Path;

    public static string MetadataUrl(HttpRequest request) => Origin(request) + MetadataPath + Path;

    public static bool IsMcpRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase);
    }
}
