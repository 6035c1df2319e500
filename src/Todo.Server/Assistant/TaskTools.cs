using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Todo.Server.Accounts;
using Todo.Server.Http;
using Todo.Server.Tasks;
using Todo.Server.Text;

namespace Todo.Server.Assistant;

/// <summary>
/// The six tools the assistant and MCP clients call, for one user fixed at construction (no tool has a user
/// parameter: the user is always the caller). Each is a thin call into <see cref="TaskService"/>, which makes
/// every change and answers every read. A tool never throws for bad input: it answers a
/// <see cref="TaskToolError"/> and changes nothing.
/// </summary>
/// <remarks>
/// Each tool is defined once, here: its method carries the name, title and annotations
/// (<see cref="McpServerToolAttribute"/>) and the descriptions of the tool and its parameters
/// (<see cref="DescriptionAttribute"/>). <see cref="AsAIFunctions"/> serves these methods to the chat's model and
/// <see cref="AsMcpTools"/> serves the same methods over MCP, so both see the same names, descriptions and
/// parameter schemas. <c>task</c> is the task's number ("3", "#3", "task 3") or words from its title
/// ("the meeting task"); see <see cref="TaskReferenceMatcher"/>.
/// </remarks>
public sealed class TaskTools(TaskService tasks, Guid userId)
{
    /// <summary>The most tasks one list answer holds.</summary>
    public const int ListLimit = 50;

    /// <summary>The most candidates an ambiguous answer lists.</summary>
    public const int MaxCandidates = 10;

    /// <summary>How results are serialised for a model or an MCP client: snake_case, readable non-ASCII.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateJsonOptions();

    public Guid UserId => userId;

    [McpServerTool(Name = TaskToolNames.AddTask, Title = "Add a task",
        ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.AddTask)]
    public async Task<TaskToolResult> AddTaskAsync(
        [Description(TaskToolText.Title)] string title,
        [Description(TaskToolText.Description)] string? description = null,
        CancellationToken cancellationToken = default)
    {
        if (CheckTitle(title) is { } badTitle)
        {
            return badTitle;
        }

        if (CheckDescription(description) is { } badDescription)
        {
            return badDescription;
        }

        var task = await tasks.CreateAsync(userId, title, description, cancellationToken);

        return new TaskActionResult(TaskToolActions.Added, TaskSummary.WithDescription(task),
            task.Description is null ? ["title"] : ["title", "description"]);
    }

    [McpServerTool(Name = TaskToolNames.ListTasks, Title = "List tasks",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.ListTasks)]
    public async Task<TaskToolResult> ListTasksAsync(
        [Description(TaskToolText.Status)] string? status = null,
        [Description(TaskToolText.Query)] string? query = null,
        CancellationToken cancellationToken = default)
    {
        if (ParseStatus(status) is not { } filter)
        {
            return TaskToolError.Invalid($"The status \"{TextElements.Truncate(TextElements.Sanitize(status ?? ""), 20)}\" is not one of: {WireNames.List<TaskStatusFilter>()}.");
        }

        var search = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        if (search is not null && TaskText.Search.Check(search) is { } badSearch)
        {
            return TaskToolError.Invalid(badSearch);
        }

        var request = new TaskListQuery { Status = filter, Search = search, Limit = ListLimit };
        var page = await tasks.ListAsync(userId, request, cancellationToken);
        var items = page.Items.Select(TaskSummary.Line).ToList();
        var count = page.Next is null ? items.Count : await tasks.CountAsync(userId, filter, search, cancellationToken);
        return new TaskListResult(WireNames.Name(filter), search, count, items, page.Next is null ? null : true);
    }

    [McpServerTool(Name = TaskToolNames.CompleteTask, Title = "Complete a task",
        ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.CompleteTask)]
    public Task<TaskToolResult> CompleteTaskAsync(
        [Description(TaskToolText.Task)] string task,
        CancellationToken cancellationToken = default) =>
        SetCompletedAsync(task, completed: true, cancellationToken);

    [McpServerTool(Name = TaskToolNames.ReopenTask, Title = "Reopen a task",
        ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.ReopenTask)]
    public Task<TaskToolResult> ReopenTaskAsync(
        [Description(TaskToolText.Task)] string task,
        CancellationToken cancellationToken = default) =>
        SetCompletedAsync(task, completed: false, cancellationToken);

