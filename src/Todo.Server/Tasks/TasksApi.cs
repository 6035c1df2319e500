using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi;
using Todo.Server.Accounts;
using Todo.Server.Http;
using Todo.Server.Reminders;
using Todo.Server.Tasks.QuickAdd;

namespace Todo.Server.Tasks;

/// <summary>
/// /api/tasks, and the original API's /api/{user_id}/tasks routes on the same handlers (403 when
/// {user_id} is not the caller). Every handler only translates HTTP to <see cref="TaskService"/> and back.
/// </summary>
public static class TasksApi
{
    public static WebApplicationBuilder AddTasks(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<TaskService>();
        builder.Services.AddOptions<TaskSettings>().BindConfiguration(TaskSettings.Section).Validate(s => s.TrashDays >= 1, "Tasks:TrashDays must be at least 1.");
        builder.Services.AddScoped<QuickAddService>();
        builder.Services.AddScoped<ReminderService>();
        return builder;
    }

    public static RouteGroupBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        MapRoutes(tasks, nameSuffix: "");

        // The original API's routes. The check runs with authorization, before the body is read.
        var original = app.MapGroup("/api/{user_id}/tasks").WithTags("Tasks")
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireAssertion(RouteUser.IsCaller))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        MapRoutes(original, nameSuffix: "ForUser");

        return tasks;
    }

    private static void MapRoutes(RouteGroupBuilder group, string nameSuffix)
    {
        group.MapGet("/", ListAsync).WithName("ListTasks" + nameSuffix)
            .WithSummary("List your tasks, a page at a time").AddOpenApiOperationTransformer(DescribeListValues);
        group.MapPost("/", CreateAsync).WithName("CreateTask" + nameSuffix)
            .WithSummary("Create a task").ProducesValidationProblem();
        group.MapPost("/quick", QuickAddAsync).WithName("QuickAddTask" + nameSuffix)
            .WithSummary("Create a task from one line of text")
            .WithDescription("""
                The text's words `#List` or `#"List name"` (made when you have no such list), `@label`, `!high` `!medium` `!low`
                `!none` or `p1` to `p4`, and one date phrase ("tomorrow at 5pm", "every monday", read in your time zone) are taken
                out; the rest, quotes removed, is the title. Words in double quotes are only ever title. Answers the task, like
                creating it; text that makes no task, or names a day that does not exist ("feb 30"), is a 400 naming `text`.
                """)
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync).WithName("GetTask" + nameSuffix)
            .WithSummary("One task").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", ReplaceAsync).WithName("ReplaceTask" + nameSuffix)
            .WithSummary("Replace the title and description; list_id, labels and priority change only when sent").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPatch("/{id:guid}", PatchAsync).WithName("PatchTask" + nameSuffix)
            .WithSummary("Change only the fields sent").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPatch("/{id:guid}/complete", ToggleAsync).WithName("ToggleTask" + nameSuffix)
            .WithSummary("Toggle completion").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteTask" + nameSuffix)
            .WithSummary("Delete a task").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<TaskListResponse>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user,
        TaskService tasks,
        ReminderService reminders,
        CancellationToken cancellationToken,
        [Description("Which tasks: all, pending or completed.")]
        [WireName<TaskStatusFilter>]
        string status = "all",
        [Description("Only tasks whose title or description contains this text, ignoring case.")]
        [TaskSearch]
        string? q = null,
        [Description("Only tasks that match this filter expression, ANDed with status, q and list_id. Terms (keywords ignore case): "
            + "today, tomorrow, overdue, no date, next N days (1–365), due before: DATE, due after: DATE (DATE is YYYY-MM-DD, today, tomorrow "
            + "or a day in words such as friday or dec 24; every day term is reckoned in your time zone), "
            + "#List or #\"List with spaces\", @label, no labels, priority:high|medium|low|none, p1–p4 (p1 is high, p4 none), recurring, "
            + "completed, pending, search: words (in the title or description, to the next & | or closing parenthesis). "
            + "Operators: ! (not) binds tighter than & (and), which binds tighter than | (or); parentheses group. "
            + "Example: (#Work | @urgent) & !completed. A filter that cannot be read is a 400 naming filter, with the position at fault.")]
        string? filter = null,
        [Description("Only tasks of this list (the id of one of your lists; another id matches nothing).")]
        [FromQuery(Name = "list_id")]
        Guid? listId = null,
        [Description("The order: by number (the default), created_at, title, updated_at (a leading '-' for newest first), priority (high first) "
            + "or due (earliest due first, no date last); ties by number.")]
        [WireName<TaskSort>]
        string sort = "number",
        [Description("Tasks per page, 1–100.")]
        [Range(1, TaskListQuery.MaxLimit, ErrorMessage = "limit must be between {1} and {2}.")]
        int limit = TaskListQuery.DefaultLimit,
        [Description("The previous page's next_cursor, with the same sort.")]
        string? cursor = null)
    {
        var order = WireNames.Parse<TaskSort>(sort);
        TaskCursor? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!TaskCursor.TryDecode(cursor, out after))
            {
                return CursorProblem("The cursor is not one this server issued; start again without it.");
            }

            if (after!.Sort != order)
            {
                return CursorProblem("The cursor belongs to a list in a different order; use it with the sort it came from.");
            }
        }

        var page = await tasks.ListAsync(user.GetUserId(), new TaskListQuery
        {
            Status = WireNames.Parse<TaskStatusFilter>(status),
            Search = q,
            ListId = listId,
            Filter = filter,
            Sort = order,
            Limit = limit,
            After = after,
        }, cancellationToken);
        var reminded = await reminders.ReadAsync(page.Items, cancellationToken);
        return TypedResults.Ok(new TaskListResponse([.. page.Items.Select(t => TaskDto.From(t, reminded.GetValueOrDefault(t.Id, [])))], page.Next?.Encode()));
    }

    // A removed account (AccountGoneException) is the exception handler's 401.
    private static async Task<Created<TaskDto>> CreateAsync(
        CreateTaskRequest request, ClaimsPrincipal user, TaskService tasks, ReminderService reminders, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var due = await tasks.ReadDueAsync(userId, request.DueInput, cancellationToken);
        var (task, reminded) = await reminders.WriteAsync(userId, request.ReminderInput,
            async () => await tasks.CreateAsync(userId, request.Title, request.Description, request.ToOptions(due), cancellationToken), cancellationToken);
        return TypedResults.Created($"/api/tasks/{task!.Id}", TaskDto.From(task, reminded));
    }

    /// <summary>Answers as create does: the task and its Location, whether or not its list was made for it (the task names its list).</summary>
    private static async Task<Created<TaskDto>> QuickAddAsync(
        QuickAddRequest request, ClaimsPrincipal user, QuickAddService quickAdd, CancellationToken cancellationToken)
    {
        var added = await quickAdd.AddAsync(user.GetUserId(), request.Text, cancellationToken);
        return TypedResults.Created($"/api/tasks/{added.Task.Id}", TaskDto.From(added.Task));
    }

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, TaskService tasks, ReminderService reminders, CancellationToken cancellationToken) =>
        await FoundAsync(reminders, await tasks.GetAsync(user.GetUserId(), TaskKey.ById(id), cancellationToken), cancellationToken);

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> ReplaceAsync(
        Guid id, ReplaceTaskRequest request, ClaimsPrincipal user, TaskService tasks, ReminderService reminders, CancellationToken cancellationToken)
    {
        var due = await tasks.ReadDueAsync(user.GetUserId(), request.DueInput, cancellationToken);
        return Found(await reminders.WriteAsync(user.GetUserId(), request.ReminderInput,
            () => tasks.UpdateAsync(user.GetUserId(), TaskKey.ById(id), request.ToChanges(due), cancellationToken), cancellationToken));
    }

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> PatchAsync(
        Guid id, PatchTaskRequest request, ClaimsPrincipal user, TaskService tasks, ReminderService reminders, CancellationToken cancellationToken)
    {
        var due = await tasks.ReadDueAsync(user.GetUserId(), request.DueInput, cancellationToken);
        return Found(await reminders.WriteAsync(user.GetUserId(), request.ReminderInput,
            () => tasks.UpdateAsync(user.GetUserId(), TaskKey.ById(id), request.ToChanges(due), cancellationToken), cancellationToken));
    }

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> ToggleAsync(
        Guid id, ClaimsPrincipal user, TaskService tasks, ReminderService reminders, CancellationToken cancellationToken) =>
        await FoundAsync(reminders, await tasks.ToggleCompletedAsync(user.GetUserId(), TaskKey.ById(id), cancellationToken), cancellationToken);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, TaskService tasks, CancellationToken cancellationToken) =>
        await tasks.DeleteAsync(user.GetUserId(), TaskKey.ById(id), cancellationToken) is null
            ? NotFound()
            : TypedResults.NoContent();

    private static Results<Ok<TaskDto>, ProblemHttpResult> Found((TaskItem? Task, IReadOnlyList<ReminderDto> Reminders) written) =>
        written.Task is null ? NotFound() : TypedResults.Ok(TaskDto.From(written.Task, written.Reminders));

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> FoundAsync(
        ReminderService reminders, TaskItem? task, CancellationToken cancellationToken) =>
        task is null ? NotFound() : TypedResults.Ok(TaskDto.From(task, await reminders.ReadAsync(task, cancellationToken)));

    /// <summary>Missing and someone else's look the same: a 404, never a 403.</summary>
    private static ProblemHttpResult NotFound() => TypedResults.Problem(Problems.Create(
        StatusCodes.Status404NotFound, "Task not found", "You have no task with this id."));

    private static ValidationProblem CursorProblem(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cursor"] = [message] });

    private static Task DescribeListValues(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            var values = parameter.Name switch
            {
                "status" => WireNames.Of<TaskStatusFilter>(),
                "sort" => WireNames.Of<TaskSort>(),
                _ => null,
            };
            if (values is not null && parameter.Schema is OpenApiSchema schema)
            {
                schema.Enum = [.. values.Select(value => (JsonNode)JsonValue.Create(value))];
            }
        }

        return Task.CompletedTask;
    }
}
