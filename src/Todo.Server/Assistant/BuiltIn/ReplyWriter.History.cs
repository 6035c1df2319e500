using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Todo.Server.Assistant.BuiltIn;

/// <summary>The replies about undo, the trash, the activity log and bulk changes, and the questions that confirm the last two.</summary>
internal static partial class ReplyWriter
{
    /// <summary>How many titles a question or a bulk reply names before "…and N more".</summary>
    private const int NamedTitles = 8;

    /// <summary>
    /// The question before a bulk change or emptying the trash: how many tasks and which, and what yes will do. Its tasks
    /// are those of <paramref name="shown"/>; <paramref name="count"/> is how many in all.
    /// </summary>
    public static string ConfirmQuestion(Intent intent, IReadOnlyList<(int Number, string Title)> shown, int count)
    {
        var them = count == 1 ? "it" : count == 2 ? "both" : string.Create(CultureInfo.InvariantCulture, $"all {count}");
        var what = intent.Kind == IntentKind.EmptyTrash
            ? $"Remove {them} from the trash for good? This can't be undone."
            : intent.BulkAction switch
            {
                "complete" => $"Mark {them} as done?",
                "reopen" => $"Reopen {them}?",
                "delete" => $"Delete {them}? (Deleted tasks go to the trash.)",
                "move" => $"Move {them} to your {intent.ListName} list?",
                "set_due" => $"Move {them} to {intent.Due}?",
                "set_priority" => $"Set {them} to {intent.Priority} priority?",
                "add_label" => $"Tag {them} with {(intent.Labels is [var first, ..] ? first : "")}?",
                _ => $"Change {them}?",
            };
        var where = intent.Kind == IntentKind.EmptyTrash ? " in your trash" : "";
        return string.Create(CultureInfo.InvariantCulture, $"That's {count} task{(count == 1 ? "" : "s")}{where}: {Titles(shown, count)}. {what} ") +
            (count == 1 ? "Say yes to go ahead, or no to leave it as it is." : "Say yes to go ahead, or no to leave them as they are.");
    }

    /// <summary>The question a preview's result asks (with the tasks it showed; none when it showed only some), or null.</summary>
    private static Question? ConfirmAsked(Intent? intent, JsonElement result)
    {
        // "delete the reminder for the dentist" when the task has none: the task itself, offered.
        if (WithoutReminder(intent, result) is { } reminderless)
        {
            return new Question(PendingQuestion.Confirm, [reminderless]);
        }

        // The list read to offer one task from ("the first one", "the last task I added"): only that task is confirmed.
        if (intent is { PicksFromList: true } && Text(result, "action") == TaskToolActions.Listed)
        {
            var shown = result.TryGetProperty("tasks", out var listed) ? Tasks(listed) : [];
            return ReferenceResolver.PositionsIn(intent.Reference ?? "", shown) is { Count: > 0 } offered
                ? new Question(PendingQuestion.Confirm, offered)
                : null;
        }

        // "done with groceries": a completion that became the whole list's when no task had the words.
        if (intent is { Kind: IntentKind.Complete } && intent.InsteadOfMissing() is { Kind: IntentKind.Bulk } wholeList)
        {
            intent = wholeList;
        }

        if (intent is { Kind: IntentKind.Undo, Confirmed: false } && Text(result, "action") == TaskToolActions.ListedActivity)
        {
            return Undoable(result, intent.UndoCount).Count > 0 ? Question.Of(PendingQuestion.Confirm) : null;
        }

        if (intent is null || intent.Confirmed || !(intent.Kind == IntentKind.Bulk && Text(result, "action") == TaskToolActions.Listed
            || intent.Kind == IntentKind.EmptyTrash && Text(result, "action") == TaskToolActions.ListedTrash))
        {
            return null;
        }

        var count = Number(result, "count") ?? 0;
        var tasks = result.TryGetProperty("tasks", out var items) ? Tasks(items) : [];
        return count == 0 ? null : new Question(PendingQuestion.Confirm, tasks.Count == count && !IsTrue(result, "truncated") ? tasks : []);
    }

