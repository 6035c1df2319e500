using System.Text.RegularExpressions;

namespace Todo.Server.Assistant.BuiltIn;

/// <summary>
/// The requests about what changed and about many tasks at once: undo, the trash, the activity log, and bulk changes. A
/// bulk change is read by its parts, not by one pattern per phrasing: the action (a verb, and for "mark … done" or "set … to
/// high priority" what follows), what it changes to (a day, a list, a priority, a label), and the selection ("everything on
/// my shopping list", "all overdue tasks", "completed tasks", "all tasks tagged old") turned into a filter expression.
/// </summary>
internal static partial class IntentParser
{
    /// <summary>The rules of this part, in the order they are tried (after the list actions, before the single-task changes).</summary>
    private static Rule[] HistoryRules() =>
    [
        new(UndoSeveral(), (m, _, _) => new Intent(IntentKind.Undo) { UndoCount = UndoCount(m.Groups["n"].Value) },
            ["undo the last two changes", "undo the last 3", "revert my last couple of changes", "undo everything", "undo all my changes", "undo all of today's changes",
                "undo everything I just did"]),
        new(Undo(), (m, _, _) => UndoIntent(m.Value),
            [
                "undo", "undo that", "oops undo", "never mind, undo it", "take that back", "put it back", "revert", "undo the last change",
                "undo what you just did", "reverse that", "roll that back", "go back", "oops", "undelete it", "cancel the last thing",
                "I didn't mean to delete that", "actually don't add that", "you deleted the wrong one",
            ]),
        // "I didn't mean that, put it back": a clause before the undo says why.
        new(LastClause(), (m, _, _) => Undo().IsMatch(m.Groups["last"].Value.Trim()) ? UndoIntent(m.Value) : null,
            ["I didn't mean to do that, undo it", "that was wrong. take it back", "hmm that was not right, revert that"]),
        // "I accidentally deleted milk", "I didn't mean to delete the dentist": that task, back from the trash.
        new(DeletedByMistake(), (m, _, _) => new Intent(IntentKind.Restore) { Reference = m.Groups["ref"].Value },
            ["I accidentally deleted milk", "oops, I didn't mean to delete the dentist task", "I deleted call mom by mistake"]),
        new(EmptyTrash(), (_, _, _) => new Intent(IntentKind.EmptyTrash),
            ["empty the trash", "clear my trash", "delete everything in the trash", "empty the bin", "purge the trash for good"]),
        new(ShowTrash(), (_, _, _) => new Intent(IntentKind.Trash),
            ["what's in the trash", "show me the trash", "show my deleted tasks", "what did I delete", "trash", "anything in the bin?", "show me what I deleted"]),
        // "restore all deleted tasks", "put back everything I deleted": the trash, shown, to restore from one by one.
        new(RestoreAll(), (_, _, _) => new Intent(IntentKind.Trash),
            ["restore all deleted tasks", "put back everything I deleted today", "bring back everything from the trash", "undelete all"]),
        new(Restore(), (m, _, _) => new Intent(IntentKind.Restore)
            {
                // "restore the task I just deleted": the task just talked about.
                Reference = JustDeleted().IsMatch(m.Groups["ref"].Value) ? "it" : DeletedWord().Replace(m.Groups["ref"].Value, " ").Trim(),
            },
            [
                "restore the milk task", "bring back the dentist task", "undelete task 4", "restore task 3 from the trash",
                "get the milk task back from the bin", "recover the dentist task", "restore the deleted milk task",
            ]),
        new(Activity(), (m, _, _) => ActivityIntent(m),
            [
                "what did I change today?", "what did you just do?", "show my recent changes", "what changed?", "show the history",
                "what have you changed", "recent activity", "what did I change yesterday", "tell me what changed today",
                "what did I just do", "show me what I changed today", "what you did", "what did I add today",
            ]),
        new(DidAll(), (m, _, now) => m.Groups["done"].Success || PastTense.PresentOf(m.Groups["verb"].Value) is not null
                ? Bulk($"complete {m.Groups["rest"].Value}", now)
                : null,
            ["I bought everything on my shopping list", "we finished all the tasks on the Work list", "I've done all of them"]),
        new(BulkVerb(), (_, text, now) => Bulk(text, now),
            [
                "complete everything on my shopping list", "clear completed", "delete all tasks tagged old", "move all overdue tasks to tomorrow",
                "mark all of today's tasks done", "make everything on the work list due friday", "set everything in #Work to high priority", "mark all of them as done",
                "mark all the groceries as bought", "archive completed tasks",
                "delete completed tasks", "tick everything off my shopping list", "reopen all completed tasks on the Work list",
            ]),
    ];

