using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Web;

/// <summary>What a browser does with the web page's forms, over the in-memory server.</summary>
internal static partial class BrowserForms
{
    public const string Password = "correct horse battery";

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public static HttpClient NewBrowser(ApiFixture api) =>
        api.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Gets the form's page (for its antiforgery token and cookie), then posts it as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostAccountFormAsync(
        HttpClient browser, string path, string email, string password, Action<HttpRequestMessage>? adjust = null)
    {
        var form = await browser.GetStringAsync(path);
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(
            [
                new("_handler", path.StartsWith("/signup", StringComparison.Ordinal) ? "signup" : "signin"),
                new("__RequestVerificationToken", TokenIn(form)),
                new("Input.Email", email),
                new("Input.Password", password),
            ]),
        };
        adjust?.Invoke(request);
        return await browser.SendAsync(request);
    }

    /// <summary>Signs in through the form and returns the session cookie it set (name=value).</summary>
    public static async Task<string> SignInAsync(HttpClient browser, string email, string password = Password)
    {
        var signIn = await PostAccountFormAsync(browser, "/signin", email, password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("todo_session=", StringComparison.Ordinal));
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    /// <summary>Posts the sign-out form of the signed-in page, with its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(HttpClient browser)
    {
        var page = await browser.GetStringAsync("/");
        return await browser.PostAsync("/signout", new FormUrlEncodedContent([new("__RequestVerificationToken", TokenIn(page))]));
    }

    public static string TokenIn(string html) => AntiforgeryToken().Match(html) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
