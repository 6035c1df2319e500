using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Todo.Server.Tokens;

/// <summary>
/// Authenticates <c>Authorization: Bearer todo_pat_…</c> against the stored tokens. The principal carries the same
/// claims as a JWT (sub, email) plus <see cref="TokenIdClaim"/>, which marks it as a personal access token.
/// </summary>
public sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, PersonalAccessTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string TokenIdClaim = "todo_pat_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var owner = await tokens.AuthenticateAsync(token, Context.RequestAborted);
        if (owner is null)
        {
            return AuthenticateResult.Fail("The personal access token is unknown, revoked or expired, or its owner is inactive.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, owner.UserId.ToString()),
                new Claim(JwtRegisteredClaimNames.Email, owner.Email),
                new Claim(TokenIdClaim, owner.TokenId.ToString()),
            ],
            Scheme.Name,
            JwtRegisteredClaimNames.Email,
            roleType: null);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    /// <summary>The bearer token of the request when it is a personal access token; else null.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)
               && header[bearer.Length..].Trim() is var token
               && PersonalAccessTokenFormat.LooksLikeToken(token)
            ? token
            : null;
    }

    public static bool IsPersonalAccessToken(ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == TokenIdClaim);
}
