using System.Text.RegularExpressions;

namespace Todo.Server.Assistant.BuiltIn;

/// <summary>
/// The parts of a request beside its verb and its item: the list it names (a destination, "to my shopping list", or a
/// source, "on my work list"), labels ("tagged errands", "@errands") and a priority ("with high priority", "urgent").
/// Each part is found by the same few patterns whatever sentence it is in, taken out of the item's words, and
/// normalised: a list name without "my"/"the"/"list" ("my shopping list" → "Shopping"), labels lower-case, a
/// priority as none/low/medium/high. "my list", "the list" and "my to do list" name no list: they mean the tasks in general.
/// </summary>
internal static partial class RequestParts
{
    /// <summary>Words that, before "list", name the tasks in general rather than a list of that name.</summary>
    private static readonly HashSet<string> GenericListWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "todo", "to-do", "to do", "todos", "to-dos", "task", "tasks", "whole", "entire", "main", "own", "current", "full",
        "pending", "completed", "done", "finished", "open", "remaining", "my", "the", "this", "that", "your", "our", "a", "new",
        "do", "to", "same", "other", "shared", "called", "named", "titled", "list", "lists",
    };

    /// <summary>A new task's words with their list, labels and priority taken out.</summary>
    public sealed record ItemParts(string Item, string? List, IReadOnlyList<string> Labels, string? Priority);

    /// <summary>
    /// Takes the trailing parts off a new task's words: "bananas to my shopping list" → ("bananas", Shopping);
    /// "call mom with high priority" → ("call mom", high); "buy stamps tagged errands" → ("buy stamps", [errands]).
    /// Parts may come in any order; a generic list ("on my todo list") is taken out and names no list.
    /// </summary>
    public static ItemParts Peel(string text)
    {
        var item = text.Trim();
        string? list = null;
        string? priority = null;
        if (LeadingPriority().Match(item) is { Success: true } first && PriorityWord(first.Groups["p"].Value) is { } said)
        {
            priority = said;
            item = first.Groups["rest"].Value.Trim();
        }

        List<string> labels = [];
        for (var round = 0; round < 6; round++)
        {
            var before = item;
            if (list is null && TrailingList().Match(item) is { Success: true } named && ListName(named.Groups["name"].Value) is { } name)
            {
                item = named.Groups["rest"].Value.TrimEnd(',', ' ');
                list = name;
            }
            else if (TrailingGenericList().Match(item) is { Success: true } generic)
            {
                item = generic.Groups["rest"].Value.TrimEnd(',', ' ');
            }

            if (priority is null && TrailingPriority().Match(item) is { Success: true } ranked && PriorityWord(ranked.Groups["p"].Value) is { } word)
            {
                priority = word;
                item = ranked.Groups["rest"].Value.TrimEnd(',', ' ', '-');
            }

            if (TrailingLabels().Match(item) is { Success: true } tagged)
            {
                labels.AddRange(LabelWords(tagged.Groups["labels"].Value));
                item = tagged.Groups["rest"].Value.TrimEnd(',', ' ');
            }

            if (string.Equals(before, item, StringComparison.Ordinal))
            {
                break;
            }
        }

        // Quick-add marks anywhere: "#Shopping", "@errands", "!high".
        if (list is null && HashList().Match(item) is { Success: true } hash)
        {
            list = ListName(hash.Groups["name"].Value);
            item = HashList().Replace(item, "", 1).Trim();
        }

        foreach (Match at in AtLabel().Matches(item))
        {
            labels.AddRange(LabelWords(at.Groups["label"].Value));
        }

        item = Whitespace().Replace(AtLabel().Replace(item, " "), " ").Trim();
        item = DanglingPreposition().Replace(item, "");
        if (priority is null && BangPriority().Match(item) is { Success: true } bang && PriorityWord(bang.Groups["p"].Value) is { } marked)
        {
            priority = marked;
            item = Whitespace().Replace(BangPriority().Replace(item, " ", 1), " ").Trim();
        }

        return new ItemParts(item, list, [.. labels.Distinct(StringComparer.Ordinal)], priority);
    }

    /// <summary>A list name as a person says it, normalised: "my shopping list" → "Shopping", "#Home" → "Home"; null when it names no list ("my to do list", "the list").</summary>
    public static string? ListName(string? phrase)
    {
        if (string.IsNullOrWhiteSpace(phrase))
        {
            return null;
        }

        var trimmed = phrase.Trim().TrimStart('#').Trim().TrimEnd('?', '.', '!', ',');
        var name = Utterance.Unquote(trimmed).Trim();
        var quoted = !string.Equals(name, trimmed, StringComparison.Ordinal);
        if (!quoted)
        {
            name = ListLead().Replace(name, "");
            name = ListTail().Replace(name, "").Trim();
            quoted = !string.Equals(Utterance.Unquote(name), name, StringComparison.Ordinal);
            name = Utterance.Unquote(name).Trim();
        }

        // Unquoted, a name is a few plain words: "flowers for mom to my" is the rest of a sentence, not a list.
        if (name.Length == 0 || name.Length > 100 || GenericListWords.Contains(name) || name.Split(' ').All(GenericListWords.Contains)
            || (!quoted && NotInAName().IsMatch(name)))
        {
            return null;
        }

        return char.IsLower(name[0]) ? char.ToUpperInvariant(name[0]) + name[1..] : name;
    }

    /// <summary>"high", "high priority", "urgent", "top" → high; "medium"; "low"; "no"/"normal"/"none" → none; null for anything else.</summary>
    public static string? PriorityWord(string? word) => word?.Trim().ToLowerInvariant() switch
    {
        "high" or "top" or "urgent" or "important" or "highest" or "p1" or "1" or "one" => "high",
        "medium" or "med" or "middle" or "normal-ish" or "p2" or "2" or "two" => "medium",
        "low" or "lowest" or "p3" or "3" or "three" => "low",
        "no" or "none" or "normal" or "p4" or "4" or "four" => "none",
        _ => null,
    };

    /// <summary>"errands, home and work" → [errands, home, work], lower-case, '@' dropped.</summary>
    public static IReadOnlyList<string> LabelWords(string text) =>
        [.. LabelSplit().Split(text.Trim().TrimEnd('?', '.', '!'))
            .Select(word => Utterance.Unquote(word.Trim()).Trim().TrimStart('@').ToLowerInvariant())
            .Where(word => word.Length > 0)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>The scope of a question about tasks: the list, label and priority it names, if any.</summary>
    public sealed record Scope(string? List, string? Label, string? Priority)
    {
        public static readonly Scope None = new(null, null, null);

        public bool IsEmpty => List is null && Label is null && Priority is null;
    }

    /// <summary>
    /// The list, label and priority a question names: "what's on my work list" (Work), "what's tagged errands" (errands),
    /// "what's urgent" and "show high priority tasks" (high). <paramref name="text"/> should not hold the search words.
    /// </summary>
    public static Scope ScopeOf(string text)
    {
        string? list = null;
        foreach (Match match in NamedList().Matches(text))
        {
            list ??= ListName(match.Groups["name"].Value);
        }

        if (list is null && Inbox().IsMatch(text))
        {
            list = "Inbox";
        }

        if (list is null && HashList().Match(text) is { Success: true } hash)
        {
            list = ListName(hash.Groups["name"].Value);
        }

        var label = LabelIn().Match(text) is { Success: true } tagged ? LabelWords(tagged.Groups["label"].Value) is [var first, ..] ? first : null : null;
        var priority = PriorityIn().Match(text) is { Success: true } ranked ? PriorityWord(ranked.Groups["p"].Value) : null;
        return new Scope(list, label, priority);
    }

    /// <summary>The filter expression for a label and a priority ("@errands & priority:high"); null when neither.</summary>
    public static string? Filter(string? label, string? priority)
    {
        var terms = new List<string>();
        if (label is not null)
        {
            terms.Add("@" + label);
        }

        if (priority is not null)
        {
            terms.Add("priority:" + priority);
        }

        return terms.Count == 0 ? null : string.Join(" & ", terms);
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private const string ListNameWords = @"(?:""[^""]+""|'[^']+'|(?:(?!list\b)[\w'&-]+\s+){0,3}?(?!list\b)[\w'&-]+)";

    [GeneratedRegex(@"^(?<rest>.+?)\s+(?:to|on|onto|in|into|under|for)\s+(?:(?:my|the|our|a)\s+)?(?<name>" + ListNameWords + @")\s+(?:list|lists)$" +
        @"|^(?<rest>.+?)\s+(?:to|on|onto|in|into|under)\s+(?:(?:my|the|our|a)\s+)?(?:new\s+)?list\s+(?:called\s+|named\s+)?(?<name>""[^""]+""|'[^']+'|[\w&-]+)$" +
        // "milk to groceries", "eggs to shopping": the shopping list named without the word "list" ("drive to work" stays whole).
        @"|^(?<rest>.+?)\s+(?:to|on|onto|in|into|under)\s+(?:(?:my|the|our)\s+)?(?<name>groceries|grocery|shopping|inbox)$", Options)]
    private static partial Regex TrailingList();

    [GeneratedRegex(@"^(?<rest>.+?)\s+(?:to|on|onto|in|into)\s+(?:my|the|our)\s+(?:(?:todo|to-do|to\s+do|task|tasks)\s+)?(?:list|todos?|tasks|to-dos?|to\s+dos?|reminders|calendar|agenda|schedule|diary|planner)$", Options)]
    private static partial Regex TrailingGenericList();

    [GeneratedRegex(@"^(?<rest>.+?)[\s,;-]+(?:(?:with|as|at|of|marked)\s+)?(?:(?:a|an)\s+)?(?<p>high|top|low|medium|highest|lowest|normal|no)[\s-]+priority$" +
        @"|^(?<rest>.+?)[\s,;-]+(?:with\s+)?priority\s*(?::|=|\s)\s*(?<p>high|low|medium|none|normal|urgent|p?[1-4])$" +
        @"|^(?<rest>.+?)\s*[,;-]\s*(?:it'?s\s+|very\s+)?(?<p>urgent|important)$" +
        @"|^(?<rest>.+?)\s+\((?<p>high|low|medium|urgent)(?:\s+priority)?\)$", Options)]
    private static partial Regex TrailingPriority();

    [GeneratedRegex(@"^(?<rest>.+?)[\s,]+with\s+(?:the\s+|a\s+)?(?:tags?|labels?)\s+(?<labels>@?[\w-]+(?:\s*(?:,|and|&)\s*@?[\w-]+)*)$" +
        @"|^(?<rest>.+?)[\s,]+with\s+(?:the\s+|a\s+)?(?<labels>[\w-]+)\s+(?:tag|label)$" +
        @"|^(?<rest>.+?)[\s,]+(?:tagged|labell?ed)(?:\s+(?:as|with))?\s+(?<labels>@?[\w-]+(?:\s*(?:,|and|&)\s*@?[\w-]+)*)$", Options)]
    private static partial Regex TrailingLabels();

    [GeneratedRegex(@"(?:^|(?<=\s))#(?<name>""[^""]+""|[\w-]+)", Options)]
    private static partial Regex HashList();

    [GeneratedRegex(@"(?:^|(?<=\s))@(?<label>[\w-]+)\b", Options)]
    private static partial Regex AtLabel();

    /// <summary>"!high", "!1", and as quick add writes it, "p1" on its own.</summary>
    [GeneratedRegex(@"(?:^|(?<=\s))(?:!(?<p>high|medium|low|p?[1-4])|(?<p>p[1-4]))\b", Options)]
    private static partial Regex BangPriority();

    /// <summary>"urgent: pay taxes", "high priority - call the bank", "an urgent task: renew the passport": the priority said first.</summary>
    [GeneratedRegex(@"^(?:(?:a|an)\s+)?(?:(?<p>urgent|important|high|top|low|medium)[\s-]+priority|(?<p>urgent|important))(?:\s+(?:task|todo|to-do|item|reminder|one))?\s*[:\-—]\s*(?<rest>\S.*)$" +
        @"|^(?:(?:a|an)\s+)?(?:(?<p>urgent|important|high|top|low|medium)[\s-]+priority\s+|(?<p>urgent|important)\s+)(?:task|todo|to-do|item|reminder)\s+(?:to\s+|called\s+|named\s+)?(?<rest>\S.*)$", Options)]
    private static partial Regex LeadingPriority();

    [GeneratedRegex(@"^(?:(?:on|in|to|from|for|of)\s+)?(?:(?:my|the|our|a)\s+)+", Options)]
    private static partial Regex ListLead();

    [GeneratedRegex(@"\s+(?:list|lists)$|^list\s+(?:called\s+|named\s+)?", Options)]
    private static partial Regex ListTail();

    [GeneratedRegex(@"\b(?:my|the|our)\s+(?<name>" + ListNameWords + @")\s+list\b|\blist\s+(?:called|named)\s+(?<name>""[^""]+""|'[^']+'|[\w&-]+)", Options)]
    private static partial Regex NamedList();

    [GeneratedRegex(@"\b(?:tagged|labell?ed)\s+(?:as\s+|with\s+)?(?<label>@?[\w-]+)|\bwith\s+(?:the\s+|a\s+)?(?:tag|label)\s+(?<label>@?[\w-]+)|\b(?:the|an?)\s+(?<label>[\w-]+)\s+(?:tag|label)\b|(?:^|(?<=\s))@(?<label>[\w-]+)", Options)]
    private static partial Regex LabelIn();

    [GeneratedRegex(@"\b(?<p>high|top|low|medium|highest)[\s-]+priorit(?:y|ies)\b|\bpriority\s*:?\s*(?<p>high|low|medium)\b|\b(?<p>urgent|important)\b", Options)]
    private static partial Regex PriorityIn();

    [GeneratedRegex(@"\s*(?:,|\band\b|&|\s)\s*", Options)]
    private static partial Regex LabelSplit();

    [GeneratedRegex(@"\b(?:to|on|onto|in|into|from|off|for|of|at|my|the|our|your|me|with|and|is|are|what'?s|show)\b", Options)]
    private static partial Regex NotInAName();

    [GeneratedRegex(@"\s+(?:to|on|onto|in|into)$", Options)]
    private static partial Regex DanglingPreposition();

    [GeneratedRegex(@"\b(?:my|the|our)\s+inbox\b", Options)]
    private static partial Regex Inbox();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
