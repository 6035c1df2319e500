using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Todo.Server.Data;
using Todo.Server.Dates;

namespace Todo.Server.Assistant.BuiltIn;

/// <summary>
/// Words the reply from the tools' results: short, friendly, naming every task it touched by number and
/// title. <see cref="Shown"/> says, from the same results, what such a reply showed, so that a later turn reads the
/// stored results rather than the reply's words.
/// </summary>
internal static partial class ReplyWriter
{
    /// <summary>Room for a list within the 2,000-character message column, with its header and footer.</summary>
    private const int ListBudget = Limits.MessageMaxLength - 200;

    /// <param name="plan">The turn's plan.</param>
    /// <param name="results">What its tools answered.</param>
    /// <param name="currentYear">Dates in this year are named without it ("Friday, 4 December").</param>
    public static string Write(TurnPlan plan, IReadOnlyList<FunctionResultContent> results, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(results);
        if (plan.Intent.Kind == IntentKind.Add && AddedTogether(results, plan.Intent, currentYear) is { } together)
        {
            return together;
        }

        var replies = results.Select(result => Read(result) is { } json ? Describe(json, plan.Intent, currentYear) : Replies.ToolFailed);
        var text = string.Join("\n", replies.Distinct(StringComparer.Ordinal));
        return text.Length == 0 ? Replies.ToolFailed : text;
    }

    /// <summary>
    /// What the reply written from <paramref name="results"/> shows: the tasks it lists in order (a list's tasks, or
    /// the candidates of an ambiguous reference), the tasks it names, and the question it asks ("Which one…?" after
    /// an ambiguous reference, offering the candidates). <paramref name="intent"/> is the plan's, when known.
    /// </summary>
    public static Shown Shown(Intent? intent, IReadOnlyList<FunctionResultContent> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        List<ListedTask> listed = [];
        List<int> mentioned = [];
        var asks = Question.None;
        foreach (var result in results)
        {
            if (Read(result) is not { } json)
            {
                continue;
            }

            if (!json.GetProperty("ok").GetBoolean())
            {
                if (Text(json, "error") == TaskToolErrors.HasTasks && asks.Kind == PendingQuestion.None)
                {
                    asks = Question.Of(PendingQuestion.TasksOnDelete);
                }

                if (Text(json, "error") == TaskToolErrors.Ambiguous && json.TryGetProperty("candidates", out var candidates)
                    && Tasks(candidates) is { Count: > 0 } choices)
                {
                    listed.AddRange(choices);
                    mentioned.AddRange(choices.Select(task => task.Number));
                    asks = asks.Kind == PendingQuestion.None ? new Question(PendingQuestion.WhichTask, choices) : asks;
                }

                continue;
            }

            if (ConfirmAsked(intent, json) is { } confirm)
            {
                asks = confirm;
                listed.AddRange(confirm.Choices);
                mentioned.AddRange(confirm.Choices.Select(task => task.Number));
            }
            else if (Text(json, "action") is TaskToolActions.ListedTrash)
            {
                var trashed = json.TryGetProperty("tasks", out var items) ? Tasks(items) : [];
                listed.AddRange(trashed);
            }
            else if (Text(json, "action") == TaskToolActions.Listed)
            {
                var tasks = json.TryGetProperty("tasks", out var items) ? Tasks(items) : [];
                if (intent?.Focus is { } focus)
                {
                    mentioned.AddRange(tasks.Where(task => task.Number == focus).Take(1).Select(task => task.Number));
                }
                else if (!(intent is { AsksCount: true } && json.TryGetProperty("count", out var count) && count.GetInt32() > 10))
                {
                    listed.AddRange(tasks);
                    mentioned.AddRange(tasks.Select(task => task.Number));
                }
            }
            else if (json.TryGetProperty("task", out var task) && task.ValueKind == JsonValueKind.Object
                && task.TryGetProperty("number", out var number) && number.ValueKind == JsonValueKind.Number)
            {
                mentioned.Add(number.GetInt32());
            }
        }

        return new Shown(listed, [.. mentioned.Distinct()], asks);
    }

    private static List<ListedTask> Tasks(JsonElement array) =>
        array.ValueKind != JsonValueKind.Array ? [] :
        [.. array.EnumerateArray()
            .Where(task => task.ValueKind == JsonValueKind.Object && task.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.Number)
            .Select((task, index) => new ListedTask(index + 1, task.GetProperty("number").GetInt32(), Text(task, "title") ?? ""))];

