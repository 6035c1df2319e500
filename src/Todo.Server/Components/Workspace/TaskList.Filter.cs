namespace Todo.Server.Components.Workspace;

/// <summary>The filter box: an expression of the filter language, applied on Enter, kept in the address.</summary>
public sealed partial class TaskList
{
    private async Task ApplyFilterAsync()
    {
        var wanted = string.IsNullOrWhiteSpace(filterText) ? null : filterText.Trim();
        var previous = filter;
        filter = wanted;
        filterError = null;
        await ReloadAsync();
        if (filterError is not null)
        {
            // Not applied: the tasks shown are still those of the previous filter.
            filter = previous;
            Announce($"The filter was not applied. {filterError}");
            return;
        }

        if (wanted != previous)
        {
            await PageAddress.SetAsync(JS, new Dictionary<string, string?> { [PageAddress.FilterPart] = wanted }, newEntry: true);
        }

        Announce(wanted is null ? $"Filter cleared: {Shown()}." : $"Filter applied: {Shown()}.");
    }

    private async Task ClearFilterAsync()
    {
        filterText = "";
        FocusLater("task-filter-expression");
        await ApplyFilterAsync();
    }

    /// <summary>How many tasks show, in words.</summary>
    private string Shown() => (tasks.Count, next) switch
    {
        (1, null) => "1 task shown",
        (var count, null) => $"{count} tasks shown",
        (var count, _) => $"more than {count} tasks",
    };
}
