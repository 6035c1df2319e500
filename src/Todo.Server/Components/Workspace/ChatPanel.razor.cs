using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.JSInterop;
using Todo.Server.Chat;
using Todo.Server.Http;

namespace Todo.Server.Components.Workspace;

/// <summary>
/// The assistant: the user's conversations (new, rename, delete), the chosen one's messages, and a box to write in,
/// drawn by <see cref="ConversationList"/>, <see cref="ConversationHeader"/>, <see cref="MessageLog"/> and
/// <see cref="ChatComposer"/>; this class keeps the state and does the work.
/// A turn runs through <see cref="ChatTurns"/> and its reply streams in as the model writes it; every tool the
/// assistant uses raises <see cref="TasksChanged"/>, so the task list shows what it did at once. The open
/// conversation is kept in the address (<c>?c=ID</c>), so a reload brings it back.
/// </summary>
public sealed partial class ChatPanel : IDisposable
{
    public const string ConversationParameter = PageAddress.ConversationPart;
    private const int ConversationPageSize = 50;
    private const int MessagePageSize = 100;

    private readonly CancellationTokenSource disposed = new();
    private List<ConversationDto> conversations = [];
    private string? conversationsError;
    private Guid? selectedId;
    private List<ChatLine> lines = [];
    private bool hasEarlier;
    private string draft = "";
    private string? messageError;
    private string? chatError;
    private string? announcement;
    private bool busy;
    private bool thinking;

    private bool renaming;
    private string renameTitle = "";
    private string? renameError;
    private bool confirmingDelete;
    private int sends; // sends started and boxes emptied by one: a draft read that either overtook is not restored
    private ConversationHeader? header;
    private MessageLog? log;
    private ChatComposer? composer;
    private int shownLines;
    private Func<ElementReference>? focusNext; // read after the render that shows the element
    private string? focusById;

    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ILogger<ChatPanel> Logger { get; set; } = default!;

    [Parameter, EditorRequired]
    public Guid UserId { get; set; }

    /// <summary>Raised after each tool the assistant used, once that tool's change is stored.</summary>
    [Parameter]
    public EventCallback TasksChanged { get; set; }

    /// <summary>Raised after a turn in which the assistant used a tool, with the turn's batch (what Undo takes back).</summary>
    [Parameter]
    public EventCallback<Guid> TurnChangedTasks { get; set; }

    private ConversationDto? Selected => conversations.FirstOrDefault(c => c.Id == selectedId);

    protected override async Task OnInitializedAsync()
    {
        await LoadConversationsAsync();
        var query = QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query);
        if (query.TryGetValue(ConversationParameter, out var value) && Guid.TryParse(value, out var id))
        {
            await OpenAsync(id);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // A draft from before a reload comes back, unless a message was typed or sent while it was being read.
        var sendsBefore = sends;
        if (firstRender && await Drafts.ReadAsync(JS, "chat-message") is { } saved && sends == sendsBefore && !busy && draft.Length == 0)
        {
            draft = saved;
            StateHasChanged();
        }

        if (focusNext is { } element)
        {
            focusNext = null;
            await element().FocusAsync();
        }
        else if (focusById is { } id)
        {
            focusById = null;
            await JS.InvokeVoidAsync("todo.focus", id);
        }

        // The newest message in view; while a reply streams in, each piece re-renders and scrolls too.
        if (lines.Count != shownLines || busy)
        {
            shownLines = lines.Count;
            await JS.InvokeVoidAsync("todo.scrollToEnd", log!.Element);
        }
    }

    private async Task LoadConversationsAsync()
    {
        try
        {
            var page = await Scopes.RunAsync<ConversationService, (List<Conversation> Items, string? NextCursor)?>(
                service => service.ListAsync(UserId, ConversationPageSize, null, disposed.Token));
            conversations = [.. page!.Value.Items.Select(ConversationDto.From)];
            conversationsError = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WebUiLog.RequestFailed(Logger, "load the conversations", e);
            conversationsError = FailureText.For(e, "load your conversations");
        }
    }

