using System.ComponentModel;
using System.Security.Claims;
using ModelContextProtocol.Server;
using Todo.Server.Accounts;
using Todo.Server.Assistant;
using Todo.Server.Data;
using Todo.Server.Tasks;

namespace Todo.Server.Mcp;

/// <summary>
/// The assistant's six tools over MCP. Each acts for the caller of the bearer token and only translates:
/// the work is <see cref="TaskTools"/>, which changes tasks through <see cref="TaskService"/>.
/// </summary>
[McpServerToolType]
public sealed class TaskMcpTools(TaskService tasks, TodoDbContext db)
{
    [McpServerTool(Name = TaskToolNames.AddTask, Title = "Add a task",
        ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.AddTask)]
    public Task<TaskToolResult> AddTask(
        ClaimsPrincipal caller,
        [Description(TaskToolText.Title)] string title,
        [Description(TaskToolText.Description)] string? description = null,
        CancellationToken cancellationToken = default) =>
        For(caller).AddTaskAsync(title, description, cancellationToken);

    [McpServerTool(Name = TaskToolNames.ListTasks, Title = "List tasks",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.ListTasks)]
    public Task<TaskToolResult> ListTasks(
        ClaimsPrincipal caller,
        [Description(TaskToolText.Status)] string? status = null,
        [Description(TaskToolText.Query)] string? query = null,
        CancellationToken cancellationToken = default) =>
        For(caller).ListTasksAsync(status, query, cancellationToken);

    [McpServerTool(Name = TaskToolNames.CompleteTask, Title = "Complete a task",
        ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.CompleteTask)]
    public Task<TaskToolResult> CompleteTask(
        ClaimsPrincipal caller,
        [Description(TaskToolText.Task)] string task,
        CancellationToken cancellationToken = default) =>
        For(caller).CompleteTaskAsync(task, cancellationToken);

    [McpServerTool(Name = TaskToolNames.ReopenTask, Title = "Reopen a task",
        ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.ReopenTask)]
    public Task<TaskToolResult> ReopenTask(
        ClaimsPrincipal caller,
        [Description(TaskToolText.Task)] string task,
        CancellationToken cancellationToken = default) =>
        For(caller).ReopenTaskAsync(task, cancellationToken);

    // Not idempotent: once the named task is gone, the same words may name another one.
    [McpServerTool(Name = TaskToolNames.DeleteTask, Title = "Delete a task",
        ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.DeleteTask)]
    public Task<TaskToolResult> DeleteTask(
        ClaimsPrincipal caller,
        [Description(TaskToolText.Task)] string task,
        CancellationToken cancellationToken = default) =>
        For(caller).DeleteTaskAsync(task, cancellationToken);

    // Not idempotent: after a rename, the same words may name another task.
    [McpServerTool(Name = TaskToolNames.UpdateTask, Title = "Update a task",
        ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description(TaskToolText.UpdateTask)]
    public Task<TaskToolResult> UpdateTask(
        ClaimsPrincipal caller,
        [Description(TaskToolText.Task)] string task,
        [Description(TaskToolText.NewTitle)] string? title = null,
        [Description(TaskToolText.NewDescription)] string? description = null,
        CancellationToken cancellationToken = default) =>
        For(caller).UpdateTaskAsync(task, title, description, cancellationToken);

    private TaskTools For(ClaimsPrincipal caller) => new(tasks, db, caller.GetUserId());
}
