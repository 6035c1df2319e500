using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using Todo.Server.Accounts;
using Todo.Server.Http;

namespace Todo.Server.Tokens;

/// <summary>
/// Personal access tokens: /api/tokens, and their acceptance as bearer tokens on the API and /mcp next to the JWTs.
/// Tokens are managed only by a signed-in session (a JWT or the page's cookie), never with a personal access token:
/// a leaked token cannot mint itself successors or revoke its owner's other tokens.
/// </summary>
public static class TokensApi
{
    /// <summary>The API's default scheme: forwards to the token handler by the <c>todo_pat_</c> marker, else to JwtBearer.</summary>
    public const string BearerScheme = "BearerOrPersonalAccessToken";

    public const string PersonalAccessTokenScheme = "PersonalAccessToken";

    public static WebApplicationBuilder AddPersonalAccessTokens(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<PersonalAccessTokenService>();

        // Replaces JwtBearer as the default scheme set by AddAccounts; JWTs are still checked by JwtBearer, unchanged.
        // A refused token is challenged by JwtBearer too, so it gets exactly the answer of a bad JWT.
        services.AddAuthentication(options => options.DefaultScheme = BearerScheme)
            .AddPolicyScheme(BearerScheme, "JWT or personal access token", policy =>
            {
                policy.ForwardDefaultSelector = context => PersonalAccessTokenHandler.BearerToken(context.Request) is not null
                    ? PersonalAccessTokenScheme
                    : JwtBearerDefaults.AuthenticationScheme;
                policy.ForwardChallenge = JwtBearerDefaults.AuthenticationScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokenScheme, displayName: null, _ => { });
        return builder;
    }

    public static RouteGroupBuilder MapPersonalAccessTokens(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/tokens").WithTags("Tokens").RequireAuthorization()
            .AddEndpointFilter(RefusePersonalAccessTokens)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        tokens.MapGet("/", ListAsync).WithName("ListTokens").WithSummary("Your personal access tokens, newest first, without their secrets");
        tokens.MapPost("/", CreateAsync).WithName("CreateToken").WithSummary("Create a personal access token; its secret is in this answer only")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        tokens.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeToken").WithSummary("Revoke a personal access token: it stops working at once")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return tokens;
    }

    private static async Task<Ok<PersonalAccessTokenListResponse>> ListAsync(
        ClaimsPrincipal user, PersonalAccessTokenService tokens, CancellationToken cancellationToken)
    {
        var items = await tokens.ListAsync(user.GetUserId(), cancellationToken);
        return TypedResults.Ok(new PersonalAccessTokenListResponse([.. items.Select(PersonalAccessTokenDto.From)]));
    }

    private static async Task<Results<Created<CreatedPersonalAccessTokenDto>, ProblemHttpResult>> CreateAsync(
        CreateTokenRequest request, ClaimsPrincipal user, PersonalAccessTokenService tokens, CancellationToken cancellationToken)
    {
        if (await tokens.CreateAsync(user.GetUserId(), request.Name, request.ExpiresInDays, cancellationToken) is not var (row, token))
        {
            return TypedResults.Problem(Problems.Create(StatusCodes.Status409Conflict, "Too many tokens",
                $"You already have {PersonalAccessTokenService.MaxPerUser} personal access tokens, the most allowed; revoke one first."));
        }

        return TypedResults.Created($"/api/tokens/{row.Id}", CreatedPersonalAccessTokenDto.From(row, token));
    }

    /// <summary>Missing and someone else's look the same: a 404.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, ClaimsPrincipal user, PersonalAccessTokenService tokens, CancellationToken cancellationToken) =>
        await tokens.RevokeAsync(user.GetUserId(), id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(Problems.Create(StatusCodes.Status404NotFound, "Token not found", "You have no personal access token with this id."));

    private static async ValueTask<object?> RefusePersonalAccessTokens(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        PersonalAccessTokenHandler.IsPersonalAccessToken(context.HttpContext.User)
            ? TypedResults.Problem(Problems.Create(StatusCodes.Status403Forbidden, "Not allowed with a personal access token",
                "Personal access tokens cannot create, list or revoke tokens; sign in (POST /api/auth/login) or use the Settings page."))
            : await next(context);
}