    /// <summary>
    /// Whether <paramref name="result"/> says its call changed something (a failure, a read, or a change that found everything
    /// as asked already changed nothing).
    /// </summary>
    public static bool ChangedSomething(FunctionResultContent result) =>
        Read(result) is { } json && json.GetProperty("ok").GetBoolean() && Text(json, "action") switch
        {
            null or TaskToolActions.Listed or TaskToolActions.ListedLists or TaskToolActions.ListedActivity or TaskToolActions.ListedTrash
                or TaskToolActions.AlreadyCompleted or TaskToolActions.AlreadyPending or TaskToolActions.AlreadyThere
                or TaskToolActions.ListExists => false,
            TaskToolActions.Updated => json.TryGetProperty("changed", out var changed) && changed.GetArrayLength() > 0,
            TaskToolActions.BulkChanged => Number(json, "changed") > 0,
            TaskToolActions.TrashEmptied => Number(json, "removed") > 0,
            _ => true,
        };

    /// <summary>Whether <paramref name="result"/> is a call that succeeded and found everything as asked already.</summary>
    public static bool LeftAsItWas(FunctionResultContent result) =>
        Read(result) is { } json && json.GetProperty("ok").GetBoolean() && !ChangedSomething(result);

    /// <summary>Whether <paramref name="result"/> is an undo that took a change back.</summary>
    public static bool TookBack(FunctionResultContent result) =>
        Read(result) is { } json && json.GetProperty("ok").GetBoolean() && Text(json, "action") == TaskToolActions.Undone;

    /// <summary>The names of the lists <paramref name="result"/> lists (a list_lists answer); null for any other result.</summary>
    public static IReadOnlyList<string>? ListNames(FunctionResultContent result) =>
        Read(result) is { } json && json.GetProperty("ok").GetBoolean() && Text(json, "action") == TaskToolActions.ListedLists
            && json.TryGetProperty("lists", out var lists) && lists.ValueKind == JsonValueKind.Array
            ? [.. lists.EnumerateArray().Select(list => Text(list, "name")).OfType<string>()]
            : null;

    /// <summary>Whether <paramref name="result"/> says no task has the words it was given.</summary>
    public static bool FoundNoTask(FunctionResultContent result) =>
        Read(result) is { } json && !json.GetProperty("ok").GetBoolean() && Text(json, "error") == TaskToolErrors.NotFound;

