using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Todo.Server.Accounts;
using Todo.Server.Dates;
using Todo.Server.Http;
using Todo.Server.History;
using Todo.Server.Lists;
using Todo.Server.Reminders;
using Todo.Server.Tasks;
using Todo.Server.Telemetry;
using Todo.Server.Text;

namespace Todo.Server.Assistant;

/// <summary>
/// The tools the assistant and MCP clients call, for one user fixed at construction (no tool has a user parameter: the
/// user is always the caller). Each is a thin call into <see cref="TaskService"/> or <see cref="ListService"/>, which
/// make every change and answer every read. A tool never throws for bad input: it answers a <see cref="TaskToolError"/>
/// and changes nothing.
/// </summary>
/// <remarks>
/// Each tool is defined once, here: its method carries the name, title and annotations
/// (<see cref="McpServerToolAttribute"/>) and the descriptions of the tool and its parameters
/// (<see cref="DescriptionAttribute"/>). <see cref="AsAIFunctions"/> serves these methods to the chat's model and
/// <see cref="AsMcpTools"/> serves the same methods over MCP, so both see the same names, descriptions and
/// parameter schemas. <c>task</c> is the task's number ("3", "#3", "task 3") or words from its title
/// ("the meeting task"); see <see cref="TaskReferenceMatcher"/>. <c>list</c> is a list's name, matched ignoring case;
/// a task tool naming a list that does not exist makes it and says so (<c>list_created</c>).
/// </remarks>
public sealed partial class TaskTools(
    TaskService taskService, ListService listService, ActivityService activityService, Guid userId, ReminderService? reminders = null)
{
    /// <summary>The most tasks one list answer holds.</summary>
    public const int ListLimit = 50;

    /// <summary>The most candidates an ambiguous answer lists.</summary>
    public const int MaxCandidates = 10;

    /// <summary>The longest filter expression a tool takes.</summary>
    public const int MaxFilterLength = 1000;

    /// <summary>How results are serialised for a model or an MCP client: snake_case, readable non-ASCII.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateJsonOptions();

    public Guid UserId => userId;

    [McpServerTool(Name = TaskToolNames.AddTask, Title = "Add a task",
        ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.AddTask)]
    [SuppressMessage("Naming", "CA1707", Justification = "Parameter names are the tool's snake_case argument names.")]
    public async Task<TaskToolResult> AddTaskAsync(
        [Description(TaskToolText.Title)] string title,
        [Description(TaskToolText.Description)] string? description = null,
        [Description(TaskToolText.List)] string? list = null,
        [Description(TaskToolText.Labels)] string[]? labels = null,
        [Description(TaskToolText.Priority)] string? priority = null,
        [Description(TaskToolText.Due)] string? due = null,
        [Description(TaskToolText.RemindMinutesBefore)] int? remind_minutes_before = null,
        [Description(TaskToolText.Existing)] string? existing = null,
        CancellationToken cancellationToken = default)
    {
        if (CheckTitle(title) is { } badTitle)
        {
            return badTitle;
        }

        if (ExistingArgument(existing) is not { } onExisting)
        {
            return TaskToolError.InvalidArgument(TaskToolArguments.Existing,
                $"The value \"{TextElements.Truncate(TextElements.Sanitize(existing ?? ""), 20)}\" is not one of: add, keep, move.");
        }

        if (CheckDescription(description) is { } badDescription)
        {
            return badDescription;
        }

        var listName = ListArgument(list, out var badList);
        var (validLabels, badLabels) = LabelsArgument(labels, TaskToolArguments.Labels);
        var (validPriority, badPriority) = PriorityArgument(priority);
        if ((badList ?? badLabels ?? badPriority) is { } bad)
        {
            return bad;
        }

        var (newDue, _, badDue) = await DueArgumentAsync(due, cancellationToken);
        if (badDue is not null)
        {
            return badDue;
        }

        if (RemindArgument(remind_minutes_before, hasDue: newDue is not null) is { } badRemind)
        {
            return badRemind;
        }

        if (onExisting != ExistingTask.Add && await taskService.ListPendingTitledAsync(userId, title, cancellationToken) is { Count: > 0 } same)
        {
            // Already on the list asked for (any list when none is), or, for "move", on exactly one other list: that task, not a copy.
            var named = listName is null ? null : await listService.FindByNameOrSimilarAsync(userId, listName, cancellationToken);
            if ((listName is null ? same[0] : same.FirstOrDefault(task => task.ListId == named?.Id)) is { } there)
            {
                // What the add says about the task (a day, a priority, labels) is given to the task there, not to a copy;
                // a day other than the one it has is another occurrence, added below.
                var anotherDay = newDue is not null && there.DueDate is not null && newDue.Date != there.DueDate;
                var setsDue = newDue is not null && there.DueDate is null;
                if (!anotherDay && (setsDue || (validPriority is { } said && said != there.Priority) || validLabels is { Count: > 0 }
                    || remind_minutes_before is not null))
                {
                    return await UpdateTaskAsync(string.Create(CultureInfo.InvariantCulture, $"#{there.Number}"), priority: priority,
                        add_labels: labels, due: setsDue ? due : null, remind_minutes_before: remind_minutes_before,
                        cancellationToken: cancellationToken);
                }

                if (!anotherDay)
                {
                    return new TaskActionResult(TaskToolActions.AlreadyThere, TaskSummary.WithDescription(there), []);
                }
            }

            if (onExisting == ExistingTask.Move && same is [var elsewhere] && elsewhere.ListId == await taskService.InboxIdAsync(userId, cancellationToken))
            {
                return await UpdateTaskAsync(string.Create(CultureInfo.InvariantCulture, $"#{elsewhere.Number}"), list: listName,
                    cancellationToken: cancellationToken);
            }
        }

        var (target, created) = listName is null ? (null, false) : await listService.FindOrCreateAsync(userId, listName, similar: true, cancellationToken);
        var options = new NewTaskOptions { ListId = target?.Id, Labels = validLabels, Priority = validPriority ?? TaskPriority.None, Due = newDue };
        var task = await taskService.CreateAsync(userId, title, description, options, cancellationToken);

        List<string> changed = ["title"];
        if (task.Description is not null)
        {
            changed.Add("description");
        }

        if (target is not null)
        {
            changed.Add("list");
        }

        if (task.LabelNames.Count > 0)
        {
            changed.Add("labels");
        }

        if (task.Priority != TaskPriority.None)
        {
            changed.Add("priority");
        }

        if (task.DueDate is not null)
        {
            changed.Add("due");
        }

        if (remind_minutes_before is { } minutes && reminders is not null
            && await reminders.AddAsync(userId, task, ReminderSpec.Before(minutes), cancellationToken) is null)
        {
            changed.Add("reminders");
        }

        return new TaskActionResult(TaskToolActions.Added, TaskSummary.WithDescription(task), changed) { ListCreated = created ? true : null };
    }

    [McpServerTool(Name = TaskToolNames.ListTasks, Title = "List tasks",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.ListTasks)]
    public async Task<TaskToolResult> ListTasksAsync(
        [Description(TaskToolText.Status)] string? status = null,
        [Description(TaskToolText.Query)] string? query = null,
        [Description(TaskToolText.Filter)] string? filter = null,
        [Description(TaskToolText.ListToRead)] string? list = null,
        [Description(TaskToolText.Sort)] string? sort = null,
        CancellationToken cancellationToken = default)
    {
        if (ParseStatus(status) is not { } statusFilter)
        {
            return TaskToolError.InvalidArgument(TaskToolArguments.Status,
                $"The status \"{TextElements.Truncate(TextElements.Sanitize(status ?? ""), 20)}\" is not one of: {WireNames.List<TaskStatusFilter>()}.");
        }

        if (ParseSort(sort) is not { } order)
        {
            return TaskToolError.InvalidArgument(TaskToolArguments.Sort,
                $"The sort \"{TextElements.Truncate(TextElements.Sanitize(sort ?? ""), 20)}\" is not one of: number, priority, due, newest.");
        }

        var search = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        if (search is not null && TaskText.Search.Check(search) is { } badSearch)
        {
            return TaskToolError.InvalidArgument(TaskToolArguments.Query, badSearch);
        }

        var expression = string.IsNullOrWhiteSpace(filter) ? null : filter.Trim();
        if (expression is not null && expression.Length > MaxFilterLength)
        {
            return TaskToolError.InvalidArgument(TaskToolArguments.Filter,
                string.Create(CultureInfo.InvariantCulture, $"The filter is too long (at most {MaxFilterLength} characters)."));
        }

        var listName = ListArgument(list, out var badList);
        if (badList is not null)
        {
            return badList;
        }

        expression = await WithListsAsSaidAsync(expression, cancellationToken);
        TodoList? source = null;
        if (listName is not null)
        {
            source = await listService.FindByNameOrSimilarAsync(userId, listName, cancellationToken);
            if (source is null)
            {
                return await NoSuchListAsync(listName, cancellationToken);
            }
        }

        var request = new TaskListQuery { Status = statusFilter, Search = search, ListId = source?.Id, Filter = expression, Sort = order, Limit = ListLimit };
        TaskPage page;
        int? total = null;
        try
        {
            page = await taskService.ListAsync(userId, request, cancellationToken);
            if (page.Next is not null)
            {
                total = await taskService.CountAsync(userId, request, cancellationToken);
            }
        }
        catch (InvalidTextException e)
        {
            return TaskToolError.InvalidArgument(e.Field == "q" ? TaskToolArguments.Query : e.Field, e.Reason);
        }

        var items = page.Items.Select(TaskSummary.Line).ToList();
        return new TaskListResult(WireNames.Name(statusFilter), search, total ?? items.Count, items, page.Next is null ? null : true)
        {
            List = source?.Name,
            Filter = expression,
            Sort = order == TaskSort.Number ? null : WireNames.Name(order),
        };
    }

    [McpServerTool(Name = TaskToolNames.CompleteTask, Title = "Complete a task",
        ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.CompleteTask)]
    public Task<TaskToolResult> CompleteTaskAsync(
        [Description(TaskToolText.Task)] string task,
        [Description(TaskToolText.ListTaskIsOn)] string? list = null,
        CancellationToken cancellationToken = default) =>
        SetCompletedAsync(task, list, completed: true, cancellationToken);

    [McpServerTool(Name = TaskToolNames.ReopenTask, Title = "Reopen a task",
        ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.ReopenTask)]
    public Task<TaskToolResult> ReopenTaskAsync(
        [Description(TaskToolText.Task)] string task,
        [Description(TaskToolText.ListTaskIsOn)] string? list = null,
        CancellationToken cancellationToken = default) =>
        SetCompletedAsync(task, list, completed: false, cancellationToken);

    // Not idempotent: once the named task is gone, the same words may name another one.
    [McpServerTool(Name = TaskToolNames.DeleteTask, Title = "Delete a task",
        ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.DeleteTask)]
    public async Task<TaskToolResult> DeleteTaskAsync(
        [Description(TaskToolText.Task)] string task,
        [Description(TaskToolText.ListTaskIsOn)] string? list = null,
        CancellationToken cancellationToken = default)
    {
        var (found, failure) = await ResolveAsync(task, TaskPreference.None, cancellationToken, list);
        if (found is null)
        {
            return failure!;
        }

        var deleted = await taskService.DeleteAsync(userId, TaskKey.ByNumber(found.Number), cancellationToken);
        return deleted is null
            ? NotFound(task)
            : new TaskActionResult(TaskToolActions.Deleted, TaskSummary.WithDescription(deleted), []);
    }

    // Not idempotent: after a rename, the same words may name another task.
    [McpServerTool(Name = TaskToolNames.UpdateTask, Title = "Update a task",
        ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.UpdateTask)]
    [SuppressMessage("Naming", "CA1707", Justification = "Parameter names are the tool's snake_case argument names.")]
    public async Task<TaskToolResult> UpdateTaskAsync(
        [Description(TaskToolText.Task)] string task,
        [Description(TaskToolText.NewTitle)] string? title = null,
        [Description(TaskToolText.NewDescription)] string? description = null,
        [Description(TaskToolText.NewList)] string? list = null,
        [Description(TaskToolText.NewLabels)] string[]? labels = null,
        [Description(TaskToolText.AddLabels)] string[]? add_labels = null,
        [Description(TaskToolText.RemoveLabels)] string[]? remove_labels = null,
        [Description(TaskToolText.NewPriority)] string? priority = null,
        [Description(TaskToolText.NewDue)] string? due = null,
        [Description(TaskToolText.DueShift)] string? due_shift = null,
        [Description(TaskToolText.Repeat)] bool? repeat = null,
        [Description(TaskToolText.RemindMinutesBefore)] int? remind_minutes_before = null,
        [Description(TaskToolText.RemindAt)] string? remind_at = null,
        [Description(TaskToolText.RemoveReminders)] bool? remove_reminders = null,
        CancellationToken cancellationToken = default)
    {
        // A blank title, list, priority or remind_at from a model that fills every parameter means "keep it"; a blank description or due clears it.
        var newTitle = string.IsNullOrWhiteSpace(title) ? null : title;
        var newPriorityText = string.IsNullOrWhiteSpace(priority) ? null : priority;
        var remindAtText = string.IsNullOrWhiteSpace(remind_at) ? null : remind_at;
        if (newTitle is null && description is null && string.IsNullOrWhiteSpace(list) && labels is null && add_labels is null
            && remove_labels is null && newPriorityText is null && due is null && due_shift is null && repeat is null && remind_minutes_before is null
            && remindAtText is null && remove_reminders is not true)
        {
            return TaskToolError.Invalid(
                "Give at least one change: title, description (an empty one removes it), list, labels, add_labels, remove_labels, priority, due (\"none\" removes it), due_shift, repeat, remind_minutes_before, remind_at or remove_reminders.", task);
        }

        var (shift, badShift) = DueShiftArgument(due_shift, due);

        var listName = ListArgument(list, out var badList);
        var (newLabels, badLabels) = LabelsArgument(labels, TaskToolArguments.Labels);
        var (toAdd, badAdd) = LabelsArgument(add_labels, TaskToolArguments.AddLabels);
        var (toRemove, badRemove) = LabelsArgument(remove_labels, TaskToolArguments.RemoveLabels);
        var (newPriority, badPriority) = PriorityArgument(newPriorityText);
        var bad = (newTitle is null ? null : CheckTitle(newTitle)) ?? CheckDescription(description)
            ?? badList ?? badLabels ?? badAdd ?? badRemove ?? badPriority ?? badShift ?? RemindArgument(remind_minutes_before, hasDue: true);
        DueReading? newDue = null;
        var dueCleared = false;
        var (allDay, dueWords) = WithoutAllDay(due);
        if (bad is null && !(allDay && dueWords!.Length == 0))
        {
            var (readDue, clearsDue, badDue) = await DueArgumentAsync(dueWords, cancellationToken);
            bad = badDue ?? (repeat == true && readDue is not { IsRecurring: true }
                ? TaskToolError.InvalidArgument(TaskToolArguments.Repeat,
                    "To make the task repeat, give the rule in due, e.g. \"every monday\"; nothing was changed.")
                : null);
            newDue = readDue;
            dueCleared = clearsDue;
        }

        (ReminderSpec Spec, DueReading Due, string Words)? remindAt = null;
        if (bad is null)
        {
            (remindAt, bad) = await RemindAtArgumentAsync(remindAtText, cancellationToken);
        }

        if (bad is not null)
        {
            return TaskText.Reference.Check(task ?? "") is null ? bad with { Reference = task } : bad;
        }

        var (found, failure) = await ResolveAsync(task, TaskPreference.None, cancellationToken);
        if (found is null)
        {
            return failure!;
        }

        // A time alone ("5pm", "at 6") for a task with a day keeps the day and any repeat: "change the time of the bill to 5pm".
        // An hour said without am or pm is read on that day: "at 9" for a task due tomorrow is 09:00, not tonight's 21:00.
        if (newDue is { IsRecurring: false, Time: not null } && found.DueDate is { } day && TimeOfDayOnly().IsMatch(dueWords!.Trim()))
        {
            var onThatDay = await taskService.ReadDueFromAsync(userId, dueWords.Trim(), day, cancellationToken) ?? newDue;
            newDue = onThatDay with { Date = day, Recurrence = found.DueRecurrence, FromCompletion = found.DueFromCompletion };
        }

        // "all day" alone: the task keeps its day and repeat, without the time.
        if (allDay && dueWords!.Length == 0)
        {
            if (found.DueDate is not { } allDayDate)
            {
                return TaskToolError.InvalidArgument(TaskToolArguments.Due, "The task has no due; give the day too, e.g. \"friday all day\". Nothing was changed.") with { Reference = task };
            }

            newDue = new DueReading(allDayDate, null, found.DueTimeZone ?? await taskService.TimeZoneOfAsync(userId, cancellationToken),
                found.DueRecurrence, found.DueFromCompletion);
        }

        // A rule that names no day of its own ("monthly", "every week", "daily") for a task with a day to come starts on that
        // day and keeps its time: "make the bill monthly" repeats on the bill's 27th, not on today's date.
        if (newDue is { IsRecurring: true } && found.DueDate is { } dueDay
            && await taskService.ReadDueFromAsync(userId, dueWords!.Trim(), dueDay, cancellationToken) is { IsRecurring: true, Date: var first } fromDue
            && first == dueDay)
        {
            newDue = fromDue;
        }

        // A day without a time for a task with a time keeps the time: "move the dentist appointment to monday" stays at 10:00.
        if (newDue is { Time: null } && !allDay && found.DueTime is { } dueTime)
        {
            newDue = newDue with { Time = dueTime, TimeZone = found.DueTimeZone ?? newDue.TimeZone };
        }

        // A reminder at a moment for a task with no due and no new one: the moment is its due as well ("remind me about call
        // mom tomorrow at 6"), and the reminder one at the due, which follows the due when it moves.
        if (remindAt is { Due: var moment } && found.DueDate is null && newDue is null && !dueCleared && shift is null)
        {
            newDue = moment;
            remindAt = remindAt.Value with { Spec = ReminderSpec.Before(0) };
        }

        if (shift is { } by)
        {
            (newDue, bad) = await ShiftedDueAsync(found, by, cancellationToken);
            if (bad is not null)
            {
                return bad with { Reference = task };
            }
        }

        IReadOnlyList<string>? finalLabels = null;
        if (newLabels is not null || toAdd is not null || toRemove is not null)
        {
            var set = new SortedSet<string>(newLabels ?? found.LabelNames, StringComparer.Ordinal);
            set.UnionWith(toAdd ?? []);
            set.ExceptWith(toRemove ?? []);
            var (checkedLabels, tooMany) = LabelsArgument([.. set], TaskToolArguments.Labels);
            if (tooMany is not null)
            {
                return tooMany with { Reference = task };
            }

            finalLabels = checkedLabels;
        }

        var (target, created) = listName is null ? (null, false) : await listService.FindOrCreateAsync(userId, listName, similar: true, cancellationToken);
        var changes = new TaskChanges { Title = newTitle, Priority = newPriority };
        if (description is not null)
        {
            changes = changes with { Description = description };
        }

        if (target is not null)
        {
            changes = changes with { ListId = target.Id };
        }

        if (finalLabels is not null)
        {
            changes = changes with { Labels = finalLabels };
        }

        if (newDue is not null || dueCleared)
        {
            changes = changes with { Due = newDue };
        }

        if (repeat == false)
        {
            changes = changes with { StopsRecurrence = true };
        }

        var updated = await taskService.UpdateAsync(userId, TaskKey.ByNumber(found.Number), changes, cancellationToken);
        if (updated is null)
        {
            return NotFound(task);
        }

        List<string> changed = [];
        var remindersChanged = remove_reminders == true && reminders is not null && await reminders.RemoveAllAsync(userId, updated, cancellationToken) > 0;

        if (!string.Equals(found.Title, updated.Title, StringComparison.Ordinal))
        {
            changed.Add("title");
        }

        if (!string.Equals(found.Description, updated.Description, StringComparison.Ordinal))
        {
            changed.Add("description");
        }

        if (found.ListId != updated.ListId)
        {
            changed.Add("list");
        }

        if (!found.LabelNames.Order(StringComparer.Ordinal).SequenceEqual(updated.LabelNames.Order(StringComparer.Ordinal)))
        {
            changed.Add("labels");
        }

        if (found.Priority != updated.Priority)
        {
            changed.Add("priority");
        }

        if (TaskDueLine.Of(found.DueIn(User.DefaultTimeZone)) != TaskDueLine.Of(updated.DueIn(User.DefaultTimeZone)))
        {
            changed.Add("due");
        }

        if (remind_minutes_before is { } minutes && reminders is not null)
        {
            if (await reminders.AddAsync(userId, updated, ReminderSpec.Before(minutes), cancellationToken) is { } cannot)
            {
                return TaskToolError.InvalidArgument(TaskToolArguments.RemindMinutesBefore, cannot) with { Reference = task };
            }

            remindersChanged = true;
        }

        if (remindAt is { } at && reminders is not null)
        {
            if (await reminders.AddAsync(userId, updated, at.Spec, cancellationToken) is { } cannot)
            {
                return TaskToolError.InvalidArgument(TaskToolArguments.RemindAt, cannot) with { Reference = task };
            }

            remindersChanged = true;
        }

        if (remindersChanged)
        {
            changed.Add("reminders");
        }

        return new TaskActionResult(TaskToolActions.Updated, TaskSummary.WithDescription(updated), changed)
        {
            ListCreated = created ? true : null,
            RemindsAt = remindAt?.Words,
        };
    }

    [McpServerTool(Name = TaskToolNames.ListLists, Title = "List the lists",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.ListLists)]
    public async Task<TaskToolResult> ListListsAsync(CancellationToken cancellationToken = default)
    {
        var lists = await listService.ListAsync(userId, cancellationToken);
        return new ListListResult(lists.Count, [.. lists.Select(Line)]);
    }

    [McpServerTool(Name = TaskToolNames.CreateList, Title = "Create a list",
        ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.CreateList)]
    public async Task<TaskToolResult> CreateListAsync(
        [Description(TaskToolText.ListName)] string name,
        CancellationToken cancellationToken = default)
    {
        var listName = ListArgument(name, out var bad, TaskToolArguments.Name);
        if (bad is not null || listName is null)
        {
            return bad ?? TaskToolError.InvalidArgument(TaskToolArguments.Name, ListText.NameRequired);
        }

        var (list, created) = await listService.FindOrCreateAsync(userId, listName, cancellationToken: cancellationToken);
        var summary = await FindSummaryAsync(list.Name, cancellationToken);
        return new ListActionResult(created ? TaskToolActions.ListCreated : TaskToolActions.ListExists,
            summary ?? new ListLine(list.Name, list.IsInbox, 0));
    }

    [McpServerTool(Name = TaskToolNames.RenameList, Title = "Rename a list",
        ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.RenameList)]
    public async Task<TaskToolResult> RenameListAsync(
        [Description(TaskToolText.ExistingList)] string list,
        [Description(TaskToolText.NewListName)] string name,
        CancellationToken cancellationToken = default)
    {
        var oldName = ListArgument(list, out var badList);
        var newName = ListArgument(name, out var badName, TaskToolArguments.Name);
        if ((badList ?? badName) is { } bad)
        {
            return bad;
        }

        if (oldName is null || newName is null)
        {
            return TaskToolError.InvalidArgument(oldName is null ? TaskToolArguments.List : TaskToolArguments.Name,
                "Give the list to rename and its new name.");
        }

        var existing = await listService.FindByNameOrSimilarAsync(userId, oldName, cancellationToken);
        if (existing is null)
        {
            return await NoSuchListAsync(oldName, cancellationToken);
        }

        var (outcome, renamed) = await listService.RenameAsync(userId, existing.Id, newName, cancellationToken);
        return outcome switch
        {
            ListOutcome.Done => new ListActionResult(TaskToolActions.ListRenamed, Line(renamed!)) { OldName = existing.Name },
            ListOutcome.IsInbox => TaskToolError.InvalidArgument(TaskToolArguments.List, "The Inbox cannot be renamed."),
            ListOutcome.DuplicateName => TaskToolError.InvalidArgument(TaskToolArguments.Name, $"You already have a list named \"{newName.Trim()}\"."),
            _ => await NoSuchListAsync(oldName, cancellationToken),
        };
    }

    [McpServerTool(Name = TaskToolNames.DeleteList, Title = "Delete a list",
        ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.DeleteList)]
    public async Task<TaskToolResult> DeleteListAsync(
        [Description(TaskToolText.ExistingList)] string list,
        [Description(TaskToolText.TasksOnDelete)] string? tasks = null,
        CancellationToken cancellationToken = default)
    {
        var listName = ListArgument(list, out var badList);
        if (badList is not null || listName is null)
        {
            return badList ?? TaskToolError.InvalidArgument(TaskToolArguments.List, "Say which list to delete.");
        }

        ListTasksOnDelete? onDelete;
        switch (tasks?.Trim().ToLowerInvariant())
        {
            case null or "": onDelete = null; break;
            case "move" or "keep" or "inbox": onDelete = ListTasksOnDelete.Move; break;
            case "delete": onDelete = ListTasksOnDelete.Delete; break;
            default: return TaskToolError.InvalidArgument(TaskToolArguments.Tasks, "tasks must be \"move\" (into the Inbox) or \"delete\".");
        }

        var existing = await listService.FindByNameOrSimilarAsync(userId, listName, cancellationToken);
        if (existing is null)
        {
            return await NoSuchListAsync(listName, cancellationToken);
        }

        if (existing.IsInbox)
        {
            return TaskToolError.InvalidArgument(TaskToolArguments.List, "The Inbox cannot be deleted.");
        }

        var inList = new TaskListQuery { ListId = existing.Id };
        var count = await taskService.CountAsync(userId, inList, cancellationToken);
        var pending = await taskService.CountAsync(userId, inList with { Status = TaskStatusFilter.Pending }, cancellationToken);
        var outcome = await listService.DeleteAsync(userId, existing.Id, onDelete, cancellationToken);
        return outcome switch
        {
            ListOutcome.Done => new ListActionResult(TaskToolActions.ListDeleted, new ListLine(existing.Name, false, pending))
            {
                TasksMoved = onDelete == ListTasksOnDelete.Move && count > 0 ? count : null,
                TasksDeleted = onDelete == ListTasksOnDelete.Delete && count > 0 ? count : null,
            },
            ListOutcome.HasTasks => new TaskToolError(TaskToolErrors.HasTasks, null, [],
                string.Create(CultureInfo.InvariantCulture,
                    $"The list \"{existing.Name}\" has {count} task{(count == 1 ? "" : "s")}; nothing was changed. Call again with tasks \"move\" (into the Inbox) or \"delete\"."))
            {
                Argument = TaskToolArguments.Tasks,
                TaskCount = count,
                Lists = [existing.Name],
            },
            ListOutcome.IsInbox => TaskToolError.InvalidArgument(TaskToolArguments.List, "The Inbox cannot be deleted."),
            _ => await NoSuchListAsync(listName, cancellationToken),
        };
    }

    /// <summary>The tools' methods, in the order of <see cref="TaskToolNames.All"/>.</summary>
    private static readonly MethodInfo[] Methods = FindMethods();

    /// <summary>The tools as Microsoft.Extensions.AI functions for a model, acting for this instance's user.</summary>
    public IList<AITool> AsAIFunctions() =>
    [
        .. Methods.Select(method => ToolCallTelemetry.Counted(AIFunctionFactory.Create(method, this, new AIFunctionFactoryOptions
        {
            Name = method.GetCustomAttribute<McpServerToolAttribute>()!.Name,
            Description = method.GetCustomAttribute<DescriptionAttribute>()!.Description,
            SerializerOptions = JsonOptions,
        }))),
    ];

    /// <summary>
    /// The tools over MCP, built from the same methods as <see cref="AsAIFunctions"/>. Each call runs on a new
    /// instance for the user of the request's bearer token (stateless: nothing is kept between requests).
    /// </summary>
    public static IEnumerable<McpServerTool> AsMcpTools() =>
        Methods.Select(method => McpServerTool.Create(method, ForCaller, new McpServerToolCreateOptions { SerializerOptions = JsonOptions }));

    /// <summary>remind_minutes_before: 0 (at the due) to four weeks, and only with a due.</summary>
    private static TaskToolError? RemindArgument(int? minutes, bool hasDue) => minutes switch
    {
        null => null,
        < 0 or > ReminderInput.MaxMinutesBefore => TaskToolError.InvalidArgument(TaskToolArguments.RemindMinutesBefore,
            $"remind_minutes_before is 0 (at the due) to {ReminderInput.MaxMinutesBefore} (four weeks); nothing was changed."),
        _ when !hasDue => TaskToolError.InvalidArgument(TaskToolArguments.RemindMinutesBefore,
            "A reminder before the due needs a due; give due too. Nothing was changed."),
        _ => null,
    };

    private static TaskTools ForCaller(RequestContext<CallToolRequestParams> request)
    {
        var caller = request.User ?? throw new InvalidOperationException("The MCP request has no user; is /mcp authorized?");
        var services = request.Services ?? throw new InvalidOperationException("The MCP request has no services.");
        services.GetRequiredService<ActivityContext>().Source = ActivitySource.Mcp;
        return new TaskTools(services.GetRequiredService<TaskService>(), services.GetRequiredService<ListService>(),
            services.GetRequiredService<ActivityService>(), caller.GetUserId(), services.GetService<ReminderService>());
    }

    private static MethodInfo[] FindMethods()
    {
        var methods = typeof(TaskTools).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(method => method.IsDefined(typeof(McpServerToolAttribute)))
            .ToDictionary(method => method.GetCustomAttribute<McpServerToolAttribute>()!.Name!, StringComparer.Ordinal);
        return [.. TaskToolNames.All.Select(name => methods[name])];
    }

    private async Task<TaskToolResult> SetCompletedAsync(string reference, string? list, bool completed, CancellationToken cancellationToken)
    {
        var preference = completed ? TaskPreference.Pending : TaskPreference.Completed;
        var (found, failure) = await ResolveAsync(reference, preference, cancellationToken, list);
        if (found is null)
        {
            return failure!;
        }

        var after = await taskService.SetCompletedAsync(userId, TaskKey.ByNumber(found.Number), completed, cancellationToken);
        if (after is null)
        {
            return NotFound(reference);
        }

        var alreadyThere = found.IsCompleted == completed;
        var action = (completed, alreadyThere) switch
        {
            (true, false) => TaskToolActions.Completed,
            (true, true) => TaskToolActions.AlreadyCompleted,
            (false, false) => TaskToolActions.Reopened,
            (false, true) => TaskToolActions.AlreadyPending,
        };

        // A repeating task stays open: completing it moves it to its next occurrence.
        if (completed && !alreadyThere && !after.IsCompleted && after.DueRecurrence is not null)
        {
            var next = TaskDueLine.Of(after.DueIn(User.DefaultTimeZone));
            return new TaskActionResult(action, TaskSummary.WithDescription(after), ["due"]) { NextDue = next };
        }

        return new TaskActionResult(action, TaskSummary.WithDescription(after), alreadyThere ? [] : ["is_completed"]);
    }

    /// <summary>
    /// The one task <paramref name="reference"/> names, as it is now; otherwise the failure to answer. With
    /// <paramref name="list"/> naming one of the user's lists, only that list's tasks are matched.
    /// </summary>
    private async Task<(TaskItem? Task, TaskToolError? Failure)> ResolveAsync(
        string? reference, TaskPreference preference, CancellationToken cancellationToken, string? list = null)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return (null, TaskToolError.Invalid("Say which task: its number or some words from its title.", reference));
        }

        if (TaskText.Reference.Check(reference) is { } badReference)
        {
            return (null, TaskToolError.Invalid(badReference));
        }

        var listName = ListArgument(list, out var badList);
        if (badList is not null)
        {
            return (null, badList);
        }

        // A list the user does not have narrows nothing: people name their one list by many names ("my to-do list").
        var onList = listName is null ? null : await listService.FindByNameOrSimilarAsync(userId, listName, cancellationToken);
        reference = reference.Trim();
        if (TaskReferenceMatcher.ParseNumber(reference) is { } number)
        {
            var byNumber = await taskService.GetByNumberAsync(userId, number, cancellationToken);
            if (byNumber is not null)
            {
                return onList is null || byNumber.ListId == onList.Id ? (byNumber, null) : (null, NotOnList(reference, onList));
            }
        }

        // The user's titles, to match words against (number order, so candidates are listed in it).
        var snapshots = (await taskService.ListTitlesAsync(userId, onList?.Id, cancellationToken))
            .Select(t => new TaskSnapshot(t.Number, t.Title, t.IsCompleted))
            .ToList();
        var match = TaskReferenceMatcher.Match(reference, snapshots, preference);
        if (match.Task is { } unique)
        {
            var task = await taskService.GetByNumberAsync(userId, unique.Number, cancellationToken);
            return task is null ? (null, NotFound(reference)) : (task, null);
        }

        if (match.IsAmbiguous)
        {
            var candidates = match.Candidates.Take(MaxCandidates)
                .Select(task => new TaskSummary(task.Number, task.Title, task.IsCompleted))
                .ToList();
            return (null, new TaskToolError(TaskToolErrors.Ambiguous, reference, candidates,
                $"{match.Candidates.Count} tasks match \"{reference}\"; nothing was changed. Say which one by its number."));
        }

        // "bananas from groceries": words that match no title, ending in the name of one of the user's lists.
        if (onList is null && ListAfterTitle().Match(reference) is { Success: true } placed
            && await listService.FindByNameOrSimilarAsync(userId, placed.Groups["list"].Value, cancellationToken) is not null)
        {
            return await ResolveAsync(placed.Groups["task"].Value, preference, cancellationToken, placed.Groups["list"].Value);
        }

        return (null, onList is null ? NotFound(reference) : NotOnList(reference, onList));
    }

    /// <summary>Task words, then a place of one or two words: "bananas from groceries", "mop kitchen on work".</summary>
    [GeneratedRegex(@"^(?<task>.+?)\s+(?:from|on|in|off|out\s+of)\s+(?:(?:my|the|our)\s+)?(?<list>[\w'&-]+(?:\s+[\w'&-]+)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListAfterTitle();

    private static TaskToolError NotOnList(string reference, TodoList list) =>
        new(TaskToolErrors.NotFound, reference, [],
            TaskReferenceMatcher.ParseNumber(reference) is { } number
                ? $"Task #{number} is not on the {list.Name} list; nothing was changed."
                : $"No task on the {list.Name} list matches \"{reference}\"; nothing was changed.")
        {
            OnList = list.Name,
        };

    private static TaskToolError NotFound(string reference) =>
        new(TaskToolErrors.NotFound, reference, [],
            TaskReferenceMatcher.ParseNumber(reference) is { } number
                ? $"There is no task #{number}."
                : $"No task matches \"{reference}\".");

    private static TaskToolError? CheckTitle(string? title) =>
        TaskText.Title.Check(title ?? "") is { } problem ? TaskToolError.InvalidArgument(TaskToolArguments.Title, problem) : null;

    private static TaskToolError? CheckDescription(string? description) =>
        description is not null && TaskText.Description.Check(description) is { } problem
            ? TaskToolError.InvalidArgument(TaskToolArguments.Description, problem)
            : null;

    /// <summary>A list name as given (a leading '#' dropped), null when blank; a name that breaks the rule sets <paramref name="bad"/>.</summary>
    private static string? ListArgument(string? text, out TaskToolError? bad, string argument = TaskToolArguments.List)
    {
        bad = null;
        var name = text?.Trim();
        if (name is { Length: > 1 } && name[0] == '#')
        {
            name = name[1..].Trim().Trim('"');
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        if (ListText.Name.Check(name) is { } problem)
        {
            bad = TaskToolError.InvalidArgument(argument, problem);
            return null;
        }

        return name;
    }

    /// <summary>Labels as stored (a leading '@' dropped), null when not given; labels that break the rule give the error naming <paramref name="argument"/>.</summary>
    private static (IReadOnlyList<string>? Labels, TaskToolError? Bad) LabelsArgument(string[]? labels, string argument)
    {
        if (labels is null)
        {
            return (null, null);
        }

        try
        {
            return (TaskLabels.Require(labels.Select(label => label is { Length: > 1 } && label[0] == '@' ? label[1..] : label)), null);
        }
        catch (InvalidTextException e)
        {
            return (null, TaskToolError.InvalidArgument(argument, $"{argument}: {e.Message}"));
        }
    }

    /// <summary>What add_task does when the title is pending already; null for a value that is none of them.</summary>
    private enum ExistingTask
    {
        Add,
        Keep,
        Move,
    }

    private static ExistingTask? ExistingArgument(string? existing) => existing?.Trim().ToUpperInvariant() switch
    {
        null or "" or "ADD" => ExistingTask.Add,
        "KEEP" => ExistingTask.Keep,
        "MOVE" => ExistingTask.Move,
        _ => null,
    };

    private static (TaskPriority? Priority, TaskToolError? Bad) PriorityArgument(string? priority)
    {
        if (string.IsNullOrWhiteSpace(priority))
        {
            return (null, null);
        }

        return TaskToolPriority.Parse(priority) is { } parsed
            ? (parsed, null)
            : (null, TaskToolError.InvalidArgument(TaskToolArguments.Priority,
                $"The priority \"{TextElements.Truncate(TextElements.Sanitize(priority), 20)}\" is not one of: {TaskToolPriority.Values}."));
    }

    /// <summary>Words that, as a due, mean no due at all.</summary>
    private static readonly HashSet<string> NoDueWords = new(StringComparer.OrdinalIgnoreCase)
        { "none", "no date", "no due date", "no due", "clear", "remove", "null", "never" };

    /// <summary>
    /// A <c>due</c> argument: words read in the user's zone at this moment, or <c>Clears</c> for "none", "no date" and blank.
    /// Words that are no date give the error naming what was not understood.
    /// </summary>
    /// <summary>
    /// remind_at: one moment, read as a due is ("tonight", "friday at 9am"; a day alone at 09:00, as an all-day due's
    /// reminders are); neither a rule nor a moment already past.
    /// </summary>
    private async Task<((ReminderSpec Spec, DueReading Due, string Words)? Reminder, TaskToolError? Bad)> RemindAtArgumentAsync(
        string? remindAt, CancellationToken cancellationToken)
    {
        if (remindAt is null)
        {
            return (null, null);
        }

        var (read, _, bad) = await DueArgumentAsync(remindAt, cancellationToken, TaskToolArguments.RemindAt);
        if (bad is not null)
        {
            return (null, bad);
        }

        if (read is not { IsRecurring: false })
        {
            return (null, TaskToolError.InvalidArgument(TaskToolArguments.RemindAt,
                "remind_at is one moment, like \"tonight\", \"tomorrow at 9am\" or \"dec 24 at 3pm\"; nothing was changed."));
        }

        var moment = ReminderSchedule.MomentOf(read, read.TimeZone)!.Value;
        var clock = await taskService.ClockAsync(userId, cancellationToken);
        if (moment < clock.Now)
        {
            return (null, TaskToolError.InvalidArgument(TaskToolArguments.RemindAt,
                $"{read.DescribeOccurrence(clock.Today.Year)} has already passed; give a moment still to come. Nothing was changed."));
        }

        var words = (read.Time is null ? read with { Time = ReminderSchedule.AllDayTime } : read).DescribeOccurrence(clock.Today.Year);
        return ((ReminderSpec.AtMoment(new DateTimeOffset(moment, TimeSpan.Zero)), read, words), null);
    }

    private async Task<(DueReading? Due, bool Clears, TaskToolError? Bad)> DueArgumentAsync(
        string? due, CancellationToken cancellationToken, string argument = TaskToolArguments.Due)
    {
        if (due is null)
        {
            return (null, false, null);
        }

        var text = due.Trim();
        if (text.Length == 0 || NoDueWords.Contains(text))
        {
            return (null, true, null);
        }

        if (text.Length > DueInput.MaxTextLength)
        {
            return (null, false, TaskToolError.InvalidArgument(argument,
                string.Create(CultureInfo.InvariantCulture, $"{argument} is too long (at most {DueInput.MaxTextLength} characters); nothing was changed.")));
        }

        try
        {
            return (await taskService.ReadDueAsync(userId, new DueInput(text, null, null, null, false), cancellationToken), false, null);
        }
        catch (InvalidTextException e)
        {
            return (null, false, TaskToolError.InvalidArgument(argument,
                $"{e.Reason} Nothing was changed; write {argument} like \"tomorrow at 5pm\", \"friday\", \"dec 24\"" +
                (argument == TaskToolArguments.Due ? " or \"every monday\"." : ".")));
        }
    }

    private static (DueShift? Shift, TaskToolError? Bad) DueShiftArgument(string? dueShift, string? due)
    {
        if (dueShift is null)
        {
            return (null, null);
        }

        if (due is not null)
        {
            return (null, TaskToolError.InvalidArgument(TaskToolArguments.DueShift,
                "Give either due or due_shift, not both; nothing was changed."));
        }

        return DueShift.TryParse(dueShift, out var shift)
            ? (shift, null)
            : (null, TaskToolError.InvalidArgument(TaskToolArguments.DueShift,
                "Write the shift as a number and a unit, like \"2 days\", \"1 week\", \"-3 hours\" or \"1 month\" (at most about ten years); nothing was changed."));
    }

    /// <summary>
    /// The task's due moved by <paramref name="shift"/>; an undated task is moved from now ("in 2 days"), which only a
    /// shift later can do. An all-day due moves by days, weeks or months, not hours.
    /// </summary>
    private async Task<(DueReading? Due, TaskToolError? Bad)> ShiftedDueAsync(TaskItem task, DueShift shift, CancellationToken cancellationToken)
    {
        if (task.DueIn(User.DefaultTimeZone) is { } due)
        {
            return shift.Apply(due) is { } moved
                ? (moved, null)
                : (null, TaskToolError.InvalidArgument(TaskToolArguments.DueShift,
                    "The task is due on a day without a time; move it by days, weeks or months, or give a time in due. Nothing was changed."));
        }

        if (shift.FromNowWords() is not { } fromNow)
        {
            return (null, TaskToolError.InvalidArgument(TaskToolArguments.DueShift,
                "The task has no due date to move earlier; give one in due. Nothing was changed."));
        }

        var (read, _, bad) = await DueArgumentAsync(fromNow, cancellationToken);
        return (read, bad);
    }

    /// <summary>The answer for a list name the caller has no list by: not_found, with the lists they have.</summary>
    /// <summary>
    /// A filter with its list terms named as the user's lists are: "#Grocery" is "#Groceries" when only that list is named
    /// so (<see cref="ListService.FindByNameOrSimilarAsync"/>); a term no list answers stays as it was.
    /// </summary>
    private async Task<string?> WithListsAsSaidAsync(string? expression, CancellationToken cancellationToken)
    {
        if (expression is null || !expression.Contains('#', StringComparison.Ordinal))
        {
            return expression;
        }

        var said = FilterListTerm().Matches(expression).Select(term => term.Groups["name"].Value);
        var found = await listService.FindByNamesOrSimilarAsync(userId, said, cancellationToken);
        return FilterListTerm().Replace(expression, term =>
            found.TryGetValue(term.Groups["name"].Value, out var list)
                ? "#" + (list.Name.Any(char.IsWhiteSpace) ? "\"" + list.Name + "\"" : list.Name)
                : term.Value);
    }

    [GeneratedRegex(@"^(?:at\s+|by\s+)?(?:(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s*(?:[ap]\.?m\.?)?|(?:[01]?\d|2[0-3]):[0-5]\d|noon|midday|midnight)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeOfDayOnly();

    /// <summary>The due words without "all day", and whether it was said: "friday all day" → (true, "friday").</summary>
    private static (bool AllDay, string? Words) WithoutAllDay(string? due) =>
        due is not null && AllDay().IsMatch(due) ? (true, AllDay().Replace(due, " ").Trim()) : (false, due);

    [GeneratedRegex(@"(?:\s*,)?\s*\b(?:all[\s-]day(?:\s+long)?|(?:with\s*out|with\s+no)\s+(?:a\s+)?time|any\s*time)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AllDay();

    [GeneratedRegex(@"#(?:""(?<name>[^""]+)""|(?<name>[\w-]+))")]
    private static partial Regex FilterListTerm();

    private async Task<TaskToolError> NoSuchListAsync(string name, CancellationToken cancellationToken)
    {
        var lists = await listService.ListAsync(userId, cancellationToken);
        var said = TextElements.Truncate(TextElements.Sanitize(name), 100);
        return new TaskToolError(TaskToolErrors.NotFound, said, [],
            $"You have no list named \"{said}\"; nothing was changed.")
        {
            Argument = TaskToolArguments.List,
            Lists = [.. lists.Select(l => l.List.Name)],
        };
    }

    private async Task<ListLine?> FindSummaryAsync(string name, CancellationToken cancellationToken) =>
        (await listService.ListAsync(userId, cancellationToken))
            .Where(l => string.Equals(l.List.NormalizedName, TodoList.Normalize(name), StringComparison.Ordinal))
            .Select(Line)
            .FirstOrDefault();

    private static ListLine Line(ListSummary summary) => new(summary.List.Name, summary.List.IsInbox, summary.PendingCount);

    /// <summary>The order of a list: by number (the default), priority (high first), due (earliest first) or when added (newest or oldest first); null when it is none of these.</summary>
    private static TaskSort? ParseSort(string? sort) => sort?.Trim().ToLowerInvariant() switch
    {
        null or "" or "number" => TaskSort.Number,
        "priority" => TaskSort.Priority,
        "due" or "due_date" or "date" => TaskSort.Due,
        "newest" or "-created_at" => TaskSort.CreatedAtDescending,
        "oldest" or "created_at" => TaskSort.CreatedAt,
        _ => null,
    };

    /// <summary>A status by its wire name, or a word a model might use for one; null for anything else.</summary>
    private static TaskStatusFilter? ParseStatus(string? status)
    {
        var word = status?.Trim().ToLowerInvariant();
        return WireNames.TryParse(word, out TaskStatusFilter named) ? named : word switch
        {
            null or "" or "any" or "every" or "everything" => TaskStatusFilter.All,
            "open" or "incomplete" or "active" or "todo" or "remaining" or "not_done" or "uncompleted" => TaskStatusFilter.Pending,
            "complete" or "done" or "finished" or "closed" => TaskStatusFilter.Completed,
            _ => null,
        };
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(AIJsonUtilities.DefaultOptions)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>The tools' names, as a model and an MCP client see them.</summary>
public static class TaskToolNames
{
    public const string AddTask = "add_task";
    public const string ListTasks = "list_tasks";
    public const string CompleteTask = "complete_task";
    public const string ReopenTask = "reopen_task";
    public const string DeleteTask = "delete_task";
    public const string UpdateTask = "update_task";
    public const string ListLists = "list_lists";
    public const string CreateList = "create_list";
    public const string RenameList = "rename_list";
    public const string DeleteList = "delete_list";
    public const string BulkTasks = "bulk_tasks";
    public const string UndoLast = "undo_last";
    public const string ListActivity = "list_activity";
    public const string ListTrash = "list_trash";
    public const string RestoreTask = "restore_task";
    public const string EmptyTrash = "empty_trash";

    /// <summary>All of them, in the order a model and an MCP client are given them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        AddTask, ListTasks, CompleteTask, ReopenTask, DeleteTask, UpdateTask, ListLists, CreateList, RenameList, DeleteList,
        BulkTasks, UndoLast, ListActivity, ListTrash, RestoreTask, EmptyTrash,
    ];
}

/// <summary>The tools' argument names, as an <c>invalid</c> answer names the one it refused.</summary>
public static class TaskToolArguments
{
    public const string Title = "title";
    public const string Description = "description";
    public const string List = "list";
    public const string Labels = "labels";
    public const string AddLabels = "add_labels";
    public const string RemoveLabels = "remove_labels";
    public const string Priority = "priority";
    public const string Status = "status";
    public const string Query = "query";
    public const string Filter = "filter";
    public const string Name = "name";
    public const string Tasks = "tasks";
    public const string Due = "due";
    public const string Repeat = "repeat";
    public const string DueShift = "due_shift";
    public const string RemindMinutesBefore = "remind_minutes_before";
    public const string RemindAt = "remind_at";
    public const string RemoveReminders = "remove_reminders";
    public const string Existing = "existing";
    public const string Action = "action";
    public const string Label = "label";
    public const string Day = "day";
    public const string Source = "source";
    public const string Limit = "limit";
    public const string Sort = "sort";
}

/// <summary>The tools' and parameters' descriptions, given to the chat's model and to MCP clients alike.</summary>
public static class TaskToolText
{
    public const string AddTask =
        "Add a new task for the user, in their Inbox or in the list named by list (created when missing: the result then " +
        "has list_created true; tell the user). Returns the new task with its number.";

    public const string Existing =
        "Optional: what to do when a pending task with this title (ignoring case) is already on the list (on any list when no list " +
        "is given): \"add\" another (the default), \"keep\" it (nothing is added; the action is already_there, with that task; " +
        "a due, priority or labels given are set on that task and the action is updated, but a task due another day gets a new " +
        "task), or " +
        "\"move\": like keep, and when the only such task is in the Inbox, it is moved to this list instead of adding a copy.";

    public const string ListTasks =
        "List the user's tasks in number order, or in the order sort asks for (at most 50; count is the total), each with its list, and its labels, " +
        "priority and due when it has them. Use it to answer what is pending, what is done, what is on a list, what has a label or " +
        "priority, how many tasks there are, or whether any task is about something.";

    public const string CompleteTask =
        "Mark one of the user's tasks as completed. A repeating task stays open and moves to its next occurrence " +
        "(next_due). If the reference matches several tasks nothing changes and the candidates are returned: ask the user which one.";

    public const string ReopenTask =
        "Mark a completed task as not done (pending) again. If the reference matches several tasks nothing changes " +
        "and the candidates are returned.";

    public const string DeleteTask =
        "Delete one of the user's tasks (it goes to the trash, from where restore_task brings it back). If the reference " +
        "matches several tasks nothing changes and the candidates are returned: ask the user which one.";

    public const string UpdateTask =
        "Change a task: its title, description (empty removes it), list (moves it; created when missing, then list_created " +
        "is true), labels (replaces them all; [] removes them), add_labels, remove_labels, priority, due, or repeat (false " +
        "stops it repeating). Give at least one. " +
        "If the reference matches several tasks nothing changes and the candidates are returned.";

    public const string ListLists =
        "List the user's lists: name, whether it is the Inbox (where tasks without a list go), and how many pending tasks it has.";

    public const string CreateList =
        "Create a list with this name (names are unique per user, ignoring case). If it already exists nothing changes and " +
        "the action is list_exists.";

    public const string RenameList = "Rename one of the user's lists (not the Inbox). The tasks stay in it.";

    public const string DeleteList =
        "Delete one of the user's lists (not the Inbox). When it has tasks, say what happens to them with tasks: \"move\" " +
        "(into the Inbox) or \"delete\"; without it nothing changes and the error is has_tasks with task_count: ask the user.";

    public const string List =
        "Optional: the name of the list to put the task in, e.g. \"Shopping\" (created when the user has none by that " +
        "name). Leave it out for the Inbox.";

    public const string ListTaskIsOn =
        "Optional: the list the task is on, as the user named it (\"milk from my grocery list\": \"grocery\"); only that " +
        "list's tasks match. A name none of the user's lists answers to narrows nothing.";

    public const string Sort =
        "Optional order: \"number\" (the default), \"priority\" (high first, then medium, low and none), \"due\" (earliest " +
        "first, tasks without a due last), \"newest\" (the task added last first) or \"oldest\" (the task added first first). Use it " +
        "for \"what should I do first\", \"sort my tasks by due date\", \"the last task I added\" or \"what's my oldest task\".";

    public const string ListToRead = "Optional: only the tasks of the user's list with this name, e.g. \"Shopping\".";

    public const string Labels =
        "Optional labels, e.g. [\"errands\"]: lower-case letters, digits, '-' and '_', 1–50 characters each, at most 20.";

    public const string Priority = "Optional priority: \"none\" (the default), \"low\", \"medium\" or \"high\".";

    public const string Filter =
        "Optional filter expression, e.g. \"@errands & priority:high\", \"#Shopping\", \"today | overdue\", \"next 7 days\": terms " +
        "#List, @label, no labels, priority:high|medium|low|none, today, tomorrow, overdue, no date, next N days, " +
        "due before: YYYY-MM-DD, due after: YYYY-MM-DD, recurring, completed, pending, search: words; operators & | ! and " +
        "parentheses. Dates are the user's, in their time zone.";

    public const string Due =
        "Optional due date in English, read in the user's time zone: \"tomorrow at 5pm\", \"friday\", \"dec 24\", \"in 3 days\", " +
        "\"every monday at 9am\", \"every month on the 1st\", \"every! 3 days\" (counted from completion).";

    public const string NewDue =
        "The new due date in English, like due of add_task (\"next monday\", \"dec 24 at 3pm\", \"every weekday\"); \"none\" " +
        "removes it. A new date without a rule moves a repeating task's next occurrence and keeps it repeating; a time alone " +
        "(\"5pm\") keeps the task's day, a day alone (\"monday\") keeps its time; \"all day\" drops the time (\"friday all day\").";

    public const string DueShift =
        "Moves the current due later or earlier instead of giving a new one: \"2 days\", \"1 week\", \"3 hours\", \"-1 day\" " +
        "(earlier). Keeps the time and the repeating rule; a task without a due is moved from now.";

    public const string Repeat = "false: the task stops repeating and keeps its current date. To make it repeat, give the rule in due.";

    public const string RemindMinutesBefore =
        "Add a reminder this many minutes before the task's due (0: at the due; an all-day due counts back from 09:00), up to 40320. Needs a due.";

    public const string RemoveReminders =
        "true: removes all the task's reminders, before any remind_minutes_before or remind_at of this call adds one; the task and its due stay.";

    public const string RemindAt =
        "Add a reminder at this moment, written like due (\"tonight\", \"tomorrow at 9am\", \"friday\": a day alone reminds at 09:00); " +
        "a task with a due keeps it, a task without one gets this moment as its due. For \"remind me tonight about the bill\" when the bill is due later.";

    public const string NewList = "Move the task to the list with this name (created when missing; \"Inbox\" for the Inbox).";

    public const string NewLabels = "Replace all the task's labels with these ([] removes them all).";

    public const string AddLabels = "Labels to add to the task, keeping its others, e.g. [\"errands\"].";

    public const string RemoveLabels = "Labels to take off the task.";

    public const string NewPriority = "The new priority: \"none\", \"low\", \"medium\" or \"high\".";

    public const string ListName = "The list's name, 1–100 characters, e.g. \"Garden\".";

    public const string ExistingList = "The name of one of the user's lists, e.g. \"Shopping\" (case does not matter).";

    public const string NewListName = "The list's new name, 1–100 characters.";

    public const string TasksOnDelete =
        "What to do with the list's tasks: \"move\" (into the Inbox) or \"delete\" (with the list). Needed only when it has tasks.";

    public const string Title = "The task's title: a short imperative phrase, 1–100 characters, e.g. \"Buy groceries\".";

    public const string Description = "Optional longer notes for the task, at most 1000 characters.";

    public const string Status = "Which tasks: \"all\" (the default), \"pending\" (not done yet) or \"completed\".";

    public const string Query = "Optional: only tasks whose title or description contains this text (case-insensitive), e.g. \"dentist\".";

    public const string Task =
        "Which task: its number (\"3\" or \"#3\") or words from its title (\"groceries\", \"the meeting task\").";

    public const string NewTitle = "The new title, 1–100 characters; leave it out to keep the current title.";

    public const string BulkTasks =
        "Change many tasks at once, named by filter or by numbers (one of them): complete, reopen, delete (to the trash), move " +
        "(to list), add_label or remove_label (label), set_priority (priority) or set_due (due). One batch: undo_last takes it " +
        "all back. Ask the user to confirm first, telling them how many tasks (list_tasks with the same filter shows which).";

    public const string BulkActions = "complete, reopen, delete, move, add_label, remove_label, set_priority, set_due";

    public const string BulkAction = "What to do: " + BulkActions + ".";

    public const string BulkFilter =
        "Which tasks, as a filter expression like list_tasks takes: \"#Shopping\", \"completed\", \"@old\", \"overdue\", \"today & pending\".";

    public const string BulkNumbers = "Which tasks, by number: [\"3\", \"5\"]. Numbers with no task are reported in failed.";

    public const string BulkList = "For move: the list's name (created when missing, then list_created is true).";

    public const string BulkLabel = "For add_label and remove_label: the label, e.g. \"errands\".";

    public const string BulkDue =
        "For set_due: the new due in English (\"tomorrow\", \"friday at 9am\"); \"none\" removes it. A day alone keeps each task's " +
        "time; \"friday all day\" drops it.";

    public const string UndoLast =
        "Take back the user's latest change that is not undone yet: everything one request, chat turn or bulk change did " +
        "(a deleted task comes back, a created one goes to the trash). Refused, changing nothing, when a task changed since.";

    public const string ListActivity =
        "The user's latest changes to their tasks, newest first: when, from where (web, api, assistant, mcp, …), what happened " +
        "and to which task. Changes with the same batch were made together.";

    public const string ActivityLimit = "Optional: how many changes, 1–50 (default 20).";

    public const string ActivityDay = "Optional: only the changes of \"today\", \"yesterday\" or a date (YYYY-MM-DD), in the user's time zone.";

    public const string ActivitySource = "Optional: only the changes from api, web, assistant (this chat), mcp, import or system.";

    public const string ListTrash = "List the user's deleted tasks (the trash), most recently deleted first. restore_task brings one back.";

    public const string RestoreTask =
        "Bring a deleted task back from the trash, with its number, list, labels and due. If the reference matches several " +
        "deleted tasks nothing changes and the candidates are returned.";

    public const string TrashedTask = "Which deleted task: its number (\"3\") or words from its title (\"milk\").";

    public const string EmptyTrash = "Remove every task in the user's trash for good (this cannot be undone). Ask the user to confirm first.";

    public const string NewDescription = "The new description (at most 1000 characters); an empty string removes it; leave it out to keep it.";
}
