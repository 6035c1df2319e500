using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using Todo.Server.Accounts;
using Todo.Server.Lists;
using Todo.Server.Tasks;
using Todo.Server.Tasks.Filters;
using Todo.Server.Tasks.QuickAdd;
using Todo.Server.Text;

namespace Todo.Server.Components.Workspace;

/// <summary>
/// The signed-in user's tasks: add (quick add), edit in place (with list, labels and priority), complete, delete, filter
/// and search as you type; beside them the user's lists (TaskList.Lists.cs). Every change goes through
/// <see cref="TaskService"/> or <see cref="ListService"/>, and the lists and tasks are read again after it, so what shows
/// is what is stored. The list and the filter shown are in the page's address.
/// </summary>
public sealed partial class TaskList : IAsyncDisposable
{
    private static readonly (TaskStatusFilter Filter, string Label)[] Filters =
        [(TaskStatusFilter.All, "All"), (TaskStatusFilter.Pending, "Pending"), (TaskStatusFilter.Completed, "Completed")];

    private List<TaskDto> tasks = [];
    private TaskCursor? next;
    private bool loaded;
    private int loadVersion;
    private int renderVersion;
    private TaskStatusFilter status = TaskStatusFilter.All;
    private string search = "";
    private string? searchError;
    private string? listError;
    private string? announcement;

    private string? filter; // the filter the list shows, null for none
    private string filterText = "";
    private string? filterError;

    private string newTitle = "";
    private string newDescription = "";
    private string? titleError;
    private string? descriptionError;
    private bool adding;

    private Guid? editingId;
    private string editTitle = "";
    private string editDescription = "";
    private Guid editListId;
    private TaskPriority editPriority;
    private string editLabels = "";
    private string? editTitleError;
    private string? editDescriptionError;
    private string? editListError;
    private string? editLabelsError;
    private ElementReference editTitleInput;
    private Func<ElementReference>? focusNext; // an element just rendered (the edit form's title)
    private string? focusAfterRender; // an element id: where the keyboard goes next (the focused element is gone, or a form opened)
    private int focusTries;
    private DotNetObjectReference<TaskList>? addressWatcher;

    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ILogger<TaskList> Logger { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Parameter, EditorRequired]
    public Guid UserId { get; set; }

    private bool IsFiltered => status != TaskStatusFilter.All || !string.IsNullOrWhiteSpace(search) || filter is not null;

    /// <summary>
    /// Counts the add form's submissions and the times a submission emptied it: a draft read that either overtook is
    /// not restored.
    /// </summary>
    private int formUses;

    protected override Task OnInitializedAsync()
    {
        WatchForChanges(); // before the first read: a change made meanwhile is read again, not missed
        return ShowFromAddressAsync(new Uri(Navigation.Uri).Query);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            addressWatcher = DotNetObjectReference.Create(this);
            await JS.InvokeVoidAsync("todo.address.watch", addressWatcher);

            // What was typed before a reload (the server went away) comes back, unless the form was used while the
            // drafts were being read or is being sent (a task added meanwhile must not come back into the field).
            var usesBefore = formUses;
            var title = await Drafts.ReadAsync(JS, "new-task");
            var description = await Drafts.ReadAsync(JS, "new-task-description");
            if (formUses == usesBefore && !adding && newTitle.Length == 0 && newDescription.Length == 0 && (title ?? description) is not null)
            {
                newTitle = title ?? "";
                newDescription = description ?? "";
                PreviewQuickAdd();
                StateHasChanged();
            }
        }

