using System.Text.Json.Serialization;

namespace Todo.Server.OAuth;

/// <summary>An RFC 7591 client registration request; what is not listed here is ignored.</summary>
public sealed record ClientRegistrationRequest
{
    [JsonPropertyName("redirect_uris")]
    public IReadOnlyList<string?>? RedirectUris { get; init; }

    [JsonPropertyName("client_name")]
    public string? ClientName { get; init; }

    [JsonPropertyName("grant_types")]
    public IReadOnlyList<string?>? GrantTypes { get; init; }

    [JsonPropertyName("response_types")]
    public IReadOnlyList<string?>? ResponseTypes { get; init; }

    /// <summary>Only public clients ("none") are registered; another method is replaced by "none" in the answer.</summary>
    [JsonPropertyName("token_endpoint_auth_method")]
    public string? TokenEndpointAuthMethod { get; init; }

    [JsonPropertyName("scope")]
    public string? Scope { get; init; }
}

/// <summary>The RFC 7591 answer: the registered client's metadata as this server will apply it.</summary>
public sealed record ClientRegistrationResponse(
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_id_issued_at")] long ClientIdIssuedAt,
    [property: JsonPropertyName("client_name")] string ClientName,
    [property: JsonPropertyName("redirect_uris")] IReadOnlyList<string> RedirectUris,
    [property: JsonPropertyName("grant_types")] IReadOnlyList<string> GrantTypes,
    [property: JsonPropertyName("response_types")] IReadOnlyList<string> ResponseTypes,
    [property: JsonPropertyName("token_endpoint_auth_method")] string TokenEndpointAuthMethod,
    [property: JsonPropertyName("scope")] string Scope);

/// <summary>An RFC 7591 error: <c>invalid_redirect_uri</c> or <c>invalid_client_metadata</c>.</summary>
public sealed record ClientRegistrationError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string ErrorDescription);

/// <summary>RFC 9728 protected resource metadata of /mcp.</summary>
public sealed record ProtectedResourceMetadata(
    [property: JsonPropertyName("resource")] string Resource,
    [property: JsonPropertyName("authorization_servers")] IReadOnlyList<string> AuthorizationServers,
    [property: JsonPropertyName("scopes_supported")] IReadOnlyList<string> ScopesSupported,
    [property: JsonPropertyName("bearer_methods_supported")] IReadOnlyList<string> BearerMethodsSupported,
    [property: JsonPropertyName("resource_name")] string ResourceName);