    private async Task OpenAsync(Guid id)
    {
        renaming = confirmingDelete = false;
        chatError = null;
        try
        {
            var messages = await Scopes.RunAsync<ConversationService, List<Message>?>(
                service => service.GetMessagesAsync(UserId, id, MessagePageSize, null, disposed.Token));
            if (messages is null)
            {
                // Deleted, or not this user's: the same answer.
                chatError = "That conversation no longer exists.";
                await ShowConversationAsync(null, []);
                return;
            }

            await ShowConversationAsync(id, messages);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WebUiLog.RequestFailed(Logger, "open a conversation", e);
            chatError = FailureText.For(e, "open the conversation");
        }
    }

    private async Task LoadEarlierAsync()
    {
        if (selectedId is not { } id || lines.FirstOrDefault()?.Id is not { } oldest)
        {
            return;
        }

        try
        {
            var earlier = await Scopes.RunAsync<ConversationService, List<Message>?>(
                service => service.GetMessagesAsync(UserId, id, MessagePageSize, oldest, disposed.Token));
            hasEarlier = earlier?.Count == MessagePageSize;
            lines.InsertRange(0, (earlier ?? []).Select(ChatLine.From));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WebUiLog.RequestFailed(Logger, "load earlier messages", e);
            chatError = FailureText.For(e, "load earlier messages");
        }
    }

    private async Task StartNewConversationAsync()
    {
        chatError = null;
        renaming = confirmingDelete = false;
        await ShowConversationAsync(null, []);
        focusNext = () => composer!.Input;
    }

    private async Task ShowConversationAsync(Guid? id, List<Message> messages)
    {
        selectedId = id;
        lines = [.. messages.Select(ChatLine.From)];
        hasEarlier = messages.Count == MessagePageSize;
        await PageAddress.SetAsync(JS, ConversationParameter, id?.ToString());
    }

    private async Task SendAsync()
    {
        sends++;
        if (busy)
        {
            return;
        }

        // The API's request type and its rules decide what a valid message is.
        var request = new ChatRequest(selectedId, draft);
        var failures = new List<ValidationResult>();
        if (!Validator.TryValidateObject(request, new ValidationContext(request), failures, validateAllProperties: true))
        {
            messageError = failures[0].ErrorMessage;
            return;
        }

        messageError = chatError = null;
        var text = draft.Trim();
        busy = thinking = true;
        var question = new ChatLine(fromUser: true, text);
        lines.Add(question);
        StateHasChanged();

        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            var turns = scope.ServiceProvider.GetRequiredService<ChatTurns>();
            switch (await turns.StartAsync(UserId, request, idempotencyKey: null, disposed.Token))
            {
                case TurnRefused refused:
                    lines.Remove(question);
                    chatError = refused.Refusal.Detail + " What you typed is kept.";
                    if (refused.Refusal.Status == StatusCodes.Status404NotFound)
                    {
                        await ShowConversationAsync(null, []);
                    }

                    break;
                case TurnStarted started:
                    // The message is stored: the box can be emptied, and a new conversation now has its id.
                    draft = "";
                    sends++;
                    await Drafts.ClearAsync(JS, "chat-message");
                    question.Id = started.Turn.UserMessage.Id;
                    if (selectedId != started.Turn.Conversation.Id)
                    {
                        selectedId = started.Turn.Conversation.Id;
                        conversations.Insert(0, ConversationDto.From(started.Turn.Conversation));
                        await PageAddress.SetAsync(JS, ConversationParameter, selectedId.ToString());
                    }

                    if (await RunTurnAsync(turns, started))
                    {
                        await TurnChangedTasks.InvokeAsync(scope.ServiceProvider.GetRequiredService<History.ActivityContext>().BatchId);
                    }

                    break;
            }
        }
        catch (OperationCanceledException) when (disposed.IsCancellationRequested)
        {
            return; // The page was closed.
        }
        catch (Exception e)
        {
            WebUiLog.RequestFailed(Logger, "send a message", e);
            lines.Remove(question);
            chatError = FailureText.For(e, "send your message") + " What you typed is kept.";
        }
        finally
        {
            busy = thinking = false;
        }

