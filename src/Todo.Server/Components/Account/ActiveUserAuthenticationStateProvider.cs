using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using Todo.Server.Accounts;
using Todo.Server.Data;

namespace Todo.Server.Components.Account;

/// <summary>
/// A circuit outlives the request that opened it, so the signed-in user is checked again at the API's pace
/// (Auth:ActiveUserRecheck): a deactivated user's open page signs out as their tokens stop working, and so does a
/// page whose session was signed out elsewhere (its security stamp is no longer the user's).
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
        try
        {
            return await CookieSession.IsCurrentAsync(authenticationState.User, check, cancellationToken);
        }
        catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
        {
            return true; // Unknown for now: keep the page; its requests report the outage, and the next check decides.
        }
    }
}
