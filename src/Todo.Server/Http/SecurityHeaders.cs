namespace Todo.Server.Http;

/// <summary>
/// The headers every answer carries: no content sniffing, no referrer, a Content-Security-Policy fitting what is
/// served (the pages, the API browser, the API), HSTS outside Development, and no caching of anything that carries
/// a user's data (the API, MCP and the pages).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The pages load only their own scripts (app.js, Blazor's), their own stylesheet, and talk to the server
    /// over Blazor's websocket on the same origin. The reconnect notice is the page's own markup, so Blazor injects no styles.
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>
    /// The API browser (Scalar) configures itself with an inline script, styles its parts inline and loads its fonts
    /// from fonts.scalar.com; its requests go to this server's API.
    /// </summary>
    public const string ApiBrowserPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data: https://fonts.scalar.com; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; " +
        "form-action 'self'; object-src 'none'";

    /// <summary>API answers are data, never documents to render.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    private const string FormActionSourceKey = "Todo.SecurityHeaders.FormActionSource";

    /// <summary>
    /// Lets this page's forms lead to <paramref name="origin"/> too: the OAuth consent page's post is answered with a
    /// redirect to the client's registered redirect URI, and browsers apply form-action to that redirect.
    /// </summary>
    public static void AllowFormActionTo(HttpContext context, Uri origin)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(origin);
        context.Items[FormActionSourceKey] = origin.GetLeftPart(UriPartial.Authority);
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                AddHeaders(context);
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    private static void AddHeaders(HttpContext context)
    {
        var path = context.Request.Path;
        var headers = context.Response.Headers;
        var isApi = path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/mcp", StringComparison.OrdinalIgnoreCase);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy =
            isApi ? ApiPolicy
            : path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase) ? ApiBrowserPolicy
            : context.Items[FormActionSourceKey] is string source ? PagePolicy.Replace("form-action 'self'", $"form-action 'self' {source}", StringComparison.Ordinal)
            : PagePolicy;
        var isPage = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        if (isApi || (isPage && string.IsNullOrEmpty(headers.CacheControl)))
        {
            headers.CacheControl = "no-store";
        }
    }
}
