using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Todo.Client;

/// <summary>Makes a <see cref="TodoApiClient"/> for a server's address, with a bearer token or without one.</summary>
public static class TodoClientFactory
{
    /// <summary>
    /// A client of the server at <paramref name="baseAddress"/> (e.g. http://localhost:5080). <paramref name="token"/> gives
    /// the bearer token for each request (an access token from POST /api/auth/login, or a personal access token), or null
    /// for none. Pass an <paramref name="httpClient"/> to share one; it is not disposed with the client.
    /// </summary>
    public static TodoApiClient Create(Uri baseAddress, Func<string?>? token = null, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        IAuthenticationProvider authentication = token is null
            ? new AnonymousAuthenticationProvider()
            : new BaseBearerTokenAuthenticationProvider(new BearerToken(token, baseAddress.Host));
        var adapter = httpClient is null
            ? new HttpClientRequestAdapter(authentication)
            : new HttpClientRequestAdapter(authentication, httpClient: httpClient);
        adapter.BaseUrl = baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new TodoApiClient(adapter);
    }

    /// <summary>The current token, sent only to the server's own host.</summary>
    private sealed class BearerToken(Func<string?> token, string host) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

        public Task<string> GetAuthorizationTokenAsync(
            Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? token() ?? "" : "");
    }
}