    // Not idempotent: once the named task is gone, the same words may name another one.
    [McpServerTool(Name = TaskToolNames.DeleteTask, Title = "Delete a task",
        ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.DeleteTask)]
    public async Task<TaskToolResult> DeleteTaskAsync(
        [Description(TaskToolText.Task)] string task,
        CancellationToken cancellationToken = default)
    {
        var (found, failure) = await ResolveAsync(task, TaskPreference.None, cancellationToken);
        if (found is null)
        {
            return failure!;
        }

        var deleted = await tasks.DeleteAsync(userId, TaskKey.ByNumber(found.Number), cancellationToken);
        return deleted is null
            ? NotFound(task)
            : new TaskActionResult(TaskToolActions.Deleted, TaskSummary.WithDescription(deleted), []);
    }

    // Not idempotent: after a rename, the same words may name another task.
    [McpServerTool(Name = TaskToolNames.UpdateTask, Title = "Update a task",
        ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.UpdateTask)]
    public async Task<TaskToolResult> UpdateTaskAsync(
        [Description(TaskToolText.Task)] string task,
        [Description(TaskToolText.NewTitle)] string? title = null,
        [Description(TaskToolText.NewDescription)] string? description = null,
        CancellationToken cancellationToken = default)
    {
        // A blank title from a model that fills every parameter means "keep it"; a blank description clears it.
        var newTitle = string.IsNullOrWhiteSpace(title) ? null : title;
        if (newTitle is null && description is null)
        {
            return TaskToolError.Invalid("Give a new title or a new description (an empty description removes it).", task);
        }

        var bad = (newTitle is null ? null : CheckTitle(newTitle)) ?? CheckDescription(description);
        if (bad is not null)
        {
            return TaskText.Reference.Check(task ?? "") is null ? bad with { Reference = task } : bad;
        }

        var (found, failure) = await ResolveAsync(task, TaskPreference.None, cancellationToken);
        if (found is null)
        {
            return failure!;
        }

        var changes = description is null
            ? new TaskChanges { Title = newTitle }
            : new TaskChanges { Title = newTitle, Description = description };
        var updated = await tasks.UpdateAsync(userId, TaskKey.ByNumber(found.Number), changes, cancellationToken);
        if (updated is null)
        {
            return NotFound(task);
        }

        List<string> changed = [];
        if (!string.Equals(found.Title, updated.Title, StringComparison.Ordinal))
        {
            changed.Add("title");
        }

        if (!string.Equals(found.Description, updated.Description, StringComparison.Ordinal))
        {
            changed.Add("description");
        }

        return new TaskActionResult(TaskToolActions.Updated, TaskSummary.WithDescription(updated), changed);
    }

    /// <summary>The six tools' methods, in the order of <see cref="TaskToolNames.All"/>.</summary>
    private static readonly MethodInfo[] Methods = FindMethods();

    /// <summary>The six tools as Microsoft.Extensions.AI functions for a model, acting for this instance's user.</summary>
    public IList<AITool> AsAIFunctions() =>
    [
        .. Methods.Select(method => AIFunctionFactory.Create(method, this, new AIFunctionFactoryOptions
        {
            Name = method.GetCustomAttribute<McpServerToolAttribute>()!.Name,
            Description = method.GetCustomAttribute<DescriptionAttribute>()!.Description,
            SerializerOptions = JsonOptions,
        })),
    ];

    /// <summary>
    /// The six tools over MCP, built from the same methods as <see cref="AsAIFunctions"/>. Each call runs on a new
    /// instance for the user of the request's bearer token (stateless: nothing is kept between requests).
    /// </summary>
    public static IEnumerable<McpServerTool> AsMcpTools() =>
        Methods.Select(method => McpServerTool.Create(method, ForCaller, new McpServerToolCreateOptions { SerializerOptions = JsonOptions }));

    private static TaskTools ForCaller(RequestContext<CallToolRequestParams> request)
    {
        var caller = request.User ?? throw new InvalidOperationException("The MCP request has no user; is /mcp authorized?");
        var services = request.Services ?? throw new InvalidOperationException("The MCP request has no services.");
        return new TaskTools(services.GetRequiredService<TaskService>(), caller.GetUserId());
    }

    private static MethodInfo[] FindMethods()
    {
        var methods = typeof(TaskTools).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(method => method.IsDefined(typeof(McpServerToolAttribute)))
            .ToDictionary(method => method.GetCustomAttribute<McpServerToolAttribute>()!.Name!, StringComparer.Ordinal);
        return [.. TaskToolNames.All.Select(name => methods[name])];
    }

