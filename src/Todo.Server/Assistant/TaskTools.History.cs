using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol.Server;
using Todo.Server.Accounts;
using Todo.Server.Dates;
using Todo.Server.History;
using Todo.Server.Tasks;
using Todo.Server.Text;

namespace Todo.Server.Assistant;

/// <summary>
/// The tools about many tasks at once and about what changed: bulk changes, undo, the activity log and the trash. Each is a
/// thin call into <see cref="TaskService"/> or <see cref="ActivityService"/>, as the other tools are.
/// </summary>
public sealed partial class TaskTools
{
    /// <summary>The most tasks a bulk, undo or trash answer names (the counts are always whole).</summary>
    public const int NamedLimit = 10;

    /// <summary>The most events one activity answer holds.</summary>
    public const int ActivityLimit = 50;

    [McpServerTool(Name = TaskToolNames.BulkTasks, Title = "Change many tasks at once",
        ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.BulkTasks)]
    public async Task<TaskToolResult> BulkTasksAsync(
        [Description(TaskToolText.BulkAction)] string action,
        [Description(TaskToolText.BulkFilter)] string? filter = null,
        [Description(TaskToolText.BulkNumbers)] string[]? tasks = null,
        [Description(TaskToolText.BulkList)] string? list = null,
        [Description(TaskToolText.BulkLabel)] string? label = null,
        [Description(TaskToolText.NewPriority)] string? priority = null,
        [Description(TaskToolText.BulkDue)] string? due = null,
        CancellationToken cancellationToken = default)
    {
        if (BulkActionOf(action) is not { } bulkAction)
        {
            return TaskToolError.InvalidArgument(TaskToolArguments.Action,
                $"The action \"{TextElements.Truncate(TextElements.Sanitize(action ?? ""), 20)}\" is not one of: {TaskToolText.BulkActions}.");
        }

        var expression = string.IsNullOrWhiteSpace(filter) ? null : filter.Trim();
        var named = tasks is { Length: > 0 } ? tasks : null;
        if ((expression is null) == (named is null))
        {
            return TaskToolError.InvalidArgument(TaskToolArguments.Filter, "Say which tasks: a filter or task numbers (one of them); nothing was changed.");
        }

        if (expression is { Length: > MaxFilterLength })
        {
            return TaskToolError.InvalidArgument(TaskToolArguments.Filter,
                string.Create(CultureInfo.InvariantCulture, $"The filter is too long (at most {MaxFilterLength} characters)."));
        }

        expression = await WithListsAsSaidAsync(expression, cancellationToken);
        var change = new BulkChange(bulkAction);
        var listName = ListArgument(list, out var badList);
        if (badList is not null)
        {
            return badList;
        }

        switch (bulkAction)
        {
            case BulkAction.Move when listName is null:
                return TaskToolError.InvalidArgument(TaskToolArguments.List, "Say which list to move the tasks to; nothing was changed.");
            case BulkAction.AddLabel or BulkAction.RemoveLabel:
                var (labels, badLabel) = LabelsArgument(string.IsNullOrWhiteSpace(label) ? [] : [label], TaskToolArguments.Label);
                if (badLabel is not null || labels is not [var one])
                {
                    return badLabel ?? TaskToolError.InvalidArgument(TaskToolArguments.Label, "Say which label; nothing was changed.");
                }

                change = change with { Label = one };
                break;
            case BulkAction.SetPriority:
                var (newPriority, badPriority) = PriorityArgument(priority);
                if (badPriority is not null || newPriority is null)
                {
                    return badPriority ?? TaskToolError.InvalidArgument(TaskToolArguments.Priority, $"Say which priority: {TaskToolPriority.Values}.");
                }

                change = change with { Priority = newPriority };
                break;
            case BulkAction.SetDue:
                if (due is null)
                {
                    return TaskToolError.InvalidArgument(TaskToolArguments.Due, "Say the new due (\"none\" removes it); nothing was changed.");
                }

                var (allDay, dueWords) = WithoutAllDay(due);
                if (allDay && dueWords!.Length == 0)
                {
                    return TaskToolError.InvalidArgument(TaskToolArguments.Due, "Give the day too, e.g. \"friday all day\"; nothing was changed.");
                }

                var (newDue, _, badDue) = await DueArgumentAsync(dueWords, cancellationToken);
                if (badDue is not null)
                {
                    return badDue;
                }

                change = change with { Due = newDue, KeepsTime = !allDay };
                break;
        }

        // The tasks named by number, as they are now; the numbers with no task are reported, not fatal.
        var failed = new List<BulkFailureLine>();
        List<TaskItem> byNumber = [];
        if (named is not null)
        {
            var numbers = new List<int>();
            foreach (var reference in named)
            {
                if (TaskReferenceMatcher.ParseNumber(reference ?? "") is not { } number)
                {
                    return TaskToolError.InvalidArgument(TaskToolArguments.Tasks,
                        $"\"{TextElements.Truncate(TextElements.Sanitize(reference ?? ""), 20)}\" is not a task number; give numbers such as \"3\" or \"#3\", or use filter.");
                }

                numbers.Add(number);
            }

            numbers = [.. numbers.Distinct()];
            if (numbers.Count > TaskService.BulkLimit)
            {
                return TaskToolError.InvalidArgument(TaskToolArguments.Tasks,
                    string.Create(CultureInfo.InvariantCulture, $"At most {TaskService.BulkLimit:N0} tasks at a time; nothing was changed."));
            }

            foreach (var number in numbers)
            {
                if (await taskService.GetByNumberAsync(userId, number, cancellationToken) is { } found)
                {
                    byNumber.Add(found);
                }
                else
                {
                    failed.Add(new BulkFailureLine(number, string.Create(CultureInfo.InvariantCulture, $"There is no task #{number}.")));
                }
            }
        }

        // The first few tasks, as they are before the change: what the answer names.
        List<TaskItem> first;
        try
        {
            first = named is not null
                ? [.. byNumber.Take(NamedLimit)]
                : [.. (await taskService.ListAsync(userId, new TaskListQuery { Filter = expression, Limit = NamedLimit }, cancellationToken)).Items];
        }
        catch (InvalidTextException e)
        {
            return TaskToolError.InvalidArgument(TaskToolArguments.Filter, e.Reason);
        }

        var created = false;
        if (bulkAction == BulkAction.Move)
        {
            var (target, made) = await listService.FindOrCreateAsync(userId, listName!, similar: true, cancellationToken);
            change = change with { ListId = target.Id };
            created = made;
        }

        BulkOutcome outcome;
        if (named is not null && byNumber.Count == 0)
        {
            outcome = new BulkOutcome(0, 0, Guid.Empty, []);
        }
        else
        {
            try
            {
                outcome = await taskService.BulkAsync(userId, change, named is null ? null : [.. byNumber.Select(t => t.Id)], expression, cancellationToken);
            }
            catch (InvalidTextException e)
            {
                return TaskToolError.InvalidArgument(e.Field switch
                {
                    "ids" => TaskToolArguments.Tasks,
                    "list_id" => TaskToolArguments.List,
                    "label" or "priority" or "filter" => e.Field,
                    _ => e.Field,
                }, e.Reason + " Nothing was changed.");
            }
        }

        var numberOf = byNumber.Concat(first).GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First().Number);
        failed.AddRange(outcome.Failed.Select(f => new BulkFailureLine(numberOf.TryGetValue(f.Id, out var n) ? n : null, f.Detail)));
        return new BulkToolResult(WireName(bulkAction), outcome.Matched, outcome.Changed, [.. first.Select(TaskSummary.Line)], failed)
        {
            Filter = expression,
            ListCreated = created ? true : null,
        };
    }

    [McpServerTool(Name = TaskToolNames.UndoLast, Title = "Undo the last change",
        ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.UndoLast)]
    public async Task<TaskToolResult> UndoLastAsync(CancellationToken cancellationToken = default)
    {
        UndoResult undone;
        try
        {
            undone = await activityService.UndoAsync(userId, null, cancellationToken);
        }
        catch (UndoRefusedException refused)
        {
            return new TaskToolError(refused.Reason switch
            {
                UndoRefusal.NothingToUndo => TaskToolErrors.NothingToUndo,
                UndoRefusal.AlreadyUndone => TaskToolErrors.AlreadyUndone,
                UndoRefusal.Conflict => TaskToolErrors.Conflict,
                _ => TaskToolErrors.NotFound,
            }, null, [], refused.Message + " Nothing was changed.");
        }

        // The undo's own events are the newest: what it put back, task by task (a turn that undoes twice writes one batch).
        var page = await activityService.ListAsync(userId, NamedLimit, null, null, cancellationToken);
        var lines = page.Items.Where(e => e.BatchId == undone.BatchId && e.UndoesBatchId == undone.UndoneBatchId).Reverse()
            .Select(e => new ChangedTaskLine(e.TaskNumber, e.TaskTitle, Kind(e.Kind)))
            .ToList();
        return new UndoToolResult(undone.Undone, lines);
    }

    [McpServerTool(Name = TaskToolNames.ListActivity, Title = "Recent changes",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.ListActivity)]
    public async Task<TaskToolResult> ListActivityAsync(
        [Description(TaskToolText.ActivityLimit)] int? limit = null,
        [Description(TaskToolText.ActivityDay)] string? day = null,
        [Description(TaskToolText.ActivitySource)] string? source = null,
        CancellationToken cancellationToken = default)
    {
        var count = limit ?? 20;
        if (count is < 1 or > ActivityLimit)
        {
            return TaskToolError.InvalidArgument(TaskToolArguments.Limit,
                string.Create(CultureInfo.InvariantCulture, $"limit must be between 1 and {ActivityLimit}."));
        }

        ActivitySource? from = null;
        if (!string.IsNullOrWhiteSpace(source))
        {
            if (!Enum.TryParse<ActivitySource>(source.Trim(), ignoreCase: true, out var parsed) || int.TryParse(source, out _))
            {
                return TaskToolError.InvalidArgument(TaskToolArguments.Source,
                    $"The source \"{TextElements.Truncate(TextElements.Sanitize(source), 20)}\" is not one of: api, web, assistant, mcp, import, system.");
            }

            from = parsed;
        }

        var clock = await taskService.ClockAsync(userId, cancellationToken);
        var (zone, today) = (clock.Zone, clock.Today);
        DateOnly? onDay = null;
        if (!string.IsNullOrWhiteSpace(day))
        {
            onDay = day.Trim().ToLowerInvariant() switch
            {
                "today" => today,
                "yesterday" => today.AddDays(-1),
                var text when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
                _ => null,
            };
            if (onDay is null)
            {
                return TaskToolError.InvalidArgument(TaskToolArguments.Day, "day must be \"today\", \"yesterday\" or a date as YYYY-MM-DD.");
            }
        }

        // One page, read newest first; a day or a source narrows it in memory (the events of a day are the newest ones asked for).
        var filtered = from is not null || onDay is not null;
        var page = await activityService.ListAsync(userId, filtered ? ActivityService.MaxLimit : count, null, null, cancellationToken);
        var batches = new Dictionary<Guid, int>();
        var events = new List<ActivityLine>();
        foreach (var e in page.Items)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(e.At, DateTimeKind.Utc), zone);
            if ((from is not null && e.Source != from) || (onDay is { } wanted && DateOnly.FromDateTime(local) != wanted))
            {
                continue;
            }

            if (events.Count == count)
            {
                break;
            }

            if (!batches.TryGetValue(e.BatchId, out var batch))
            {
                batches[e.BatchId] = batch = batches.Count + 1;
            }

            events.Add(new ActivityLine(
                local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), local.ToString("HH:mm", CultureInfo.InvariantCulture),
                e.Source.ToString().ToLowerInvariant(), Kind(e.Kind), new ActivityTaskLine(e.TaskNumber, e.TaskTitle),
                ChangedFields(e.Changes), batch)
            {
                Undone = e.UndoneByBatchId is null ? null : true,
                IsUndo = e.UndoesBatchId is null ? null : true,
            });
        }

        return new ActivityListResult(events.Count, events) { Day = onDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Source = from?.ToString().ToLowerInvariant() };
    }

    [McpServerTool(Name = TaskToolNames.ListTrash, Title = "List the trash",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.ListTrash)]
    public async Task<TaskToolResult> ListTrashAsync(CancellationToken cancellationToken = default)
    {
        var page = await taskService.ListTrashAsync(userId, ListLimit, null, cancellationToken);
        return new TrashListResult(page.Items.Count, [.. page.Items.Select(TaskSummary.Line)], page.Next is null ? null : true);
    }

    // Not idempotent: once the task is out of the trash, the same words may name another one in it.
    [McpServerTool(Name = TaskToolNames.RestoreTask, Title = "Restore a deleted task",
        ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.RestoreTask)]
    public async Task<TaskToolResult> RestoreTaskAsync(
        [Description(TaskToolText.TrashedTask)] string task,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(task) || TaskText.Reference.Check(task) is not null)
        {
            return TaskToolError.Invalid("Say which deleted task: its number or some words from its title.", task);
        }

        var reference = task.Trim();
        var trash = (await taskService.ListTrashAsync(userId, TaskService.BulkLimit, null, cancellationToken)).Items;
        TaskItem? found = null;
        if (TaskReferenceMatcher.ParseNumber(reference) is { } number)
        {
            found = trash.FirstOrDefault(t => t.Number == number);
            if (found is null)
            {
                var live = await taskService.GetByNumberAsync(userId, number, cancellationToken);
                return new TaskToolError(TaskToolErrors.NotFound, reference, live is null ? [] : [TaskSummary.Line(live)],
                    live is null
                        ? string.Create(CultureInfo.InvariantCulture, $"There is no task #{number} in the trash.")
                        : string.Create(CultureInfo.InvariantCulture, $"Task #{number} is not in the trash; it was never deleted or is back already."));
            }
        }
        else
        {
            var match = TaskReferenceMatcher.Match(reference, [.. trash.Select(t => new TaskSnapshot(t.Number, t.Title, t.IsCompleted))]);
            if (match.IsAmbiguous)
            {
                var candidates = match.Candidates.Take(MaxCandidates).Select(t => new TaskSummary(t.Number, t.Title, t.IsCompleted)).ToList();
                return new TaskToolError(TaskToolErrors.Ambiguous, reference, candidates,
                    $"{match.Candidates.Count} deleted tasks match \"{reference}\"; nothing was changed. Say which one by its number.");
            }

            found = match.Task is { } unique ? trash.FirstOrDefault(t => t.Number == unique.Number) : null;
            if (found is null)
            {
                return new TaskToolError(TaskToolErrors.NotFound, reference, [], $"Nothing in the trash matches \"{reference}\".");
            }
        }

        var restored = await taskService.RestoreAsync(userId, found.Id, cancellationToken);
        return restored is null
            ? new TaskToolError(TaskToolErrors.NotFound, reference, [], $"Nothing in the trash matches \"{reference}\".")
            : new TaskActionResult(TaskToolActions.Restored, TaskSummary.WithDescription(restored), ["deleted"]);
    }

    [McpServerTool(Name = TaskToolNames.EmptyTrash, Title = "Empty the trash",
        ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.EmptyTrash)]
    public async Task<TaskToolResult> EmptyTrashAsync(CancellationToken cancellationToken = default) =>
        new TrashEmptiedResult(await taskService.PurgeAsync(userId, null, cancellationToken));

    /// <summary>An action by its wire name, or a word a model might use for one; null for anything else.</summary>
    private static BulkAction? BulkActionOf(string? action) => action?.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_') switch
    {
        "complete" or "done" or "finish" => BulkAction.Complete,
        "reopen" or "uncomplete" => BulkAction.Reopen,
        "delete" or "trash" or "remove" => BulkAction.Delete,
        "move" => BulkAction.Move,
        "add_label" or "label" or "tag" => BulkAction.AddLabel,
        "remove_label" or "untag" => BulkAction.RemoveLabel,
        "set_priority" or "priority" => BulkAction.SetPriority,
        "set_due" or "due" or "reschedule" => BulkAction.SetDue,
        _ => null,
    };

    private static string WireName(BulkAction action) => action switch
    {
        BulkAction.AddLabel => "add_label",
        BulkAction.RemoveLabel => "remove_label",
        BulkAction.SetPriority => "set_priority",
        BulkAction.SetDue => "set_due",
        _ => action.ToString().ToLowerInvariant(),
    };

    private static string Kind(ActivityKind kind) => kind.ToString().ToLowerInvariant();

    private static IReadOnlyList<string> ChangedFields(string changes)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(changes) is System.Text.Json.Nodes.JsonObject fields ? [.. fields.Select(f => f.Key)] : [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }
}
