using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Todo.Server.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Todo.Server.Accounts;
using Todo.Server.Components.Account;
using Todo.Server.Http;

namespace Todo.Server.Components;

/// <summary>
/// The web page at <c>/</c>: Razor components with interactive server rendering. People sign in with a cookie,
/// an additional authentication scheme that only the pages, their circuit and the sign-out post accept: the bearer
/// scheme (a JWT or a personal access token) stays the default, so the REST API remains bearer-only.
/// </summary>
public static class WebUi
{
    /// <summary>The authorization policy of the pages and their circuit: a valid session cookie, nothing else.</summary>
    public const string SignedInPolicy = "web-signed-in";

    public const string SignInPath = "/signin";
    public const string SignUpPath = "/signup";
    public const string SignOutPath = "/signout";

    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        // Serves wwwroot and the framework's scripts from a build output too (a publish output has them in place).
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, ActiveUserAuthenticationStateProvider>();

        // Cookies and antiforgery tokens stay valid across restarts and on every copy of the server:
        // the keys live in the database, like everything else.
        services.AddDataProtection()
            .SetApplicationName("Todo")
            .PersistKeysToDbContext<TodoDbContext>();

        services.AddAuthentication().AddCookie(CookieAuthenticationDefaults.AuthenticationScheme);
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((cookie, auth) =>
            {
                cookie.Cookie.Name = "todo_session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.LoginPath = SignInPath;
                cookie.AccessDeniedPath = SignInPath;
                cookie.ReturnUrlParameter = "returnUrl";
                cookie.ExpireTimeSpan = auth.Value.TokenLifetime;
                cookie.SlidingExpiration = true;
                cookie.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = CookieSession.RejectInactiveUserAsync,
                    OnRedirectToLogin = CookieSession.RedirectPagesToSignInAsync,
                    OnRedirectToAccessDenied = CookieSession.RedirectPagesToSignInAsync,
                };
            });
        services.AddAuthorizationBuilder().AddPolicy(SignedInPolicy, policy => policy
            .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser());
        return builder;
    }

    public static WebApplication MapWebUi(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapPost(SignOutPath, (Delegate)SignOutAsync)
            .RequireAuthorization(SignedInPolicy)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();

        // Every page and the circuit's hub need the cookie; the sign-in and sign-up pages allow anonymous visitors.
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(SignedInPolicy);
        return app;
    }

    /// <summary>
    /// Ends the session everywhere. A post without a valid antiforgery token is refused: the middleware only records
    /// its verdict, so without this check any post, with a form or none, would sign out. Then the user's security
    /// stamp is replaced, which refuses every copy of the cookie: at once on this server, within
    /// Auth:ActiveUserRecheck on the others.
    /// </summary>
    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> SignOutAsync(
        HttpContext http, IAntiforgery antiforgery, AccountService accounts, ActiveUserCheck check)
    {
        if (!await HasValidAntiforgeryTokenAsync(http, antiforgery))
        {
            return TypedResults.Problem(Problems.Create(
                StatusCodes.Status400BadRequest, "Invalid sign-out", "The sign-out form's antiforgery token is missing or invalid."));
        }

        var userId = http.User.GetUserId();
        await accounts.RotateSecurityStampAsync(userId, http.RequestAborted);
        check.Forget(userId);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect(SignInPath);
    }

    /// <summary>
    /// The antiforgery middleware's verdict when it gave one (it only records it; the handler must act on it),
    /// else the token checked here.
    /// </summary>
    private static async Task<bool> HasValidAntiforgeryTokenAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (http.Features.Get<IAntiforgeryValidationFeature>() is { } verdict)
        {
            return verdict.IsValid;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(http);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }
}
