using Microsoft.Extensions.AI;

namespace Todo.Server.Assistant.BuiltIn;

/// <summary>
/// One stored message of the conversation: the user's or the assistant's text, and for an assistant reply the
/// tool calls it made before writing it, with their results.
/// </summary>
internal sealed record TextTurn(ChatRole Role, string Text)
{
    public bool IsUser => Role == ChatRole.User;

    public bool IsAssistant => Role == ChatRole.Assistant;

    /// <summary>The tools called before this reply (empty for user messages and replies without calls).</summary>
    public IReadOnlyList<FunctionCallContent> Calls { get; init; } = [];

    /// <summary>What those tools answered.</summary>
    public IReadOnlyList<FunctionResultContent> Results { get; init; } = [];
}

/// <summary>
/// The messages of one request as the engine reads them: the history (user and assistant messages, each reply
/// with the tool calls and results that preceded it), the current user message, and, after it, the tool calls made
/// this turn and their results. The history is the only memory, and it is read by structure, never by the words of
/// a reply: what the engine last listed and which task it last named come from the tools' results; what it asked
/// without calling a tool comes from planning that earlier turn again (the planner is a pure function of the messages).
/// </summary>
internal sealed class ConversationView
{
    private readonly List<TextTurn> turns;
    private readonly Dictionary<int, TurnPlan> plans = [];
    private readonly Dictionary<int, Shown> shown = [];

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

    /// <summary>The moment the messages are read at: what their date phrases are reckoned from.</summary>
    public DateTimeOffset Now { get; private init; }

    /// <summary>The tool calls made after the current user message (this turn).</summary>
    public IReadOnlyList<FunctionCallContent> Calls { get; }

    /// <summary>The results of <see cref="Calls"/>, once the function-invoking client has run them.</summary>
    public IReadOnlyList<FunctionResultContent> Results { get; }

    public static ConversationView Read(IEnumerable<ChatMessage> messages, DateTimeOffset now)
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
        List<FunctionCallContent> calls = [];
        List<FunctionResultContent> results = [];
        var currentIndex = -1;
        for (var i = 0; i <= lastUser; i++)
        {
            var message = all[i];
            if (message.Role == ChatRole.User)
            {
                // Calls that no reply followed belong to no turn.
                calls.Clear();
                results.Clear();
            }
            else
            {
                calls.AddRange(message.Contents.OfType<FunctionCallContent>());
                results.AddRange(message.Contents.OfType<FunctionResultContent>());
            }

            var text = message.Text;
            if ((message.Role == ChatRole.User || message.Role == ChatRole.Assistant) && (i == lastUser || !string.IsNullOrWhiteSpace(text)))
            {
                turns.Add(message.Role == ChatRole.Assistant
                    ? new TextTurn(message.Role, text ?? "") { Calls = [.. calls], Results = [.. results] }
                    : new TextTurn(message.Role, text ?? ""));
                calls.Clear();
                results.Clear();
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
            Now = now,
        };
    }

    /// <summary>The latest list of tasks the engine showed before <paramref name="before"/>: a list's tasks in order, or the candidates it asked to pick from (empty when none).</summary>
    public IReadOnlyList<ListedTask> LatestList(int before)
    {
        for (var i = Math.Min(before, turns.Count) - 1; i >= 0; i--)
        {
            if (turns[i].IsAssistant && ShownBy(i).Listed is { Count: > 0 } listed)
            {
                return listed;
            }
        }

        return [];
    }

    /// <summary>Whether a reply before <paramref name="before"/> followed a tool call that changed something.</summary>
    public bool ChangedBefore(int before) =>
        turns.Take(Math.Min(before, turns.Count)).Any(turn => turn.Results.Any(ReplyWriter.ChangedSomething));