        await LoadConversationsAsync();
    }

    /// <summary>Runs the turn, showing its reply as it comes; true when the assistant used a tool.</summary>
    private async Task<bool> RunTurnAsync(ChatTurns turns, TurnStarted started)
    {
        var reply = new ChatLine(fromUser: false, "");
        try
        {
            await foreach (var turnEvent in turns.RunAsync(started, disposed.Token))
            {
                switch (turnEvent)
                {
                    case ToolCallEvent call:
                        reply.Tools.Add(call.Call.Name);
                        await TasksChanged.InvokeAsync();
                        break;
                    case TextDeltaEvent delta:
                        if (thinking)
                        {
                            thinking = false;
                            lines.Add(reply);
                        }

                        reply.Text += delta.Text;
                        break;
                    case TurnCompletedEvent completed:
                        reply.Text = completed.Turn.Response;
                        if (!lines.Contains(reply))
                        {
                            lines.Add(reply);
                        }

                        announcement = "The assistant answered.";
                        break;
                    case TurnFailedEvent failed:
                        lines.Remove(reply);
                        chatError = failed.Refusal.Detail;
                        break;
                }

                StateHasChanged();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WebUiLog.RequestFailed(Logger, "run a chat turn", e);
            lines.Remove(reply);
            chatError = FailureText.For(e, "get an answer") + " Your message was kept.";
        }

        return reply.Tools.Count > 0;
    }

    private void StartRename()
    {
        renameTitle = Selected is { } open ? ConversationTitles.Of(open) : "";
        renameError = null;
        renaming = true;
        focusNext = () => header!.TitleInput;
    }

    private void CancelRename()
    {
        renaming = false;
        focusNext = null;
        focusById = "rename-conversation";
    }

    private async Task RenameAsync()
    {
        if (selectedId is not { } id)
        {
            return;
        }

        var request = new RenameConversationRequest(renameTitle);
        var failures = new List<ValidationResult>();
        if (!Validator.TryValidateObject(request, new ValidationContext(request), failures, validateAllProperties: true))
        {
            renameError = failures[0].ErrorMessage;
            return;
        }

        try
        {
            var renamed = await Scopes.RunAsync<ConversationService, Conversation?>(
                service => service.RenameAsync(UserId, id, renameTitle, disposed.Token));
            renaming = false;
            focusById = "rename-conversation";
            if (renamed is null)
            {
                chatError = "That conversation no longer exists.";
                await ShowConversationAsync(null, []);
            }
            else
            {
                announcement = $"Renamed the conversation to “{renamed.Title}”.";
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WebUiLog.RequestFailed(Logger, "rename a conversation", e);
            renameError = FailureText.For(e, "rename the conversation") + " What you typed is kept.";
            return;
        }

        await LoadConversationsAsync();
    }

    private void ConfirmDelete()
    {
        confirmingDelete = true;
        focusNext = () => header!.ConfirmDeleteButton;
    }

    private async Task DeleteAsync()
    {
        if (selectedId is not { } id)
        {
            return;
        }

        try
        {
            await Scopes.RunAsync<ConversationService, bool>(service => service.DeleteAsync(UserId, id, disposed.Token));
            confirmingDelete = false;
            chatError = null;
            announcement = "Deleted the conversation.";
            await ShowConversationAsync(null, []);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WebUiLog.RequestFailed(Logger, "delete a conversation", e);
            chatError = FailureText.For(e, "delete the conversation");
            return;
        }

        await LoadConversationsAsync();
        focusNext = () => composer!.Input;
    }

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }
}
