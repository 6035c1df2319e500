using System.Buffers.Binary;
using System.Text;
using Todo.Server.Http;

namespace Todo.Server.Tasks;

/// <summary>
/// A keyset position in a task list: the last row's sort key and its number (unique per user, so it breaks
/// every tie). On the wire it is a <see cref="PageCursor"/>, the format every list of the API shares.
/// </summary>
public sealed record TaskCursor(
    TaskSort Sort, int Number, DateTime Timestamp = default, string Title = "", TaskPriority Priority = TaskPriority.None)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The position just after <paramref name="task"/> in a list sorted by <paramref name="sort"/>.</summary>
    public static TaskCursor After(TaskItem task, TaskSort sort) => sort switch
    {
        TaskSort.CreatedAt or TaskSort.CreatedAtDescending => new(sort, task.Number, Timestamp: task.CreatedAt),
        TaskSort.UpdatedAt or TaskSort.UpdatedAtDescending => new(sort, task.Number, Timestamp: task.UpdatedAt),
        TaskSort.Title => new(sort, task.Number, Title: task.Title),
        TaskSort.Priority => new(sort, task.Number, Priority: task.Priority),
        TaskSort.Due => new(sort, task.Number, Timestamp: task.DueOrder),
        _ => new(sort, task.Number),
    };

    public string Encode()
    {
        var title = Sort == TaskSort.Title ? StrictUtf8.GetBytes(Title) : [];
        var hasTimestamp = HasTimestamp(Sort);
        var hasPriority = Sort == TaskSort.Priority;
        var fields = new byte[1 + sizeof(int) + (hasTimestamp ? sizeof(long) : 0) + (hasPriority ? 1 : 0) + title.Length];
        fields[0] = (byte)Sort;
        BinaryPrimitives.WriteInt32LittleEndian(fields.AsSpan(1), Number);
        var offset = 1 + sizeof(int);
        if (hasTimestamp)
        {
            BinaryPrimitives.WriteInt64LittleEndian(fields.AsSpan(offset), Timestamp.ToUniversalTime().Ticks);
            offset += sizeof(long);
        }

        if (hasPriority)
        {
            fields[offset++] = (byte)Priority;
        }

        title.CopyTo(fields.AsSpan(offset));
        return PageCursor.Encode(PageCursorKind.Tasks, fields);
    }

    /// <summary>Reads a cursor made by <see cref="Encode"/>; false for anything else.</summary>
    public static bool TryDecode(string? text, out TaskCursor? cursor)
    {
        cursor = null;
        if (!PageCursor.TryDecode(text, PageCursorKind.Tasks, out var fields) || fields.Length < 1 + sizeof(int))
        {
            return false;
        }

        var body = fields.AsSpan();
        var sort = (TaskSort)body[0];
        var number = BinaryPrimitives.ReadInt32LittleEndian(body[1..]);
        var rest = body[(1 + sizeof(int))..];
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

        var priority = TaskPriority.None;
        if (sort == TaskSort.Priority)
        {
            if (rest.Length != 1 || !Enum.IsDefined((TaskPriority)rest[0]))
            {
                return false;
            }

            priority = (TaskPriority)rest[0];
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

        cursor = new TaskCursor(sort, number, timestamp, title, priority);
        return true;
    }

    private static bool HasTimestamp(TaskSort sort) =>
        sort is TaskSort.CreatedAt or TaskSort.CreatedAtDescending or TaskSort.UpdatedAt or TaskSort.UpdatedAtDescending or TaskSort.Due;

}
