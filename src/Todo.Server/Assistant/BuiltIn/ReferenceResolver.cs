using System.Globalization;
using System.Text.RegularExpressions;

namespace Todo.Server.Assistant.BuiltIn;

/// <summary>
/// What a reference turned into: the <c>task</c> arguments for the tools (a number as text, or title words
/// the tool matches itself), or the question to ask instead when the conversation cannot tell.
/// </summary>
internal sealed record ResolvedReference(IReadOnlyList<string> Tasks, string? Problem)
{
    /// <summary>What <see cref="Problem"/> asks: <see cref="PendingQuestion.WhichTask"/> when the next message can answer it by naming a task.</summary>
    public PendingQuestion Asks { get; init; } = PendingQuestion.None;

    public static ResolvedReference To(params string[] tasks) => new(tasks, null);

    public static ResolvedReference Ask(string problem) => new([], problem);

    public static ResolvedReference AskWhich(string problem) => new([], problem) { Asks = PendingQuestion.WhichTask };

    /// <summary>A position ("the first one") said with no list shown: the list is read first, and the task at it offered.</summary>
    public static ResolvedReference ListFirst { get; } = new([], null) { NeedsList = true };

    /// <summary>"the last task I added" with no task just talked about: the tasks are read newest first, and the newest offered.</summary>
    public static ResolvedReference NewestFirst { get; } = new([], null) { NeedsList = true, NeedsNewest = true };

    public bool NeedsList { get; private init; }

    /// <summary>With <see cref="NeedsList"/>: the list to read is every task, newest first.</summary>
    public bool NeedsNewest { get; private init; }
}