    private static JsonElement? Read(FunctionResultContent result)
    {
        if (result.Exception is not null)
        {
            return null;
        }

        try
        {
            var json = result.Result switch
            {
                JsonElement element => element,
                string text => JsonDocument.Parse(text).RootElement.Clone(),
                null => (JsonElement?)null,
                var value => JsonSerializer.SerializeToElement(value, value.GetType(), TaskTools.JsonOptions),
            };
            return json is { ValueKind: JsonValueKind.Object } element2 && element2.TryGetProperty("ok", out _) ? element2 : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(JsonElement result, Intent intent, int currentYear)
    {
        if (!result.GetProperty("ok").GetBoolean())
        {
            return Failure(result, intent);
        }

        var action = Text(result, "action");
        if (HistoryReply(result, action, intent) is { } history)
        {
            return history;
        }

        if (action == TaskToolActions.Listed)
        {
            return List(result, intent, currentYear);
        }

        if (action == TaskToolActions.ListedLists)
        {
            return Lists(result);
        }

        if (result.TryGetProperty("list", out var list) && list.ValueKind == JsonValueKind.Object)
        {
            return ListAction(result, action, list);
        }

        var task = result.GetProperty("task");
        var number = task.GetProperty("number").GetInt32();
        var title = Text(task, "title") ?? "";
        var named = ReplyFormat.Task(number, title);
        var due = When(task, currentYear) is { } when ? " — " + when : "";
        return action switch
        {
            TaskToolActions.Added => Text(task, "description") is { } description
                ? $"Added {named}{Destination(result, task)}{Parts(task)}{due} with the description \"{description}\".{Created(result, task)}{Reminded(result, intent, null)}"
                : $"Added {named}{Destination(result, task)}{Parts(task)}{due}.{Created(result, task)}{Reminded(result, intent, null)}",
            TaskToolActions.Completed when result.TryGetProperty("next_due", out var next) && next.ValueKind == JsonValueKind.Object =>
                $"Done — next: {Day(next, currentYear, withTime: true)}. {Capital(named)} repeats {Text(next, "repeats")}.",
            TaskToolActions.Completed => $"Done! Marked {named}{On(task)} as complete.",
            TaskToolActions.AlreadyCompleted => $"{Capital(named)} is already done.",
            TaskToolActions.AlreadyThere => $"{Capital(named)} is already {(On(task) is { Length: > 0 } on ? on.TrimStart() : "on your list")}, so I didn't add it again.{AskWhenToRemind(intent, task)}",
            TaskToolActions.Reopened => $"Reopened {named}{On(task)}; it's pending again.",
            TaskToolActions.AlreadyPending => $"{Capital(named)} is already pending.",
            TaskToolActions.Deleted => $"Deleted {named}{From(task)}. It's in the trash: say \"undo\" to bring it back.",
            TaskToolActions.Restored => $"Restored {named} from the trash{(Text(task, "list") is { } home && !IsInbox(home) ? $" to your {home} list" : "")}.",
            TaskToolActions.Updated => Updated(result, task, named, number, title, intent, currentYear),
            _ => $"Done: {named}.",
        };
    }

    /// <summary>
    /// Several plain tasks added to one list ("eggs, milk and bread") in one line: "Added 3 tasks to your Groceries list:
    /// Eggs (#9), Milk (#10) and Bread (#11).", followed by those that were there already ("Milk (#1) is already on your
    /// Groceries list."); null
    /// when any has more to say (a date, labels, a description, a failure).
    /// </summary>
    private static string? AddedTogether(IReadOnlyList<FunctionResultContent> results, Intent intent, int currentYear)
    {
        if (results.Count < 2)
        {
            return null;
        }

        List<(JsonElement Result, JsonElement Task)> added = [];
        List<(JsonElement Result, JsonElement Task)> there = [];
        foreach (var result in results)
        {
            if (Read(result) is not { } json || !json.GetProperty("ok").GetBoolean() || !json.TryGetProperty("task", out var task))
            {
                return null;
            }

            if (Text(json, "action") == TaskToolActions.AlreadyThere)
            {
                there.Add((json, task));
                continue;
            }

            if (Text(json, "action") != TaskToolActions.Added || Text(task, "description") is not null || Parts(task).Length > 0
                || (task.TryGetProperty("due", out var due) && due.ValueKind != JsonValueKind.Null))
            {
                return null;
            }

            added.Add((json, task));
        }

        if (added.Select(one => Text(one.Task, "list")).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            return null;
        }

        var kept = Titles([.. there.Select(one => (one.Task.GetProperty("number").GetInt32(), Text(one.Task, "title") ?? ""))], there.Count);
        var where = there.Select(one => On(one.Task)).Distinct(StringComparer.Ordinal).ToList() is [var one] && one.Length > 0 ? one : " on your list";
        var already = there.Count switch
        {
            0 => "",
            1 when added.Count == 0 => "",
            _ when added.Count == 0 => $"{kept} are already{where}, so I didn't add them again.",
            1 => $" {kept} is already{where}.",
            _ => $" {kept} are already{where}.",
        };
        if (added.Count == 0)
        {
            return already.Length > 0 ? already : null;
        }

        if (added.Count == 1)
        {
            return Describe(added[0].Result, intent, currentYear) + already;
        }

        var (first, firstTask) = added[0];
        var created = added.FirstOrDefault(one => IsTrue(one.Result, "list_created"));
        var titles = Titles([.. added.Select(one => (one.Task.GetProperty("number").GetInt32(), Text(one.Task, "title") ?? ""))], added.Count);
        return string.Create(CultureInfo.InvariantCulture,
            $"Added {added.Count} tasks{Destination(created.Task.ValueKind == JsonValueKind.Object ? created.Result : first, firstTask)}: {titles}.") +
            (created.Task.ValueKind == JsonValueKind.Object ? Created(created.Result, created.Task) : "") + already;
    }

    /// <summary>" When should I remind you?" after "remind me to buy stamps" left the task without a due; "" otherwise.</summary>
    private static string AskWhenToRemind(Intent intent, JsonElement task) =>
        intent.AsksWhenToRemind && Due(task) is null ? " When should I remind you?" : "";

    /// <summary>" I'll remind you 30 minutes before task #3 …" when the call set a reminder; "" otherwise.</summary>
    private static string Reminded(JsonElement result, Intent intent, string? named)
    {
        if (result.TryGetProperty("task", out var task) && AskWhenToRemind(intent, task) is { Length: > 0 } ask)
        {
            return ask;
        }

        if (!result.TryGetProperty("changed", out var changed) || !changed.EnumerateArray().Any(c => c.GetString() == "reminders")
            || intent.RemindMinutesBefore is not { } minutes)
        {
            return "";
        }

        var what = named ?? "it";
        if (Text(result, "reminds_at") is { } at && !changed.EnumerateArray().Any(c => c.GetString() == "due"))
        {
            return $" I'll remind you about {what} on {at}.";
        }

        return minutes == 0 ? $" I'll remind you when {what} is due." : $" I'll remind you {Duration(minutes)} before {what} is due.";
    }

    private static string Duration(int minutes) => minutes switch
    {
        _ when minutes % 10080 == 0 => Count(minutes / 10080, "week"),
        _ when minutes % 1440 == 0 => Count(minutes / 1440, "day"),
        _ when minutes % 60 == 0 => Count(minutes / 60, "hour"),
        _ => Count(minutes, "minute"),
    };

    private static string Count(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n.ToString(CultureInfo.InvariantCulture)} {unit}s";

    /// <summary>" on your Shopping list" for a task outside the Inbox; "" in the Inbox.</summary>
    private static string On(JsonElement task) => Text(task, "list") is { } list && !IsInbox(list) ? $" on your {list} list" : "";

    /// <summary>" from your Shopping list" for a task outside the Inbox; "" in the Inbox.</summary>
    private static string From(JsonElement task) => Text(task, "list") is { } list && !IsInbox(list) ? $" from your {list} list" : "";

    /// <summary>" to your Shopping list" for a task added outside the Inbox; "" in the Inbox.</summary>
    private static string Destination(JsonElement result, JsonElement task) =>
        Text(task, "list") is { } list && (IsTrue(result, "list_created") || !IsInbox(list)) ? $" to your {list} list" : "";

    /// <summary>" (I created the list Shopping: you didn't have it yet)" when the call made the list.</summary>
    private static string Created(JsonElement result, JsonElement task) =>
        IsTrue(result, "list_created") && Text(task, "list") is { } list ? $" You didn't have a {list} list, so I created it." : "";

    /// <summary>", labelled errands, with high priority" for a new task that has them.</summary>
    private static string Parts(JsonElement task)
    {
        var parts = new StringBuilder();
        if (Labels(task) is { Count: > 0 } labels)
        {
            parts.Append(", tagged ").Append(string.Join(", ", labels));
        }

        if (Text(task, "priority") is { } priority)
        {
            parts.Append(", with ").Append(priority).Append(" priority");
        }

        return parts.ToString();
    }

    private static string Updated(JsonElement result, JsonElement task, string named, int number, string title, Intent intent, int currentYear)
    {
        var changed = result.GetProperty("changed").EnumerateArray().Select(field => field.GetString()).ToList();
        var words = UpdatedWords(changed, task, named, number, title);
        List<string> sentences = words is null ? [] : [words];
        if (changed.Contains("due"))
        {
            sentences.Add(Due(task) is not { } due ? $"Removed the date from {named}."
                : Text(due, "repeats") is { } repeats && (intent.Due is null || IsRule(intent.Due))
                    ? $"{Capital(named)} now repeats {repeats}, next {Day(due, currentYear, withTime: false)}."
                : Text(due, "repeats") is { } kept ? $"{Capital(named)} is now due {Day(due, currentYear, withTime: true)}; it still repeats {kept}."
                : intent.StopsRepeating ? $"{Capital(named)} no longer repeats; it stays due {Day(due, currentYear, withTime: true)}."
                : $"{Capital(named)} is now due {Day(due, currentYear, withTime: true)}.");
        }

        if (changed.Contains("list"))
        {
            sentences.Add($"Moved {named} to your {Text(task, "list")} list.{Created(result, task)}");
        }

        if (changed.Contains("reminders"))
        {
            sentences.Add(intent.RemovesReminders ? $"I won't remind you about {named} anymore." : Reminded(result, intent, named).TrimStart());
        }

        if (changed.Contains("labels"))
        {
            var labels = Labels(task);
            sentences.Add((intent.Labels, intent.RemoveLabels) switch
            {
                ({ Count: > 0 } added, _) => $"Tagged {named} with {string.Join(", ", added)}.",
                (_, { Count: > 0 } removed) => $"Removed the {string.Join(", ", removed)} label{(removed.Count == 1 ? "" : "s")} from {named}.",
                _ when labels.Count == 0 => $"Removed all labels from {named}.",
                _ => $"The labels of {named} are now {string.Join(", ", labels)}.",
            });
        }

        if (changed.Contains("priority"))
        {
            sentences.Add(Text(task, "priority") is { } priority
                ? $"Set {named} to {priority} priority."
                : $"Removed the priority from {named}.");
        }

        if (sentences.Count > 0)
        {
            return string.Join(" ", sentences);
        }

        // Nothing changed: say what was already so.
        if (intent.RemovesReminders)
        {
            return $"{Capital(named)} has no reminders, so nothing changed.";
        }

        if (intent.StopsRepeating)
        {
            return $"{Capital(named)} doesn't repeat, so nothing changed.";
        }

        if (intent.Due == "none")
        {
            return $"{Capital(named)} has no date, so nothing changed.";
        }

        if (intent.Due is not null && When(task, currentYear) is { } already)
        {
            return $"{Capital(named)} is already due {already}, so nothing changed.";
        }

        if (intent.ListName is not null && Text(task, "list") is { } list)
        {
            return $"{Capital(named)} is already in your {list} list, so nothing changed.";
        }

        if (intent.Labels is { Count: > 0 } wanted)
        {
            return $"{Capital(named)} is already tagged {string.Join(", ", wanted)}, so nothing changed.";
        }

        if (intent.RemoveLabels is not null)
        {
            return $"{Capital(named)} doesn't have {(intent.RemoveLabels.Count == 0 ? "any labels" : $"the {string.Join(", ", intent.RemoveLabels)} label")}, so nothing changed.";
        }

        if (intent.Priority is { } asked)
        {
            return asked == "none"
                ? $"{Capital(named)} has no priority, so nothing changed."
                : $"{Capital(named)} is already {asked} priority, so nothing changed.";
        }

        return $"{Capital(named)} already says that, so nothing changed.";
    }

    /// <summary>The sentence about a new title or description; null when neither changed.</summary>
    private static string? UpdatedWords(List<string?> changed, JsonElement task, string named, int number, string title)
    {
        var description = Text(task, "description");
        var titleChanged = changed.Contains("title");
        var descriptionChanged = changed.Contains("description");
        return (titleChanged, descriptionChanged) switch
        {
            (true, false) => string.Create(CultureInfo.InvariantCulture, $"Renamed task #{number} to \"{title}\"."),
            (true, true) => string.Create(CultureInfo.InvariantCulture, $"Renamed task #{number} to \"{title}\" and updated its description."),
            (false, true) when description is null => $"Removed the description from {named}.",
            (false, true) => $"Updated the description of {named}: \"{description}\".",
            _ => null,
        };
    }

    private static string Lists(JsonElement result)
    {
        var lists = result.GetProperty("lists").EnumerateArray()
            .Select(list => (Name: Text(list, "name") ?? "", Pending: list.GetProperty("pending_count").GetInt32()))
            .ToList();
        var reply = new StringBuilder(lists.Count == 1 ? "You have one list:" : $"You have {lists.Count} lists:");
        var position = 0;
        foreach (var (name, pending) in lists)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"\n{++position}. {name} — {(pending == 0 ? "nothing" : pending.ToString(CultureInfo.InvariantCulture))} pending");
            if (reply.Length + line.Length > ListBudget)
            {
                reply.Append(CultureInfo.InvariantCulture, $"\n…and {lists.Count - position + 1} more.");
                break;
            }

            reply.Append(line);
        }

        return reply.ToString();
    }