    /// <summary>
    /// For reminders taken off a task named by what the reminder is for ("cancel my reminder for the dentist"): the task, when
    /// it had none (people call a task a reminder, so deleting the task itself is offered); null otherwise.
    /// </summary>
    private static ListedTask? WithoutReminder(Intent? intent, JsonElement result) =>
        intent is { OffersTaskIfNoReminders: true } && Text(result, "action") == TaskToolActions.Updated
        && !(result.TryGetProperty("changed", out var changed) && changed.GetArrayLength() > 0)
        && result.TryGetProperty("task", out var task) && task.ValueKind == JsonValueKind.Object && Number(task, "number") is { } number
            ? new ListedTask(1, number, Text(task, "title") ?? "")
            : null;

    /// <summary>The reply to a result of the history and bulk tools; null for the other tools' results.</summary>
    private static string? HistoryReply(JsonElement result, string? action, Intent intent)
    {
        if (WithoutReminder(intent, result) is { } reminderless)
        {
            return $"{Capital(ReplyFormat.Task(reminderless.Number, reminderless.Title))} has no reminder. Delete the task itself? " +
                "(Deleted tasks go to the trash.) Say yes to go ahead, or no to leave it.";
        }

        switch (action)
        {
            case TaskToolActions.Listed when intent.PicksFromList:
                return Offered(result, intent);
            case TaskToolActions.Listed when intent.Kind == IntentKind.Bulk && !intent.Confirmed:
            case TaskToolActions.ListedTrash when intent.Kind == IntentKind.EmptyTrash && !intent.Confirmed:
                var count = Number(result, "count") ?? 0;
                if (count == 0)
                {
                    return intent.Kind == IntentKind.EmptyTrash ? "Your trash is already empty."
                        : intent.Reference is { } words ? $"I couldn't find a task or a list matching \"{words}\". Say \"show my tasks\" to see them all."
                        : "No tasks match that, so nothing needs changing.";
                }

                return ConfirmQuestion(intent, Lines(result), count);
            case TaskToolActions.ListedTrash:
                var trashed = Lines(result);
                return trashed.Count == 0
                    ? "Your trash is empty."
                    : string.Create(CultureInfo.InvariantCulture, $"Your trash has {trashed.Count} task{(trashed.Count == 1 ? "" : "s")}:\n") +
                      string.Join("\n", trashed.Select((task, i) => ReplyFormat.ListLine(i + 1, task.Number, task.Title, showDone: false))) +
                      "\nSay \"restore\" and the task to bring one back.";
            case TaskToolActions.TrashEmptied:
                var removed = Number(result, "removed") ?? 0;
                return removed == 0
                    ? "Your trash was already empty."
                    : string.Create(CultureInfo.InvariantCulture, $"Emptied the trash: {removed} task{(removed == 1 ? "" : "s")} removed for good.");
            case TaskToolActions.BulkChanged:
                return BulkDone(result, intent);
            case TaskToolActions.Undone:
                return Undone(result);
            case TaskToolActions.ListedActivity when intent.Kind == IntentKind.Undo:
                return UndoQuestion(result, intent.UndoCount);
            case TaskToolActions.ListedActivity:
                return Activity(result, intent);
            default:
                return null;
        }
    }

    private static string? HistoryFailure(JsonElement result, Intent intent)
    {
        var message = Text(result, "message");
        return Text(result, "error") switch
        {
            TaskToolErrors.NothingToUndo => "There's nothing to undo.",
            TaskToolErrors.AlreadyUndone => "That was undone already.",
            TaskToolErrors.Conflict => $"I can't undo that: {message}",
            TaskToolErrors.NotFound when intent.Kind == IntentKind.Restore => $"{message} Say \"what's in the trash?\" to see it.",
            TaskToolErrors.Invalid when intent.Kind == IntentKind.Bulk => $"Sorry, I couldn't do that: {message}",
            _ => null,
        };
    }

