using System.Globalization;
using Microsoft.Extensions.AI;

namespace Todo.Server.Assistant.BuiltIn;

/// <summary>A tool call the engine decided on: a tool name and its arguments.</summary>
internal sealed record PlannedCall(string Name, IReadOnlyDictionary<string, object?> Arguments);

/// <summary>
/// What to do with a message: call tools (then word their results), or just reply. A reply without calls may ask
/// something (<see cref="Asks"/>, which the next message can answer) or name a task (<see cref="Mentions"/>, which
/// "it" can then mean); the engine finds both again by planning the same message again, not by reading its reply.
/// </summary>
internal sealed record TurnPlan(Intent Intent, IReadOnlyList<PlannedCall> Calls, string? Reply)
{
    /// <summary>The question the reply asks, with the candidates it offers (none for a plan that calls tools).</summary>
    public Question Asks { get; init; } = Question.None;

    /// <summary>The tasks the reply names by number.</summary>
    public IReadOnlyList<int> Mentions { get; init; } = [];

    public static TurnPlan Say(Intent intent, string reply) => new(intent, [], reply);

    public static TurnPlan Ask(Intent intent, string reply, PendingQuestion asks) => new(intent, [], reply) { Asks = Question.Of(asks) };

    public static TurnPlan Call(Intent intent, params PlannedCall[] calls) => new(intent, calls, null);
}

/// <summary>
/// Decides one turn: what the current message means (reading it as the answer to the engine's last
/// question when it only names a task or a title), which tools to call with which arguments, or what to say
/// instead. It is a pure function of the messages, so the same plan is made again when the results come back, and
/// what an earlier reply asked is found by planning the message it answered again over the messages up to it.
/// </summary>
internal static class TurnPlanner
{
    private const int MaxAnswerDepth = 4;

    public static TurnPlan Plan(ConversationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.CurrentIndex < 0
            ? TurnPlan.Say(new Intent(IntentKind.Greeting), Replies.Greeting)
            : view.PlanAt(view.CurrentIndex);
    }

    /// <summary>The plan for the user message at <paramref name="index"/>, over the messages before it (use <see cref="ConversationView.PlanAt"/>, which keeps it).</summary>
    internal static TurnPlan Plan(ConversationView view, int index)
    {
        var (intent, choices) = Understand(view, index, depth: 0);
        var plan = PlanIntent(intent, view, index, choices);

        // "add milk and remind me to call mom": both requests' calls, when each can be made now.
        return intent.Then is { } then && intent.OnListIfKnown is null && plan.Calls.Count > 0 && PlanIntent(then, view, index, null) is { Calls.Count: > 0 } second
            ? plan with { Calls = [.. plan.Calls, .. second.Calls] }
            : plan;
    }

