using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.JsonWebTokens;
using Todo.Server.Accounts;

namespace Todo.Server.Components.Account;

/// <summary>The web page's session cookie: what it holds, and the checks it gets on every request.</summary>
public static class CookieSession
{
    /// <summary>Signs <paramref name="user"/> in with a cookie carrying the same claims as an API token (sub, email).</summary>
    public static Task SignInAsync(HttpContext http, User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
                new Claim(JwtRegisteredClaimNames.Email, user.Email),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme,
            JwtRegisteredClaimNames.Email,
            roleType: null);
        return http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The page to go to after signing in: <paramref name="returnUrl"/> when it is a path on this site, else <c>/</c>.</summary>
    public static string LocalTarget(string? returnUrl) =>
        returnUrl is ['/', not '/' and not '\\', ..] or "/" && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative)
            ? returnUrl
            : "/";

    /// <summary>The same active-user rule as API tokens: a deactivated or removed user's cookie stops working.</summary>
    internal static async Task RejectInactiveUserAsync(CookieValidatePrincipalContext context)
    {
        var check = context.HttpContext.RequestServices.GetRequiredService<ActiveUserCheck>();
        var subject = context.Principal?.FindFirstValue(JwtRegisteredClaimNames.Sub);
        if (!Guid.TryParse(subject, out var userId) || !await check.IsActiveAsync(userId, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>Pages go to the sign-in page; the circuit's hub, which a browser does not navigate to, gets a plain 401.</summary>
    internal static Task RedirectPagesToSignInAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (context.Request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
