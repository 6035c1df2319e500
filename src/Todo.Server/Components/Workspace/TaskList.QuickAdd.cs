using Todo.Server.Lists;
using Todo.Server.Tasks.QuickAdd;

namespace Todo.Server.Components.Workspace;

/// <summary>
/// Quick add in the "New task" field: what <see cref="QuickAddParser"/> reads shows as the person types, the date phrase
/// read by the same reader, in the user's zone, as the task will be added with.
/// </summary>
public sealed partial class TaskList
{
    private QuickAddPreview? quickAdd;

    /// <summary>Reads the field again; nothing shows while it holds only a title.</summary>
    private void PreviewQuickAdd()
    {
        var parsed = QuickAddParser.Parse(newTitle, QuickAddService.Dates(clock));
        quickAdd = parsed.Parts.Count == 0
            ? null
            : new QuickAddPreview(
                parsed.Title,
                parsed.ListName,
                parsed.ListName is { } name && lists.All(l => l.List.NormalizedName != TodoList.Normalize(name)),
                parsed.Labels,
                parsed.Priority,
                parsed.Problem,
                parsed.Due is { } due
                    ? due.IsRecurring ? $"{due.Describe(clock.Today.Year)}, next {due.DescribeOccurrence(clock.Today.Year)}" : due.Describe(clock.Today.Year)
                    : null);
    }
}
