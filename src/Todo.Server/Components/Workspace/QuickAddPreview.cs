using Todo.Server.Tasks;

namespace Todo.Server.Components.Workspace;

/// <summary>
/// What quick add reads in the "New task" field, as the page shows it before the task is added; <see cref="Problem"/> says
/// why Enter would not add it yet (null when it would); <see cref="Due"/> is the date phrase as read ("Friday, 4 December, 17:00";
/// a repeating one with its next date).
/// </summary>
public sealed record QuickAddPreview(
    string Title, string? ListName, bool CreatesList, IReadOnlyList<string> Labels, TaskPriority? Priority, string? Problem, string? Due = null);