    /// <summary>Whether <paramref name="message"/> says yes ("yes", "yes please", "do it", "ok", "sure", "go ahead").</summary>
    public static bool IsYes(string message) =>
        Yes().IsMatch(Whitespace().Replace(Utterance.Clean(message), " ")) || Yes().IsMatch(Whitespace().Replace(message, " ").Trim().TrimEnd('.', '!', ' '));

    /// <summary>The activity asked for: of the assistant ("what did you do"), of one day ("today").</summary>
    private static Intent ActivityIntent(Match match)
    {
        var day = match.Groups["day"].Value.ToLowerInvariant();
        return new Intent(IntentKind.Activity)
        {
            Source = match.Groups["you"].Success ? "assistant" : null,
            Day = day is "today" or "yesterday" ? day : null,
        };
    }

    /// <summary>What a bulk change's verb does, when the verb alone says it.</summary>
    private static string? VerbAction(string verb) => Whitespace().Replace(verb.ToLowerInvariant(), " ") switch
    {
        "complete" or "finish" or "close" or "check off" or "tick off" or "cross off" or "check" or "tick" or "cross" or "knock out"
            or "wrap up" or "strike" or "scratch" or "knock" or "cross out" or "strike off" => "complete",
        "reopen" or "re-open" or "uncheck" or "untick" or "unmark" or "uncomplete" or "un-check" or "un-tick" => "reopen",
        "delete" or "remove" or "clear" or "clear out" or "clean up" or "erase" or "trash" or "get rid of" or "drop" or "bin" or "throw away"
            or "throw out" or "wipe" or "purge" or "scrap" or "discard" or "nuke" or "ditch" or "cancel" or "archive" => "delete",
        "move" or "put" or "file" or "transfer" or "shift" => "move",
        "push" or "postpone" or "reschedule" or "delay" or "defer" or "bump" or "push back" or "put off" => "set_due",
        "prioritize" or "prioritise" => "set_priority:high",
        "deprioritize" or "deprioritise" => "set_priority:low",
        "tag" or "label" => "add_label",
        "untag" or "unlabel" => "remove_label",
        _ => null,
    };

    /// <summary>
    /// A bulk change, read by its parts; null when the message is not one (no selection of many tasks, a task named by
    /// number, or words the selection cannot use), so the later rules read it.
    /// </summary>
    private static Intent? Bulk(string text, DateTimeOffset now) =>
        Bulk(text, "", now)
        // "mark everything done except the bananas": what is left out is said after the change, and joins the selection.
        ?? (ExceptWords().Match(text) is { Success: true } except ? Bulk(text[..except.Index], text[except.Index..], now) : null);

    private static Intent? Bulk(string text, string exception, DateTimeOffset now)
    {
        var verbMatch = BulkVerb().Match(text);
        if (!verbMatch.Success)
        {
            return null;
        }

        var verb = verbMatch.Groups["verb"].Value;
        var rest = text[verbMatch.Length..].Trim();
        var action = VerbAction(verb);

        // "check", "tick" and "cross" alone may mean to look: only "… off" completes.
        if (BareCheck().IsMatch(verb) && !OffWord().IsMatch(rest))
        {
            return null;
        }
        string? due = null, list = null, priority = null, label = null;

        // What the change is, said after the selection: "… done", "… to high priority", "… to tomorrow", "… to the Work list", "… with errands".
        if (action is null && StatusTarget().Match(rest) is { Success: true } status)
        {
            action = status.Groups["not"].Success ? "reopen" : "complete";
            rest = rest[..status.Index].Trim();
        }
        else if (action is null or "move" && PriorityTarget().Match(rest) is { Success: true } ranked && RequestParts.PriorityWord(ranked.Groups["p"].Value) is { } p)
        {
            action = "set_priority";
            priority = p;
            rest = rest[..ranked.Index].Trim();
        }
        else if (action is "add_label" && LabelTarget().Match(rest) is { Success: true } tagged)
        {
            label = RequestParts.LabelWords(tagged.Groups["label"].Value) is [var first, ..] ? first : null;
            rest = rest[..tagged.Index].Trim();
        }
        else if (action is "move" or "set_due" or null)
        {
            // The last "to"/"until" whose words are a day (a new due) or, for a move, a list.
            foreach (Match to in TargetSplit().Matches(rest).Reverse())
            {
                var target = rest[(to.Index + to.Length)..].Trim();

                // "make all groceries due tomorrow"; after "push" or "move", "due friday" is part of the selection.
                if (to.Groups["due"].Success && action is not null)
                {
                    continue;
                }

                if (DatePhrases.IsWholeDate(target, now) && action is "move" or "set_due" or null)
                {
                    action = "set_due";
                    due = target;
                    rest = rest[..to.Index].Trim();
                    break;
                }

                if (action == "move" && !to.Value.Contains("until", StringComparison.OrdinalIgnoreCase)
                    && (ListTarget().Match(target) is { Success: true } named ? RequestParts.ListName(named.Groups["name"].Value) : null) is { } name)
                {
                    list = name;
                    rest = rest[..to.Index].Trim();
                    break;
                }
            }
        }

        if (action is null || (action == "move" && list is null) || (action == "set_due" && due is null) || (action == "add_label" && label is null))
        {
            return null;
        }

        if (action.StartsWith("set_priority:", StringComparison.Ordinal))
        {
            priority = action["set_priority:".Length..];
            action = "set_priority";
        }

        if (action == "remove_label")
        {
            return null;
        }

        // "tick everything off my list": the particle goes, "off my list" says where from.
        rest = OffParticle().Replace(rest, "on ").Trim();
        rest = TrailingOff().Replace(rest, "").Trim();
        if (rest.Length == 0 || NamesOneTask().IsMatch(rest))
        {
            return null;
        }

        rest += exception;
        if (LastShownSelection().IsMatch(rest))
        {
            return new Intent(IntentKind.Bulk) { BulkAction = action, LastShown = true, ListName = list, Priority = priority, Due = due, Labels = label is null ? null : [label] };
        }

        var filter = Selection(rest, action, now);
        return filter is null
            ? null
            : new Intent(IntentKind.Bulk) { BulkAction = action, Filter = filter, ListName = list, Priority = priority, Due = due, Labels = label is null ? null : [label] };
    }

