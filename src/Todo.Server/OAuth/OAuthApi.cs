using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Todo.Server.Accounts;
using Todo.Server.Http;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Todo.Server.OAuth;

/// <summary>
/// The OAuth endpoints OpenIddict hands to us: the protected resource metadata of /mcp, the authorization endpoint
/// (sign-in, then the consent page, whose Allow or Deny comes back here), the token endpoint's last word (is the
/// user still active), and dynamic client registration. OpenIddict itself answers the authorization server
/// metadata, token revocation and every malformed request.
/// </summary>
public static partial class OAuthApi
{
    public const string ConsentPath = "/oauth/consent";
    public const string DecisionField = "decision";
    public const string Allow = "allow";
    public const string Deny = "deny";

    public static IEndpointRouteBuilder MapOAuthServer(this IEndpointRouteBuilder app)
    {
        var metadata = app.MapGroup(McpResource.MetadataPath).WithTags("OAuth").AllowAnonymous();
        metadata.MapGet("/mcp", ResourceMetadata).WithName("McpResourceMetadata")
            .WithSummary("OAuth protected resource metadata (RFC 9728) of /mcp");
        metadata.MapGet("/", ResourceMetadata).WithName("ResourceMetadata")
            .WithSummary("The same metadata, for clients that look at the root");

        var oauth = app.MapGroup("/oauth").WithTags("OAuth");
        oauth.MapGet("/authorize", (Delegate)AuthorizeAsync).ExcludeFromDescription();
        oauth.MapPost("/authorize", (Delegate)DecideAsync).ExcludeFromDescription().DisableAntiforgery();
        oauth.MapPost("/token", (Delegate)ExchangeAsync).ExcludeFromDescription();
        oauth.MapPost("/register", RegisterAsync).WithName("RegisterOAuthClient")
            .WithSummary("Register an MCP client (RFC 7591 dynamic client registration)")
            .RequireRateLimiting(OAuthServer.RegistrationRateLimitPolicy)
            .AllowAnonymous()
            .Produces<ClientRegistrationError>(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static Ok<ProtectedResourceMetadata> ResourceMetadata(HttpRequest request) =>
        TypedResults.Ok(new ProtectedResourceMetadata(
            McpResource.Url(request),
            [McpResource.Origin(request)],
            McpResource.Scopes,
            ["header"],
            "Todo"));

    private static async Task<Results<Created<ClientRegistrationResponse>, BadRequest<ClientRegistrationError>>> RegisterAsync(
        ClientRegistrationRequest request, HttpRequest http, ClientRegistrar registrar, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var (client, error) = await registrar.RegisterAsync(request, McpResource.Url(http), cancellationToken);
        if (error is not null)
        {
            return TypedResults.BadRequest(error);
        }

        LogRegistered(logs.CreateLogger(typeof(OAuthApi).FullName!), client!.ClientId, client.ClientName);
        return TypedResults.Created((string?)null, client);
    }

    /// <summary>
    /// OpenIddict has checked the request (client, redirect URI, PKCE, scopes, resource). A signed-out visitor goes to
    /// sign in and comes back here; a signed-in one is shown the consent page with the same request.
    /// </summary>
    private static async Task<IResult> AuthorizeAsync(HttpContext http)
    {
        if (http.GetOpenIddictServerRequest() is null)
        {
            return NotAnAuthorizationRequest();
        }

        var session = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!session.Succeeded)
        {
            return TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + http.Request.QueryString },
                [CookieAuthenticationDefaults.AuthenticationScheme]);
        }

