using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Todo.E2E;

/// <summary>
/// What a native OAuth client listens on for the authorization response: an HTTP listener on a free loopback port that
/// answers the browser's redirect with a short page and hands the redirect's query to the client.
/// </summary>
public sealed class LoopbackRedirect : IDisposable
{
    private readonly HttpListener listener = new();

    public LoopbackRedirect()
    {
        var port = FreePort();
        Uri = new Uri($"http://127.0.0.1:{port}/callback/");
        listener.Prefixes.Add(Uri.ToString());
        listener.Start();
    }

    public Uri Uri { get; }

    /// <summary>The query of the next request to the redirect URI, after answering it.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NextAsync(CancellationToken cancellationToken)
    {
        var context = await listener.GetContextAsync().WaitAsync(cancellationToken);
        var query = context.Request.QueryString;
        var parameters = query.AllKeys.OfType<string>().ToDictionary(key => key, key => query[key] ?? "", StringComparer.Ordinal);

        var page = Encoding.UTF8.GetBytes("<!doctype html><title>Connected</title><p>You can close this window.</p>");
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength64 = page.Length;
        await context.Response.OutputStream.WriteAsync(page, cancellationToken);
        context.Response.Close();
        return parameters;
    }

    public void Dispose() => listener.Close();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