    /// <summary>Words that may be a list, a label or words of the titles: a filter term that takes any of them.</summary>
    private static string NamedBy(string words)
    {
        var asList = words.Contains(' ', StringComparison.Ordinal) ? "#\"" + words + "\"" : "#" + words;
        return words.Contains(' ', StringComparison.Ordinal) || !SimpleLabel().IsMatch(words)
            ? $"({asList} | search: {words})"
            : $"({asList} | @{words.ToLowerInvariant()} | search: {words})";
    }

    /// <summary>
    /// "done with groceries" when no task has those words: everything pending on the list of that name, confirmed first
    /// like any bulk change; null when the words cannot name a list.
    /// </summary>
    public static Intent? CompleteList(string reference) =>
        RequestParts.ListName(Utterance.Clean(reference)) is { } list && Selection($"everything on the {list} list", "complete", ExampleInstant) is { } filter
            ? new Intent(IntentKind.Bulk) { BulkAction = "complete", Filter = filter, Reference = reference }
            : null;

    /// <summary>
    /// The filter expression for a selection such as "everything on my shopping list", "all overdue tasks", "completed tasks"
    /// or "all tasks tagged old"; null when it is no selection of many tasks or holds words it cannot use.
    /// </summary>
    private static string? Selection(string selection, string action, DateTimeOffset now)
    {
        var quantified = Quantifier().IsMatch(selection);
        var terms = new List<string>();
        var left = selection;

        // What to leave out: "everything except milk", "all the groceries but the eggs and the bananas".
        string? keep = null;
        if (quantified && ExceptWords().Match(left) is { Success: true } except)
        {
            var kept = ItemJoiners().Split(except.Groups["kept"].Value).Select(Utterance.CleanQuery).OfType<string>().Where(word => word.Length > 0).ToList();
            if (kept.Count == 0 || kept.Any(word => word.Split(' ').Length > 4 || NotASearch().IsMatch(word)))
            {
                return null;
            }

            keep = "!(" + string.Join(" | ", kept.Select(NamedBy)) + ")";
            left = left[..except.Index];
        }

        // A search: "all tasks about the party", "everything mentioning milk".
        string? search = null;
        if (AboutWords().Match(left) is { Success: true } about)
        {
            search = Utterance.CleanQuery(about.Groups["q"].Value);
            left = left[..about.Index];
        }

        var scope = RequestParts.ScopeOf(left);
        var days = DatePhrases.ListTerm(left, now, out _);
        if (scope.List is { } listName)
        {
            terms.Add("#" + (listName.Contains(' ', StringComparison.Ordinal) ? "\"" + listName + "\"" : listName));
            left = ListWords().Replace(left, " ");
        }

        if (scope.Label is { } label)
        {
            terms.Add("@" + label);
            left = LabelWords().Replace(left, " ");
        }

        if (scope.Priority is { } priority)
        {
            terms.Add("priority:" + priority);
            left = PriorityWords().Replace(left, " ");
        }

        if (days is not null)
        {
            terms.Add(days);
            // One day named in words ("everything on friday") comes out whole, as a title's date does.
            left = days.StartsWith("due on: ", StringComparison.Ordinal) ? DatePhrases.Peel(left, now).Rest : DayWords().Replace(left, " ");
        }

        string? status = null;
        if (PendingSelection().IsMatch(left))
        {
            status = "pending";
            left = PendingSelection().Replace(left, " ");
        }
        else if (CompletedSelection().IsMatch(left))
        {
            status = "completed";
            left = CompletedSelection().Replace(left, " ");
        }

        var hasPlural = PluralNoun().IsMatch(left);
        left = Filler().Replace(left, " ").Trim();
        if (left.Length > 0)
        {
            // Words that are none of these ("all the work tasks", "all the milk tasks") may be a list, a label or words of the
            // titles: the filter takes any of them (a list or label the user has not matches nothing), and the question that
            // confirms the change shows what they matched.
            if (search is not null || !quantified || left.Split(' ').Length > 3 || NotASearch().IsMatch(left))
            {
                return null;
            }

            terms.Add(NamedBy(Whitespace().Replace(left, " ")));
        }

        if (search is not null)
        {
            terms.Add("search: " + search);
        }

        if (keep is not null)
        {
            terms.Add(keep);
        }

        // Without "all" or "everything", only a plural with a qualifier ("completed tasks", "overdue tasks") or a status alone ("clear completed") selects many.
        if (!quantified && !(terms.Count + (status is null ? 0 : 1) > 0 && (hasPlural || (terms.Count == 0 && status is not null))))
        {
            return null;
        }

        // What the action can change: completing takes the pending tasks, reopening the completed ones, unless the selection says.
        status ??= action switch
        {
            "complete" or "set_due" or "set_priority" => "pending",
            "reopen" => "completed",
            _ => null,
        };
        if (status is not null && !(status == "pending" && terms.Contains("overdue")))
        {
            terms.Add(status);
        }

        return terms.Count == 0 ? "pending | completed" : string.Join(" & ", terms);
    }