        return TypedResults.LocalRedirect(ConsentPath + http.Request.QueryString);
    }

    /// <summary>
    /// The consent page's answer. OpenIddict has checked the request again (the page posts it back whole); the
    /// form's antiforgery token proves the signed-in user pressed the button. Allow issues a code under a permanent
    /// grant (reused when the user already allowed this client); Deny sends access_denied to the client.
    /// </summary>
    private static async Task<IResult> DecideAsync(
        HttpContext http, IAntiforgery antiforgery, IOpenIddictApplicationManager applications,
        IOpenIddictAuthorizationManager authorizations, ILoggerFactory logs)
    {
        if (http.GetOpenIddictServerRequest() is not { ClientId: { } clientId } request)
        {
            return NotAnAuthorizationRequest();
        }

        var session = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!session.Succeeded || session.Principal is not { } user)
        {
            return TypedResults.Problem(Problems.Create(StatusCodes.Status401Unauthorized, "Not signed in",
                "Sign in, then open the app's authorization link again."));
        }

        // The page's antiforgery token was issued to the signed-in user; the cookie is not this endpoint's default scheme.
        http.User = user;
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(Problems.Create(StatusCodes.Status400BadRequest, "Invalid consent",
                "The consent form's antiforgery token is missing or invalid; open the app's authorization link again."));
        }

        var decision = http.Request.Form[DecisionField].ToString();
        if (decision == Deny)
        {
            return TypedResults.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user denied access.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        if (decision != Allow)
        {
            return TypedResults.Problem(Problems.Create(StatusCodes.Status400BadRequest, "Invalid consent",
                $"The decision must be \"{Allow}\" or \"{Deny}\"."));
        }

        if (await applications.FindByClientIdAsync(clientId, http.RequestAborted) is not { } application
            || await applications.GetIdAsync(application, http.RequestAborted) is not { } applicationId)
        {
            return NotAnAuthorizationRequest();
        }

        var userId = user.GetUserId().ToString();
        var scopes = McpResource.Scopes.ToImmutableArray();
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, userId);
        identity.SetClaim(Claims.Email, user.FindFirstValue(JwtRegisteredClaimNames.Email));
        identity.SetScopes(scopes);
        identity.SetResources(McpResource.Url(http.Request));

        object? authorization = null;
        await foreach (var existing in authorizations.FindAsync(
            userId, applicationId, Statuses.Valid, AuthorizationTypes.Permanent, scopes, http.RequestAborted))
        {
            authorization = existing;
            break;
        }

        authorization ??= await authorizations.CreateAsync(identity, userId, applicationId, AuthorizationTypes.Permanent, scopes, http.RequestAborted);
        identity.SetAuthorizationId(await authorizations.GetIdAsync(authorization, http.RequestAborted));
        identity.SetDestinations(AccessTokenOnly);
        LogAllowed(logs.CreateLogger(typeof(OAuthApi).FullName!), userId, clientId);
        return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// A code or refresh token OpenIddict has validated (and its grant still valid) becomes new tokens with the same
    /// claims, as long as the account is still active.
    /// </summary>
    private static async Task<IResult> ExchangeAsync(HttpContext http, ActiveUserCheck users)
    {
        if (http.GetOpenIddictServerRequest() is not { } request
            || !(request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType()))
        {
            return InvalidGrant(Errors.UnsupportedGrantType, "Only authorization_code and refresh_token grants are supported.");
        }

        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } principal
            || !Guid.TryParse(principal.GetClaim(Claims.Subject), out var userId)
            || !await users.IsActiveAsync(userId, http.RequestAborted))
        {
            return InvalidGrant(Errors.InvalidGrant, "The account is inactive or no longer exists.");
        }

        var identity = new ClaimsIdentity(principal.Claims, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetDestinations(AccessTokenOnly);
        return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IEnumerable<string> AccessTokenOnly(Claim claim) => [Destinations.AccessToken];

    private static ForbidHttpResult InvalidGrant(string error, string description) =>
        TypedResults.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static ProblemHttpResult NotAnAuthorizationRequest() =>
        TypedResults.Problem(Problems.Create(StatusCodes.Status400BadRequest, "Invalid authorization request",
            "This is not a valid OAuth authorization request; open the app's authorization link again."));

    [LoggerMessage(LogLevel.Information, "OAuth client {ClientId} registered as {ClientName}")]
    private static partial void LogRegistered(ILogger logger, string clientId, string clientName);

    [LoggerMessage(LogLevel.Information, "User {UserId} allowed OAuth client {ClientId}")]
    private static partial void LogAllowed(ILogger logger, string userId, string clientId);
}
