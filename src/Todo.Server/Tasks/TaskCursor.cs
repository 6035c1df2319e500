using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Todo.Server.Tasks;

/// <summary>
/// A keyset position in a task list: the last row's sort key and its number (unique per user, so it breaks
/// every tie). On the wire it is opaque: base64url of a small versioned binary record with a checksum, so
/// a truncated, edited or foreign string is refused rather than misread. It only says where to continue in
/// the caller's own list (ownership is in the query), so it needs no secret.
/// </summary>
public sealed record TaskCursor(TaskSort Sort, int Number, DateTime Timestamp = default, string Title = "")
{
    private const byte Version = 1;
    private const int ChecksumLength = 6;
    private const int MaxEncodedLength = 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The position just after <paramref name="task"/> in a list sorted by <paramref name="sort"/>.</summary>
    public static TaskCursor After(TaskItem task, TaskSort sort) => sort switch
    {
        TaskSort.CreatedAt or TaskSort.CreatedAtDescending => new(sort, task.Number, Timestamp: task.CreatedAt),
        TaskSort.UpdatedAt or TaskSort.UpdatedAtDescending => new(sort, task.Number, Timestamp: task.UpdatedAt),
        TaskSort.Title => new(sort, task.Number, Title: task.Title),
        _ => new(sort, task.Number),
    };

    public string Encode()
    {
        var title = Sort == TaskSort.Title ? StrictUtf8.GetBytes(Title) : [];
        var hasTimestamp = HasTimestamp(Sort);
        var payload = new byte[2 + sizeof(int) + (hasTimestamp ? sizeof(long) : 0) + title.Length + ChecksumLength];
        payload[0] = Version;
        payload[1] = (byte)Sort;
        BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(2), Number);
        var offset = 2 + sizeof(int);
        if (hasTimestamp)
        {
            BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(offset), Timestamp.ToUniversalTime().Ticks);
            offset += sizeof(long);
        }

        title.CopyTo(payload.AsSpan(offset));
        Checksum(payload.AsSpan(0, payload.Length - ChecksumLength)).CopyTo(payload.AsSpan(payload.Length - ChecksumLength));
        return Base64Url.EncodeToString(payload);
    }

    /// <summary>Reads a cursor made by <see cref="Encode"/>; false for anything else.</summary>
    public static bool TryDecode(string? text, out TaskCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxEncodedLength || !Base64Url.IsValid(text))
        {
            return false;
        }

        var payload = Base64Url.DecodeFromChars(text);
        if (payload.Length < 2 + sizeof(int) + ChecksumLength || payload[0] != Version
            || !string.Equals(Base64Url.EncodeToString(payload), text, StringComparison.Ordinal)) // one spelling per cursor
        {
            return false;
        }

        var body = payload.AsSpan(0, payload.Length - ChecksumLength);
        if (!CryptographicOperations.FixedTimeEquals(Checksum(body), payload.AsSpan(body.Length)))
        {
            return false;
        }

        var sort = (TaskSort)body[1];
        var number = BinaryPrimitives.ReadInt32LittleEndian(body[2..]);
        var rest = body[(2 + sizeof(int))..];
        if (!Enum.IsDefined(sort) || number < 1)
        {
            return false;
        }

        var timestamp = default(DateTime);
        if (HasTimestamp(sort))
        {
            if (rest.Length != sizeof(long))
            {
                return false;
            }

            var ticks = BinaryPrimitives.ReadInt64LittleEndian(rest);
            if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            {
                return false;
            }

            timestamp = new DateTime(ticks, DateTimeKind.Utc);
            rest = [];
        }

        var title = "";
        if (sort == TaskSort.Title)
        {
            try
            {
                title = StrictUtf8.GetString(rest);
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }
        else if (!rest.IsEmpty)
        {
            return false;
        }

        cursor = new TaskCursor(sort, number, timestamp, title);
        return true;
    }

    private static bool HasTimestamp(TaskSort sort) =>
        sort is TaskSort.CreatedAt or TaskSort.CreatedAtDescending or TaskSort.UpdatedAt or TaskSort.UpdatedAtDescending;

    private static byte[] Checksum(ReadOnlySpan<byte> body) => SHA256.HashData(body)[..ChecksumLength];
}