    private static TurnPlan PlanIntent(Intent intent, ConversationView view, int index, IReadOnlyList<ListedTask>? choices)
    {
        return intent.Kind switch
        {
            IntentKind.Greeting => TurnPlan.Say(intent, Replies.Greeting),
            IntentKind.Help => TurnPlan.Say(intent, Replies.Help),
            IntentKind.Thanks => TurnPlan.Say(intent, Replies.Thanks),
            IntentKind.Farewell => TurnPlan.Say(intent, Replies.Farewell),
            IntentKind.Dismiss => TurnPlan.Say(intent, Replies.Dismissed),
            IntentKind.OtherAccount => TurnPlan.Say(intent, Replies.OnlyYourOwn(intent.Reference)),
            IntentKind.Add => PlanAdd(intent),
            IntentKind.List when intent.DueFilter is null && intent.OtherDay is { } day => TurnPlan.Say(intent, Replies.DaysICanList(day)),
            IntentKind.List => TurnPlan.Call(intent, new PlannedCall(TaskToolNames.ListTasks, ListArguments(intent))),
            IntentKind.Complete or IntentKind.Reopen or IntentKind.Delete or IntentKind.Update => PlanChange(intent, view, index, choices),
            IntentKind.Reference => PlanPick(intent, view, index),
            IntentKind.Lists => TurnPlan.Call(intent, new PlannedCall(TaskToolNames.ListLists, new Dictionary<string, object?>())),
            IntentKind.CreateList => intent.ListName is { } name
                ? TurnPlan.Call(intent, new PlannedCall(TaskToolNames.CreateList, new Dictionary<string, object?> { ["name"] = name }))
                : TurnPlan.Say(intent, Replies.AskListName),
            IntentKind.RenameList when intent.ListName is null => TurnPlan.Say(intent, Replies.WhichListToRename),
            IntentKind.DeleteList when intent.ListName is null => TurnPlan.Say(intent, Replies.WhichListToDelete),
            IntentKind.RenameList => TurnPlan.Call(intent, new PlannedCall(TaskToolNames.RenameList,
                new Dictionary<string, object?> { ["list"] = intent.ListName, ["name"] = intent.NewListName })),
            IntentKind.DeleteList => TurnPlan.Call(intent, new PlannedCall(TaskToolNames.DeleteList, DeleteListArguments(intent))),
            IntentKind.Undo when intent.PointsBack && !view.ChangedBefore(index) => TurnPlan.Say(intent, Replies.NothingChangedHere),
            IntentKind.Undo when intent.UndoCount < 1 => TurnPlan.Say(intent, Replies.HowManyToUndo),

            // A change this conversation did not make (nothing changed here, or every change made here is taken back already):
            // the change "undo" would take back may not be the one meant, so it is shown and confirmed first.
            IntentKind.Undo when !intent.Confirmed && view.OwnChangesLeft(index) < intent.UndoCount => TurnPlan.Call(intent, new PlannedCall(
                TaskToolNames.ListActivity, new Dictionary<string, object?> { ["limit"] = TaskTools.ActivityLimit })),
            IntentKind.Undo => TurnPlan.Call(intent, [.. Enumerable.Range(0, intent.UndoCount)
                .Select(_ => new PlannedCall(TaskToolNames.UndoLast, new Dictionary<string, object?>()))]),
            IntentKind.Trash => TurnPlan.Call(intent, new PlannedCall(TaskToolNames.ListTrash, new Dictionary<string, object?>())),
            IntentKind.EmptyTrash => TurnPlan.Call(intent, new PlannedCall(intent.Confirmed ? TaskToolNames.EmptyTrash : TaskToolNames.ListTrash,
                new Dictionary<string, object?>())),
            IntentKind.Restore => PlanRestore(intent, view, index, choices),
            IntentKind.Activity => TurnPlan.Call(intent, new PlannedCall(TaskToolNames.ListActivity, ActivityArguments(intent))),
            IntentKind.Bulk => PlanBulk(intent, view, index),
            _ => TurnPlan.Say(intent, Replies.NotUnderstood),
        };
    }

