using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using Todo.Server.Accounts;
using Todo.Server.Tokens;

namespace Todo.Server.OAuth;

/// <summary>
/// Authenticates an OAuth access token at /mcp: OpenIddict validates it (signature, lifetime, and that neither it nor
/// its grant was revoked), then it must have been issued for this server's /mcp (its audience) to an active user.
/// The principal has the claims of a JWT (sub, email), so the MCP tools act for the token's user exactly as with one.
/// </summary>
public sealed class McpAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ActiveUserCheck users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The claim naming the OAuth client the token was issued to.</summary>
    public const string ClientIdClaim = "todo_oauth_client_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var result = await Context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (result.None)
        {
            return AuthenticateResult.NoResult();
        }

        if (!result.Succeeded || result.Principal is not { } token)
        {
            return AuthenticateResult.Fail("The OAuth access token is invalid, expired or revoked.");
        }

        if (!token.HasAudience(McpResource.Url(Request)))
        {
            return AuthenticateResult.Fail("The OAuth access token was issued for another resource.");
        }

        if (!Guid.TryParse(token.GetClaim(OpenIddictConstants.Claims.Subject), out var userId)
            || !await users.IsActiveAsync(userId, Context.RequestAborted))
        {
            return AuthenticateResult.Fail("The account is inactive or no longer exists.");
        }

        List<Claim> claims = [new(JwtRegisteredClaimNames.Sub, userId.ToString())];
        if (token.GetClaim(OpenIddictConstants.Claims.Email) is { } email)
        {
            claims.Add(new Claim(JwtRegisteredClaimNames.Email, email));
        }

        if (token.GetClaim(OpenIddictConstants.Claims.ClientId) is { } clientId)
        {
            claims.Add(new Claim(ClientIdClaim, clientId));
        }

        var identity = new ClaimsIdentity(claims, Scheme.Name, JwtRegisteredClaimNames.Email, roleType: null);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    /// <summary>
    /// Whether the request's bearer token is one of ours from OpenIddict: not a personal access token, and not a JWT
    /// (three dot-separated parts). OpenIddict's Data Protection tokens are one base64url string.
    /// </summary>
    public static bool IsOAuthAccessToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) || PersonalAccessTokenHandler.BearerToken(request) is not null)
        {
            return false;
        }

        var token = header.AsSpan(bearer.Length).Trim();
        return token.Length > 0 && !token.Contains('.');
    }
}
