using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.JsonWebTokens;
using Todo.Server.Accounts;

namespace Todo.Server.Components.Account;

/// <summary>The web page's session cookie: what it holds, and the checks it gets on every request.</summary>
public static class CookieSession
{
    /// <summary>The claim that carries the user's security stamp as it was at sign-in.</summary>
    public const string SecurityStampClaim = "todo_security_stamp";

    /// <summary>
    /// Signs <paramref name="user"/> in with a cookie carrying the same claims as an API token (sub, email) and the
    /// user's security stamp, which sign-out and deactivation replace.
    /// </summary>
    public static Task SignInAsync(HttpContext http, User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
                new Claim(JwtRegisteredClaimNames.Email, user.Email),
                new Claim(SecurityStampClaim, user.SecurityStamp),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme,
            JwtRegisteredClaimNames.Email,
            roleType: null);
        return http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>
    /// Sends the browser on to <see cref="LocalTarget"/> with a relative Location. NavigationManager would make it
    /// absolute from the request's Host header, which the client chooses.
    /// </summary>
    public static void RedirectToLocalTarget(HttpContext http, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Redirect(LocalTarget(returnUrl));
    }

    /// <summary>The page to go to after signing in: <paramref name="returnUrl"/> when it is a path on this site, else <c>/</c>.</summary>
    public static string LocalTarget(string? returnUrl) =>
        returnUrl is ['/', not '/' and not '\\', ..] or "/" && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative)
            ? returnUrl
            : "/";

    /// <summary>
    /// Whether <paramref name="session"/> is still good: its user exists and is active (the API tokens' rule) and its
    /// security stamp is the user's current one (not signed out, not deactivated since).
    /// </summary>
    internal static async Task<bool> IsCurrentAsync(ClaimsPrincipal? session, ActiveUserCheck check, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(session?.FindFirstValue(JwtRegisteredClaimNames.Sub), out var userId)
            || session.FindFirstValue(SecurityStampClaim) is not { Length: > 0 } stamp)
        {
            return false;
        }

        return string.Equals(await check.ActiveStampAsync(userId, cancellationToken), stamp, StringComparison.Ordinal);
    }

    /// <summary>Every request's check of the cookie: see <see cref="IsCurrentAsync"/>.</summary>
    internal static async Task RejectInactiveUserAsync(CookieValidatePrincipalContext context)
    {
        var check = context.HttpContext.RequestServices.GetRequiredService<ActiveUserCheck>();
        if (!await IsCurrentAsync(context.Principal, check, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>
    /// Pages go to the sign-in page, by a path: the handler's absolute address is built from the request's Host
    /// header, which the client chooses. The circuit's hub, which a browser does not navigate to, gets a plain 401.
    /// </summary>
    internal static Task RedirectPagesToSignInAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (context.Request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        else
        {
            context.Response.Redirect(Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute)
                ? absolute.PathAndQuery
                : context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
