using System.Text.Json.Serialization;
using Todo.Server.Tasks;

namespace Todo.Server.Assistant;

/// <summary>
/// What a task tool answers: compact, and snake_case when serialised with <see cref="TaskTools.JsonOptions"/>.
/// Every result says whether it worked (<c>ok</c>); the derived records are serialised with their own
/// fields (no type discriminator), so a model, an MCP client and the chat's tool_calls all see the same JSON.
/// </summary>
[JsonDerivedType(typeof(TaskActionResult))]
[JsonDerivedType(typeof(TaskListResult))]
[JsonDerivedType(typeof(TaskToolError))]
public abstract record TaskToolResult
{
    private protected TaskToolResult(bool ok) => Ok = ok;

    [JsonPropertyOrder(-2)]
    public bool Ok { get; }
}

/// <summary>A task as a tool shows it. The description only appears in the answers about one task.</summary>
public sealed record TaskSummary(
    int Number,
    string Title,
    bool IsCompleted,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description = null)
{
    public static TaskSummary WithDescription(TaskItem task) => new(task.Number, task.Title, task.IsCompleted, task.Description);

    public static TaskSummary Line(TaskItem task) => new(task.Number, task.Title, task.IsCompleted);
}

/// <summary>
/// One task was acted on (or already was as asked). <see cref="Changed"/> names the fields that changed:
/// the fields set for <c>added</c>, <c>is_completed</c> for <c>completed</c>/<c>reopened</c>, the edited
/// fields for <c>updated</c>, and nothing for <c>deleted</c>, <c>already_completed</c> and <c>already_pending</c>.
/// </summary>
public sealed record TaskActionResult(
    [property: JsonPropertyOrder(-1)] string Action,
    TaskSummary Task,
    IReadOnlyList<string> Changed) : TaskToolResult(ok: true);

/// <summary>
/// The user's tasks, ordered by number. <see cref="Count"/> is how many match in all; at most
/// <see cref="TaskTools.ListLimit"/> are in <see cref="Tasks"/>, with <see cref="Truncated"/> true when cut.
/// </summary>
public sealed record TaskListResult(
    string Status,
    string? Query,
    int Count,
    IReadOnlyList<TaskSummary> Tasks,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Truncated = null) : TaskToolResult(ok: true)
{
    [JsonPropertyOrder(-1)]
    public string Action => TaskToolActions.Listed;
}

/// <summary>Nothing was changed: the reference matched no task or several (<see cref="Candidates"/>), or the input was invalid.</summary>
public sealed record TaskToolError(
    [property: JsonPropertyOrder(-1)] string Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reference,
    IReadOnlyList<TaskSummary> Candidates,
    string Message) : TaskToolResult(ok: false)
{
    public static TaskToolError Invalid(string message, string? reference = null) =>
        new(TaskToolErrors.Invalid, reference, [], message);
}

/// <summary>The values of <c>action</c> in a successful result.</summary>
public static class TaskToolActions
{
    public const string Added = "added";
    public const string Listed = "listed";
    public const string Completed = "completed";
    public const string Reopened = "reopened";
    public const string Deleted = "deleted";
    public const string Updated = "updated";
    public const string AlreadyCompleted = "already_completed";
    public const string AlreadyPending = "already_pending";
}

/// <summary>The values of <c>error</c> in a failed result.</summary>
public static class TaskToolErrors
{
    public const string NotFound = "not_found";
    public const string Ambiguous = "ambiguous";
    public const string Invalid = "invalid";
}