    private async Task<TaskToolResult> SetCompletedAsync(string reference, bool completed, CancellationToken cancellationToken)
    {
        var preference = completed ? TaskPreference.Pending : TaskPreference.Completed;
        var (found, failure) = await ResolveAsync(reference, preference, cancellationToken);
        if (found is null)
        {
            return failure!;
        }

        var after = await tasks.SetCompletedAsync(userId, TaskKey.ByNumber(found.Number), completed, cancellationToken);
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
        return new TaskActionResult(action, TaskSummary.WithDescription(after), alreadyThere ? [] : ["is_completed"]);
    }

    /// <summary>The one task <paramref name="reference"/> names, as it is now; otherwise the failure to answer.</summary>
    private async Task<(TaskItem? Task, TaskToolError? Failure)> ResolveAsync(
        string? reference, TaskPreference preference, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return (null, TaskToolError.Invalid("Say which task: its number or some words from its title.", reference));
        }

        if (TaskText.Reference.Check(reference) is { } badReference)
        {
            return (null, TaskToolError.Invalid(badReference));
        }

        reference = reference.Trim();
        if (TaskReferenceMatcher.ParseNumber(reference) is { } number)
        {
            var byNumber = await tasks.GetByNumberAsync(userId, number, cancellationToken);
            if (byNumber is not null)
            {
                return (byNumber, null);
            }
        }

        // The user's titles, to match words against (number order, so candidates are listed in it).
        var snapshots = (await tasks.ListTitlesAsync(userId, cancellationToken))
            .Select(t => new TaskSnapshot(t.Number, t.Title, t.IsCompleted))
            .ToList();
        var match = TaskReferenceMatcher.Match(reference, snapshots, preference);
        if (match.Task is { } unique)
        {
            var task = await tasks.GetByNumberAsync(userId, unique.Number, cancellationToken);
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

        return (null, NotFound(reference));
    }

    private static TaskToolError NotFound(string reference) =>
        new(TaskToolErrors.NotFound, reference, [],
            TaskReferenceMatcher.ParseNumber(reference) is { } number
                ? $"There is no task #{number}."
                : $"No task matches \"{reference}\".");

    private static TaskToolError? CheckTitle(string? title) =>
        TaskText.Title.Check(title ?? "") is { } problem ? TaskToolError.Invalid(problem) : null;

    private static TaskToolError? CheckDescription(string? description) =>
        description is not null && TaskText.Description.Check(description) is { } problem ? TaskToolError.Invalid(problem) : null;

    /// <summary>all, pending or completed, and the words a model might use for them; null for anything else.</summary>
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

    /// <summary>The six, in the order a model and an MCP client are given them.</summary>
    public static IReadOnlyList<string> All { get; } = [AddTask, ListTasks, CompleteTask, ReopenTask, DeleteTask, UpdateTask];
}

/// <summary>The tools' and parameters' descriptions, given to the chat's model and to MCP clients alike.</summary>
public static class TaskToolText
{
    public const string AddTask =
        "Add a new task to the user's todo list. Returns the new task with its number.";

    public const string ListTasks =
        "List the user's tasks in number order (at most 50; count is the total). Use it to answer what is pending, " +
        "what is done, how many tasks there are, or whether any task is about something.";

    public const string CompleteTask =
        "Mark one of the user's tasks as completed. If the reference matches several tasks nothing changes and the " +
        "candidates are returned: ask the user which one.";

    public const string ReopenTask =
        "Mark a completed task as not done (pending) again. If the reference matches several tasks nothing changes " +
        "and the candidates are returned.";

    public const string DeleteTask =
        "Delete one of the user's tasks permanently. If the reference matches several tasks nothing changes and the " +
        "candidates are returned: ask the user which one.";

    public const string UpdateTask =
        "Change a task's title and/or description. Give at least one of title and description; an empty description " +
        "removes it. If the reference matches several tasks nothing changes and the candidates are returned.";

    public const string Title = "The task's title: a short imperative phrase, 1–100 characters, e.g. \"Buy groceries\".";

    public const string Description = "Optional longer notes for the task, at most 1000 characters.";

    public const string Status = "Which tasks: \"all\" (the default), \"pending\" (not done yet) or \"completed\".";

    public const string Query = "Optional: only tasks whose title or description contains this text (case-insensitive), e.g. \"dentist\".";

    public const string Task =
        "Which task: its number (\"3\" or \"#3\") or words from its title (\"groceries\", \"the meeting task\").";

    public const string NewTitle = "The new title, 1–100 characters; leave it out to keep the current title.";

    public const string NewDescription = "The new description (at most 1000 characters); an empty string removes it; leave it out to keep it.";
}