    /// <summary>How many changes made in this conversation before <paramref name="before"/> no undo has taken back yet.</summary>
    public int OwnChangesLeft(int before)
    {
        var changes = turns.Take(Math.Min(before, turns.Count)).SelectMany(turn => turn.Results).Where(ReplyWriter.ChangedSomething).ToList();
        var undone = changes.Count(ReplyWriter.TookBack);
        return Math.Max(0, changes.Count - (2 * undone));
    }

    /// <summary>The results of the tools called for the user message at <paramref name="userIndex"/> (so far, for the current one).</summary>
    public IReadOnlyList<FunctionResultContent> ResultsFor(int userIndex) =>
        userIndex == CurrentIndex ? Results
        : userIndex + 1 < turns.Count && turns[userIndex + 1].IsAssistant ? turns[userIndex + 1].Results
        : [];

    /// <summary>Whether the reply to the user message at <paramref name="userIndex"/> followed a tool call that changed something.</summary>
    public bool ChangedAfter(int userIndex) =>
        userIndex + 1 < turns.Count && turns[userIndex + 1].IsAssistant && turns[userIndex + 1].Results.Any(ReplyWriter.ChangedSomething);

    /// <summary>
    /// The tasks the engine's latest reply that named any task named (before <paramref name="before"/>):
    /// one for "it", several when it listed them.
    /// </summary>
    public IReadOnlyList<int> LastMentioned(int before)
    {
        for (var i = Math.Min(before, turns.Count) - 1; i >= 0; i--)
        {
            if (turns[i].IsAssistant && ShownBy(i).Mentioned is { Count: > 0 } numbers)
            {
                return numbers;
            }
        }

        return [];
    }

    /// <summary>What the assistant asked just before the user message at <paramref name="userIndex"/>, with the candidates it offered.</summary>
    public Question QuestionBefore(int userIndex) =>
        userIndex >= 1 && userIndex < turns.Count && turns[userIndex - 1].IsAssistant ? ShownBy(userIndex - 1).Asks : Question.None;

    /// <summary>The user message that the question before <paramref name="userIndex"/> answered; -1 when none.</summary>
    public int AskingMessageBefore(int userIndex) =>
        userIndex >= 2 && turns[userIndex - 2].IsUser ? userIndex - 2 : -1;

    /// <summary>The plan for the user message at <paramref name="userIndex"/>, made over the messages up to it (once per view).</summary>
    public TurnPlan PlanAt(int userIndex)
    {
        if (!plans.TryGetValue(userIndex, out var plan))
        {
            plan = TurnPlanner.Plan(this, userIndex);
            plans[userIndex] = plan;
        }

        return plan;
    }

    /// <summary>
    /// What the assistant reply at <paramref name="index"/> showed: from its tools' results when it called any,
    /// else from the plan that produced it (a question, or the task it asked about).
    /// </summary>
    private Shown ShownBy(int index)
    {
        if (shown.TryGetValue(index, out var known))
        {
            return known;
        }

        var turn = turns[index];
        var asked = index >= 1 && turns[index - 1].IsUser ? PlanAt(index - 1) : null;
        var result = turn.Results.Count > 0 ? ReplyWriter.Shown(asked?.Intent, turn.Results)
            : turn.Calls.Count == 0 && asked is { Calls.Count: 0 } said ? new Shown([], said.Mentions, said.Asks)
            : Shown.Nothing;
        shown[index] = result;
        return result;
    }
}

/// <summary>What an assistant reply showed: the tasks it listed in order, the tasks it named, and what it asked.</summary>
internal sealed record Shown(IReadOnlyList<ListedTask> Listed, IReadOnlyList<int> Mentioned, Question Asks)
{
    public static readonly Shown Nothing = new([], [], Question.None);
}

/// <summary>A question the engine asked, and the tasks it offered to pick from (empty when it listed none).</summary>
internal sealed record Question(PendingQuestion Kind, IReadOnlyList<ListedTask> Choices)
{
    public static readonly Question None = new(PendingQuestion.None, []);

    public static Question Of(PendingQuestion kind) => kind == PendingQuestion.None ? None : new(kind, []);
}