    /// <summary>
    /// The message at <paramref name="userIndex"/>, read on its own or, when it only names a task or gives a
    /// title, as the answer to the question before it (completing the message that question was about).
    /// </summary>
    private static (Intent Intent, IReadOnlyList<ListedTask>? Choices) Understand(ConversationView view, int userIndex, int depth)
    {
        var text = view.Turns[userIndex].Text;
        var intent = IntentParser.Parse(text, view.Now);
        if (intent.OnListInView)
        {
            intent = intent with { ListName = ListInView(view, userIndex) };
        }

        // "add call mom to work": once the lists are looked up, "work" is the Work list when there is one, else words of the title.
        if (intent.OnListIfKnown is { } place && view.ResultsFor(userIndex).Select(ReplyWriter.ListNames).FirstOrDefault(names => names is not null) is { } lists)
        {
            intent = lists.FirstOrDefault(name => SameListName(name, place.List)) is { } known
                ? intent with { Title = place.Title, MoreTitles = place.MoreTitles, ListName = known, OnListIfKnown = null, ListsLookedUp = true }
                : intent with { OnListIfKnown = null, ListsLookedUp = true, MovesExisting = false };
        }

        // "yes" to "Complete all 3?": the change asked about, confirmed, for the tasks the question showed (read again from
        // the stored turn: the question's tool results and the message it answered, planned again).
        if (depth < MaxAnswerDepth && IntentParser.IsYes(text) && view.QuestionBefore(userIndex) is { Kind: PendingQuestion.Confirm } confirm
            && view.AskingMessageBefore(userIndex) is >= 0 and var asking)
        {
            var (previous, _) = Understand(view, asking, depth + 1);

            // "yes" to "The dentist task has no reminder. Delete the task itself?": that task, deleted.
            if (previous.OffersTaskIfNoReminders && confirm.Choices is [var reminderless])
            {
                return (new Intent(IntentKind.Delete) { Reference = string.Create(CultureInfo.InvariantCulture, $"task {reminderless.Number}") }, null);
            }

            // "yes" to "The first task on your Groceries list is Milk (#1). Delete it?" or to "The first 3 tasks … are …":
            // those tasks, and only them (as the question offered them; see ReplyWriter.ConfirmAsked).
            if (previous.NeedsTask && confirm.Choices is { Count: > 0 } offered
                && (offered.Count == 1 || previous.InsteadOfMissing() is not { Kind: IntentKind.Bulk }))
            {
                var numbers = string.Join(" and ", offered.Select(task => task.Number.ToString(CultureInfo.InvariantCulture)));
                return (previous with { Reference = (offered.Count == 1 ? "task " : "tasks ") + numbers }, null);
            }

            // "done with groceries": a completion that became the whole list's when no task had the words.
            if (previous.Kind == IntentKind.Complete && previous.InsteadOfMissing() is { Kind: IntentKind.Bulk } wholeList)
            {
                previous = wholeList;
            }

            if (previous.Kind is IntentKind.Bulk or IntentKind.EmptyTrash or IntentKind.Undo && !previous.Confirmed)
            {
                return (previous with { Confirmed = true, Numbers = confirm.Choices.Count > 0 ? [.. confirm.Choices.Select(task => task.Number)] : null }, null);
            }
        }

        // Right after an add: "and eggs" adds one more the same way; "no, I meant bread" renames what was added.
        var more = intent.Kind == IntentKind.Unknown || intent.IsErrand ? IntentParser.MoreOfTheSame(text) : null;
        var meant = intent.Kind is IntentKind.Unknown or IntentKind.Add ? IntentParser.Correction(text, view.Now) : null;
        var onList = intent.Kind is IntentKind.Unknown ? IntentParser.ListCorrection(text) : null;
        if (depth < MaxAnswerDepth && (more ?? meant ?? onList) is not null && PreviousUserMessage(view, userIndex) is >= 0 and var earlier)
        {
            var (previous, _) = Understand(view, earlier, depth + 1);
            if (previous.Kind == IntentKind.Add && onList is not null && view.ChangedAfter(earlier))
            {
                return (new Intent(IntentKind.Update) { Reference = previous.MoreTitles is null ? "it" : "them", ListName = onList }, null);
            }

            if (previous.Kind == IntentKind.Add && more is not null && IntentParser.Parse($"add {more}", view.Now) is { Kind: IntentKind.Add } another)
            {
                return (another.ListName is null ? another with { ListName = previous.ListName } : another, null);
            }

            // (An add whose date could not be read asked for the day: the answer is read below.)
            if (previous is { Kind: IntentKind.Add, MoreTitles: null, Title: not null, DateProblem: null } && meant is not null)
            {
                // Nothing was added (the title was on the list already): what was meant is the add.
                if (!view.ChangedAfter(earlier) && !DatePhrases.IsWholeDate(meant, view.Now))
                {
                    return (previous with { Title = Utterance.CleanTitle(meant) }, null);
                }

                // "remind me to buy stamps" → "at 5": the time, and the reminder asked for with it.
                return (DatePhrases.IsWholeDate(meant, view.Now)
                    ? new Intent(IntentKind.Update)
                    {
                        Reference = "it", Due = DatePhrases.DueOf(meant, view.Now),
                        RemindMinutesBefore = previous.AsksWhenToRemind ? 0 : null,
                    }
                    : new Intent(IntentKind.Update) { Reference = "it", Title = Utterance.CleanTitle(meant) }, null);
            }

            // "move the dentist to monday" → "no, tuesday": the same change, to the day meant.
            if (previous is { Kind: IntentKind.Update, Reference: not null, Due: not null, DueShift: null } && meant is not null
                && DatePhrases.IsWholeDate(meant, view.Now))
            {
                return (previous with { Due = DatePhrases.DueOf(meant, view.Now) }, null);
            }

            // "remind me about the dentist" (found or added; or found with no due, so when was asked) → "friday at 3": that
            // task's day, and the reminder asked for.
            if (previous is { Kind: IntentKind.Update, Reference: { } named } && (previous.AddsIfMissing is not null || previous.RemindMinutesBefore is not null)
                && meant is not null && DatePhrases.IsWholeDate(meant, view.Now))
            {
                return (new Intent(IntentKind.Update)
                {
                    Reference = named, Due = DatePhrases.DueOf(meant, view.Now), RemindMinutesBefore = previous.RemindMinutesBefore,
                    RemindsAtDueOnly = previous.RemindMinutesBefore is not null && !DatePhrases.Repeats(meant, view.Now),
                }, null);
            }
        }

        // "add buy stamps" → "remind me at 5": the reminder is for what was just added, not a new task to ask about.
        if (depth < MaxAnswerDepth && intent is { Kind: IntentKind.Add, Title: null, MoreTitles: null, Due: not null, RemindMinutesBefore: not null }
            && PreviousUserMessage(view, userIndex) is >= 0 and var addedAt
            && Understand(view, addedAt, depth + 1).Intent is { Kind: IntentKind.Add, MoreTitles: null, Title: not null })
        {
            return (new Intent(IntentKind.Update) { Reference = "it", Due = intent.Due, RemindMinutesBefore = intent.RemindMinutesBefore }, null);
        }

        // Right after a change: "no, I meant the eggs", "not that one, the eggs": that change taken back, made to the task meant.
        if (depth < MaxAnswerDepth && intent.Kind is IntentKind.Unknown or IntentKind.Reference && IntentParser.OtherTask(text) is { } other
            && PreviousUserMessage(view, userIndex) is >= 0 and var changedAt)
        {
            var (previous, _) = Understand(view, changedAt, depth + 1);
            if (previous is { Kind: IntentKind.Complete or IntentKind.Reopen or IntentKind.Delete, Reference: not null })
            {
                var meantTask = previous with { Reference = other, Then = null };
                return (view.ChangedAfter(changedAt) ? new Intent(IntentKind.Undo) { Confirmed = true, Then = meantTask } : meantTask, null);
            }
        }

        if (IsNeverAnAnswer(intent))
        {
            // Small talk, a list or a new add means what it says whatever was asked: no need to work out the
            // question, which would plan the turns before it again.
            return (intent, null);
        }

        var question = depth < MaxAnswerDepth ? view.QuestionBefore(userIndex) : Question.None;
        var askedAbout = view.AskingMessageBefore(userIndex);
        if (question.Kind == PendingQuestion.None || askedAbout < 0)
        {
            return (intent, null);
        }

        var answer = Utterance.Clean(text);

        // Anything but yes cancels a change that asked to be confirmed; a message that asks for something else is read as such.
        if (question.Kind == PendingQuestion.Confirm)
        {
            return intent.Kind is IntentKind.Unknown or IntentKind.Reference ? (new Intent(IntentKind.Dismiss), null) : (intent, null);
        }

        // After "Should I move its tasks to the Inbox or delete them?": "move them" / "delete them" finish the deletion.
        if (question.Kind == PendingQuestion.TasksOnDelete && IntentParser.TasksOnDeleteAnswer(answer) is { } tasksOnDelete)
        {
            var (previous, _) = Understand(view, askedAbout, depth + 1);
            if (previous.Kind == IntentKind.DeleteList)
            {
                return (previous with { TasksOnDelete = tasksOnDelete }, null);
            }
        }
        if (question.Kind == PendingQuestion.WhichTask && (intent.Kind is IntentKind.Unknown or IntentKind.Reference || intent.IsErrand))
        {
            var (previous, _) = Understand(view, askedAbout, depth + 1);
            if (previous.NeedsTask)
            {
                var choices = question.Choices;
                return (previous with { Reference = intent.Reference ?? answer }, choices.Count > 0 ? choices : null);
            }
        }

        // After "Which day do you mean?" a date finishes the add or the update it was asked for.
        if (question.Kind == PendingQuestion.WhatDate && intent.Kind is IntentKind.Unknown or IntentKind.Reference
            && DatePhrases.IsWholeDate(answer, view.Now))
        {
            var (previous, _) = Understand(view, askedAbout, depth + 1);
            if (previous.Kind is IntentKind.Add or IntentKind.Update)
            {
                return (previous with { Due = answer, DateProblem = null }, null);
            }
        }

        // After "What should the new task say?" anything but small talk, a list or a new add is the title,
        // even when it reads like a command ("Delete old emails").
        if (question.Kind == PendingQuestion.WhatTitle && answer.Length > 0)
        {
            var (previous, _) = Understand(view, askedAbout, depth + 1);

            // "remind me" → "What should the new task say?" → "tomorrow at 9": when, not what; what is asked again.
            if (previous is { Kind: IntentKind.Add, Due: null } && DatePhrases.IsWholeDate(answer, view.Now))
            {
                return (previous with { Due = DatePhrases.DueOf(answer, view.Now) }, null);
            }

            if (previous.Kind == IntentKind.Add)
            {
                var (title, description) = Utterance.TitleAndDescription(answer);
                return (previous with { Title = title, Description = description ?? previous.Description }, null);
            }

            if (previous.Kind == IntentKind.Update)
            {
                return (previous with { Title = Utterance.CleanTitle(answer) }, null);
            }
        }

        return (intent, null);
    }