    [GeneratedRegex(@"^(?:(?:yes|yeah|yea|yep|yup|ya|y|sure|ok|okay|k|alright|all\s+right|absolutely|definitely|of\s+course|correct|right|confirm(?:ed)?|proceed|affirmative|please|do\s+it|do\s+that|go\s+ahead|go\s+for\s+it|please\s+do|that'?s\s+(?:right|fine|correct)|sounds\s+good|fine|yes\s+do\s+it|all\s+of\s+them|them\s+all|both|sure\s+thing|you\s+bet|go\s+on|yes\s+sure|certainly|please\s+go\s+ahead|make\s+it\s+so|why\s+not|let'?s\s+do\s+it|i'?m\s+sure)(?:[\s,!.]+|$))+$", Options)]
    private static partial Regex Yes();

    private const string TrashWords = @"(?:trash(?:\s+(?:can|bin))?|bin|recycle\s+bin|rubbish(?:\s+bin)?|deleted\s+(?:tasks|items|things|ones|stuff|to-?dos)|recently\s+deleted(?:\s+(?:tasks|items))?)";

    [GeneratedRegex(@"^(?:(?:oops|whoops|oh\s+no|no|nope|wait|sorry|actually|hmm+|ugh|never\s?mind|nevermind|my\s+bad|mistake)[\s,!.]+)*(?:(?:please|pls)\s+)?(?:(?:can|could|would)\s+you\s+)?" +
        @"(?:undo|revert|reverse|roll\s+back|take\s+back|unmake)(?:\s+(?:that|it|this|the\s+(?:last|previous)(?:\s+(?:change|thing|action|step|one|edit))?|my\s+(?:last|previous)\s+(?:change|action|edit)|(?:the\s+)?last\s+(?:change|thing|action|edit)|what\s+(?:you|i)\s+(?:just\s+)?(?:did|changed|made)|(?:that|the|your)\s+(?:last\s+)?(?:change|action|edit)|everything\s+you\s+(?:just\s+)?did))?(?:\s+(?:please|now|again))?$" +
        @"|^(?:(?:oops|whoops|no|wait|sorry|actually|never\s?mind|nevermind)[\s,!.]+)*(?:take|put|bring|roll)\s+(?:that|it|this|them|those)\s+back(?:\s+(?:please|now))?$" +
        @"|^(?:(?:oops|whoops|no|wait|sorry|actually|never\s?mind|nevermind)[\s,!.]+)*(?:scratch|strike|cancel)\s+that(?:\s+(?:last\s+)?(?:change|one|action))?$" +
        @"|^(?:(?:oops|whoops|no|wait|sorry|actually|never\s?mind|nevermind)[\s,!.]+)*undo$" +
        @"|^(?:(?:oh\s+)?(?:no|oops|whoops|wait)[\s,!.]+)*(?:go\s+back|oops|whoops|oh\s+no|my\s+bad|(?:undelete|un-delete|restore|recover)\s+(?:it|that|this)|cancel\s+(?:the|my)\s+last\s+(?:thing|action|change|one|step))$" +
        @"|^(?:(?:oops|whoops|no|wait|sorry|actually|hmm+)[\s,!.]+)*(?:don'?t|do\s+not)\s+(?:add|delete|remove|complete|finish|check\s+off|tick\s+off|mark|move|change|rename|do)\s+(?:that|this|it|them)(?:\s+(?:one|after\s+all|yet))?$" +
        @"|^(?:(?:oops|whoops|no|wait|sorry|actually)[\s,!.]+)*i\s+(?:didn'?t|did\s+not)\s+(?:mean|want)\s+to\s+(?:delete|remove|complete|finish|check\s+off|tick\s+off|mark|add|move|change|rename|do)\s+(?:that|this|it|them)(?:\s+one)?$" +
        @"|^(?:(?:oops|whoops|no|wait|sorry|actually)[\s,!.]+)*(?:that\s+was\s+(?:a\s+mistake|wrong|an\s+accident|not\s+what\s+i\s+(?:meant|wanted))|my\s+(?:mistake|bad)|i\s+made\s+a\s+mistake|that'?s\s+(?:wrong|not\s+what\s+i\s+(?:meant|wanted))|i\s+(?:didn'?t|did\s+not)\s+(?:mean|want)\s+(?:to\s+(?:do\s+)?)?(?:that|this|it)|not\s+(?:that|this)(?:\s+one)?|(?:that'?s\s+)?(?:the\s+)?wrong\s+one" +
        @"|(?:you|i)\s+(?:deleted|removed|completed|finished|checked\s+off|ticked\s+off|crossed\s+off|marked|moved|changed|renamed|picked|got)\s+(?:the\s+)?wrong\s+(?:one|task|item|thing))$", Options)]
    private static partial Regex Undo();

