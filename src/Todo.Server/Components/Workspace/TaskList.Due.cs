using Todo.Server.Dates;
using Todo.Server.Tasks;
using Todo.Server.Tasks.Filters;
using Todo.Server.Text;

namespace Todo.Server.Components.Workspace;

/// <summary>
/// Dues on the page: each task's due as it shows (<see cref="DueDisplay"/>, reckoned in the user's zone by the clock read
/// with the tasks), the date views (<see cref="TaskView"/>), and the edit form's "Due" field, read by the same reader as
/// due_string while the person types, and changed only when its text changes.
/// </summary>
public sealed partial class TaskList
{
    private DueClock clock = DueClock.At(DateTimeOffset.UtcNow, TimeZoneInfo.Utc);

    private string editDue = "";
    private string editDueOriginal = "";
    private string? editDueRead; // what the field reads as, shown below it; null while it is unchanged
    private string? editDueError;

    /// <summary>The date view shown: a view's filter over all the lists.</summary>
    private TaskView? SelectedView => listId is null ? TaskView.Named(filter) : null;

    private async Task SelectViewAsync(TaskView view)
    {
        if (navOpen)
        {
            navOpen = false;
            FocusLater("lists-toggle");
        }

        ResetListForms();
        editingId = null;
        if (SelectedView == view)
        {
            return;
        }

        listId = null;
        filter = filterText = view.Filter;
        filterError = null;
        await PageAddress.SetAsync(
            JS, new Dictionary<string, string?> { [PageAddress.ListPart] = null, [PageAddress.FilterPart] = view.Filter }, newEntry: true);
        await ReloadAsync();
        Announce($"Showing {view.Name}: {Shown()}.");
    }

    private void StartEditDue(TaskDto task)
    {
        editDue = editDueOriginal = task.Due?.Text ?? "";
        editDueRead = editDueError = null;
    }

    private void ClearDue()
    {
        editDue = "";
        PreviewDue();
        FocusLater("edit-due");
    }

    /// <summary>Reads the field as the person types: the due it will set, or why it is not one yet.</summary>
    private void PreviewDue()
    {
        var text = editDue.Trim();
        if (text == editDueOriginal)
        {
            editDueRead = null;
        }
        else if (text.Length == 0)
        {
            editDueRead = "No due date.";
        }
        else
        {
            var result = DateReader.ReadWhole(text, new DateTimeOffset(clock.Now, TimeSpan.Zero), clock.Zone.Id);
            editDueRead = result.Match is { Reading: var reading }
                ? "Reads as: " + (reading.IsRecurring
                    ? $"{reading.Describe(clock.Today.Year)}, next {reading.DescribeOccurrence(clock.Today.Year)}."
                    : reading.Describe(clock.Today.Year) + ".")
                : result.Error ?? "Not read as a date.";
        }
    }

    /// <summary>
    /// <paramref name="changes"/> with the due the field asks for, when its text changed (empty clears the due); words that are
    /// not a date are an <see cref="InvalidTextException"/> naming "due", thrown before anything is written.
    /// </summary>
    private async Task<TaskChanges> WithDueAsync(TaskChanges changes)
    {
        var text = editDue.Trim();
        if (text == editDueOriginal)
        {
            return changes;
        }

        if (text.Length == 0)
        {
            return changes with { Due = null };
        }

        var input = new DueInput(text, null, null, null, false);
        if (input.Check().FirstOrDefault() is { } problem)
        {
            throw new InvalidTextException("due", problem.ErrorMessage ?? "Write the date in words.");
        }

        try
        {
            var due = await Scopes.RunAsync<TaskService, DueReading?>(service => service.ReadDueAsync(UserId, input));
            return changes with { Due = due };
        }
        catch (InvalidTextException e)
        {
            throw new InvalidTextException("due", e.Reason);
        }
    }
}