    private static string ListAction(JsonElement result, string? action, JsonElement list)
    {
        var name = Text(list, "name") ?? "";
        return action switch
        {
            TaskToolActions.ListCreated => $"Created the list \"{name}\". Add to it with \"add milk to my {name} list\".",
            TaskToolActions.ListExists => $"You already have a list called \"{name}\", so nothing changed.",
            TaskToolActions.ListRenamed => $"Renamed the list \"{Text(result, "old_name")}\" to \"{name}\".",
            TaskToolActions.ListDeleted => Number(result, "tasks_moved") is { } moved
                ? string.Create(CultureInfo.InvariantCulture, $"Deleted the list \"{name}\" and moved its {moved} task{(moved == 1 ? "" : "s")} to your Inbox.")
                : Number(result, "tasks_deleted") is { } deleted
                    ? string.Create(CultureInfo.InvariantCulture, $"Deleted the list \"{name}\" and its {deleted} task{(deleted == 1 ? "" : "s")}.")
                    : $"Deleted the list \"{name}\".",
            _ => $"Done: the list \"{name}\".",
        };
    }

    private static string Failure(JsonElement result, Intent intent)
    {
        var reference = Text(result, "reference") ?? "";
        if (HistoryFailure(result, intent) is { } history)
        {
            return history;
        }

        if (Text(result, "error") == TaskToolErrors.HasTasks)
        {
            var count = Number(result, "task_count") ?? 0;
            var name = result.TryGetProperty("lists", out var named) && named.ValueKind == JsonValueKind.Array && named.GetArrayLength() > 0
                ? named[0].GetString() : intent.ListName;
            return string.Create(CultureInfo.InvariantCulture,
                $"The {name} list has {count} task{(count == 1 ? "" : "s")}. Should I move {(count == 1 ? "it" : "them")} to your Inbox or delete {(count == 1 ? "it" : "them")} with the list? ") +
                $"Say \"move them\", \"delete them\" or \"cancel\".";
        }

        if (Text(result, "error") == TaskToolErrors.NotFound && Text(result, "argument") == TaskToolArguments.List)
        {
            var lists = result.TryGetProperty("lists", out var names) && names.ValueKind == JsonValueKind.Array
                ? names.EnumerateArray().Select(n => n.GetString()).OfType<string>().ToList()
                : [];
            var wanted = Text(result, "reference") ?? intent.ListName ?? "that";
            return $"You don't have a list called \"{wanted}\"." + (lists.Count > 0 ? $" Your lists are: {string.Join(", ", lists)}." : "");
        }

        switch (Text(result, "error"))
        {
            case TaskToolErrors.Ambiguous:
                var candidates = result.GetProperty("candidates").EnumerateArray().ToList();
                var lines = candidates.Select((task, index) => ReplyFormat.ListLine(
                    index + 1, task.GetProperty("number").GetInt32(), Text(task, "title") ?? "", task.GetProperty("is_completed").GetBoolean()));
                return $"{ReplyFormat.WhichOne(intent.Verb)} Several tasks match \"{reference}\":\n{string.Join("\n", lines)}\n" +
                    "Tell me the number, or say \"the first one\".";
            case TaskToolErrors.NotFound when Text(result, "on_list") is { } onList:
                return TaskReferenceMatcher.ParseNumber(reference) is { } onListNumber
                    ? string.Create(CultureInfo.InvariantCulture, $"Task #{onListNumber} isn't on your {onList} list, so I left it alone.")
                    : $"I couldn't find \"{reference}\" on your {onList} list, so nothing changed.";
            case TaskToolErrors.NotFound:
                return TaskReferenceMatcher.ParseNumber(reference) is { } number
                    ? string.Create(CultureInfo.InvariantCulture, $"You don't have a task number {number}. Say \"show my tasks\" to see them all.")
                    : reference.Length > 0
                        ? $"I couldn't find a task matching \"{reference}\". Say \"show my tasks\" to see them all."
                        : Text(result, "message") ?? Replies.ToolFailed;
            case TaskToolErrors.Invalid when Text(result, "argument") == TaskToolArguments.RemindMinutesBefore && intent.Due is null:
                return "That task has no due yet, so there is no time to remind you at. When should I remind you? Say a day or a time, like \"tomorrow at 9\".";
            default:
                return $"Sorry, I couldn't do that: {Text(result, "message")}";
        }
    }