/// <summary>
/// Resolves the references that only make sense in the conversation: "it"/"that" (the task the last reply
/// named), "the second one"/"the last one"/"number 2 in that list" (a position in the last list shown),
/// "both"/"them", and, when answering a "Which one…?" question, a bare number or words picked from its
/// candidates. Task numbers ("task 3", "task three") and title words pass through to the tool.
/// </summary>
internal static partial class ReferenceResolver
{
    /// <param name="reference">The reference as the message said it.</param>
    /// <param name="view">The conversation.</param>
    /// <param name="before">Only messages before this index count (the message being answered).</param>
    /// <param name="choices">The candidates of the question this message answers, if it answers one.</param>
    /// <param name="verb">The action, for the question asked when the reference cannot be resolved.</param>
    public static ResolvedReference Resolve(
        string reference, ConversationView view, int before, IReadOnlyList<ListedTask>? choices, string verb)
    {
        var text = Tidy(reference);

        // "the one I just added", "what you just deleted": the task just talked about; "the last task I added" with none
        // talked about: the newest task.
        if (IsNewest(text) && view.LastMentioned(before).Count != 1)
        {
            return ResolvedReference.NewestFirst;
        }

        if (JustNamed().IsMatch(text))
        {
            text = "it";
        }

        if (text.Length == 0)
        {
            return ResolvedReference.AskWhich(ReplyFormat.WhichTask(verb));
        }

        if (Everything().IsMatch(text))
        {
            return ResolvedReference.AskWhich("Which task do you mean? I change one task at a time: tell me its number or some words from its title.");
        }

        if (Pronoun().IsMatch(text))
        {
            var mentioned = view.LastMentioned(before);
            return mentioned.Count == 1
                ? ResolvedReference.To(Number(mentioned[0]))
                : ResolvedReference.AskWhich("Which task do you mean? Tell me its number or some words from its title.");
        }

        var list = choices ?? view.LatestList(before);
        if (Group().IsMatch(text))
        {
            var numbers = list.Count > 0 ? list.Select(task => task.Number).ToList() : [.. view.LastMentioned(before)];
            return numbers.Count is > 0 and <= 10
                ? new ResolvedReference([.. numbers.Select(Number)], null)
                : ResolvedReference.Ask($"Which tasks do you mean? Tell me their numbers.");
        }

        // "item 3", "row 2": a position in the list just shown; with no list shown, the task with that number.
        if (ItemNumber().Match(text) is { Success: true } item)
        {
            var value = int.Parse(item.Groups["number"].ValueSpan, CultureInfo.InvariantCulture);
            return list.Count > 0 && value <= list.Count ? ResolvedReference.To(Number(list[value - 1].Number)) : ResolvedReference.To(Number(value));
        }

        // "number 3" after a list: its third line, unless that names another shown task's number (then ask which).
        if (SaidNumber().Match(text) is { Success: true } said && list.Count > 0)
        {
            var value = int.Parse(said.Groups["number"].ValueSpan, CultureInfo.InvariantCulture);
            var byNumber = list.FirstOrDefault(task => task.Number == value);
            var byPosition = value <= list.Count ? list[value - 1] : null;
            if (byNumber is not null && byPosition is not null && byNumber.Number != byPosition.Number)
            {
                return ResolvedReference.AskWhich(string.Create(CultureInfo.InvariantCulture,
                    $"Do you mean line {value}, {ReplyFormat.Task(byPosition.Number, byPosition.Title)}, or {ReplyFormat.Task(byNumber.Number, byNumber.Title)}?"));
            }

            return ResolvedReference.To(Number((byPosition ?? byNumber)?.Number ?? value));
        }

        if (Position().Match(text) is { Success: true } position)
        {
            // "the last one" right after an add: the task just added.
            if (list.Count == 0 && Latest().IsMatch(position.Groups["ordinal"].Value) && view.LastMentioned(before) is [var latest])
            {
                return ResolvedReference.To(Number(latest));
            }

            if (list.Count == 0)
            {
                return ResolvedReference.ListFirst;
            }

            var index = PositionIndex(position, list.Count);
            return index >= 0 && index < list.Count
                ? ResolvedReference.To(Number(list[index].Number))
                : ListTooShort(list.Count, "one");
        }

        // "tasks 1 through 3", "items 2-4": each number of the range (lines of the list just shown for "items").
        if (NumberRange().Match(text) is { Success: true } range)
        {
            var from = int.Parse(range.Groups["from"].ValueSpan, CultureInfo.InvariantCulture);
            var to = int.Parse(range.Groups["to"].ValueSpan, CultureInfo.InvariantCulture);
            if (to <= from || to - from >= MaxRange)
            {
                return ResolvedReference.Ask(string.Create(CultureInfo.InvariantCulture,
                    $"Which tasks do you mean? Tell me their numbers, up to {MaxRange} at a time (\"tasks 3 to 6\")."));
            }

            var numbers = Enumerable.Range(from, to - from + 1).ToList();
            if (ItemWord().IsMatch(text) && list.Count > 0)
            {
                if (to > list.Count)
                {
                    return ListTooShort(list.Count, "ones");
                }

                numbers = [.. numbers.Select(n => list[n - 1].Number)];
            }

            return new ResolvedReference([.. numbers.Select(Number)], null);
        }

        if (EndOfList().Match(text) is { Success: true } end)
        {
            var count = SpokenText.CountOf(end.Groups["n"].Value) ?? 0;
            // "mark the first three done" with no list shown: the list is read first, and the tasks offered.
            if (list.Count == 0)
            {
                return ResolvedReference.ListFirst;
            }

            if (count < 1 || count > list.Count)
            {
                return ListTooShort(list.Count, "ones");
            }

            var fromEnd = end.Groups["end"].Value.ToLowerInvariant() is "last" or "bottom";
            var lines = fromEnd ? list.Skip(list.Count - count) : list.Take(count);
            return new ResolvedReference([.. lines.Select(line => Number(line.Number))], null);
        }

        if (SeveralNumbers().IsMatch(text))
        {
            var numbers = Digits().Matches(text).Select(match => int.Parse(match.ValueSpan, CultureInfo.InvariantCulture)).Distinct().ToList();

            // "items 2 and 3" after a list: its lines.
            if (ItemWord().IsMatch(text) && list.Count > 0 && numbers.All(n => n >= 1 && n <= list.Count))
            {
                numbers = [.. numbers.Select(n => list[n - 1].Number)];
            }

            return new ResolvedReference([.. numbers.Select(Number)], null);
        }

        // "the first and second ones", "the second and the last": several lines of the list just shown.
        if (SeveralPositions().IsMatch(text) && list.Count > 0)
        {
            var indexes = Ordinal().Matches(text).Select(match => PositionIndex(match, list.Count)).Distinct().ToList();
            return indexes.All(index => index >= 0 && index < list.Count)
                ? new ResolvedReference([.. indexes.Select(index => Number(list[index].Number))], null)
                : ListTooShort(list.Count, "ones");
        }

        if (choices is { Count: > 0 })
        {
            if (Digits().Match(text) is { Success: true } digits && digits.Length == text.Length)
            {
                var value = int.Parse(digits.ValueSpan, CultureInfo.InvariantCulture);
                // A bare number answering "which one?": a candidate's task number, else its position in the list.
                var picked = choices.FirstOrDefault(task => task.Number == value)
                    ?? (value >= 1 && value <= choices.Count ? choices[value - 1] : null);
                return ResolvedReference.To(Number(picked?.Number ?? value));
            }

            var snapshots = choices.Select(task => new TaskSnapshot(task.Number, task.Title, IsCompleted: false)).ToList();
            if (TaskReferenceMatcher.Match(text, snapshots) is { Task: { } match })
            {
                return ResolvedReference.To(Number(match.Number));
            }
        }

        // "milk and eggs", "the milk and the eggs": each of them.
        return IntentParser.Items(text, counted: false) is { Count: <= 10 } items
            ? new ResolvedReference([.. items], null)
            : ResolvedReference.To(text);
    }

