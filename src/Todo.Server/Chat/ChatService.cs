using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Todo.Server.Accounts;
using Todo.Server.Assistant;
using Todo.Server.Data;
using Todo.Server.History;
using Todo.Server.Text;
using Todo.Server.Http;
using Todo.Server.Lists;
using Todo.Server.Tasks;

namespace Todo.Server.Chat;

public abstract record ChatTurnEvent;

/// <summary>A tool the assistant called, with what it answered.</summary>
public sealed record ToolCallEvent(ToolCallDto Call) : ChatTurnEvent;

/// <summary>A piece of the reply text, as the model produces it.</summary>
public sealed record TextDeltaEvent(string Text) : ChatTurnEvent;

/// <summary>The turn is stored; this is the whole answer.</summary>
public sealed record TurnCompletedEvent(ChatTurnDto Turn) : ChatTurnEvent;

/// <summary>The model failed (502) or ran out of time (504); the user's message is kept, no reply is stored.</summary>
public sealed class AssistantUnavailableException(bool timedOut, Exception? inner = null)
    : Exception(timedOut ? "The assistant did not answer in time." : "The assistant failed to answer.", inner)
{
    public bool TimedOut { get; } = timedOut;
}

/// <summary>A turn whose user message is stored, ready to run the model.</summary>
public sealed record PreparedTurn(Guid UserId, Conversation Conversation, IReadOnlyList<ChatMessage> History, Message UserMessage);

