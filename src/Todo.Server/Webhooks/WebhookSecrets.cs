using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Todo.Server.Webhooks;

/// <summary>
/// Signing secrets and signatures per the Standard Webhooks spec: a secret is "whsec_" and the base64 of 32 random bytes;
/// a signature is "v1," and the base64 HMAC-SHA256, keyed by those bytes, of "{webhook-id}.{webhook-timestamp}.{body}".
/// Secrets are stored protected by Data Protection (whose keys are in the database, shared by every server copy).
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    public const string Prefix = "whsec_";

    private readonly IDataProtector protector = protection.CreateProtector("Todo.Webhooks.SigningSecret");

    public static string NewSecret() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);

    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);
        var signed = Encoding.UTF8.GetBytes(FormattableString.Invariant($"{messageId}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}
