using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using Todo.Server.Accounts;
using Todo.Server.Tasks;
using Todo.Server.Text;

namespace Todo.Server.Components.Workspace;

/// <summary>
/// The signed-in user's tasks: add, edit in place, complete, delete, filter and search as you type. Every change
/// goes through <see cref="TaskService"/>, and the list is read again after it, so what shows is what is stored.
/// </summary>
public sealed partial class TaskList
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

    private string newTitle = "";
    private string newDescription = "";
    private string? titleError;
    private string? descriptionError;
    private bool adding;

    private Guid? editingId;
    private string editTitle = "";
    private string editDescription = "";
    private string? editTitleError;
    private string? editDescriptionError;
    private ElementReference editTitleInput;
    private bool focusEditTitle;
    private string? focusAfterRender; // an element id: where the keyboard goes once the focused element is gone

    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ILogger<TaskList> Logger { get; set; } = default!;

    [Parameter, EditorRequired]
    public Guid UserId { get; set; }

    private bool IsFiltered => status != TaskStatusFilter.All || !string.IsNullOrWhiteSpace(search);

    /// <summary>How many times the add form was submitted: a draft read that a submit overtook is not restored.</summary>
    private int adds;

    protected override Task OnInitializedAsync() => ReloadAsync();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            // What was typed before a reload (the server went away) comes back, unless the form was used while the
            // drafts were being read (a task added meanwhile must not come back into the field).
            var addsBefore = adds;
            var title = await Drafts.ReadAsync(JS, "new-task");
            var description = await Drafts.ReadAsync(JS, "new-task-description");
            if (adds == addsBefore && newTitle.Length == 0 && newDescription.Length == 0 && (title ?? description) is not null)
            {
                newTitle = title ?? "";
                newDescription = description ?? "";
                StateHasChanged();
            }
        }

        if (focusEditTitle)
        {
            focusEditTitle = false;
            await editTitleInput.FocusAsync();
        }
        else if (focusAfterRender is { } id)
        {
            focusAfterRender = null;
            await JS.InvokeVoidAsync("todo.focus", id);
        }
    }

    /// <summary>Reads the first page again with the current filter and search; the chat calls it after the assistant used a tool.</summary>
    public async Task ReloadAsync()
    {
        var version = ++loadVersion;
        var query = new TaskListQuery
        {
            Status = status,
            Search = string.IsNullOrWhiteSpace(search) ? null : search,
            Limit = TaskListQuery.MaxLimit,
        };
        try
        {
            var page = await Scopes.RunAsync<TaskService, TaskPage>(service => service.ListAsync(UserId, query));
            if (version == loadVersion)
            {
                tasks = [.. page.Items.Select(TaskDto.From)];
                next = page.Next;
                listError = null;
                searchError = null;
            }
        }
        catch (InvalidTextException e)
        {
            if (version == loadVersion)
            {
                searchError = e.Reason;
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
                renderVersion++; // checkboxes show the stored state again, even after a failed change
            }
        }

        StateHasChanged();
    }

    private async Task LoadMoreAsync()
    {
        var query = new TaskListQuery
        {
            Status = status,
            Search = string.IsNullOrWhiteSpace(search) ? null : search,
            Limit = TaskListQuery.MaxLimit,
            After = next,
        };
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
        return ReloadAsync();
    }

    private async Task AddAsync()
    {
        adds++;
        if (adding)
        {
            return;
        }

        adding = true;
        titleError = descriptionError = null;
        try
        {
            var created = await Scopes.RunAsync<TaskService, TaskItem>(
                service => service.CreateAsync(UserId, newTitle, newDescription));
            Announce($"Added task {created.Number}, “{created.Title}”.");
            newTitle = newDescription = "";
            await Drafts.ClearAsync(JS, "new-task", "new-task-description");
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

    private async Task SetCompletedAsync(TaskDto task, bool completed)
    {
        if (await ChangeAsync(
                service => service.SetCompletedAsync(UserId, TaskKey.ById(task.Id), completed),
                completed ? "complete the task" : "reopen the task"))
        {
            Announce(completed ? $"Completed “{task.Title}”." : $"Reopened “{task.Title}”.");
        }

        await ReloadAsync();
    }

    private async Task DeleteAsync(TaskDto task)
    {
        if (await ChangeAsync(service => service.DeleteAsync(UserId, TaskKey.ById(task.Id)), "delete the task"))
        {
            Announce($"Deleted “{task.Title}”.");
            focusAfterRender = "tasks-heading";
        }

        await ReloadAsync();
    }

    private void StartEdit(TaskDto task)
    {
        editingId = task.Id;
        editTitle = task.Title;
        editDescription = task.Description ?? "";
        editTitleError = editDescriptionError = null;
        focusEditTitle = true;
    }

    private void CancelEdit()
    {
        focusAfterRender = $"edit-{editingId}";
        editingId = null;
    }

    private void CancelEditOnEscape(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
        {
            CancelEdit();
        }
    }

    private async Task SaveEditAsync()
    {
        if (editingId is not { } id)
        {
            return;
        }

        editTitleError = editDescriptionError = null;
        try
        {
            var saved = await Scopes.RunAsync<TaskService, TaskItem?>(
                service => service.ReplaceAsync(UserId, TaskKey.ById(id), editTitle, editDescription));
            focusAfterRender = $"edit-{id}";
            editingId = null;
            Announce(saved is null ? "That task no longer exists." : $"Saved “{saved.Title}”.");
        }
        catch (InvalidTextException e)
        {
            if (e.Field == "description")
            {
                editDescriptionError = e.Reason;
            }
            else
            {
                editTitleError = e.Reason;
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

    /// <summary>Runs one change; a failure is reported above the list, and false is returned.</summary>
    private async Task<bool> ChangeAsync(Func<TaskService, Task<TaskItem?>> change, string action)
    {
        try
        {
            await Scopes.RunAsync(change);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WebUiLog.RequestFailed(Logger, action, e);
            listError = FailureText.For(e, action);
            return false;
        }
    }

    private void Announce(string text) => announcement = text;
}
