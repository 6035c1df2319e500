using System.Buffers.Text;
using System.Security.Cryptography;

namespace Todo.Server.Http;

/// <summary>Which list a cursor continues; a cursor of one list is refused by another.</summary>
public enum PageCursorKind : byte
{
    Tasks = 1,
    Conversations = 2,
    Activity = 3,
    Trash = 4,
    Notifications = 5,
    WebhookDeliveries = 14,
}

/// <summary>
/// The one wire format of the API's page cursors: base64url of <c>[version][kind][fields][checksum]</c>, where the
/// fields are the list's keyset position and the checksum is the first bytes of their SHA-256. A truncated, edited or
/// foreign string is refused rather than misread. A cursor only says where to continue in the caller's own list
/// (ownership is in the query), so it needs no secret.
/// </summary>
public static class PageCursor
{
    private const byte Version = 2;
    private const int HeaderLength = 2;
    private const int ChecksumLength = 6;
    private const int MaxEncodedLength = 1024;

    public static string Encode(PageCursorKind kind, ReadOnlySpan<byte> fields)
    {
        var payload = new byte[HeaderLength + fields.Length + ChecksumLength];
        payload[0] = Version;
        payload[1] = (byte)kind;
        fields.CopyTo(payload.AsSpan(HeaderLength));
        Checksum(payload.AsSpan(0, payload.Length - ChecksumLength)).CopyTo(payload.AsSpan(payload.Length - ChecksumLength));
        return Base64Url.EncodeToString(payload);
    }

    /// <summary>The fields of a cursor <see cref="Encode"/> made for <paramref name="kind"/>; false for anything else.</summary>
    public static bool TryDecode(string? text, PageCursorKind kind, out byte[] fields)
    {
        fields = [];
        if (string.IsNullOrEmpty(text) || text.Length > MaxEncodedLength || !Base64Url.IsValid(text))
        {
            return false;
        }

        var payload = Base64Url.DecodeFromChars(text);
        if (payload.Length < HeaderLength + ChecksumLength || payload[0] != Version || payload[1] != (byte)kind
            || !string.Equals(Base64Url.EncodeToString(payload), text, StringComparison.Ordinal)) // one spelling per cursor
        {
            return false;
        }

        var body = payload.AsSpan(0, payload.Length - ChecksumLength);
        if (!CryptographicOperations.FixedTimeEquals(Checksum(body), payload.AsSpan(body.Length)))
        {
            return false;
        }

        fields = body[HeaderLength..].ToArray();
        return true;
    }

    private static byte[] Checksum(ReadOnlySpan<byte> body) => SHA256.HashData(body)[..ChecksumLength];
}
