using Microsoft.AspNetCore.WebUtilities;
using Microsoft.JSInterop;
using Todo.Server.Accounts;
using Todo.Server.Lists;
using Todo.Server.Tasks;
using Todo.Server.Text;

namespace Todo.Server.Components.Workspace;

/// <summary>The lists beside the tasks: which one is shown (in the address, so reload and Back work), add, rename, delete.</summary>
public sealed partial class TaskList
{
    private IReadOnlyList<ListSummary> lists = [];
    private string? listsError;
    private Guid? listId; // the list shown, null for all tasks
    private bool navOpen;

    private string newListName = "";
    private string? newListError;
    private bool creatingList;

    private bool renamingList;
    private string renameName = "";
    private string? renameError;
    private bool confirmingListDelete;
    private int listTaskCount;
    private string? listChangeError;

    private ListSummary? SelectedList => listId is { } id ? lists.FirstOrDefault(l => l.List.Id == id) : null;

    private string ViewTitle => SelectedView?.Name ?? SelectedList?.List.Name ?? "All tasks";

    /// <summary>Back or Forward changed the address: show the list and filter it names.</summary>
    [JSInvokable]
    public Task ShowAddressAsync(string search)
    {
        ResetListForms();
        editingId = null;
        return ShowFromAddressAsync(search);
    }

    /// <summary>Shows the list and the filter the address names; a filter that does not parse shows its error over all the tasks.</summary>
    private async Task ShowFromAddressAsync(string search)
    {
        ReadAddress(search);
        filterText = filter ?? "";
        filterError = null;
        await ReloadAsync();
        if (filterError is { } error)
        {
            filter = null;
            await ReloadAsync();
            filterError = error;
            StateHasChanged();
        }
    }

    private void ReadAddress(string search)
    {
        var query = QueryHelpers.ParseQuery(search);
        listId = query.TryGetValue(PageAddress.ListPart, out var list) && Guid.TryParse(list, out var id) ? id : null;
        filter = query.TryGetValue(PageAddress.FilterPart, out var text) && !string.IsNullOrWhiteSpace(text) ? text.ToString() : null;
    }

    private async Task LoadListsAsync()
    {
        try
        {
            lists = await Scopes.RunAsync<ListService, IReadOnlyList<ListSummary>>(service => service.ListAsync(UserId));
            if (!lists.Any(l => l.List.IsInbox)
                && await Scopes.RunAsync<TaskService, Guid?>(service => service.InboxIdAsync(UserId)) is not null)
            {
                // A user made without registration has no Inbox until one is made; the page always shows it.
                lists = await Scopes.RunAsync<ListService, IReadOnlyList<ListSummary>>(service => service.ListAsync(UserId));
            }

            listsError = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WebUiLog.RequestFailed(Logger, "load the lists", e);
            listsError = FailureText.For(e, "load your lists");
            return;
        }

        if (listId is { } id && lists.All(l => l.List.Id != id))
        {
            // Deleted elsewhere, or never this user's: all tasks, and an address that says so.
            listId = null;
            ResetListForms();
            listChangeError = "That list no longer exists; showing all tasks.";
            await PageAddress.SetAsync(JS, PageAddress.ListPart, null);
        }
    }

    private void ToggleNav() => navOpen = !navOpen;

    private void CloseNav()
    {
        navOpen = false;
        FocusLater("lists-toggle");
    }

    private async Task SelectListAsync(Guid? id)
    {
        if (navOpen)
        {
            navOpen = false; // the phone's disclosure closes on a choice; the keyboard goes back to its button
            FocusLater("lists-toggle");
        }

        ResetListForms();
        editingId = null;
        var leavingView = SelectedView is not null;
        if (listId == id && !leavingView)
        {
            return;
        }

        listId = id;
        var parts = new Dictionary<string, string?> { [PageAddress.ListPart] = id?.ToString() };
        if (leavingView)
        {
            // A date view is a filter over all the lists: a list is shown without it.
            filter = null;
            filterText = "";
            filterError = null;
            parts[PageAddress.FilterPart] = null;
        }

        await PageAddress.SetAsync(JS, parts, newEntry: true);
        await ReloadAsync();
        Announce($"Showing {ViewTitle}.");
    }

    private void ResetListForms()
    {
        renamingList = confirmingListDelete = false;
        renameError = listChangeError = null;
    }

