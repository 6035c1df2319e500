using System.ComponentModel.DataAnnotations;

namespace Todo.Server.OAuth;

/// <summary>The OAuth 2.1 authorization server that lets MCP clients act for a user at /mcp.</summary>
public sealed class OAuthOptions
{
    public const string Section = "OAuth";

    /// <summary>How long an access token for /mcp lives; clients refresh it with their refresh token.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a refresh token lives unused; each use replaces it with a new one.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Client registrations per minute from one client address; 0 lifts the limit.</summary>
    [Range(0, 10_000)]
    public int RegistrationsPerMinute { get; set; } = 10;

    /// <summary>
    /// Whether the authorization server refuses plain HTTP. Keep it on in production (behind a proxy that ends TLS,
    /// forward the scheme); off only for a server reached on loopback, as in development and tests.
    /// </summary>
    public bool RequireHttps { get; set; } = true;
}