    /// <summary>
    /// An undo. "undo", "revert" take back the latest change wherever it was made; "that was wrong", "cancel that",
    /// "put it back" point at something done in this conversation, so they take back nothing when it changed nothing.
    /// </summary>
    /// <summary>How many changes "the last N" names, at most 10; 0 for "everything" or "all", which names no number.</summary>
    private static int UndoCount(string said) =>
        said.Contains("couple", StringComparison.OrdinalIgnoreCase) ? 2
        : SpokenText.CountOf(said) is { } count and >= 1 and <= 10 ? count
        : 0;

    [GeneratedRegex(@"^(?:(?:oops|whoops|no|wait|sorry|actually|hmm+|ugh)[\s,!.]+)*(?:(?:please|pls)\s+)?(?:(?:can|could|would)\s+you\s+)?(?:undo|revert|reverse|roll\s+back|take\s+back)\s+" +
        @"(?:(?:the\s+|my\s+|your\s+)?(?:last|previous|latest)\s+(?<n>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|(?:a\s+)?couple(?:\s+of)?|few)(?:\s+(?:changes|things|actions|edits|steps|ones))?" +
        @"|everything|all(?:\s+of\s+(?:it|them|that|those|today'?s\s+changes|my\s+changes|the\s+changes))?|all\s+(?:the\s+|my\s+|of\s+my\s+|today'?s\s+)?changes)" +
        @"(?:\s+(?:that\s+|which\s+)?(?:i|you|we)\s+(?:just\s+|have\s+|'ve\s+)?(?:made|did|done|changed))?(?:\s+(?:please|now|today|just\s+now))?$", Options)]
    private static partial Regex UndoSeveral();

    private static Intent UndoIntent(string said) =>
        new(IntentKind.Undo) { PointsBack = !UndoVerb().IsMatch(said) };

    [GeneratedRegex(@"\b(?:undo|revert|reverse|roll\s+back|unmake)\b", Options)]
    private static partial Regex UndoVerb();

    [GeneratedRegex(@"^(?<first>.+?)\s*(?:[,.;!]|\s-\s)\s*(?<last>[^,.;!]+)$", Options)]
    private static partial Regex LastClause();

    [GeneratedRegex(@"\b(?:deleted|trashed|removed|binned)\b", Options)]
    private static partial Regex DeletedWord();

    [GeneratedRegex(@"^(?:the\s+)?(?:(?:last|latest|most\s+recent)\s+)?(?:(?:task|one|thing|item)\s+)?(?:that\s+|what\s+)?(?:i|you|we)\s+(?:just\s+)?(?:deleted|removed|trashed|binned)$", Options)]
    private static partial Regex JustDeleted();

    [GeneratedRegex(@"^(?:empty|clear|purge|wipe|clean\s+out|clear\s+out|flush|dump)\s+(?:out\s+)?(?:the\s+|my\s+)?" + TrashWords + @"(?:\s+(?:for\s+good|permanently|completely|now))?$" +
        @"|^(?:permanently\s+)?(?:delete|remove|erase|destroy|purge)\s+(?:everything|all(?:\s+the)?(?:\s+(?:tasks|items|stuff))?)\s+(?:in|from)\s+(?:the\s+|my\s+)?" + TrashWords + @"(?:\s+(?:for\s+good|permanently|forever))?$", Options)]
    private static partial Regex EmptyTrash();