/// <summary>
/// One stateless chat turn: load the conversation and a bounded window of its history, store the user's
/// message, run the model with the user's task tools, store the reply. Nothing is kept between turns.
/// </summary>
public sealed class ChatService(
    TodoDbContext db,
    IChatClient assistant,
    TaskService tasks,
    ListService lists,
    TimeProvider time,
    IOptions<ChatSettings> chatSettings,
    IOptions<AssistantOptions> assistantOptions,
    ActivityContext activity,
    ActivityService history)
{
    public const int TitleLength = 50;

    /// <summary>Stores the user's message in the conversation (created when <paramref name="conversationId"/> is null); null when the conversation is not the user's or is deleted.</summary>
    public async Task<PreparedTurn?> PrepareAsync(Guid userId, Guid? conversationId, string text, CancellationToken cancellationToken)
    {
        text = ChatText.Message.Require(text, "message");
        var now = time.GetUtcNow().UtcDateTime;
        Conversation conversation;
        List<Message> history;
        if (conversationId is { } id)
        {
            // One round trip: the latest messages, each with its conversation, which must be the caller's and not
            // deleted. Only a conversation without messages in the window needs a second look.
            var window = await db.Messages.AsNoTracking()
                .Where(m => m.ConversationId == id)
                .Join(
                    db.Conversations.Where(c => c.UserId == userId && !c.IsDeleted),
                    m => m.ConversationId, c => c.Id, (message, owner) => new { Message = message, Owner = owner })
                .OrderByDescending(x => x.Message.CreatedAt).ThenByDescending(x => x.Message.Id)
                .Take(chatSettings.Value.HistoryWindow)
                .ToListAsync(cancellationToken);
            var found = window.Count > 0
                ? window[0].Owner
                : await db.Conversations.AsNoTracking()
                    .FirstOrDefaultAsync(c => c.Id == id && c.UserId == userId && !c.IsDeleted, cancellationToken);
            if (found is null)
            {
                return null;
            }

            conversation = found;
            history = [.. window.Select(x => x.Message)];
            history.Reverse();
        }
        else
        {
            conversation = new Conversation
            {
                Id = Guid.CreateVersion7(),
                UserId = userId,
                Title = TitleFrom(text),
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Conversations.Add(conversation);
            history = [];
        }

        var userMessage = new Message
        {
            Id = Guid.CreateVersion7(),
            ConversationId = conversation.Id,
            Role = MessageRole.User,
            Content = text,
            CreatedAt = Later(now, history.LastOrDefault()?.CreatedAt),
        };
        db.Messages.Add(userMessage);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (conversationId is null && DatabaseErrors.IsForeignKeyViolation(e))
        {
            // The new conversation has no user to belong to: the account was removed while its token is still valid.
            throw new AccountGoneException(userId, e);
        }

        db.ChangeTracker.Clear();

        return new PreparedTurn(userId, conversation, [.. history.SelectMany(ToChatMessages)], userMessage);
    }

    /// <summary>Runs the model and stores its reply, reporting tool calls and text as they happen.</summary>
    public async IAsyncEnumerable<ChatTurnEvent> RunAsync(
        PreparedTurn turn, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(assistantOptions.Value.Timeout);

        var prompt = AssistantPrompt.For(time.GetUtcNow(), await tasks.TimeZoneOfAsync(turn.UserId, cancellationToken));
        List<ChatMessage> messages = [new(ChatRole.System, prompt), .. turn.History, new(ChatRole.User, turn.UserMessage.Content)];
        activity.Source = ActivitySource.Assistant; // the turn's changes are one batch: the request's
        var options = new ChatOptions { Tools = new TaskTools(tasks, lists, history, turn.UserId, new Reminders.ReminderService(db, time)).AsAIFunctions() };
        var calls = new Dictionary<string, FunctionCallContent>(StringComparer.Ordinal);
        var toolCalls = new List<ToolCallDto>();
        var stored = new List<StoredToolCall>();
        var reply = new StringBuilder();

        var updates = assistant.GetStreamingResponseAsync(messages, options, timeout.Token).GetAsyncEnumerator(timeout.Token);
        try
        {
            while (true)
            {
                ChatResponseUpdate update;
                try
                {
                    if (!await updates.MoveNextAsync())
                    {
                        break;
                    }

                    update = updates.Current;
                }
                catch (Exception e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // Out of time: whatever the cancellation interrupted (the model or a tool's query) is a timeout.
                    throw new AssistantUnavailableException(timedOut: true, e);
                }
                catch (Exception e) when (e is not OperationCanceledException && !DatabaseErrors.IsUnavailable(e))
                {
                    throw new AssistantUnavailableException(timedOut: false, e);
                }

                foreach (var content in update.Contents)
                {
                    switch (content)
                    {
                        case FunctionCallContent call:
                            calls[call.CallId] = call;
                            break;
                        case FunctionResultContent result when calls.Remove(result.CallId, out var call):
                            var toolCall = new ToolCallDto(call.Name, ToJson(call.Arguments), ToJson(result.Result));
                            toolCalls.Add(toolCall);
                            stored.Add(new StoredToolCall(call.CallId, call.Name, toolCall.Arguments, toolCall.Result));
                            yield return new ToolCallEvent(toolCall);
                            break;
                        case TextContent { Text.Length: > 0 } text when update.Role != ChatRole.Tool:
                            reply.Append(text.Text);
                            yield return new TextDeltaEvent(text.Text);
                            break;
                    }
                }
            }
        }
        finally
        {
            await updates.DisposeAsync();
        }

        var response = TextElements.Shorten(TextElements.Sanitize(reply.ToString()).Trim(), Limits.MessageMaxLength);
        if (response.Length == 0)
        {
            throw new AssistantUnavailableException(timedOut: false);
        }

        await StoreReplyAsync(turn, response, stored, cancellationToken);
        yield return new TurnCompletedEvent(new ChatTurnDto(turn.Conversation.Id, response, toolCalls));
    }

    /// <summary>
    /// Stores the reply with the tool calls made before it, then moves the conversation's <c>updated_at</c> up to it, never back, in a statement of its
    /// own: turns in one conversation at the same moment hold its row only for that statement, not for the reply's
    /// transaction, and one that finds a later time already there writes nothing.
    /// </summary>
    private async Task StoreReplyAsync(PreparedTurn turn, string response, IReadOnlyList<StoredToolCall> toolCalls, CancellationToken cancellationToken)
    {
        var now = Later(time.GetUtcNow().UtcDateTime, turn.UserMessage.CreatedAt);
        var conversationId = turn.Conversation.Id;
        db.Messages.Add(new Message
        {
            Id = Guid.CreateVersion7(),
            ConversationId = conversationId,
            Role = MessageRole.Assistant,
            Content = response,
            CreatedAt = now,
            ToolCalls = StoredToolCalls.Write(toolCalls),
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        await db.Conversations
            .Where(c => c.Id == conversationId && c.UserId == turn.UserId && c.UpdatedAt < now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, now), cancellationToken);
    }

    /// <summary>The conversation's title: the first message's first 50 characters on one line, with "…" when cut.</summary>
    public static string TitleFrom(string message) =>
        TextElements.Truncate(string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), TitleLength);

    /// <summary>Now, or just after <paramref name="previous"/> when the clock has not moved past it (microsecond precision).</summary>
    private static DateTime Later(DateTime now, DateTime? previous) =>
        previous is { } before && now <= before ? before.AddTicks(TimeSpan.TicksPerMillisecond / 1000) : now;

    /// <summary>
    /// A stored message as the model sees it. A reply that called tools becomes what the model answered in that turn:
    /// an assistant message with the calls, a tool message with their results, then the reply's text.
    /// </summary>
    internal static IEnumerable<ChatMessage> ToChatMessages(Message message)
    {
        if (message.Role == MessageRole.User)
        {
            yield return new ChatMessage(ChatRole.User, message.Content);
            yield break;
        }

        var calls = StoredToolCalls.Read(message.ToolCalls);
        if (calls.Count > 0)
        {
            yield return new ChatMessage(ChatRole.Assistant, [.. calls.Select(call =>
                (AIContent)new FunctionCallContent(call.CallId, call.Name, Arguments(call.Arguments)))]);
            yield return new ChatMessage(ChatRole.Tool, [.. calls.Select(call =>
                (AIContent)new FunctionResultContent(call.CallId, call.Result))]);
        }

        yield return new ChatMessage(ChatRole.Assistant, message.Content);
    }

    private static Dictionary<string, object?> Arguments(JsonElement arguments) =>
        arguments.ValueKind == JsonValueKind.Object
            ? arguments.EnumerateObject().ToDictionary(property => property.Name, property => (object?)property.Value, StringComparer.Ordinal)
            : [];

    /// <summary>A tool call's arguments or result as the JSON the turn reports and stores.</summary>
    internal static JsonElement ToJson(object? value) => value switch
    {
        JsonElement element => element,
        null => JsonSerializer.SerializeToElement<object?>(null, ApiConventions.Json),
        string text => JsonSerializer.SerializeToElement(text, ApiConventions.Json),
        _ => JsonSerializer.SerializeToElement(value, value.GetType(), ApiConventions.Json),
    };
}
