using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Todo.Server.Data;
using Todo.Server.Http;
using Todo.Server.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Todo.Server.OAuth;

/// <summary>
/// MCP over OAuth 2.1 (the MCP authorization spec): OpenIddict is the authorization server (authorization code with
/// PKCE S256, rotated refresh tokens, revocation, resource indicators), its entities live in our database, and /mcp
/// accepts its access tokens next to the API's JWTs and personal access tokens. Tokens are in ASP.NET Core Data
/// Protection format, protected by the key ring every copy of the server shares through the database.
/// </summary>
public static class OAuthServer
{
    public const string AuthorizePath = "/oauth/authorize";
    public const string TokenPath = "/oauth/token";
    public const string RevokePath = "/oauth/revoke";
    public const string RegisterPath = "/oauth/register";
    public const string ServerMetadataPath = "/.well-known/oauth-authorization-server";
    public const string OpenIdConfigurationPath = "/.well-known/openid-configuration";

    /// <summary>The scheme of /mcp's OAuth access tokens: OpenIddict's validation plus the audience and account checks.</summary>
    public const string AccessTokenScheme = "McpOAuth";

    internal const string RegistrationRateLimitPolicy = "oauth-register";

    public static WebApplicationBuilder AddOAuthServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OAuthOptions>().BindConfiguration(OAuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ClientRegistrar>();
        services.AddScoped<ConnectedApps>();

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<TodoDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(AuthorizePath)
                    .SetTokenEndpointUris(TokenPath)
                    .SetRevocationEndpointUris(RevokePath)
                    // The first is the one the document names; both answer the same RFC 8414 document.
                    .SetConfigurationEndpointUris(ServerMetadataPath, OpenIdConfigurationPath);
                server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes(McpResource.Scopes);
                // The resource is /mcp on the request's origin, so it cannot be listed at start; each client's
                // permissions name the one resource it may ask for (see ClientRegistrar).
                server.DisableResourceValidation();
                // A refresh token works once: a second use is refused (and OpenIddict revokes the grant's tokens).
                server.SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                // Tokens are Data Protection payloads (below); these keys only satisfy OpenIddict's start-up checks.
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                server.UseDataProtection();
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough();
                server.AddEventHandler<OpenIddictServerEvents.HandleConfigurationRequestContext>(handler =>
                    handler.UseInlineHandler(AdvertiseRegistration).SetOrder(int.MaxValue));
                server.AddEventHandler<OpenIddictServerEvents.ApplyConfigurationResponseContext>(handler =>
                    handler.UseInlineHandler(NameIssuerAsOrigin).SetOrder(int.MinValue));
                server.AddEventHandler<OpenIddictServerEvents.ApplyAuthorizationResponseContext>(handler =>
                    handler.UseInlineHandler(NameResponseIssuerAsOrigin)
                        .SetOrder(OpenIddictServerHandlers.Authentication.AttachIssuer.Descriptor.Order + 1));
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseDataProtection();
                validation.UseAspNetCore();
                // Revoking a token or a whole grant stops its access tokens at once, not when they expire.
                validation.EnableTokenEntryValidation();
                validation.EnableAuthorizationEntryValidation();
            });

        services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<OAuthOptions>>((server, oauth) =>
        {
            server.AccessTokenLifetime = oauth.Value.AccessTokenLifetime;
            server.RefreshTokenLifetime = oauth.Value.RefreshTokenLifetime;
            // S256 only: "plain" would hand the verifier to anyone who sees the authorization request.
            server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain);
        });
        services.AddOptions<OpenIddictServerAspNetCoreOptions>()
            .Configure<IOptions<OAuthOptions>>((server, oauth) => server.DisableTransportSecurityRequirement = !oauth.Value.RequireHttps);

        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, McpAccessTokenHandler>(AccessTokenScheme, displayName: null, _ => { });

        // /mcp sends its OAuth access tokens (neither a JWT nor a personal access token) to AccessTokenScheme.
        services.PostConfigure<PolicySchemeOptions>(TokensApi.BearerScheme, policy =>
        {
            var forward = policy.ForwardDefaultSelector;
            policy.ForwardDefaultSelector = context =>
                McpResource.IsMcpRequest(context.Request) && McpAccessTokenHandler.IsOAuthAccessToken(context.Request)
                    ? AccessTokenScheme
                    : forward?.Invoke(context);
        });

        // /mcp's 401 points to its resource metadata, from which an MCP client discovers this authorization server.
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            var challenge = jwt.Events.OnChallenge;
            jwt.Events.OnChallenge = async context =>
            {
                await challenge(context);
                if (!context.Handled && McpResource.IsMcpRequest(context.Request))
                {
                    context.HandleResponse();
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.Headers.WWWAuthenticate = $"Bearer resource_metadata=\"{McpResource.MetadataUrl(context.Request)}\"";
                }
            };
        });

        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(limiter => limiter.AddPolicy(RegistrationRateLimitPolicy,
            context => RateLimits.AttemptsPerMinute(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                context.RequestServices.GetRequiredService<IOptions<OAuthOptions>>().Value.RegistrationsPerMinute)));
        return builder;
    }

    private static ValueTask AdvertiseRegistration(OpenIddictServerEvents.HandleConfigurationRequestContext context)
    {
        var origin = McpResource.Origin(context.Transaction.GetHttpRequest()!);
        context.Metadata["registration_endpoint"] = origin + RegisterPath;
        // Registered clients are public: they authenticate with PKCE, not a secret.
        context.TokenEndpointAuthenticationMethods.Add(ClientAuthenticationMethods.None);
        context.RevocationEndpointAuthenticationMethods.Add(ClientAuthenticationMethods.None);
        return default;
    }

    /// <summary>The issuer as the origin that the protected resource metadata names (no trailing slash).</summary>
    private static ValueTask NameIssuerAsOrigin(OpenIddictServerEvents.ApplyConfigurationResponseContext context)
    {
        if (context.Transaction.GetHttpRequest() is { } request && context.Response[Metadata.Issuer] is not null)
        {
            context.Response[Metadata.Issuer] = McpResource.Origin(request);
        }

        return default;
    }

    /// <summary>
    /// The authorization response's "iss" (RFC 9207) as the same origin: clients compare it with the metadata's issuer
    /// character for character, and OpenIddict's own has a trailing slash.
    /// </summary>
    private static ValueTask NameResponseIssuerAsOrigin(OpenIddictServerEvents.ApplyAuthorizationResponseContext context)
    {
        if (context.Transaction.GetHttpRequest() is { } request && context.Response.Iss is not null)
        {
            context.Response.Iss = McpResource.Origin(request);
        }

        return default;
    }
}