    [GeneratedRegex(@"^(?:(?:show|list|see|view|open|check|display|read|give)\s+(?:me\s+)?(?:what'?s\s+in\s+)?|what'?s\s+in\s+|what\s+is\s+in\s+|what\s+are\s+|is\s+there\s+anything\s+in\s+|anything\s+in\s+|whats\s+in\s+)?(?:the\s+|my\s+)?" + TrashWords + @"$" +
        @"|^what\s+(?:did|have)\s+(?:i|you)\s+(?:just\s+)?(?:deleted?|removed?|trashed|thrown\s+away)(?:\s+(?:today|recently|lately|so\s+far))?$" +
        @"|^(?:which|what)\s+tasks\s+(?:did\s+i\s+delete|have\s+i\s+deleted|are\s+(?:deleted|in\s+the\s+trash))$" +
        @"|^(?:show|list|tell|give)\s+(?:me\s+)?(?:what|everything|the\s+(?:tasks|things|ones|items))\s+(?:that\s+)?(?:i\s+|i'?ve\s+|i\s+have\s+)(?:just\s+)?(?:deleted|removed|trashed)(?:\s+(?:today|recently|lately|so\s+far))?$", Options)]
    private static partial Regex ShowTrash();

    [GeneratedRegex(@"^(?:restore|recover|undelete|un-delete|retrieve|rescue|resurrect)\s+(?!(?:that|it|this|them)$)(?<ref>.+?)(?:\s+(?:from|out\s+of)\s+(?:the\s+|my\s+)?" + TrashWords + @")?$" +
        @"|^(?:bring|get)\s+back\s+(?!(?:that|it|this|them)$)(?<ref>.+?)(?:\s+(?:from|out\s+of)\s+(?:the\s+|my\s+)?" + TrashWords + @")?$" +
        @"|^(?:bring|get|take|pull)\s+(?<ref>.+?)\s+(?:back\s+)?(?:from|out\s+of)\s+(?:the\s+|my\s+)?" + TrashWords + @"$" +
        @"|^(?:bring|get)\s+(?<ref>.+?)\s+back\s+(?:from|out\s+of)\s+(?:the\s+|my\s+)?" + TrashWords + @"$", Options)]
    private static partial Regex Restore();

    [GeneratedRegex(@"^(?:restore|undelete|recover|put\s+back|bring\s+back|get\s+back)\s+(?:all|everything|all\s+(?:of\s+)?(?:the|my|those|these)\s+(?:deleted\s+)?(?:tasks|items|things|ones)|all\s+(?:the\s+)?deleted\s+(?:tasks|items|ones))(?:\s+(?:i|you)\s+deleted)?(?:\s+(?:from|in|out\s+of)\s+(?:the\s+|my\s+)?" + TrashWords + @")?(?:\s+(?:today|yesterday|earlier|again))?$", Options)]
    private static partial Regex RestoreAll();

    [GeneratedRegex(@"^(?:(?:show|tell)\s+(?:me\s+)?)?what\s+(?:(?:did|have)\s+)?(?:(?<you>you)|i|we)\s+(?:(?<just>just)\s+|recently\s+|already\s+)?(?:changed?|modified|modify|edited|edit|add(?:ed)?|delete(?:d)?|remove(?:d)?|(?(you)(?:do|done|did)|(?(just)(?:do|did)|(?!))))(?:\s+(?:to\s+my\s+tasks|in\s+my\s+tasks|for\s+me))?(?:\s+(?<day>today|yesterday|recently|lately|so\s+far|just\s+now|last))?$" +
        @"|^(?:show|list|see|view|give|tell)\s+(?:me\s+)?(?:my\s+|the\s+|all\s+|your\s+)?(?:recent\s+|latest\s+|last\s+)?(?:changes|activity|history|edits|change\s+log|changelog|activity\s+log|log)(?:\s+(?:for\s+|from\s+)?(?<day>today|yesterday))?$" +
        @"|^(?:my\s+|the\s+)?(?:recent\s+|latest\s+)?(?:changes|activity|history|change\s+log|activity\s+log)(?:\s+(?<day>today|yesterday))?$" +
        @"|^(?:(?:show|tell)\s+(?:me\s+)?)?what(?:'s|\s+has|\s+have)?\s+(?:(?:been\s+)?changed|happened)(?:\s+(?:to|in|with)\s+my\s+tasks)?(?:\s+(?<day>today|yesterday|recently|lately))?$", Options)]
    private static partial Regex Activity();