    private static string List(JsonElement result, Intent intent, int currentYear)
    {
        var status = Text(result, "status") ?? "all";
        var query = Text(result, "query");
        var count = result.GetProperty("count").GetInt32();
        var tasks = result.GetProperty("tasks").EnumerateArray()
            .Select(task => (Number: task.GetProperty("number").GetInt32(), Title: Text(task, "title") ?? "", Done: task.GetProperty("is_completed").GetBoolean()))
            .ToList();

        if (intent.Focus is { } focus)
        {
            var found = tasks.FirstOrDefault(task => task.Number == focus);
            return found.Title is null || found.Number != focus
                ? string.Create(CultureInfo.InvariantCulture, $"You don't have a task number {focus}.")
                : $"{Capital(ReplyFormat.Task(found.Number, found.Title))} is {(found.Done ? "done" : "pending")}.";
        }

        var scope = Scope(result, intent);
        if (scope.Length > 0)
        {
            if (count == 0)
            {
                return query is null
                    ? $"You have no {Adjective(status)}tasks{scope}."
                    : $"You have no {Adjective(status)}tasks{scope} matching \"{query}\".";
            }

            var scoped = $"You have {Tasks(count, status)}{scope}" + (query is null ? "" : $" matching \"{query}\"");
            return intent.AsksCount && count > 10 ? scoped + "." : Lines(scoped, result, count, status, currentYear);
        }

        if (count == 0)
        {
            return (status, query) switch
            {
                (_, not null) => $"You have no {Adjective(status)}tasks matching \"{query}\".",
                ("pending", _) => "Nothing pending — you're all caught up!",
                ("completed", _) => "You haven't completed any tasks yet.",
                _ => "You don't have any tasks yet. Try \"add buy milk\".",
            };
        }

        var header = intent.AsksCount ? CountHeader(status, query, count, tasks) : ListHeader(status, query, count);
        if (intent.AsksCount && count > 10)
        {
            return header + ".";
        }

        return Lines(header, result, count, status, currentYear);
    }