    /// <summary>
    /// "the one about the dentist" → "the dentist"; "task three" → "task 3"; "bananas on my grocery list" → "bananas";
    /// trailing politeness dropped.
    /// </summary>
    private static string Tidy(string reference)
    {
        var text = Utterance.Clean(reference);
        text = OneAbout().Replace(text, "");
        text = SpokenText.NumbersAsDigits(text);
        var withoutList = OnAList().Replace(text, "");
        return (withoutList.Trim().Length > 0 ? withoutList : text).Trim();
    }

    /// <summary>The list a reference says its task is on ("bananas on my grocery list": Grocery); null when it names none or only a generic one.</summary>
    public static string? ListSaid(string reference) =>
        OnAList().Match(Utterance.Clean(reference)) is { Success: true } onList && onList.Index > 0
            ? RequestParts.ListName(ListWords().Replace(onList.Groups["list"].Value, word => word.Value[0] is 'y' or 'Y' ? "my " : " list"))
            : null;

    /// <summary>The task at the position <paramref name="reference"/> says ("the second one", "the last item") in <paramref name="list"/>.</summary>
    public static ListedTask? PositionIn(string reference, IReadOnlyList<ListedTask> list) =>
        IsNewest(reference) ? (list.Count > 0 ? list[0] : null)
        : Position().Match(Tidy(reference)) is { Success: true } position && PositionIndex(position, list.Count) is var index
        && index >= 0 && index < list.Count
            ? list[index]
            : null;

    /// <summary>
    /// The tasks at the positions <paramref name="reference"/> says in <paramref name="list"/>: those at one end ("the first
    /// three") or the one of <see cref="PositionIn"/>; empty when the list is too short for them.
    /// </summary>
    public static IReadOnlyList<ListedTask> PositionsIn(string reference, IReadOnlyList<ListedTask> list)
    {
        if (EndOfList().Match(Tidy(reference)) is { Success: true } end)
        {
            var count = SpokenText.CountOf(end.Groups["n"].Value) ?? 0;
            return count < 1 || count > list.Count ? []
                : end.Groups["end"].Value.ToLowerInvariant() is "last" or "bottom" ? [.. list.Skip(list.Count - count)]
                : [.. list.Take(count)];
        }

        return PositionIn(reference, list) is { } one ? [one] : [];
    }

