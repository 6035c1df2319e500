using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Todo.Server.OAuth;

/// <summary>An app a user allowed to act for them through MCP: one per client, however often it was allowed.</summary>
public sealed record ConnectedApp(string ApplicationId, string Name, string? RedirectHost, DateTimeOffset? AllowedAt);

/// <summary>
/// The apps a user gave access to (their permanent, valid OAuth grants), and revoking one: its grants and every token
/// issued under them stop working at once. Every query is by the user's id, so no one sees or revokes another's.
/// </summary>
public sealed class ConnectedApps(
    IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens)
{
    public async Task<IReadOnlyList<ConnectedApp>> ListAsync(Guid userId, CancellationToken cancellationToken)
    {
        // Read them all before asking about each: one query at a time on a connection.
        var found = new List<object>();
        await foreach (var authorization in authorizations.FindAsync(
            userId.ToString(), client: null, Statuses.Valid, AuthorizationTypes.Permanent, scopes: null, cancellationToken))
        {
            found.Add(authorization);
        }

        var granted = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        foreach (var authorization in found)
        {
            if (await authorizations.GetApplicationIdAsync(authorization, cancellationToken) is not { } applicationId)
            {
                continue;
            }

            var at = await authorizations.GetCreationDateAsync(authorization, cancellationToken);
            granted[applicationId] = granted.TryGetValue(applicationId, out var seen) && seen < at ? seen : at;
        }

        var apps = new List<ConnectedApp>(granted.Count);
        foreach (var (applicationId, allowedAt) in granted)
        {
            if (await applications.FindByIdAsync(applicationId, cancellationToken) is not { } application)
            {
                continue;
            }

            var name = await applications.GetDisplayNameAsync(application, cancellationToken) ?? ClientRegistrar.UnnamedClient;
            var redirects = await applications.GetRedirectUrisAsync(application, cancellationToken);
            apps.Add(new ConnectedApp(applicationId, name, RedirectHost(redirects.FirstOrDefault()), allowedAt));
        }

        return [.. apps.OrderByDescending(app => app.AllowedAt)];
    }

    /// <summary>Revokes the user's grants to the app and their tokens; false when the user has none (or it is someone else's).</summary>
    public async Task<bool> RevokeAsync(Guid userId, string applicationId, CancellationToken cancellationToken)
    {
        var subject = userId.ToString();
        var revoked = await authorizations.RevokeAsync(subject, applicationId, Statuses.Valid, type: null, cancellationToken);
        if (revoked == 0)
        {
            return false;
        }

        await tokens.RevokeAsync(subject, applicationId, status: null, type: null, cancellationToken);
        return true;
    }

    internal static string? RedirectHost(string? redirectUri) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) ? uri.Authority : null;
}
