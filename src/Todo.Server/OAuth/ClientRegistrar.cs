using System.Globalization;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Todo.Server.OAuth;

/// <summary>
/// Dynamic client registration (RFC 7591) for MCP clients: each becomes a public OpenIddict application that may use
/// the authorization code flow with PKCE and refresh tokens, for the /mcp resource only, and redirect only to the
/// addresses it registered (https, or http on loopback).
/// </summary>
public sealed class ClientRegistrar(IOpenIddictApplicationManager applications, TimeProvider clock)
{
    public const int MaxRedirectUris = 10;
    public const int MaxRedirectUriLength = 2000;
    public const int MaxClientNameLength = 100;
    public const string UnnamedClient = "Unnamed app";

    private static readonly string[] SupportedGrantTypes = [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken];
    private static readonly string[] SupportedResponseTypes = [ResponseTypes.Code];

    /// <summary>Registers the client, or says (RFC 7591) why not; nothing is stored then.</summary>
    public async Task<(ClientRegistrationResponse? Client, ClientRegistrationError? Error)> RegisterAsync(
        ClientRegistrationRequest request, string mcpResource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request) is { } error)
        {
            return (null, error);
        }

        var name = string.IsNullOrWhiteSpace(request.ClientName) ? UnnamedClient : request.ClientName.Trim();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture),
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = name,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + McpResource.TasksScope,
                Permissions.Prefixes.Scope + Scopes.OfflineAccess,
                Permissions.Prefixes.Resource + mcpResource,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in request.RedirectUris!)
        {
            descriptor.RedirectUris.Add(new Uri(uri!, UriKind.Absolute));
        }

        await applications.CreateAsync(descriptor, cancellationToken);
        return (new ClientRegistrationResponse(
            descriptor.ClientId,
            clock.GetUtcNow().ToUnixTimeSeconds(),
            name,
            [.. request.RedirectUris!.Select(uri => uri!)],
            SupportedGrantTypes,
            SupportedResponseTypes,
            ClientAuthenticationMethods.None,
            string.Join(' ', McpResource.Scopes)), null);
    }

    private static ClientRegistrationError? Validate(ClientRegistrationRequest request)
    {
        if (request.RedirectUris is not { Count: > 0 } uris)
        {
            return InvalidRedirectUri("redirect_uris is required: at least one redirect URI.");
        }

        if (uris.Count > MaxRedirectUris)
        {
            return InvalidRedirectUri($"At most {MaxRedirectUris} redirect URIs may be registered.");
        }

        foreach (var uri in uris)
        {
            if (RedirectUriProblem(uri) is { } problem)
            {
                return InvalidRedirectUri(problem);
            }
        }

        if (request.ClientName is { } name
            && (name.Trim().Length > MaxClientNameLength || name.Any(char.IsControl)))
        {
            return InvalidMetadata($"client_name must be at most {MaxClientNameLength} characters, without control characters.");
        }

        if (request.GrantTypes?.FirstOrDefault(grant => !SupportedGrantTypes.Contains(grant)) is { } grantType)
        {
            return InvalidMetadata($"grant_types: only authorization_code and refresh_token are supported, not \"{grantType}\".");
        }

        if (request.GrantTypes is { Count: > 0 } grants && !grants.Contains(GrantTypes.AuthorizationCode))
        {
            return InvalidMetadata("grant_types must include authorization_code.");
        }

        if (request.ResponseTypes?.FirstOrDefault(type => !SupportedResponseTypes.Contains(type)) is { } responseType)
        {
            return InvalidMetadata($"response_types: only code is supported, not \"{responseType}\".");
        }

        if (request.Scope?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(scope => !McpResource.Scopes.Contains(scope)) is { } scopeName)
        {
            return InvalidMetadata($"scope: \"{scopeName}\" is not supported; the scopes are {string.Join(' ', McpResource.Scopes)}.");
        }

        return null;
    }

    /// <summary>Why a redirect URI is not accepted, or null when it is: absolute https, or http on a loopback host; no fragment.</summary>
    internal static string? RedirectUriProblem(string? uri)
    {
        if (string.IsNullOrWhiteSpace(uri) || uri.Length > MaxRedirectUriLength)
        {
            return $"Each redirect URI must be an absolute URL of at most {MaxRedirectUriLength} characters.";
        }

        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !string.IsNullOrEmpty(parsed.UserInfo))
        {
            return $"\"{uri}\" is not an absolute URL.";
        }

        if (!string.IsNullOrEmpty(parsed.Fragment) || uri.Contains('#', StringComparison.Ordinal))
        {
            return $"\"{uri}\" has a fragment; redirect URIs must not.";
        }

        var isHttps = parsed.Scheme == Uri.UriSchemeHttps;
        var isLoopbackHttp = parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback;
        return isHttps || isLoopbackHttp
            ? null
            : $"\"{uri}\" is neither https nor http on a loopback address (localhost, 127.0.0.1, [::1]).";
    }

    private static ClientRegistrationError InvalidRedirectUri(string description) => new("invalid_redirect_uri", description);

    private static ClientRegistrationError InvalidMetadata(string description) => new("invalid_client_metadata", description);
}