    private static int PositionIndex(Match position, int count)
    {
        if (position.Groups["number"].Success)
        {
            return int.Parse(position.Groups["number"].ValueSpan, CultureInfo.InvariantCulture) - 1;
        }

        var word = position.Groups["ordinal"].Value.ToLowerInvariant();
        return word switch
        {
            "last" or "final" or "bottom" => count - 1,
            "top" => 0,
            "second to last" or "penultimate" => count - 2,
            _ when Array.IndexOf(ReplyFormat.OrdinalWords, word) is var index and >= 0 => index,
            _ => int.TryParse(word.AsSpan(0, word.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n - 1 : -1,
        };
    }

    /// <summary>Whether the reference names the task added last: "the most recent task", "the last thing I added", "my newest task".</summary>
    public static bool IsNewest(string reference) => Newest().IsMatch(Tidy(reference));

    private static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^(?:it|that|this|that\s+one|this\s+one|that\s+task|this\s+task|that\s+item|this\s+item|that\s+thing|this\s+thing|the\s+item|that\s+entry|this\s+entry|the\s+latest\s+one|the\s+new\s+(?:task|item)|the\s+same\s+(?:one|task)|same\s+one|the\s+task|the\s+above|the\s+new\s+one|the\s+one\s+(?:i|you)\s+just\s+(?:added|mentioned|made|created|did|said))$", Options)]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"^(?:all|everything|every\s+task|all\s+(?:of\s+)?(?:my\s+|the\s+)?(?:tasks|todos|items)|(?:all\s+)?(?:(?:my|the)\s+)?(?:completed|done|finished|pending|open|old)\s+(?:tasks|ones|items|todos)|the\s+(?:whole|entire)\s+list|my\s+(?:whole\s+)?list)$", Options)]
    private static partial Regex Everything();

    [GeneratedRegex(@"^(?:both(?:\s+of\s+them)?|them(?:\s+all|\s+both)?|all\s+of\s+them|those|these|all\s+(?:of\s+)?(?:those|these)(?:\s+tasks)?|those\s+tasks|these\s+tasks|each\s+of\s+them|all\s+\d+)$", Options)]
    private static partial Regex Group();

    [GeneratedRegex(@"^(?:the\s+)?(?:(?<ordinal>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|top|bottom|second\s+to\s+last|penultimate|\d{1,3}(?:st|nd|rd|th))(?:\s+(?:one|task|item|todo|entry|row|line|thing))?(?:\s+(?:listed|shown|there|you\s+(?:listed|showed|said|read)))?(?:\s+(?:in|on|from|of)\s+(?:that|the|this|my|your)\s+list)?|(?:one|task|item|row|line)\s+(?:at\s+)?the\s+(?<ordinal>top|bottom)|(?:number|no\.?|item|#)\s*(?<number>\d{1,4})\s+(?:in|on|from|of)\s+(?:that|the|this|your)\s+list)$", Options)]
    private static partial Regex Position();

    /// <summary>The question for a position past the end of the list shown.</summary>
    private static ResolvedReference ListTooShort(int count, string which) => ResolvedReference.Ask(string.Create(CultureInfo.InvariantCulture,
        $"That list only has {count} task{(count == 1 ? "" : "s")}. Which {which} do you mean?"));

    /// <summary>The most tasks a range names: more is a change for a filter and a confirmation, not a list of numbers.</summary>
    [GeneratedRegex(@"^(?:the\s+)?(?:last\s+|latest\s+)?(?:(?:one|task|thing|item|todo)\s+)?(?:that\s+|which\s+)?(?:what\s+)?(?:i|you|we)\s+(?:just\s+|only\s+just\s+)?(?:added|created|made|deleted|removed|completed|finished|checked\s+off|changed|moved|put\s+(?:in|on|there))(?:\s+(?:now|earlier|a\s+moment\s+ago))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JustNamed();

    private const int MaxRange = 10;

    [GeneratedRegex(@"^(?:the\s+|my\s+)?(?:(?:newest|latest|most\s+recent|most\s+recently\s+(?:added|created)|last\s+(?:added|created)|recently\s+added)\s+(?:one|task|thing|item|todo|entry)|(?:last|latest|newest|most\s+recent)\s+(?:one|task|thing|item|todo|entry)\s+(?:that\s+|which\s+)?(?:i|we)\s+(?:added|created|made|wrote\s+down|put\s+(?:in|on|down))|(?:one|task|thing|item|todo)\s+(?:that\s+|which\s+)?(?:i|we)\s+(?:added|created|made)\s+(?:last|most\s+recently))$", Options)]
    private static partial Regex Newest();

    [GeneratedRegex(@"^(?:(?:the\s+)?(?:tasks?|items?|rows?|lines?|numbers?)\s+)?(?:from\s+)?#?(?<from>\d{1,4})\s*(?:-|–|to|through|thru|till|until)\s*(?:task\s+|item\s+|number\s+)?#?(?<to>\d{1,4})$", Options)]
    private static partial Regex NumberRange();

    [GeneratedRegex(@"^(?:(?:the\s+)?(?:tasks?|items?|rows?|lines?|numbers?)\s+)?#?\d{1,9}(?:(?:\s*(?:,|and|&|\+)\s*(?:and\s+)?|\s+)(?:task\s+|item\s+|number\s+)?#?\d{1,9})+$", Options)]
    private static partial Regex SeveralNumbers();

    /// <summary>"the first two", "the top 3 items", "the last three": lines at one end of the list just shown.</summary>
    [GeneratedRegex(@"^(?:the\s+)?(?<end>first|top|last|bottom)\s+(?<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)(?:\s+(?:ones|tasks|items|things|todos|entries|rows|lines))?(?:\s+(?:on|in|of|from)\s+(?:the|that|my)\s+list)?$", Options)]
    private static partial Regex EndOfList();

    [GeneratedRegex(@"\d{1,9}")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^(?:(?:i\s+mean|i\s+meant|i\s+said|it'?s|it\s+was|i\s+want|pick|choose|select|go\s+with)\s+)?(?:the\s+one\s+(?:about|called|named|with|that\s+says|saying|for)\s+)?", Options)]
    private static partial Regex OneAbout();

    /// <summary>The list a task is on, said after it: "bananas on my grocery list", "milk from the shopping list".</summary>
    [GeneratedRegex(@"\s+(?:on|from|in|off|of|out\s+of)\s+(?<list>(?:my|the|our|your)\s+(?:[\w'&-]+\s+){0,3}?(?:list|todos|tasks))$", Options)]
    private static partial Regex OnAList();

    /// <summary>The words around a list's name said as "your … tasks": read as "my … list".</summary>
    [GeneratedRegex(@"^your\s+|\s+(?:todos|tasks)$", Options)]
    private static partial Regex ListWords();

    [GeneratedRegex(@"^(?:the\s+)?(?:item|row|line|entry)\s*(?:number\s+|#\s*)?(?<number>\d{1,3})(?:\s+(?:in|on|from|of)\s+(?:that|the|this|your|my)\s+list)?$", Options)]
    private static partial Regex ItemNumber();

    [GeneratedRegex(@"^(?:the\s+)?(?:items?|rows?|lines?|entries)\b", Options)]
    private static partial Regex ItemWord();

    private const string OrdinalWord = @"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|top|bottom|\d{1,3}(?:st|nd|rd|th))";

    [GeneratedRegex(@"^(?:the\s+)?" + OrdinalWord + @"(?:\s*(?:,|and|&)\s*(?:the\s+)?" + OrdinalWord + @")+(?:\s+(?:ones?|items?|tasks?|rows?|lines?|entries))?$", Options)]
    private static partial Regex SeveralPositions();

    [GeneratedRegex(@"(?<ordinal>" + OrdinalWord + ")", Options)]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"^(?:the\s+)?(?:number|no\.?)\s*(?<number>\d{1,3})$", Options)]
    private static partial Regex SaidNumber();

    [GeneratedRegex(@"^(?:last|final)$", Options)]
    private static partial Regex Latest();
}
