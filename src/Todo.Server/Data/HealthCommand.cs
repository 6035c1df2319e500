using System.Text.RegularExpressions;

namespace Todo.Server.Data;

/// <summary>
/// <c>health [URL]</c>: asks a running server whether it is ready (GET /health/ready) and exits 0 when it answers 200,
/// 1 otherwise. The container's HEALTHCHECK, which has no curl. Without URL it asks the server on this machine at the
/// first address ASPNETCORE_URLS or ASPNETCORE_HTTP_PORTS give, as Kestrel reads them.
/// </summary>
internal static partial class HealthCommand
{
    public const string Usage = "Usage: Todo.Server health [URL]   (default: http://127.0.0.1:PORT/health/ready, PORT from ASPNETCORE_URLS or ASPNETCORE_HTTP_PORTS)";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        Uri? url = args switch
        {
            [] => LocalReadyUrl(services.GetRequiredService<IConfiguration>()),
            [var given] when Uri.TryCreate(given, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" => absolute,
            _ => null,
        };
        if (url is null)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            await output.WriteLineAsync($"{url}: {(int)response.StatusCode} {body}".TrimEnd());
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"{url}: {(e is TaskCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : e.Message)}");
            return 1;
        }
    }

    /// <summary>
    /// /health/ready on this machine, at the first address Kestrel listens on: URLS (ASPNETCORE_URLS) wins over HTTP_PORTS
    /// (ASPNETCORE_HTTP_PORTS), and with neither the server listens on port 5000. A wildcard host or localhost becomes
    /// 127.0.0.1, so that the check needs no name resolution (a container may have no /etc/hosts).
    /// </summary>
    internal static Uri LocalReadyUrl(IConfiguration configuration)
    {
        var builder = new UriBuilder("http", Loopback, 5000, "/health/ready");
        if (First(configuration["urls"]) is { } address)
        {
            var listen = new Uri(WildcardHost().Replace(address, "${scheme}://" + Loopback));
            builder.Scheme = listen.Scheme;
            builder.Host = listen.Host;
            builder.Port = listen.Port;
        }
        else if (First(configuration["http_ports"]) is { } port && int.TryParse(port, out var number))
        {
            builder.Port = number;
        }

        return builder.Uri;
    }

    private const string Loopback = "127.0.0.1";

    [GeneratedRegex(@"^(?<scheme>[a-z]+)://(\*|\+|0\.0\.0\.0|\[::\]|localhost)(?=[:/]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex WildcardHost();

    private static string? First(string? list) =>
        list?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