    /// <summary>The header, then one line per task while they fit, then how many more there are.</summary>
    private static string Lines(string header, JsonElement result, int count, string status, int currentYear)
    {
        var listed = Text(result, "list");
        var reply = new StringBuilder(header).Append(Text(result, "sort") switch
        {
            "priority" => ", most important first",
            "due" => ", soonest due first",
            "-created_at" => ", newest first",
            "created_at" => ", oldest first",
            _ => "",
        }).Append(':');
        var shown = 0;
        foreach (var task in result.GetProperty("tasks").EnumerateArray())
        {
            var line = ReplyFormat.ListLine(shown + 1, task.GetProperty("number").GetInt32(), Text(task, "title") ?? "",
                showDone: status == "all" && task.GetProperty("is_completed").GetBoolean()) + LineParts(task, listed, currentYear);
            if (reply.Length + line.Length + 1 > ListBudget)
            {
                break;
            }

            reply.Append('\n').Append(line);
            shown++;
        }

        if (count > shown)
        {
            reply.Append(CultureInfo.InvariantCulture, $"\n…and {count - shown} more.");
        }

        return reply.ToString();
    }

    /// <summary>" · Shopping · high priority · @errands": the parts of a listed task worth showing.</summary>
    private static string LineParts(JsonElement task, string? listed, int currentYear)
    {
        var parts = new StringBuilder();
        if (When(task, currentYear) is { } when)
        {
            parts.Append(" · ").Append(Due(task) is { } due && Text(due, "repeats") is null ? "due " + when : when);
        }

        if (listed is null && Text(task, "list") is { } list && !IsInbox(list))
        {
            parts.Append(" · ").Append(list);
        }

        if (Text(task, "priority") is { } priority)
        {
            parts.Append(" · ").Append(priority).Append(" priority");
        }

        foreach (var label in Labels(task))
        {
            parts.Append(" · @").Append(label);
        }

        return parts.ToString();
    }

