using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Todo.Tests.Infrastructure;
using Todo.Tests.Web;

namespace Todo.Tests.OAuth;

/// <summary>What an MCP client and its user do over OAuth, against the in-memory server (origin http://localhost).</summary>
internal static partial class OAuthFlow
{
    public const string Origin = "http://localhost";
    public const string Resource = Origin + "/mcp";
    public const string RedirectUri = "http://127.0.0.1:7777/callback";

    private static readonly string[] GrantTypes = ["authorization_code", "refresh_token"];
    private static readonly string[] ResponseTypes = ["code"];

    public sealed record Pkce(string Verifier, string Challenge)
    {
        public static Pkce Create()
        {
            var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
            return new Pkce(verifier, WebEncoders.Base64UrlEncode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))));
        }
    }

    public sealed record Tokens(string AccessToken, string? RefreshToken, int ExpiresIn);

    /// <summary>A signed-in browser (cookie, no automatic redirects) for <paramref name="user"/>.</summary>
    public static async Task<HttpClient> SignedInBrowserAsync(ApiFixture api, TestUser user)
    {
        var browser = BrowserForms.NewBrowser(api);
        await BrowserForms.SignInAsync(browser, user.Email, user.Password);
        return browser;
    }

    public static async Task<JsonElement> RegisterAsync(ApiFixture api, string name = "Test MCP client", string redirectUri = RedirectUri)
    {
        using var client = api.CreateClient();
        using var response = await client.PostAsJsonAsync("/oauth/register", new
        {
            client_name = name,
            redirect_uris = new[] { redirectUri },
            grant_types = GrantTypes,
            response_types = ResponseTypes,
            token_endpoint_auth_method = "none",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string AuthorizeUrl(string clientId, Pkce? pkce, string redirectUri = RedirectUri, string resource = Resource,
        string method = "S256", string state = "state-1", string scope = "tasks offline_access")
    {
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
            ["state"] = state,
            ["resource"] = resource,
        };
        if (pkce is not null)
        {
            query["code_challenge"] = method == "plain" ? pkce.Verifier : pkce.Challenge;
            query["code_challenge_method"] = method;
        }

        return QueryHelpers.AddQueryString("/oauth/authorize", query);
    }

    /// <summary>GETs the authorize URL (which leads to the consent page) and returns the consent page's address and HTML.</summary>
    public static async Task<(string Address, string Html)> OpenConsentAsync(HttpClient browser, string authorizeUrl)
    {
        using var authorize = await browser.GetAsync(authorizeUrl);
        Assert.True(authorize.StatusCode == HttpStatusCode.Redirect, await authorize.Content.ReadAsStringAsync());
        var consent = authorize.Headers.Location!.OriginalString;
        Assert.StartsWith("/oauth/consent?", consent, StringComparison.Ordinal);
        return (consent, await browser.GetStringAsync(consent));
    }

    /// <summary>Presses Allow or Deny on the consent page; returns the answer (a redirect to the client).</summary>
    public static async Task<HttpResponseMessage> DecideAsync(HttpClient browser, string consentHtml, string decision)
    {
        // Only the consent form's own fields, as a browser posts them (the page has other forms).
        var start = consentHtml.IndexOf("<form method=\"post\" action=\"/oauth/authorize\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "The page has no consent form.");
        var form = consentHtml[start..consentHtml.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = HiddenField().Matches(form)
            .Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))
            .Append(new("decision", decision))
            .ToList();
        return await browser.PostAsync("/oauth/authorize", new FormUrlEncodedContent(fields));
    }

    /// <summary>The whole authorization: consent allowed, code caught at the redirect URI.</summary>
    public static async Task<string> AuthorizeAsync(HttpClient browser, string clientId, Pkce pkce)
    {
        var (_, html) = await OpenConsentAsync(browser, AuthorizeUrl(clientId, pkce));
        using var answer = await DecideAsync(browser, html, "allow");
        var parameters = RedirectParameters(answer);
        Assert.Equal("state-1", parameters["state"]);
        // RFC 9207: the issuer named exactly as the metadata names it (clients compare the two strings).
        Assert.Equal(Origin, parameters["iss"]);
        return parameters["code"];
    }

    /// <summary>The query of the redirect to the client's redirect URI.</summary>
    public static Dictionary<string, string> RedirectParameters(HttpResponseMessage answer)
    {
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect,
            $"{answer.StatusCode}: {answer.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        var location = answer.Headers.Location!;
        Assert.StartsWith(RedirectUri + "?", location.OriginalString, StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public static async Task<HttpResponseMessage> PostTokenAsync(ApiFixture api, Dictionary<string, string> form)
    {
        using var client = api.CreateClient();
        return await client.PostAsync("/oauth/token", new FormUrlEncodedContent(form));
    }

    public static async Task<Tokens> ExchangeCodeAsync(ApiFixture api, string clientId, string code, Pkce pkce)
    {
        using var response = await PostTokenAsync(api, new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = clientId,
            ["code_verifier"] = pkce.Verifier,
            ["resource"] = Resource,
        });
        return await ReadTokensAsync(response);
    }

    public static async Task<Tokens> ReadTokensAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        return new Tokens(
            body.GetProperty("access_token").GetString()!,
            body.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
            body.GetProperty("expires_in").GetInt32());
    }

    public static async Task<HttpResponseMessage> RefreshAsync(ApiFixture api, string clientId, string refreshToken) =>
        await PostTokenAsync(api, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = clientId });

    /// <summary>Registration, sign-in, consent, code and token: a connected client for <paramref name="user"/>.</summary>
    public static async Task<(string ClientId, Tokens Tokens)> ConnectAsync(ApiFixture api, TestUser user, string name = "Test MCP client")
    {
        var clientId = (await RegisterAsync(api, name)).GetProperty("client_id").GetString()!;
        using var browser = await SignedInBrowserAsync(api, user);
        var pkce = Pkce.Create();
        var code = await AuthorizeAsync(browser, clientId, pkce);
        return (clientId, await ExchangeCodeAsync(api, clientId, code, pkce));
    }

    /// <summary>The OAuth error an answer carries ({error, error_description}).</summary>
    public static async Task<string?> ErrorOfAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.TryGetProperty("error", out var error) ? error.GetString() : null;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}
