using System.ComponentModel.DataAnnotations;

namespace Todo.Server.Lists;

/// <summary>A list on the wire, with how many of its tasks are not completed.</summary>
public sealed record ListDto(Guid Id, string Name, bool IsInbox, int PendingCount, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static ListDto From(TodoList list, int pendingCount) =>
        new(list.Id, list.Name, list.IsInbox, pendingCount, list.CreatedAt, list.UpdatedAt);
}

public sealed record ListListResponse(IReadOnlyList<ListDto> Items);

/// <summary>A new list, or a list's new name: unique among the caller's lists, ignoring case.</summary>
public sealed record ListNameRequest([property: Required(ErrorMessage = ListText.NameRequired), ListName] string Name);

public sealed record LabelDto(string Name, int TaskCount);

public sealed record LabelListResponse(IReadOnlyList<LabelDto> Items);

/// <summary>What DELETE /api/lists/{id}?tasks= does with the list's tasks.</summary>
public enum ListTasksOnDelete
{
    /// <summary>Into the Inbox.</summary>
    Move,

    /// <summary>Deleted with the list.</summary>
    Delete,
}

public enum ListOutcome
{
    Done,
    NotFound,
    DuplicateName,
    IsInbox,
    HasTasks,
}

/// <summary>A list with its count of pending tasks.</summary>
public sealed record ListSummary(TodoList List, int PendingCount);