    /// <summary>" on your Shopping list", " tagged errands", " with high priority": what a scoped list answer covers.</summary>
    private static string Scope(JsonElement result, Intent intent)
    {
        var scope = new StringBuilder();
        if (Text(result, "list") is { } list)
        {
            scope.Append(" on your ").Append(list).Append(" list");
        }

        if (Text(result, "filter") is not null)
        {
            if (intent.Labels is [var label, ..])
            {
                scope.Append(" tagged ").Append(label);
            }

            if (intent.Priority is { } priority)
            {
                scope.Append(priority == "none" ? " with no priority" : $" with {priority} priority");
            }

            if (intent.DueFilter is { } days)
            {
                scope.Append(DatePhrases.Describe(days));
            }
        }

        return scope.ToString();
    }

    private static JsonElement? Due(JsonElement task) =>
        task.TryGetProperty("due", out var due) && due.ValueKind == JsonValueKind.Object ? due : null;

    /// <summary>"Friday, 4 December, 17:00"; for a repeating task "every month on the 1st, next Tuesday, 1 December"; null without a due.</summary>
    private static string? When(JsonElement task, int currentYear) => Due(task) is not { } due ? null
        : Text(due, "repeats") is { } repeats ? $"{repeats}, next {Day(due, currentYear, withTime: false)}"
        : Day(due, currentYear, withTime: true);