    /// <summary>The list the user's latest messages before <paramref name="userIndex"/> name ("show groceries", "create a list called Party"), or null.</summary>
    private static string? ListInView(ConversationView view, int userIndex)
    {
        const int LookBack = 4;
        for (int i = PreviousUserMessage(view, userIndex), seen = 0; i >= 0 && seen < LookBack; i = PreviousUserMessage(view, i), seen++)
        {
            var said = IntentParser.Parse(view.Turns[i].Text, view.Now);
            if ((said.Kind == IntentKind.RenameList ? said.NewListName : said.ListName) is { } list)
            {
                return list;
            }
        }

        return null;
    }

    /// <summary>"work" for Work, "errand" for Errands: the same name ignoring case and a plural "s".</summary>
    private static bool SameListName(string name, string said)
    {
        static string Singular(string word) => word.EndsWith('s') || word.EndsWith('S') ? word[..^1] : word;
        return string.Equals(Singular(name), Singular(said), StringComparison.OrdinalIgnoreCase);
    }

    private static int PreviousUserMessage(ConversationView view, int userIndex)
    {
        for (var i = userIndex - 1; i >= 0; i--)
        {
            if (view.Turns[i].IsUser)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsNeverAnAnswer(Intent intent) => intent.Kind is IntentKind.Greeting or IntentKind.Help
        or IntentKind.Thanks or IntentKind.Farewell or IntentKind.Dismiss or IntentKind.List || intent is { Kind: IntentKind.Add, IsErrand: false };

    /// <summary>
    /// After the lists were looked up (<see cref="Intent.ListsLookedUp"/>, the only call so far), the plan's own calls; else
    /// the calls to make instead of a change of a task named by its words (<see cref="Intent.InsteadOfMissing"/>) when the
    /// plan's calls, the only ones made this turn so far, all found no task with them (for reminders taken off a task named
    /// as a reminder: found it with none); null otherwise.
    /// </summary>
    public static TurnPlan? InsteadOfMissing(TurnPlan plan, ConversationView view)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(view);

        // The lists were looked up (the only call so far): now the plan's own calls.
        if (plan.Intent.ListsLookedUp && view.Calls.Count == 1)
        {
            return plan;
        }

        return plan.Intent.InsteadOfMissing() is { } instead && view.Calls.Count == plan.Calls.Count && view.Results.Count > 0
            && (plan.Intent.DeletesIfNoReminders ? view.Results.All(ReplyWriter.LeftAsItWas) : view.Results.All(ReplyWriter.FoundNoTask))
            ? PlanIntent(instead, view, view.CurrentIndex, null)
            : null;
    }

    /// <summary>
    /// The plan the reply describes and the results it words: after <see cref="InsteadOfMissing"/> made its calls (those
    /// after the plan's own), that plan and its results, not the change that found nothing; when those found nothing
    /// either, the change as asked and its own results.
    /// </summary>
    public static (TurnPlan Plan, IReadOnlyList<FunctionResultContent> Results) Answered(TurnPlan plan, ConversationView view)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(view);
        if (plan.Intent.ListsLookedUp)
        {
            return (plan, view.Results.Skip(1).ToList());
        }

        if (plan.Intent.InsteadOfMissing() is not { } done || view.Calls.Count <= plan.Calls.Count)
        {
            return (plan, view.Results);
        }

        var instead = view.Calls.Skip(plan.Calls.Count).Select(call => call.CallId).ToHashSet(StringComparer.Ordinal);
        var (insteadResults, ownResults) = (view.Results.Where(result => instead.Contains(result.CallId)).ToList(),
            view.Results.Where(result => !instead.Contains(result.CallId)).ToList());
        return insteadResults.All(ReplyWriter.FoundNoTask) ? (plan, ownResults) : (plan with { Intent = done }, insteadResults);
    }

