using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Data;

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

    private static string WriteCursor(DateTime updatedAt, Guid id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{updatedAt.Ticks}:{id:N}")));

    private static bool TryReadCursor(string cursor, out DateTime updatedAt, out Guid id)
    {
        updatedAt = default;
        id = default;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(':');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
                && Guid.TryParseExact(parts[1], "N", out id))
            {
                updatedAt = new DateTime(ticks, DateTimeKind.Utc);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}