    [GeneratedRegex(@"^(?:(?:oops|whoops|oh\s+no|ugh)[\s,]+)?(?:(?:i|we)\s+(?:accidentally|mistakenly|wrongly)\s+(?:deleted|removed|trashed|erased)\s+(?<ref>.+?)|(?:i|we)\s+(?:deleted|removed|trashed|erased)\s+(?<ref>.+?)\s+(?:by\s+(?:mistake|accident)|accidentally)|(?:i|we)\s+didn'?t\s+mean\s+to\s+(?:delete|remove|trash|erase)\s+(?<ref>.+?))$", Options)]
    private static partial Regex DeletedByMistake();

    [GeneratedRegex(@"^(?<verb>complete|finish|close|check\s+off|tick\s+off|cross\s+off|cross\s+out|strike\s+off|knock\s+out|wrap\s+up|check|tick|cross|strike|scratch|knock|reopen|re-open|uncheck|untick|unmark|uncomplete|delete|remove|clear\s+out|clear|clean\s+up|erase|trash|archive|get\s+rid\s+of|drop|bin|throw\s+away|throw\s+out|wipe|purge|scrap|discard|nuke|ditch|cancel|move|put\s+off|put|file|transfer|shift|push\s+back|push|postpone|reschedule|delay|defer|bump|prioriti[sz]e|deprioriti[sz]e|tag|label|untag|unlabel|mark|set|make|change|turn|flag|give)\b", Options)]
    private static partial Regex BulkVerb();

    [GeneratedRegex(@"\s+(?:(?:as|to)\s+)?(?:(?<not>not\s+(?:yet\s+)?(?:done|complete|completed|finished)|undone|incomplete|unfinished|pending|open|uncompleted|unchecked|to\s?do)|done|complete|completed|finished|checked|ticked|bought|purchased|paid|handled|sorted|taken\s+care\s+of|dealt\s+with)(?:\s+(?:again|now))?$", Options)]
    private static partial Regex StatusTarget();

    [GeneratedRegex(@"^(?:i|we)(?:\s+(?:have|just|already|finally)|'ve)*\s+(?:(?<done>finished|completed|done|did|ticked\s+off|checked\s+off)|(?<verb>[a-z]+))\s+(?<rest>(?:everything|all)\b.*)$", Options)]
    private static partial Regex DidAll();

    [GeneratedRegex(@"\s+(?:(?:to|as|at|with)\s+)?(?:(?:a|an)\s+)?(?:(?<p>high|top|low|medium|no|normal|highest|lowest)[\s-]+priority|priority\s+(?<p>high|low|medium|none)|(?<p>urgent|important))$", Options)]
    private static partial Regex PriorityTarget();

    [GeneratedRegex(@"\s+(?:with|as)\s+(?:the\s+)?(?:(?:tag|label)\s+)?(?<label>@?[\w-]+)(?:\s+(?:tag|label))?$", Options)]
    private static partial Regex LabelTarget();

    [GeneratedRegex(@"\s+(?:to|until|till|into|onto|over\s+to|for|(?<due>due(?:\s+(?:on|by|for))?))\s+", Options)]
    private static partial Regex TargetSplit();

    [GeneratedRegex(@"^(?:(?:my|the|our)\s+)?(?<name>#?""[^""]+""|#?'[^']+'|(?:(?!list\b)[\w'&-]+\s+){0,3}?(?!list\b)[\w'&#-]+)(?:\s+list)?$", Options)]
    private static partial Regex ListTarget();

    [GeneratedRegex(@"\boff\s+(?=(?:my|the|our)\b)", Options)]
    private static partial Regex OffParticle();

    [GeneratedRegex(@"\s+off$", Options)]
    private static partial Regex TrailingOff();

    [GeneratedRegex(@"\b(?:task|tasks|number|item|#)\s*#?\d+\b|(?:^|\s)#\d+\b|^\d+(?:\s+and\s+\d+)*$|^(?:it|that|this|that\s+one|this\s+one)$", Options)]
    private static partial Regex NamesOneTask();

    [GeneratedRegex(@"^(?:(?:all|each|every\s+one|both)\s+(?:of\s+)?(?:them|those|these|the\s+above)(?:\s+(?:tasks|ones|items))?|(?:them|those|these)(?:\s+(?:tasks|ones|items))?\s+all|all\s+(?:those|these)(?:\s+(?:tasks|ones|items))?|everything\s+(?:above|you\s+(?:just\s+)?(?:showed|listed)(?:\s+me)?)|them|those|these)$", Options)]
    private static partial Regex LastShownSelection();

    [GeneratedRegex(@"\b(?:all|everything|every\s+(?:single\s+)?(?:task|todo|to-do|item|one|thing)s?|each\s+(?:task|todo|to-do|item|one))\b", Options)]
    private static partial Regex Quantifier();