    /// <summary>"Friday, 4 December" (with the year when it is not this one), and ", 17:00" when timed and asked for.</summary>
    private static string Day(JsonElement due, int currentYear, bool withTime)
    {
        var date = DateOnly.ParseExact(Text(due, "date") ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var time = withTime && Text(due, "time") is { } at ? ", " + at : "";
        return DateWords.DateName(date, currentYear) + time;
    }

    private static bool IsRule(string due) => due.TrimStart().StartsWith("every", StringComparison.OrdinalIgnoreCase)
        || due.TrimStart().StartsWith("each ", StringComparison.OrdinalIgnoreCase)
        || due.Trim().ToLowerInvariant() is "daily" or "weekly" or "monthly" or "yearly" or "annually" or "weekdays" or "nightly"
            or "biweekly" or "fortnightly" or "quarterly";

    private static bool IsInbox(string list) => string.Equals(list, "Inbox", StringComparison.OrdinalIgnoreCase);

    private static bool IsTrue(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;

    private static int? Number(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static List<string> Labels(JsonElement task) =>
        task.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Array
            ? [.. labels.EnumerateArray().Select(label => label.GetString()).OfType<string>()]
            : [];

    private static string ListHeader(string status, string? query, int count) => (status, query) switch
    {
        (_, not null) => $"{Tasks(count, status)} {(count == 1 ? "matches" : "match")} \"{query}\"",
        ("pending", _) => $"You have {Tasks(count, status)}",
        ("completed", _) => $"You've completed {Tasks(count, "all")}",
        _ => count == 1 ? "Here's your only task" : $"Here are your {Tasks(count, "all")}",
    };

    private static string CountHeader(string status, string? query, int count, List<(int Number, string Title, bool Done)> tasks)
    {
        if (query is not null)
        {
            return $"{Tasks(count, status)} {(count == 1 ? "matches" : "match")} \"{query}\"";
        }

        if (status == "completed")
        {
            return $"You've completed {Tasks(count, "all")}";
        }

        if (status == "pending" || tasks.Count < count)
        {
            return $"You have {Tasks(count, status)}";
        }

        var done = tasks.Count(task => task.Done);
        return string.Create(CultureInfo.InvariantCulture, $"You have {Tasks(count, "all")}: {count - done} pending and {done} completed");
    }

    private static string Tasks(int count, string status) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {Adjective(status)}task{(count == 1 ? "" : "s")}");

    private static string Adjective(string status) => status switch
    {
        "pending" => "pending ",
        "completed" => "completed ",
        _ => "",
    };

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>The engine's fixed replies.</summary>
internal static class Replies
{
    public const string Greeting =
        "Hi! I'm your task assistant. I can add, list, complete, rename and delete your tasks. " +
        "Try \"add buy milk\" or \"what's pending?\".";

    public const string Help =
        "Here's what I can do with your tasks:\n" +
        "• Add: \"add buy milk\", \"remind me to call the plumber\", \"new task: pay rent: before Friday\"\n" +
        "• List: \"show me all my tasks\", \"what's pending?\", \"what did I finish?\", \"anything about the dentist?\"\n" +
        "• Complete: \"mark task 3 as done\", \"done with groceries\"; reopen: \"reopen task 3\"\n" +
        "• Change: \"rename task 2 to Buy oat milk\", \"add a description to task 4: bring receipts\"\n" +
        "• Delete: \"delete the meeting task\"\n" +
        "• Lists: \"add bananas to my shopping list\", \"what's on my work list?\", \"show my lists\", \"move task 3 to Work\", " +
        "\"create a list called Garden\"\n" +
        "• Labels and priority: \"tag task 2 with errands\", \"what's tagged errands?\", \"make task 4 high priority\", \"what's urgent?\"\n" +
        "• Dates: \"remind me to call mom tomorrow at 5\", \"pay rent every 1st of the month\", \"what's due today?\", \"what's overdue?\", " +
        "\"push the dentist task to friday\", \"remove the date from task 4\", \"stop repeating the rent task\"\n" +
        "Name a task by its number, by words from its title, or as \"the second one\" after I show a list.";

    public static string ListIsNotATask(string list) =>
        $"\"{list}\" is a list, not a task, so I've left it as it is. Say \"what's on my {list} list?\" to see its tasks, " +
        $"or \"delete the {list} list\" to delete the list itself.";

    public static string DaysICanList(string day) =>
        $"I can list what's due today, tomorrow, this week, in the next few days (\"next 10 days\"), or what's overdue, but not " +
        $"the tasks of one other day like \"{day}\". Try \"what do I have this week?\".";

    public const string AskListName = "What should the new list be called? Say, for example, \"create a list called Garden\".";

    public const string WhichListToRename = "Which list should I rename? Say, for example, \"rename the Garden list to Yard\".";

    public const string WhichListToDelete = "Which list should I delete? Say, for example, \"delete the Garden list\".";

    public const string Thanks = "You're welcome! Anything else I can do for your tasks?";

    public const string Farewell = "Bye! Your tasks will be here when you come back.";

    public const string Dismissed = "OK, I've left your tasks as they are.";

    public const string HowManyToUndo =
        "I take changes back one at a time, newest first. Say \"undo\" for the latest, or \"undo the last 3 changes\" for more.";

    public const string NothingChangedHere =
        "I haven't changed anything in this conversation, so there's nothing of mine to take back. To undo your latest change, say \"undo\".";

    public const string WhichTasks =
        "Which tasks do you mean? Say, for example, \"complete everything on my shopping list\", \"delete all tasks tagged old\" or \"move all overdue tasks to tomorrow\".";

    public const string NotUnderstood =
        "Sorry, I didn't understand that. Try \"add buy milk\", \"what's pending?\", \"mark task 3 as done\" " +
        "or \"delete the meeting task\", or say \"help\".";

    public static string OnlyYourOwn(string? whose) =>
        (whose is not null && whose.Contains('@', StringComparison.Ordinal)
            ? $"I can only work on your own tasks, not on those of {whose} or any other account."
            : "I can only work on your own tasks, not on anyone else's.")
        + " Nothing was changed. Ask me about your tasks, like \"what's pending?\".";

    public const string ToolFailed = "Sorry, something went wrong while working on your tasks. Please try again.";

    public const string NoTools = "Sorry, I can't reach your tasks right now.";

    public static string WhatToDoWith(int number, string? title) =>
        $"What would you like me to do with {(title is null ? string.Create(CultureInfo.InvariantCulture, $"task #{number}") : ReplyFormat.Task(number, title))}? " +
        "I can mark it as done, reopen it, rename it or delete it.";
}
