using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Todo.Server.Tokens;

/// <summary>
/// A personal access token of a user: a long-lived bearer token for scripts and MCP clients. Only its public
/// <see cref="Prefix"/> and the SHA-256 of the whole token are stored; the secret is shown once, at creation.
/// </summary>
public sealed class PersonalAccessToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }

    /// <summary>The name its owner gave it, to tell tokens apart (<see cref="TokenText.Name"/>).</summary>
    public required string Name { get; set; }

    /// <summary>The token's first characters (<see cref="PersonalAccessTokenFormat.PrefixLength"/>): not secret, unique, how a token is looked up and shown.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole token (UTF-8), compared in constant time.</summary>
    public required byte[] TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When it stops working; null: never.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>When it last authenticated a request, to the minute (<see cref="PersonalAccessTokenService.LastUsedPrecision"/>).</summary>
    public DateTime? LastUsedAt { get; set; }
}

/// <summary>
/// <c>todo_pat_</c>, a 12-character lookup id (72 random bits) and a 43-character secret (256 random bits), both
/// base64url: 64 characters in all. The marker, which never starts a JWT, tells the two kinds of bearer token apart.
/// </summary>
public static class PersonalAccessTokenFormat
{
    public const string Marker = "todo_pat_";
    public const int PrefixLength = 21; // marker + lookup id
    public const int Length = 64;
    public const int HashLength = SHA256.HashSizeInBytes;

    private const int LookupBytes = 9;
    private const int SecretBytes = 32;

    /// <summary>A new token and its prefix; the caller stores only the prefix and <see cref="Hash"/>.</summary>
    public static (string Token, string Prefix) New()
    {
        var token = Marker
            + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(LookupBytes))
            + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (token, token[..PrefixLength]);
    }

    public static bool LooksLikeToken(string? bearer) => bearer is not null && bearer.StartsWith(Marker, StringComparison.Ordinal);

    /// <summary>The prefix of a token of the right shape (length and alphabet); null for anything else.</summary>
    public static string? PrefixOf(string token) =>
        token.Length == Length && token.StartsWith(Marker, StringComparison.Ordinal) && Base64Url.IsValid(token.AsSpan(Marker.Length))
            ? token[..PrefixLength]
            : null;

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static bool Matches(string token, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(token), storedHash);
}
