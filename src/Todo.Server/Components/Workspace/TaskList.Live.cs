using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Data;
using Todo.Server.History;
using Todo.Server.Live;
using Todo.Server.Tasks;

namespace Todo.Server.Components.Workspace;

/// <summary>
/// The list stays current and the last change can be taken back. A change to the user's tasks made anywhere (the API, MCP,
/// the assistant, another tab, another server) signals the page, which reads the visible tasks again shortly after
/// (signals close together read once), leaving a task being edited as it is. After each change the page or the assistant
/// makes, an Undo button takes back that batch.
/// </summary>
public sealed partial class TaskList
{
    /// <summary>Signals arriving within this time of the first are read once.</summary>
    private static readonly TimeSpan LiveDelay = TimeSpan.FromMilliseconds(150);

    private IDisposable? signalSubscription;
    private int liveReloadPending;
    private int actionsRunning; // changes the page is making (on the page's dispatcher only)
    private UndoOffer? undo;
    private string? undoError;
    private bool undoing;

    [Inject]
    private IUserSignals Signals { get; set; } = default!;

    /// <summary>A change that Undo takes back: its batch, what it was (shown) and the button's name for screen readers.</summary>
    private sealed record UndoOffer(Guid BatchId, string Text, string What);

    private void WatchForChanges() => signalSubscription ??= Signals.Subscribe(UserId, OnSignal);

    /// <summary>Called on the signalling thread: it must not block, so the reading is handed to the page's own dispatcher.</summary>
    private void OnSignal(UserSignal signal)
    {
        if (signal != UserSignal.Activity || Interlocked.Exchange(ref liveReloadPending, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(LiveDelay);
                Interlocked.Exchange(ref liveReloadPending, 0);
                await InvokeAsync(ReloadLiveAsync);
            }
            catch (ObjectDisposedException)
            {
                // The page closed meanwhile.
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                WebUiLog.RequestFailed(Logger, "show a change made elsewhere", e);
            }
        });
    }

    /// <summary>The lists and the visible tasks read again; rows keep their elements (and the keyboard its place).</summary>
    private async Task ReloadLiveAsync()
    {
        if (signalSubscription is null)
        {
            return; // disposed
        }

        if (actionsRunning > 0)
        {
            OnSignal(UserSignal.Activity); // after the page's own action, which is reading the list now or soon
            return;
        }

        await LoadListsAsync();
        await ReloadTasksAsync(keepRows: true);
    }

    /// <summary>The assistant's turn changed tasks: Undo takes back its batch.</summary>
    public async Task OfferUndoAsync(Guid batchId, string text, string what)
    {
        await OfferUndoCoreAsync(batchId, text, what);
        StateHasChanged();
    }

    // The page's own changes. While one runs, a change signalled meanwhile is shown after it (the action reads the list
    // again at its end and moves the keyboard; a render in between would take the keyboard's target away).
    private Task AddAsync() => ActAsync(AddCoreAsync);

    private Task SetCompletedAsync(TaskDto task, bool completed) => ActAsync(() => SetCompletedCoreAsync(task, completed));

    private Task DeleteAsync(TaskDto task) => ActAsync(() => DeleteCoreAsync(task));

    private Task SaveEditAsync() => ActAsync(SaveEditCoreAsync);

    private Task UndoAsync() => ActAsync(UndoCoreAsync);

    private async Task ActAsync(Func<Task> action)
    {
        actionsRunning++;
        try
        {
            await action();
        }
        finally
        {
            actionsRunning--;
        }
    }

    /// <summary>
    /// Offers Undo for <paramref name="batchId"/> when it changed anything (an edit that changed nothing is no batch), and
    /// announces it; the page shows it at the end of the action.
    /// </summary>
    private async Task OfferUndoCoreAsync(Guid batchId, string text, string what)
    {
        try
        {
            var changed = await Scopes.RunAsync<TodoDbContext, bool>(db => db.Activity.AnyAsync(a => a.UserId == UserId && a.BatchId == batchId));
            if (!changed)
            {
                return;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WebUiLog.RequestFailed(Logger, "offer undo", e);
            return;
        }

        undo = new UndoOffer(batchId, text, what);
        undoError = null;
        Announce($"{text} Undo is available.");
    }

    private async Task UndoCoreAsync()
    {
        if (undo is not { } offer || undoing)
        {
            return;
        }

        undoing = true;
        undoError = null;
        try
        {
            var result = await Scopes.RunAsync<ActivityService, UndoResult>(service => service.UndoAsync(UserId, offer.BatchId));
            undo = null;
            Announce(result.Undone == 1 ? $"Undone: {offer.What}." : $"Undone: {offer.What} ({result.Undone} tasks).");
            FocusLater("tasks-heading");
        }
        catch (UndoRefusedException refused)
        {
            undoError = refused.Message;
            undo = refused.Reason == UndoRefusal.AlreadyUndone ? null : offer;
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WebUiLog.RequestFailed(Logger, "undo a change", e);
            undoError = FailureText.For(e, "undo the change");
            return;
        }
        finally
        {
            undoing = false;
        }

        await ReloadAsync();
    }

    private void DismissUndo()
    {
        undo = null;
        undoError = null;
        FocusLater("tasks-heading");
    }

    private void StopWatching()
    {
        signalSubscription?.Dispose();
        signalSubscription = null;
    }
}