    [GeneratedRegex(@"\s+(?:(?:but\s+|and\s+)?(?:keep|leave)|except(?:\s+for)?|but(?:\s+not)?|other\s+than|apart\s+from|besides|excluding|save\s+for)\s+(?<kept>.+)$", Options)]
    private static partial Regex ExceptWords();

    [GeneratedRegex(@"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+", Options)]
    private static partial Regex ItemJoiners();

    [GeneratedRegex(@"\s+(?:that\s+(?:are|is)\s+)?(?:about|mentioning|containing|that\s+mention|that\s+contain|with\s+the\s+words?|matching)\s+(?<q>.+)$", Options)]
    private static partial Regex AboutWords();

    [GeneratedRegex(@"\b(?:(?:on|in|from|of|at|off)\s+)?(?:(?:my|the|our|your)\s+(?:""[^""]+""|'[^']+'|(?:(?!list\b)[\w'&-]+\s+){0,3}?(?!list\b)[\w'&-]+)\s+list\b|(?:the\s+)?list\s+(?:called|named)\s+\S+|(?:my|the|your)\s+inbox\b)|(?:(?:on|in|from|of|at)\s+)?(?:^|(?<=\s))#(?:""[^""]+""|[\w-]+)", Options)]
    private static partial Regex ListWords();

    [GeneratedRegex(@"\b(?:that\s+(?:are|is)\s+|which\s+(?:are|is)\s+)?(?:tagged|labell?ed)\s+(?:as\s+|with\s+)?@?[\w-]+|\b(?:with|having)\s+(?:the\s+|a\s+)?(?:tag|label)\s+@?[\w-]+|\b(?:with\s+)?(?:the|an?)\s+[\w-]+\s+(?:tag|label)\b|(?:^|(?<=\s))@[\w-]+", Options)]
    private static partial Regex LabelWords();

    [GeneratedRegex(@"\b(?:with\s+|at\s+)?(?:high|top|low|medium)[\s-]+priority\b|\b(?:with\s+)?priority\s*:?\s*(?:high|low|medium)\b|\burgent\b", Options)]
    private static partial Regex PriorityWords();

    [GeneratedRegex(@"\b(?:(?:that\s+(?:are|is)\s+|which\s+(?:are|is)\s+)?(?:due\s+|for\s+|from\s+)?(?:today'?s|today|tonight|tomorrow'?s|tomorrow|overdue|past\s+due|late|this\s+week'?s?|the\s+week|(?:the\s+)?next\s+\w+\s+days|(?:with\s+)?no\s+(?:due\s+)?dates?|without\s+(?:a\s+|any\s+)?(?:due\s+)?dates?|undated|unscheduled|recurring|repeating))\b", Options)]
    private static partial Regex DayWords();

    [GeneratedRegex(@"\b(?:(?:that\s+(?:are|is)\s+|which\s+(?:are|is)\s+)?(?:still\s+)?(?:pending|open|unfinished|incomplete|remaining|outstanding|not\s+(?:yet\s+)?(?:done|finished|completed?)|undone|uncompleted|unchecked|left(?:\s+to\s+do)?))\b", Options)]
    private static partial Regex PendingSelection();

    [GeneratedRegex(@"\b(?:(?:that\s+(?:are|is)\s+|which\s+(?:are|is)\s+|i'?ve\s+|i\s+have\s+)?(?:already\s+)?(?:completed?|finished|done|checked(?:[\s-]off)?|ticked(?:[\s-]off)?|crossed[\s-]off))\b", Options)]
    private static partial Regex CompletedSelection();

    [GeneratedRegex(@"\b(?:tasks|items|todos|to-dos|ones|things|reminders|entries)\b", Options)]
    private static partial Regex PluralNoun();

    [GeneratedRegex(@"\b(?:all|of|the|my|our|your|everything|every|each|single|tasks?|items?|todos?|to-dos?|ones?|things?|stuff|reminders?|entries|entry|that|which|are|is|i|have|got|due|on|in|from|with|at|there|currently|now|due|thing|list)\b|[,']", Options)]
    private static partial Regex Filler();

    [GeneratedRegex(@"\b(?:it|them|those|these|and|or|but|not|no|to|for|by|until|till|off|back|please|want|need|should|would|could|can|you|me|labels?|tags?|dates?|priority|descriptions?|notes?|titles?|names?)\b|\d", Options)]
    private static partial Regex NotASearch();

    [GeneratedRegex(@"^(?:check|tick|cross|strike|scratch|knock)$", Options)]
    private static partial Regex BareCheck();

    [GeneratedRegex(@"\boff\b", Options)]
    private static partial Regex OffWord();

    [GeneratedRegex(@"^[a-z0-9_-]{1,50}$", Options)]
    private static partial Regex SimpleLabel();
}