    private async Task CreateListAsync()
    {
        if (creatingList)
        {
            return;
        }

        creatingList = true;
        newListError = null;
        try
        {
            var (outcome, list) = await Scopes.RunAsync<ListService, (ListOutcome, TodoList?)>(
                service => service.CreateAsync(UserId, newListName));
            if (outcome == ListOutcome.DuplicateName)
            {
                newListError = $"You already have a list named “{newListName.Trim()}”.";
                return;
            }

            Announce($"Added the list “{list!.Name}”.");
            newListName = "";
        }
        catch (InvalidTextException e)
        {
            newListError = e.Reason;
            return;
        }
        catch (AccountGoneException)
        {
            newListError = "Your account no longer exists, so the list was not added.";
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WebUiLog.RequestFailed(Logger, "add a list", e);
            newListError = FailureText.For(e, "add the list") + " What you typed is kept.";
            return;
        }
        finally
        {
            creatingList = false;
        }

        await ReloadAsync();
    }

    private void StartRenameList()
    {
        if (SelectedList is not { List.IsInbox: false } selected)
        {
            return;
        }

        ResetListForms();
        renamingList = true;
        renameName = selected.List.Name;
        FocusLater("list-name");
    }

    private void CancelRenameList()
    {
        renamingList = false;
        renameError = null;
        FocusLater("rename-list");
    }

    private async Task RenameListAsync()
    {
        if (listId is not { } id)
        {
            return;
        }

        renameError = null;
        try
        {
            var (outcome, renamed) = await Scopes.RunAsync<ListService, (ListOutcome, ListSummary?)>(
                service => service.RenameAsync(UserId, id, renameName));
            switch (outcome)
            {
                case ListOutcome.DuplicateName:
                    renameError = $"You already have a list named “{renameName.Trim()}”.";
                    return;
                case ListOutcome.NotFound:
                    renamingList = false;
                    break; // the reload says it no longer exists
                case ListOutcome.IsInbox:
                    renameError = "The Inbox cannot be renamed.";
                    return;
                default:
                    renamingList = false;
                    FocusLater("rename-list");
                    Announce($"Renamed the list to “{renamed!.List.Name}”.");
                    break;
            }
        }
        catch (InvalidTextException e)
        {
            renameError = e.Reason;
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WebUiLog.RequestFailed(Logger, "rename a list", e);
            renameError = FailureText.For(e, "rename the list") + " What you typed is kept.";
            return;
        }

        await ReloadAsync();
    }

    /// <summary>Asks before deleting; how many tasks the list holds decides what is asked.</summary>
    private async Task ConfirmDeleteListAsync()
    {
        if (listId is not { } id)
        {
            return;
        }

        ResetListForms();
        try
        {
            listTaskCount = await Scopes.RunAsync<ListService, int>(service => service.TaskCountAsync(UserId, id));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WebUiLog.RequestFailed(Logger, "count a list's tasks", e);
            listChangeError = FailureText.For(e, "delete the list");
            return;
        }

        confirmingListDelete = true;
        FocusLater("delete-list-choice");
    }

    private void KeepList()
    {
        confirmingListDelete = false;
        FocusLater("delete-list");
    }

    private async Task DeleteListAsync(ListTasksOnDelete? tasksOnDelete)
    {
        if (SelectedList is not { } doomed)
        {
            return;
        }

        listChangeError = null;
        ListOutcome outcome;
        try
        {
            outcome = await Scopes.RunAsync<ListService, ListOutcome>(service => service.DeleteAsync(UserId, doomed.List.Id, tasksOnDelete));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WebUiLog.RequestFailed(Logger, "delete a list", e);
            listChangeError = FailureText.For(e, "delete the list");
            return;
        }

        if (outcome == ListOutcome.HasTasks)
        {
            // Tasks were put in it since the question was asked: ask again, with them counted.
            await ConfirmDeleteListAsync();
            return;
        }

        confirmingListDelete = false;
        var inbox = lists.FirstOrDefault(l => l.List.IsInbox)?.List.Id;
        listId = tasksOnDelete == ListTasksOnDelete.Move ? inbox : null;
        await PageAddress.SetAsync(JS, new Dictionary<string, string?> { [PageAddress.ListPart] = listId?.ToString() }, newEntry: false);
        Announce(tasksOnDelete switch
        {
            ListTasksOnDelete.Move => $"Deleted the list “{doomed.List.Name}”; its tasks are in the Inbox.",
            ListTasksOnDelete.Delete => $"Deleted the list “{doomed.List.Name}” and its tasks.",
            _ => $"Deleted the list “{doomed.List.Name}”.",
        });
        FocusLater("tasks-heading");
        await ReloadAsync();
    }
}