    private static TurnPlan PlanAdd(Intent intent)
    {
        if (string.IsNullOrWhiteSpace(intent.Title))
        {
            return TurnPlan.Ask(intent, ReplyFormat.AskTitle, PendingQuestion.WhatTitle);
        }

        if (intent.DateProblem is { } problem)
        {
            return TurnPlan.Ask(intent, problem, PendingQuestion.WhatDate);
        }

        // "add call mom to work": whether "work" is a list decides the title, so the lists are looked up first.
        if (intent.OnListIfKnown is not null)
        {
            return TurnPlan.Call(intent, new PlannedCall(TaskToolNames.ListLists, new Dictionary<string, object?>()));
        }

        // A title that is pending already is not added twice ("add milk" when milk is on the shopping list); a day or a
        // priority said with it is given to the task there ("call mom tomorrow", "pay the bill, high priority").
        var plain = string.IsNullOrWhiteSpace(intent.Description);
        string[] titles = [intent.Title, .. intent.MoreTitles ?? []];
        return TurnPlan.Call(intent, [.. titles.Select(title =>
        {
            var arguments = new Dictionary<string, object?> { ["title"] = title };
            if (!string.IsNullOrWhiteSpace(intent.Description))
            {
                arguments["description"] = intent.Description;
            }

            if (plain)
            {
                arguments["existing"] = intent.MovesExisting ? "move" : "keep";
            }

            AddParts(arguments, intent, labelsArgument: "labels");
            return new PlannedCall(TaskToolNames.AddTask, arguments);
        })]);
    }

