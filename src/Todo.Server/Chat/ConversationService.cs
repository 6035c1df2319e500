using System.Buffers.Binary;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Data;
using Todo.Server.Http;

namespace Todo.Server.Chat;

/// <summary>A user's conversations: list, history, rename, soft delete. A deleted conversation is gone for every route.</summary>
public sealed class ConversationService(TodoDbContext db, TimeProvider time)
{
    /// <summary>Most recently updated first, a page at a time; null when the cursor is not one this service made.</summary>
    public async Task<(List<Conversation> Items, string? NextCursor)?> ListAsync(
        Guid userId, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var query = db.Conversations.AsNoTracking().Where(c => c.UserId == userId && !c.IsDeleted);
        if (cursor is not null)
        {
            if (!TryReadCursor(cursor, out var updatedAt, out var id))
            {
                return null;
            }

            query = query.Where(c => c.UpdatedAt < updatedAt || (c.UpdatedAt == updatedAt && c.Id.CompareTo(id) < 0));
        }

        var page = await query
            .OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id)
            .Take(limit + 1)
            .ToListAsync(cancellationToken);
        if (page.Count <= limit)
        {
            return (page, null);
        }

        page.RemoveAt(limit);
        return (page, WriteCursor(page[^1].UpdatedAt, page[^1].Id));
    }

    /// <summary>Up to <paramref name="limit"/> messages before the message <paramref name="before"/> (or the latest), oldest first; null when the conversation is not the user's.</summary>
    public async Task<List<Message>?> GetMessagesAsync(
        Guid userId, Guid conversationId, int limit, Guid? before, CancellationToken cancellationToken)
    {
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId && c.UserId == userId && !c.IsDeleted, cancellationToken))
        {
            return null;
        }

        var messages = db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId);
        if (before is { } beforeId)
        {
            var anchor = db.Messages.Where(m => m.Id == beforeId && m.ConversationId == conversationId);
            messages = messages.Where(m => anchor.Any(a => m.CreatedAt < a.CreatedAt || (m.CreatedAt == a.CreatedAt && m.Id.CompareTo(a.Id) < 0)));
        }

        var page = await messages
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        page.Reverse();
        return page;
    }

    public async Task<Conversation?> RenameAsync(Guid userId, Guid conversationId, string title, CancellationToken cancellationToken)
    {
        title = ChatText.ConversationTitle.Require(title, "title");
        var conversation = await db.Conversations
            .FirstOrDefaultAsync(c => c.Id == conversationId && c.UserId == userId && !c.IsDeleted, cancellationToken);
        if (conversation is null)
        {
            return null;
        }

        conversation.Title = title;
        conversation.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return conversation;
    }

    public async Task<bool> DeleteAsync(Guid userId, Guid conversationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Conversations
            .Where(c => c.Id == conversationId && c.UserId == userId && !c.IsDeleted)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsDeleted, true).SetProperty(c => c.DeletedAt, now), cancellationToken) > 0;
    }

    private static string WriteCursor(DateTime updatedAt, Guid id)
    {
        var fields = new byte[sizeof(long) + 16];
        BinaryPrimitives.WriteInt64LittleEndian(fields, updatedAt.Ticks);
        id.TryWriteBytes(fields.AsSpan(sizeof(long)));
        return PageCursor.Encode(PageCursorKind.Conversations, fields);
    }

    private static bool TryReadCursor(string cursor, out DateTime updatedAt, out Guid id)
    {
        updatedAt = default;
        id = default;
        if (!PageCursor.TryDecode(cursor, PageCursorKind.Conversations, out var fields) || fields.Length != sizeof(long) + 16)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64LittleEndian(fields);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        updatedAt = new DateTime(ticks, DateTimeKind.Utc);
        id = new Guid(fields.AsSpan(sizeof(long)));
        return true;
    }
}