    private static string BulkDone(JsonElement result, Intent intent)
    {
        var matched = Number(result, "matched") ?? 0;
        var changed = Number(result, "changed") ?? 0;
        var failed = result.TryGetProperty("failed", out var failures) && failures.ValueKind == JsonValueKind.Array
            ? failures.EnumerateArray().Select(f => (Task: Number(f, "task"), Detail: Text(f, "detail") ?? "")).ToList()
            : [];
        var reply = new StringBuilder();
        if (changed == 0)
        {
            reply.Append(matched == 0 ? "No tasks matched, so nothing changed." : "They were all as asked already, so nothing changed.");
        }
        else
        {
            var tasks = string.Create(CultureInfo.InvariantCulture, $"{changed} task{(changed == 1 ? "" : "s")}");
            var shown = Lines(result);
            reply.Append(Text(result, "bulk_action") switch
            {
                "complete" => $"Done! Marked {tasks} as complete",
                "reopen" => $"Reopened {tasks}",
                "delete" => $"Deleted {tasks} (they're in the trash)",
                "move" => $"Moved {tasks} to your {intent.ListName} list",
                "set_due" => $"Moved {tasks} to {intent.Due}",
                "set_priority" => $"Set {tasks} to {intent.Priority} priority",
                "add_label" => $"Tagged {tasks} with {(intent.Labels is [var first, ..] ? first : "")}",
                "remove_label" => $"Removed the label from {tasks}",
                _ => $"Changed {tasks}",
            });
            reply.Append(shown.Count > 0 ? ": " + Titles(shown, matched) + "." : ".");
            if (matched > changed)
            {
                reply.Append(CultureInfo.InvariantCulture, $" {matched - changed} {(matched - changed == 1 ? "was" : "were")} already as asked.");
            }

            if (IsTrue(result, "list_created"))
            {
                reply.Append(CultureInfo.InvariantCulture, $" You didn't have a {intent.ListName} list, so I created it.");
            }

            reply.Append(" Say \"undo\" to take it back.");
        }

        foreach (var (task, detail) in failed.Take(NamedTitles))
        {
            reply.Append(task is { } number ? string.Create(CultureInfo.InvariantCulture, $" Not changed: #{number} — {detail}") : $" Not changed: {detail}");
        }

        return reply.ToString();
    }