    /// <summary>The list, labels and priority an add or an update says, as the tools take them.</summary>
    private static void AddParts(Dictionary<string, object?> arguments, Intent intent, string labelsArgument)
    {
        if (intent.ListName is { } list)
        {
            arguments["list"] = list;
        }

        if (intent.Labels is { Count: > 0 } labels)
        {
            arguments[labelsArgument] = labels.ToArray();
        }

        if (intent.RemoveLabels is { } remove)
        {
            // No label named ("untag task 2", "remove the tags from it"): all of them go.
            if (remove.Count == 0)
            {
                arguments["labels"] = Array.Empty<string>();
            }
            else
            {
                arguments["remove_labels"] = remove.ToArray();
            }
        }

        if (intent.Priority is { } priority)
        {
            arguments["priority"] = priority;
        }

        if (intent is { RemindsAtDueOnly: true, Due: { } remindAt })
        {
            arguments["remind_at"] = remindAt;
        }
        else if (intent.Due is { } due)
        {
            arguments["due"] = due;
        }

        if (intent.DueShift is { } shift)
        {
            arguments["due_shift"] = shift;
        }

        if (intent.StopsRepeating)
        {
            arguments["repeat"] = false;
        }

        if (intent.RemovesReminders)
        {
            arguments["remove_reminders"] = true;
        }

        if (intent is { RemindMinutesBefore: { } minutes, RemindsAtDueOnly: false })
        {
            arguments["remind_minutes_before"] = minutes;
        }
    }

    private static Dictionary<string, object?> DeleteListArguments(Intent intent)
    {
        var arguments = new Dictionary<string, object?> { ["list"] = intent.ListName };
        if (intent.TasksOnDelete is { } tasks)
        {
            arguments["tasks"] = tasks;
        }

        return arguments;
    }

    private static Dictionary<string, object?> ListArguments(Intent intent)
    {
        var arguments = new Dictionary<string, object?>();
        if (intent.Focus is null && intent.Status is { } status)
        {
            arguments["status"] = status;
        }

        if (intent.Focus is null && intent.Query is { } query)
        {
            arguments["query"] = query;
        }

        if (intent.Focus is null && intent.ListName is { } list)
        {
            arguments["list"] = list;
        }

        if (intent.Focus is null && intent.Sort is { } sort)
        {
            arguments["sort"] = sort;
        }

        var parts = RequestParts.Filter(intent.Labels is [var label, ..] ? label : null, intent.Priority);
        if (intent.Focus is null && (parts, intent.DueFilter) switch
            {
                (null, null) => null,
                (_, null) => parts,
                (null, _) => intent.DueFilter,
                _ => parts + " & " + intent.DueFilter,
            } is { } filter)
        {
            arguments["filter"] = filter;
        }

        return arguments;
    }

