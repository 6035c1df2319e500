using Microsoft.Extensions.AI;

namespace Todo.Server.Assistant.BuiltIn;

/// <summary>One stored text message of the conversation: the user's or the assistant's.</summary>
internal sealed record TextTurn(ChatRole Role, string Text)
{
    public bool IsUser => Role == ChatRole.User;

    public bool IsAssistant => Role == ChatRole.Assistant;
}

/// <summary>
/// The messages of one request as the engine reads them: the text history (user and assistant messages, as
/// stored), the current user message, and, after it, the tool calls made this turn and their results. The
/// history is the only memory: what the engine last listed, which task it last named, and what it asked.
/// </summary>
internal sealed class ConversationView
{
    private readonly List<TextTurn> turns;

    private ConversationView(List<TextTurn> turns, IReadOnlyList<FunctionCallContent> calls, IReadOnlyList<FunctionResultContent> results)
    {
        this.turns = turns;
        Calls = calls;
        Results = results;
    }

    public IReadOnlyList<TextTurn> Turns => turns;

    /// <summary>The index in <see cref="Turns"/> of the message being answered (the last user message); -1 when there is none.</summary>
    public int CurrentIndex { get; private init; } = -1;

    public string CurrentText => CurrentIndex >= 0 ? turns[CurrentIndex].Text : "";

    /// <summary>The tool calls made after the current user message (this turn).</summary>
    public IReadOnlyList<FunctionCallContent> Calls { get; }

    /// <summary>The results of <see cref="Calls"/>, once the function-invoking client has run them.</summary>
    public IReadOnlyList<FunctionResultContent> Results { get; }

    public static ConversationView Read(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var all = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var lastUser = -1;
        for (var i = all.Count - 1; i >= 0; i--)
        {
            if (all[i].Role == ChatRole.User)
            {
                lastUser = i;
                break;
            }
        }

        List<TextTurn> turns = [];
        var currentIndex = -1;
        for (var i = 0; i <= lastUser; i++)
        {
            var message = all[i];
            var text = message.Text;
            if ((message.Role == ChatRole.User || message.Role == ChatRole.Assistant) && (i == lastUser || !string.IsNullOrWhiteSpace(text)))
            {
                turns.Add(new TextTurn(message.Role, text ?? ""));
                if (i == lastUser)
                {
                    currentIndex = turns.Count - 1;
                }
            }
        }

        var after = all.Skip(lastUser + 1).SelectMany(message => message.Contents).ToList();
        return new ConversationView(turns, [.. after.OfType<FunctionCallContent>()], [.. after.OfType<FunctionResultContent>()])
        {
            CurrentIndex = currentIndex,
        };
    }

    /// <summary>The latest numbered list the engine showed before <paramref name="before"/> (empty when none).</summary>
    public IReadOnlyList<ListedTask> LatestList(int before)
    {
        for (var i = Math.Min(before, turns.Count) - 1; i >= 0; i--)
        {
            if (turns[i].IsAssistant && ReplyFormat.ListedTasks(turns[i].Text) is { Count: > 0 } listed)
            {
                return listed;
            }
        }

        return [];
    }

    /// <summary>
    /// The tasks the engine's latest reply that named any task named (before <paramref name="before"/>):
    /// one for "it", several when it listed them.
    /// </summary>
    public IReadOnlyList<int> LastMentioned(int before)
    {
        for (var i = Math.Min(before, turns.Count) - 1; i >= 0; i--)
        {
            if (turns[i].IsAssistant && ReplyFormat.MentionedNumbers(turns[i].Text) is { Count: > 0 } numbers)
            {
                return numbers;
            }
        }

        return [];
    }

    /// <summary>What the assistant asked just before the user message at <paramref name="userIndex"/>.</summary>
    public PendingQuestion QuestionBefore(int userIndex) =>
        userIndex >= 1 && turns[userIndex - 1].IsAssistant ? ReplyFormat.QuestionIn(turns[userIndex - 1].Text) : PendingQuestion.None;

    /// <summary>The user message that the question before <paramref name="userIndex"/> answered; -1 when none.</summary>
    public int AskingMessageBefore(int userIndex) =>
        userIndex >= 2 && turns[userIndex - 2].IsUser ? userIndex - 2 : -1;
}
