using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Todo.Server.Accounts;
using Todo.Server.Data;

namespace Todo.Server.Components.Account;

/// <summary>
/// A circuit outlives the request that opened it, so the signed-in user is checked again at the API's pace
/// (Auth:ActiveUserRecheck): a deactivated user's open page signs out as their tokens stop working.
/// </summary>
internal sealed class ActiveUserAuthenticationStateProvider(
    ILoggerFactory loggerFactory, ActiveUserCheck check, IOptions<AuthOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private static readonly TimeSpan ShortestInterval = TimeSpan.FromSeconds(10);

    protected override TimeSpan RevalidationInterval =>
        options.Value.ActiveUserRecheck > ShortestInterval ? options.Value.ActiveUserRecheck : ShortestInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(authenticationState.User.FindFirstValue(JwtRegisteredClaimNames.Sub), out var userId))
        {
            return false;
        }

        try
        {
            return await check.IsActiveAsync(userId, cancellationToken);
        }
        catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
        {
            return true; // Unknown for now: keep the page; its requests report the outage, and the next check decides.
        }
    }
}