    private static TurnPlan PlanChange(Intent intent, ConversationView view, int index, IReadOnlyList<ListedTask>? choices)
    {
        if (string.IsNullOrWhiteSpace(intent.Reference))
        {
            return TurnPlan.Ask(intent, ReplyFormat.WhichTask(intent.Verb), PendingQuestion.WhichTask);
        }

        // "complete the shopping list", "clear the shopping list": a list is not a task, so no task is guessed from its name.
        if (IntentParser.ListInsteadOfTask(intent.Reference) is { } listName)
        {
            return TurnPlan.Say(intent, Replies.ListIsNotATask(listName));
        }

        var resolved = intent.NamesEachPart && IntentParser.NamedOneByOne(intent.Reference) is { } parts
            ? new ResolvedReference(parts, null)
            : ReferenceResolver.Resolve(intent.Reference, view, index, choices, intent.Verb);
        if (resolved.Problem is { } problem)
        {
            return TurnPlan.Ask(intent, problem, resolved.Asks);
        }

        if (resolved.NeedsList)
        {
            return ListToPickFrom(intent, view, index, resolved);
        }

        if (intent.DateProblem is { } dateProblem)
        {
            return TurnPlan.Ask(intent, dateProblem, PendingQuestion.WhatDate);
        }

        if (intent.Kind == IntentKind.Update && intent.Title is null && intent.Description is null && !intent.ChangesParts)
        {
            return TurnPlan.Ask(intent, ReplyFormat.AskNewTitle, PendingQuestion.WhatTitle);
        }

        var name = intent.Kind switch
        {
            IntentKind.Complete => TaskToolNames.CompleteTask,
            IntentKind.Reopen => TaskToolNames.ReopenTask,
            IntentKind.Delete => TaskToolNames.DeleteTask,
            _ => TaskToolNames.UpdateTask,
        };

        // A rename names one task; the other actions take several ("complete 3 and 4", "move 1 and 2 to Work").
        var tasks = intent.Kind == IntentKind.Update && (intent.Title is not null || intent.Description is not null)
            ? resolved.Tasks.Take(1)
            : resolved.Tasks;
        return new TurnPlan(intent, [.. tasks.Select(task => new PlannedCall(name, ChangeArguments(intent, task)))], null);
    }

    /// <summary>
    /// The list a position ("the first one") or "the last task I added" is picked from, read before the task is offered: the
    /// pending tasks of the list named with the task or in the message (unless it is where the task moves to), or every
    /// task newest first.
    /// </summary>
    private static TurnPlan ListToPickFrom(Intent intent, ConversationView view, int index, ResolvedReference resolved)
    {
        Intent listing;
        if (resolved.NeedsNewest)
        {
            listing = new Intent(IntentKind.List) { Status = "all", Sort = "newest" };
        }
        else
        {
            var said = RequestParts.ScopeOf(view.Turns[index].Text).List;
            var from = RequestParts.ScopeOf(intent.Reference ?? "").List
                ?? (string.Equals(said, intent.ListName, StringComparison.OrdinalIgnoreCase) ? null : said);
            listing = new Intent(IntentKind.List) { Status = "pending", ListName = from };
        }

        return TurnPlan.Call(intent with { PicksFromList = true }, new PlannedCall(TaskToolNames.ListTasks, ListArguments(listing)));
    }

    private static Dictionary<string, object?> ChangeArguments(Intent intent, string task)
    {
        var arguments = new Dictionary<string, object?> { ["task"] = task };
        if (intent.Kind == IntentKind.Update)
        {
            if (intent.Title is not null)
            {
                arguments["title"] = intent.Title;
            }

            if (intent.Description is not null)
            {
                arguments["description"] = intent.Description;
            }

            AddParts(arguments, intent, labelsArgument: "add_labels");
        }
        else if (ReferenceResolver.ListSaid(intent.Reference ?? "") is { } list)
        {
            // "delete milk from my work list": only the Work list's milk, never another list's.
            arguments["list"] = list;
        }

        return arguments;
    }

