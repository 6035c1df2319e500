using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Todo.Server.Http;

namespace Todo.Server.Accounts;

public static class AccountsApi
{
    public static RouteGroupBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts");

        auth.MapPost("/register", RegisterAsync).WithName("Register")
            .WithSummary("Create an account")
            .WithDescription("Email up to 254 characters, password at least 8. A taken email is a 409; sign in afterwards with POST /api/auth/login.")
            .RequireRateLimiting(RateLimits.Auth)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/login", LoginAsync).WithName("Login")
            .WithSummary("Sign in: an access token for the bearer scheme")
            .RequireRateLimiting(RateLimits.Auth)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapGet("/me", MeAsync).WithName("GetMe").WithSummary("Your account").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPatch("/me", UpdateMeAsync).WithName("UpdateMe").WithSummary("Change your settings (the time zone)").RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        return auth;
    }

    private static async Task<Results<Created<UserDto>, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        var (result, user) = await accounts.RegisterAsync(request.Email, request.Password, request.TimeZone, cancellationToken);
        return result == RegistrationResult.Created
            ? TypedResults.Created("/api/auth/me", UserDto.From(user!))
            : TypedResults.Problem(Problems.Create(StatusCodes.Status409Conflict, "Email taken", "An account with this email already exists."));
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, AccountService accounts, TokenIssuer tokens, CancellationToken cancellationToken)
    {
        var user = await accounts.AuthenticateAsync(request.Email, request.Password, cancellationToken);
        if (user is null)
        {
            // One answer for an unknown email, a wrong password and an inactive account.
            return TypedResults.Problem(Problems.Create(
                StatusCodes.Status401Unauthorized, "Sign-in failed", "The email or password is incorrect."));
        }

        var token = tokens.Issue(user);
        return TypedResults.Ok(new LoginResponse(token.AccessToken, "bearer", token.ExpiresIn, UserDto.From(user)));
    }

    private static async Task<Results<Ok<UserDto>, UnauthorizedHttpResult>> MeAsync(
        ClaimsPrincipal principal, AccountService accounts, CancellationToken cancellationToken)
    {
        var user = await accounts.FindActiveAsync(principal.GetUserId(), cancellationToken);
        return user is null ? TypedResults.Unauthorized() : TypedResults.Ok(UserDto.From(user));
    }

    /// <summary>Changes the caller's settings (the time zone); this server uses the new zone at once, others within seconds.</summary>
    private static async Task<Results<Ok<UserDto>, UnauthorizedHttpResult>> UpdateMeAsync(
        UpdateMeRequest request, ClaimsPrincipal principal, AccountService accounts, UserTimeZones zones, CancellationToken cancellationToken)
    {
        var user = await accounts.SetTimeZoneAsync(principal.GetUserId(), request.TimeZone, cancellationToken);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        zones.Remember(user.Id, user.TimeZone);
        return TypedResults.Ok(UserDto.From(user));
    }
}
