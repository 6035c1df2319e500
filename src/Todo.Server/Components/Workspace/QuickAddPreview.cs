using Todo.Server.Tasks;

namespace Todo.Server.Components.Workspace;

/// <summary>What quick add reads in the "New task" field, as the page shows it before the task is added.</summary>
public sealed record QuickAddPreview(string Title, string? ListName, bool CreatesList, IReadOnlyList<string> Labels, TaskPriority? Priority);