    private static string Undone(JsonElement result)
    {
        var count = Number(result, "undone") ?? 0;
        var lines = result.TryGetProperty("tasks", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Select(task => (Number: Number(task, "number") ?? 0, Title: Text(task, "title") ?? "", Kind: Text(task, "kind"))).ToList()
            : [];
        if (lines.Count == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Undone: {count} change{(count == 1 ? "" : "s")} taken back.");
        }

        var parts = lines.Take(NamedTitles).Select(line =>
        {
            var named = ReplyFormat.Task(line.Number, line.Title);
            return line.Kind switch
            {
                "restored" => $"{named} is back",
                "deleted" => $"{named} is removed again (in the trash)",
                "reopened" => $"{named} is pending again",
                "completed" or "recurred" => $"{named} is done again",
                _ => $"{named} is back as it was",
            };
        }).ToList();
        var more = count > parts.Count ? string.Create(CultureInfo.InvariantCulture, $", and {count - parts.Count} more") : "";
        return $"Undone: {string.Join("; ", parts)}{more}.";
    }

    private static string Activity(JsonElement result, Intent intent)
    {
        var events = result.TryGetProperty("events", out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray().ToList() : [];
        var when = intent.Day is { } day ? " " + day : "";
        if (intent.Source == "assistant")
        {
            var latest = events.Where(e => Number(e, "batch") == 1).ToList();
            if (latest.Count == 0)
            {
                return $"I haven't changed any of your tasks{when}.";
            }

            var undone = latest.All(e => IsTrue(e, "undone")) ? " (since undone)" : "";
            return $"Last time, I {string.Join(", ", latest.AsEnumerable().Reverse().Take(NamedTitles).Select(e => Event(e, withTime: false)))}{undone}.";
        }

        if (events.Count == 0)
        {
            return intent.Day is null ? "Nothing has changed in your tasks yet." : $"Nothing changed in your tasks{when}.";
        }

        var reply = new StringBuilder(intent.Day is null ? "Your latest changes, newest first:" : $"What changed{when}, newest first:");
        foreach (var e in events.Take(12))
        {
            reply.Append("\n• ").Append(Event(e, withTime: true)).Append(' ').Append(Source(e)).Append(IsTrue(e, "undone") ? " (undone)" : "");
        }

        if (events.Count > 12)
        {
            reply.Append(CultureInfo.InvariantCulture, $"\n…and {events.Count - 12} more.");
        }

        return reply.ToString();
    }

    /// <summary>
    /// The events of the <paramref name="count"/> latest batches that undo_last would take back (neither undone nor an undo),
    /// newest first, from an activity result.
    /// </summary>
    private static List<JsonElement> Undoable(JsonElement result, int count)
    {
        var events = result.TryGetProperty("events", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Where(e => !IsTrue(e, "undone") && !IsTrue(e, "is_undo")).ToList()
            : [];
        var batches = events.Select(e => Number(e, "batch")).Distinct().Take(count).ToHashSet();
        return [.. events.Where(e => batches.Contains(Number(e, "batch")))];
    }

    /// <summary>
    /// "Your latest change, made on the page at 09:12: deleted task #4 "Call mom". Undo it?": asked before an undo when this
    /// conversation changed nothing, so the person sees what it would take back.
    /// </summary>
    private static string UndoQuestion(JsonElement result, int count)
    {
        var events = Undoable(result, count);
        if (events.Count == 0)
        {
            return "There's nothing to undo.";
        }

        var batches = events.Select(e => Number(e, "batch")).Distinct().Count();
        var what = events.AsEnumerable().Reverse().Take(NamedTitles).Select(e => Event(e, withTime: false)).ToList();
        var more = events.Count > what.Count ? string.Create(CultureInfo.InvariantCulture, $" and {events.Count - what.Count} more") : "";
        var latest = events[0];
        var header = batches == 1
            ? $"Your latest change, made {Source(latest)} at {Text(latest, "time")}"
            : string.Create(CultureInfo.InvariantCulture, $"Your latest {batches} changes");
        var question = batches == 1 ? "Undo it? Say yes to go ahead, or no to leave it as it is." : "Undo them? Say yes to go ahead, or no to leave them as they are.";
        return $"{header}: {string.Join(", ", what)}{more}. {question}";
    }

    /// <summary>Where an activity event came from: "on the page", "through the API", "by me".</summary>
    private static string Source(JsonElement e) => Text(e, "source") switch
    {
        "web" => "on the page",
        "assistant" => "by me",
        "mcp" => "by an app",
        "api" => "through the API",
        "import" => "by an import",
        var other => "by " + other,
    };

    /// <summary>"completed task #3 "Call mom"", with "at 09:00" first when <paramref name="withTime"/>.</summary>
    private static string Event(JsonElement e, bool withTime)
    {
        var task = e.GetProperty("task");
        var named = ReplyFormat.Task(Number(task, "number") ?? 0, Text(task, "title") ?? "");
        var changed = e.TryGetProperty("changed", out var fields) && fields.ValueKind == JsonValueKind.Array
            ? fields.EnumerateArray().Select(f => f.GetString()).OfType<string>().ToList()
            : [];
        var what = Text(e, "kind") switch
        {
            "created" => $"added {named}",
            "completed" => $"completed {named}",
            "reopened" => $"reopened {named}",
            "deleted" => $"deleted {named}",
            "restored" => $"restored {named}",
            "moved" => $"moved {named}",
            "recurred" => $"completed {named} (it repeats)",
            _ => changed.Count > 0 ? $"changed the {string.Join(", ", changed.Select(f => f.Replace('_', ' ')))} of {named}" : $"changed {named}",
        };
        return withTime ? $"{Text(e, "time")} {what}" : what;
    }

    /// <summary>The tasks of a result's <c>tasks</c>, by number and title.</summary>
    private static List<(int Number, string Title)> Lines(JsonElement result) =>
        result.TryGetProperty("tasks", out var items) && items.ValueKind == JsonValueKind.Array
            ? [.. items.EnumerateArray().Select(task => (Number(task, "number") ?? 0, Text(task, "title") ?? ""))]
            : [];

    /// <summary>"The first task on your Groceries list is Milk (#1). Delete it?"; or how many there are, when fewer.</summary>
    private static string Offered(JsonElement result, Intent intent)
    {
        var tasks = result.TryGetProperty("tasks", out var listed) ? Tasks(listed) : [];
        var where = Text(result, "list") is { } list ? $"on your {list} list" : "on your list";
        var several = ReferenceResolver.PositionsIn(intent.Reference ?? "", tasks);
        if (several.Count > 1)
        {
            var them = intent.Kind switch
            {
                IntentKind.Complete => "Mark them as done?",
                IntentKind.Delete => "Delete them? (Deleted tasks go to the trash.)",
                IntentKind.Reopen => "Reopen them?",
                IntentKind.Update when intent.Verb == "move" => $"Move them to your {intent.ListName} list?",
                _ => $"Shall I {intent.Verb} them?",
            };
            var end = several[0].Position > 1 ? "last" : "first";
            return string.Create(CultureInfo.InvariantCulture,
                $"The {end} {several.Count} tasks {where} are {Titles([.. several.Select(task => (task.Number, task.Title))], several.Count)}. {them} Say yes to go ahead, or no to leave them.");
        }

        if (several is not [var offered])
        {
            return tasks.Count == 0
                ? $"You have no pending tasks {where}."
                : string.Create(CultureInfo.InvariantCulture, $"You have only {tasks.Count} pending task{(tasks.Count == 1 ? "" : "s")} {where}. Which one do you mean?");
        }

        var question = intent.Kind switch
        {
            IntentKind.Complete => "Mark it as done?",
            IntentKind.Delete => "Delete it? (Deleted tasks go to the trash.)",
            IntentKind.Reopen => "Reopen it?",
            IntentKind.Update when intent.Title is { } title => $"Rename it to \"{title}\"?",
            IntentKind.Update when intent.Verb == "move" => $"Move it to your {intent.ListName} list?",
            _ => $"Shall I {intent.Verb} it?",
        };
        var which = ReferenceResolver.IsNewest(intent.Reference ?? "")
            ? "The task you added last"
            : $"The {ReplyFormat.Ordinal(offered.Position)} task {where}";
        return string.Create(CultureInfo.InvariantCulture,
            $"{which} is {offered.Title} (#{offered.Number}). {question} Say yes to go ahead, or no to leave it.");
    }

    /// <summary>"Milk (#1), Eggs (#2) and Bread (#3)", with "…and N more" past <see cref="NamedTitles"/>.</summary>
    private static string Titles(IReadOnlyList<(int Number, string Title)> tasks, int count)
    {
        var named = tasks.Take(NamedTitles).Select(task => string.Create(CultureInfo.InvariantCulture, $"{task.Title} (#{task.Number})")).ToList();
        var more = count - named.Count;
        if (more > 0)
        {
            return string.Join(", ", named) + string.Create(CultureInfo.InvariantCulture, $" and {more} more");
        }

        return named.Count <= 1 ? string.Join("", named) : string.Join(", ", named[..^1]) + " and " + named[^1];
    }
}