    private static Dictionary<string, object?> ActivityArguments(Intent intent)
    {
        var arguments = new Dictionary<string, object?> { ["limit"] = 20 };
        if (intent.Day is { } day)
        {
            arguments["day"] = day;
        }

        if (intent.Source is { } source)
        {
            arguments["source"] = source;
        }

        return arguments;
    }

    /// <summary>A task out of the trash: its number or title words, or a position in the trash the engine last showed.</summary>
    private static TurnPlan PlanRestore(Intent intent, ConversationView view, int index, IReadOnlyList<ListedTask>? choices)
    {
        if (string.IsNullOrWhiteSpace(intent.Reference))
        {
            return TurnPlan.Ask(intent, ReplyFormat.WhichTask(intent.Verb), PendingQuestion.WhichTask);
        }

        var resolved = intent.NamesEachPart && IntentParser.NamedOneByOne(intent.Reference) is { } parts
            ? new ResolvedReference(parts, null)
            : ReferenceResolver.Resolve(intent.Reference, view, index, choices, intent.Verb);
        if (resolved.Problem is { } problem)
        {
            return TurnPlan.Ask(intent, problem, resolved.Asks);
        }

        if (resolved.NeedsList)
        {
            return ListToPickFrom(intent, view, index, resolved);
        }

        return new TurnPlan(intent, [.. resolved.Tasks.Select(task => new PlannedCall(TaskToolNames.RestoreTask, new Dictionary<string, object?> { ["task"] = task }))], null);
    }

    /// <summary>
    /// A change to many tasks: first the tasks it would change, shown with a question (list_tasks with its filter, or the
    /// tasks last shown); once confirmed, bulk_tasks for the very tasks the question showed (by the filter when it showed
    /// only some of them).
    /// </summary>
    private static TurnPlan PlanBulk(Intent intent, ConversationView view, int index)
    {
        if (intent.Confirmed)
        {
            var arguments = new Dictionary<string, object?> { ["action"] = intent.BulkAction };
            if (intent.Numbers is { Count: > 0 } numbers)
            {
                arguments["tasks"] = numbers.Select(number => number.ToString(CultureInfo.InvariantCulture)).ToArray();
            }
            else if (intent.Filter is { } confirmedFilter)
            {
                arguments["filter"] = confirmedFilter;
            }
            else
            {
                return TurnPlan.Say(intent, Replies.WhichTasks);
            }

            if (intent.ListName is { } list)
            {
                arguments["list"] = list;
            }

            if (intent.Labels is [var label, ..])
            {
                arguments["label"] = label;
            }

            if (intent.Priority is { } priority)
            {
                arguments["priority"] = priority;
            }

            if (intent.Due is { } due)
            {
                arguments["due"] = due;
            }

            return TurnPlan.Call(intent, new PlannedCall(TaskToolNames.BulkTasks, arguments));
        }

        if (intent.LastShown)
        {
            var shown = view.LatestList(index);
            return shown.Count == 0
                ? TurnPlan.Say(intent, Replies.WhichTasks)
                : TurnPlan.Say(intent, ReplyWriter.ConfirmQuestion(intent, [.. shown.Select(task => (task.Number, task.Title))], shown.Count))
                    with { Asks = new Question(PendingQuestion.Confirm, shown) };
        }

        return TurnPlan.Call(intent, new PlannedCall(TaskToolNames.ListTasks, new Dictionary<string, object?> { ["filter"] = intent.Filter }));
    }

    /// <summary>Only a task was named ("the second one", "task 5"), with no action: ask what to do with it.</summary>
    private static TurnPlan PlanPick(Intent intent, ConversationView view, int index)
    {
        var resolved = ReferenceResolver.Resolve(intent.Reference ?? "", view, index, choices: null, "use");
        if (resolved.Problem is { } problem)
        {
            return TurnPlan.Ask(intent, problem, resolved.Asks);
        }

        if (resolved.Tasks.Count != 1 || !int.TryParse(resolved.Tasks[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return TurnPlan.Say(intent, Replies.NotUnderstood);
        }

        var title = view.LatestList(index).FirstOrDefault(task => task.Number == number)?.Title;
        return TurnPlan.Say(intent, Replies.WhatToDoWith(number, title)) with { Mentions = [number] };
    }
}