        if (focusNext is { } element)
        {
            focusNext = null;
            await element().FocusAsync();
        }
        else if (focusAfterRender is { } id && (await JS.InvokeAsync<bool>("todo.focus", id) || ++focusTries >= 3))
        {
            // On a server circuit the after-render work follows the browser's acknowledgement of a render, which may be
            // an earlier one than the render showing the element: it has a few renders to appear.
            focusAfterRender = null;
        }
    }

    /// <summary>
    /// Reads the lists and the first page of tasks again with the current list, filter and search; the chat calls it
    /// after the assistant used a tool.
    /// </summary>
    public async Task ReloadAsync()
    {
        await LoadListsAsync();
        await ReloadTasksAsync();
    }

    /// <summary>Reads the first page of tasks again (the lists and their counts are as they were: search and status change neither).</summary>
    private Task ReloadTasksAsync() => ReloadTasksAsync(keepRows: false);

    /// <summary>
    /// Reads the first page of tasks again. <paramref name="keepRows"/>: the rows keep their elements (a change made
    /// elsewhere must not take the keyboard from a row or an open edit form); otherwise they are drawn anew, so checkboxes
    /// show the stored state again after a failed change.
    /// </summary>
    private async Task ReloadTasksAsync(bool keepRows)
    {
        var version = ++loadVersion;
        var query = Query();
        try
        {
            var (page, pageClock) = await Scopes.RunAsync<TaskService, (TaskPage, DueClock)>(
                async service => (await service.ListAsync(UserId, query), await service.ClockAsync(UserId)));
            if (version == loadVersion)
            {
                tasks = [.. page.Items.Select(TaskDto.From)];
                clock = pageClock;
                next = page.Next;
                listError = null;
                searchError = null;
                filterError = null;
            }
        }
        catch (InvalidTextException e)
        {
            // The tasks shown stay as they were; the error shows next to the field at fault.
            if (version == loadVersion)
            {
                if (e.Field == "filter")
                {
                    filterError = e.Reason;
                }
                else
                {
                    searchError = e.Reason;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WebUiLog.RequestFailed(Logger, "load the tasks", e);
            if (version == loadVersion)
            {
                listError = FailureText.For(e, "load your tasks");
            }
        }
        finally
        {
            if (version == loadVersion)
            {
                loaded = true;
                if (!keepRows)
                {
                    renderVersion++; // checkboxes show the stored state again, even after a failed change
                }
            }
        }

        StateHasChanged();
    }

    private TaskListQuery Query() => new()
    {
        Status = status,
        Search = string.IsNullOrWhiteSpace(search) ? null : search,
        ListId = listId,
        Filter = filter,
        Sort = SelectedView is null ? TaskSort.Number : TaskSort.Due,
        Limit = TaskListQuery.MaxLimit,
    };

    private async Task LoadMoreAsync()
    {
        var query = Query() with { After = next };
        var version = loadVersion;
        try
        {
            var page = await Scopes.RunAsync<TaskService, TaskPage>(service => service.ListAsync(UserId, query));
            if (version == loadVersion)
            {
                tasks.AddRange(page.Items.Select(TaskDto.From));
                next = page.Next;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WebUiLog.RequestFailed(Logger, "load more tasks", e);
            listError = FailureText.For(e, "load more tasks");
        }
    }

    private Task FilterAsync(TaskStatusFilter filter)
    {
        status = filter;
        return ReloadTasksAsync();
    }

    private async Task AddCoreAsync()
    {
        formUses++;
        if (adding)
        {
            return;
        }

        adding = true;
        titleError = descriptionError = null;
        try
        {
            var (added, batch) = await Scopes.RunInBatchAsync<QuickAddService, QuickAddOutcome>(
                service => service.AddAsync(UserId, newTitle, newDescription, listId));
            var created = added.Task;

            // The form is emptied as soon as the task is saved, before the undo offer is shown.
            newTitle = newDescription = "";
            quickAdd = null;
            formUses++;
            await Drafts.ClearAsync(JS, "new-task", "new-task-description");
            await OfferUndoCoreAsync(
                batch,
                added.ListCreated
                    ? $"Added task {created.Number}, “{created.Title}”, to the new list “{created.List?.Name}”."
                    : $"Added task {created.Number}, “{created.Title}”, to {created.List?.Name}.",
                $"adding “{created.Title}”");
        }
        catch (InvalidTextException e)
        {
            // The service's own rule, in its own words, next to the field it is about.
            if (e.Field == "description")
            {
                descriptionError = e.Reason;
            }
            else
            {
                titleError = e.Reason;
            }

            return;
        }
        catch (AccountGoneException)
        {
            titleError = "Your account no longer exists, so the task was not added.";
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WebUiLog.RequestFailed(Logger, "add a task", e);
            titleError = FailureText.For(e, "add the task") + " What you typed is kept.";
            return;
        }
        finally
        {
            adding = false;
        }

        await ReloadAsync();
    }

    private async Task SetCompletedCoreAsync(TaskDto task, bool completed)
    {
        TaskItem? changed = null;
        if (await ChangeAsync(
                async service => changed = await service.SetCompletedAsync(UserId, TaskKey.ById(task.Id), completed),
                completed ? "complete the task" : "reopen the task") is { } batch)
        {
            // A repeating task stays open, moved to its next occurrence: the announcement says where to.
            await OfferUndoCoreAsync(
                batch,
                completed && changed is { IsCompleted: false } && DueDisplay.For(TaskDto.From(changed), clock) is { Repeats: not null } next
                    ? $"Completed “{task.Title}”; it repeats, next due {next.Text}."
                    : completed ? $"Completed “{task.Title}”." : $"Reopened “{task.Title}”.",
                completed ? $"completing “{task.Title}”" : $"reopening “{task.Title}”");
        }

        await ReloadAsync();
    }

    private async Task DeleteCoreAsync(TaskDto task)
    {
        if (await ChangeAsync(service => service.DeleteAsync(UserId, TaskKey.ById(task.Id)), "delete the task") is { } batch)
        {
            await OfferUndoCoreAsync(batch, $"Deleted “{task.Title}”.", $"deleting “{task.Title}”");
            FocusLater("tasks-heading");
        }

        await ReloadAsync();
    }

    private void StartEdit(TaskDto task)
    {
        editingId = task.Id;
        editTitle = task.Title;
        editDescription = task.Description ?? "";
        editListId = task.List.Id;
        editPriority = task.Priority;
        editLabels = string.Join(' ', task.Labels);
        editTitleError = editDescriptionError = editListError = editLabelsError = null;
        StartEditDue(task);
        focusNext = () => editTitleInput;
        focusAfterRender = null; // an earlier wish (a field that was slow to appear) must not take the keyboard from the form
    }

    private void CancelEdit()
    {
        FocusLater($"edit-{editingId}");
        editingId = null;
    }

    private void CancelEditOnEscape(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
        {
            CancelEdit();
        }
    }

    private async Task SaveEditCoreAsync()
    {
        if (editingId is not { } id)
        {
            return;
        }

        editTitleError = editDescriptionError = editListError = editLabelsError = editDueError = null;
        var changes = new TaskChanges
        {
            Title = editTitle,
            Description = editDescription,
            ListId = editListId,
            Labels = LabelsIn(editLabels),
            Priority = editPriority,
        };
        try
        {
            changes = await WithDueAsync(changes);
            var (saved, batch) = await Scopes.RunInBatchAsync<TaskService, TaskItem?>(
                service => service.UpdateAsync(UserId, TaskKey.ById(id), changes));
            FocusLater($"edit-{id}");
            editingId = null;
            Announce(saved is null ? "That task no longer exists." : $"Saved “{saved.Title}”.");
            if (saved is not null)
            {
                await OfferUndoCoreAsync(batch, $"Saved “{saved.Title}”.", $"the changes to “{saved.Title}”");
            }
        }
        catch (InvalidTextException e)
        {
            switch (e.Field)
            {
                case "description":
                    editDescriptionError = e.Reason;
                    break;
                case TaskLabels.Field:
                    editLabelsError = e.Reason;
                    break;
                case "due":
                    editDueError = e.Reason;
                    break;
                case "list_id":
                    editListError = e.Reason;
                    await LoadListsAsync(); // the list was deleted meanwhile: the choices as they are now
                    break;
                default:
                    editTitleError = e.Reason;
                    break;
            }

            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WebUiLog.RequestFailed(Logger, "save a task", e);
            editTitleError = FailureText.For(e, "save the task") + " What you typed is kept.";
            return;
        }

        await ReloadAsync();
    }

    /// <summary>Runs one change and returns its batch; a failure is reported above the list, and null is returned.</summary>
    private async Task<Guid?> ChangeAsync(Func<TaskService, Task<TaskItem?>> change, string action)
    {
        try
        {
            return (await Scopes.RunInBatchAsync(change)).BatchId;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WebUiLog.RequestFailed(Logger, action, e);
            listError = FailureText.For(e, action);
            return null;
        }
    }

    /// <summary>The labels typed in one box, separated by spaces or commas; a leading "@" is allowed, as in quick add.</summary>
    private static string[] LabelsIn(string text) =>
        [.. text.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.TrimStart('@'))];

    /// <summary>An aria-describedby value of the ids that are not null; null when there are none.</summary>
    private static string? DescribedBy(params string?[] ids) =>
        ids.Any(id => id is not null) ? string.Join(' ', ids.Where(id => id is not null)) : null;

    private void FocusLater(string id)
    {
        focusAfterRender = id;
        focusTries = 0;
    }

    private void Announce(string text) => announcement = text;

    public async ValueTask DisposeAsync()
    {
        StopWatching();
        if (addressWatcher is not null)
        {
            try
            {
                await JS.InvokeVoidAsync("todo.address.unwatch");
            }
            catch (JSDisconnectedException)
            {
                // The page is gone, and its handler with it.
            }

            addressWatcher.Dispose();
        }
    }
}
