using System.Buffers.Binary;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Accounts;
using Todo.Server.Data;
using Todo.Server.Http;

namespace Todo.Server.Reminders;

/// <summary>A notification on the wire: the task it is about, what it says, when it was due and whether it came late.</summary>
public sealed record NotificationDto(
    Guid Id, NotificationTaskRef? Task, string Title, DateTime DueAt, bool Late, DateTime CreatedAt, DateTime? ReadAt)
{
    public static NotificationDto From(Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return new(n.Id, n.TaskId is { } id ? new NotificationTaskRef(id, n.TaskNumber ?? 0, n.Title) : null, n.Title,
            Utc(n.DueAt), n.Late, Utc(n.CreatedAt), n.ReadAt is { } read ? Utc(read) : null);
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

public sealed record NotificationTaskRef(Guid Id, int Number, string Title);

/// <summary>A page of notifications, newest first; pass <see cref="NextCursor"/> as <c>cursor</c> for the next.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationDto> Items, string? NextCursor);

/// <summary>The user's notifications: newest first, a page at a time (one query), and marking one read.</summary>
public sealed class NotificationService(TodoDbContext db, TimeProvider time)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>A page newest first (created_at, then id, descending), after <paramref name="cursor"/> when given.</summary>
    public async Task<(IReadOnlyList<Notification> Items, (DateTime CreatedAt, Guid Id)? Next)> ListAsync(
        Guid userId, bool unreadOnly, int limit, (DateTime CreatedAt, Guid Id)? cursor, CancellationToken cancellationToken = default)
    {
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        if (cursor is { } after)
        {
            var (at, id) = after;
            query = query.Where(n => n.CreatedAt <= at && (n.CreatedAt < at || n.Id.CompareTo(id) < 0));
        }

        var rows = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(limit + 1).ToListAsync(cancellationToken);
        if (rows.Count <= limit)
        {
            return (rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        return (rows, (DateTime.SpecifyKind(rows[^1].CreatedAt, DateTimeKind.Utc), rows[^1].Id));
    }

    /// <summary>How many of the user's notifications are unread.</summary>
    public Task<int> UnreadCountAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.Notifications.AsNoTracking().CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    /// <summary>Marks the notification read (once: a second call keeps the first time); null when the user has no such one.</summary>
    public async Task<Notification?> MarkReadAsync(Guid userId, Guid id, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        await db.Notifications.Where(n => n.Id == id && n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        return await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
    }

    /// <summary>Marks every unread notification of the user read; how many were.</summary>
    public Task<int> MarkAllReadAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        return db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    internal static string EncodeCursor((DateTime CreatedAt, Guid Id) at)
    {
        Span<byte> fields = stackalloc byte[24];
        BinaryPrimitives.WriteInt64BigEndian(fields, at.CreatedAt.Ticks);
        at.Id.TryWriteBytes(fields[8..], bigEndian: true, out _);
        return PageCursor.Encode(PageCursorKind.Notifications, fields);
    }

    internal static bool TryDecodeCursor(string text, out (DateTime CreatedAt, Guid Id) at)
    {
        at = default;
        if (!PageCursor.TryDecode(text, PageCursorKind.Notifications, out var fields) || fields.Length != 24)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(fields);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        at = (new DateTime(ticks, DateTimeKind.Utc), new Guid(fields.AsSpan(8), bigEndian: true));
        return true;
    }
}

/// <summary>/api/notifications: what the user's reminders said, newest first, and marking them read.</summary>
public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        notifications.MapGet("/", ListAsync).WithName("ListNotifications")
            .WithSummary("Your notifications (fired reminders), newest first, a page at a time").ProducesValidationProblem();
        notifications.MapPost("/{id:guid}/read", ReadAsync).WithName("ReadNotification")
            .WithSummary("Mark a notification read").ProducesProblem(StatusCodes.Status404NotFound);
        return notifications;
    }

    private static async Task<Results<Ok<NotificationPage>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user,
        NotificationService notifications,
        CancellationToken cancellationToken,
        [Description("Only notifications not yet read.")]
        bool unread = false,
        [Description("Notifications per page, 1–100.")]
        [Range(1, NotificationService.MaxLimit, ErrorMessage = "limit must be between {1} and {2}.")]
        int limit = NotificationService.DefaultLimit,
        [Description("The previous page's next_cursor.")]
        string? cursor = null)
    {
        (DateTime, Guid)? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!NotificationService.TryDecodeCursor(cursor, out var decoded))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["cursor"] = ["The cursor is not one this server issued; start again without it."],
                });
            }

            after = decoded;
        }

        var (items, next) = await notifications.ListAsync(user.GetUserId(), unread, limit, after, cancellationToken);
        return TypedResults.Ok(new NotificationPage(
            [.. items.Select(NotificationDto.From)], next is { } n ? NotificationService.EncodeCursor(n) : null));
    }

    private static async Task<Results<Ok<NotificationDto>, ProblemHttpResult>> ReadAsync(
        Guid id, ClaimsPrincipal user, NotificationService notifications, CancellationToken cancellationToken) =>
        await notifications.MarkReadAsync(user.GetUserId(), id, cancellationToken) is { } read
            ? TypedResults.Ok(NotificationDto.From(read))
            : TypedResults.Problem(Problems.Create(StatusCodes.Status404NotFound, "Notification not found", "You have no notification with this id."));
}
