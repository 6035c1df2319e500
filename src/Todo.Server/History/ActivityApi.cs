using System.Buffers.Binary;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Todo.Server.Accounts;
using Todo.Server.Http;
using Todo.Server.Tasks;

namespace Todo.Server.History;

/// <summary>The task an event is about, as it was named then.</summary>
public sealed record ActivityTaskRef(Guid Id, int Number, string Title);

/// <summary>
/// One change: <c>changes</c> maps each field that changed to [before, after] (a due in its stored form: date, time,
/// time_zone, recurrence, from_completion). <c>undone</c>: a later undo took its batch back.
/// </summary>
public sealed record ActivityEventDto(
    long Id, DateTime At, string Source, string Kind, ActivityTaskRef Task, JsonObject Changes, Guid BatchId, bool Undone)
{
    public static ActivityEventDto From(ActivityEvent e) => new(
        e.Seq, DateTime.SpecifyKind(e.At, DateTimeKind.Utc), e.Source.ToString().ToLowerInvariant(), e.Kind.ToString().ToLowerInvariant(),
        new ActivityTaskRef(e.TaskId, e.TaskNumber, e.TaskTitle), JsonNode.Parse(e.Changes)!.AsObject(), e.BatchId, e.UndoneByBatchId is not null);
}

public sealed record ActivityListResponse(IReadOnlyList<ActivityEventDto> Items, string? NextCursor);

public sealed record UndoRequest([property: Description("The batch to undo; absent: your latest batch that is not undone.")] Guid? BatchId);

public sealed record UndoResponse(Guid BatchId, Guid UndoneBatchId, int Undone);

/// <summary>A task in the trash, and when it went there.</summary>
public sealed record TrashItemDto(TaskDto Task, DateTime DeletedAt);

public sealed record TrashListResponse(IReadOnlyList<TrashItemDto> Items, string? NextCursor);

/// <summary>/api/activity (the log, undo, redo) and /api/trash. Handlers translate HTTP to the services and back.</summary>
public static class ActivityApi
{
    public static WebApplicationBuilder AddHistory(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ActivityContext>();
        builder.Services.AddScoped<ActivityWriter>();
        builder.Services.AddScoped<ActivityService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapHistory(this IEndpointRouteBuilder app)
    {
        var activity = app.MapGroup("/api/activity").WithTags("Activity").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        activity.MapGet("/", ListAsync).WithName("ListActivity")
            .WithSummary("What changed in your tasks, newest first");
        activity.MapPost("/undo", UndoAsync).WithName("Undo")
            .WithSummary("Take back a batch of changes")
            .WithDescription("""
                Puts every task the batch changed back as it was before it (a created task goes to the trash, a deleted one comes
                back). Without batch_id: your latest batch that is neither undone nor an undo. The undo is a batch of its own, so
                undoing it (or POST /api/activity/redo) does the changes again. 409 when there is nothing to undo, when the batch
                was undone already, or when one of its tasks changed since (the problem names the task).
                """)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        activity.MapPost("/redo", RedoAsync).WithName("Redo")
            .WithSummary("Do again what your latest undo took back")
            .ProducesProblem(StatusCodes.Status409Conflict);

        var trash = app.MapGroup("/api/trash").WithTags("Trash").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        trash.MapGet("/", ListTrashAsync).WithName("ListTrash")
            .WithSummary("Your deleted tasks, most recently deleted first");
        trash.MapPost("/{id:guid}/restore", RestoreAsync).WithName("RestoreTask")
            .WithSummary("Take a task out of the trash, with its number").ProducesProblem(StatusCodes.Status404NotFound);
        trash.MapDelete("/{id:guid}", PurgeOneAsync).WithName("PurgeTask")
            .WithSummary("Remove a task in the trash for good").ProducesProblem(StatusCodes.Status404NotFound);
        trash.MapDelete("/", EmptyTrashAsync).WithName("EmptyTrash")
            .WithSummary("Remove everything in the trash for good");
        return app;
    }

    private static async Task<Results<Ok<ActivityListResponse>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user,
        ActivityService activity,
        CancellationToken cancellationToken,
        [Description("Events per page, 1–100.")]
        [Range(1, ActivityService.MaxLimit, ErrorMessage = "limit must be between {1} and {2}.")]
        int limit = ActivityService.DefaultLimit,
        [Description("The previous page's next_cursor.")]
        string? cursor = null,
        [Description("Only the events of this task.")]
        [FromQuery(Name = "task_id")]
        Guid? taskId = null)
    {
        long? before = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!PageCursor.TryDecode(cursor, PageCursorKind.Activity, out var fields) || fields.Length != sizeof(long))
            {
                return CursorProblem();
            }

            before = BinaryPrimitives.ReadInt64LittleEndian(fields);
        }

        var page = await activity.ListAsync(user.GetUserId(), limit, before, taskId, cancellationToken);
        return TypedResults.Ok(new ActivityListResponse(
            [.. page.Items.Select(ActivityEventDto.From)],
            page.Next is { } next ? ActivityCursor(next) : null));
    }

    private static string ActivityCursor(long before)
    {
        var fields = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(fields, before);
        return PageCursor.Encode(PageCursorKind.Activity, fields);
    }

    private static async Task<Results<Ok<UndoResponse>, ProblemHttpResult>> UndoAsync(
        ClaimsPrincipal user, ActivityService activity, CancellationToken cancellationToken, [FromBody] UndoRequest? request = null)
    {
        try
        {
            var result = await activity.UndoAsync(user.GetUserId(), request?.BatchId, cancellationToken);
            return TypedResults.Ok(new UndoResponse(result.BatchId, result.UndoneBatchId, result.Undone));
        }
        catch (UndoRefusedException refused)
        {
            return Refused(refused);
        }
    }

    private static async Task<Results<Ok<UndoResponse>, ProblemHttpResult>> RedoAsync(
        ClaimsPrincipal user, ActivityService activity, CancellationToken cancellationToken)
    {
        try
        {
            var result = await activity.RedoAsync(user.GetUserId(), cancellationToken);
            return TypedResults.Ok(new UndoResponse(result.BatchId, result.UndoneBatchId, result.Undone));
        }
        catch (UndoRefusedException refused)
        {
            return Refused(refused);
        }
    }

    private static async Task<Results<Ok<TrashListResponse>, ValidationProblem>> ListTrashAsync(
        ClaimsPrincipal user,
        TaskService tasks,
        CancellationToken cancellationToken,
        [Description("Tasks per page, 1–100.")]
        [Range(1, TaskListQuery.MaxLimit, ErrorMessage = "limit must be between {1} and {2}.")]
        int limit = TaskListQuery.DefaultLimit,
        [Description("The previous page's next_cursor.")]
        string? cursor = null)
    {
        TaskCursor? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!PageCursor.TryDecode(cursor, PageCursorKind.Trash, out var fields) || fields.Length != sizeof(long) + sizeof(int))
            {
                return CursorProblem();
            }

            after = new TaskCursor(
                TaskSort.UpdatedAtDescending,
                BinaryPrimitives.ReadInt32LittleEndian(fields.AsSpan(sizeof(long))),
                Timestamp: new DateTime(BinaryPrimitives.ReadInt64LittleEndian(fields), DateTimeKind.Utc));
        }

        var page = await tasks.ListTrashAsync(user.GetUserId(), limit, after, cancellationToken);
        string? next = null;
        if (page.Next is { } position)
        {
            var fields = new byte[sizeof(long) + sizeof(int)];
            BinaryPrimitives.WriteInt64LittleEndian(fields, position.Timestamp.Ticks);
            BinaryPrimitives.WriteInt32LittleEndian(fields.AsSpan(sizeof(long)), position.Number);
            next = PageCursor.Encode(PageCursorKind.Trash, fields);
        }

        return TypedResults.Ok(new TrashListResponse(
            [.. page.Items.Select(t => new TrashItemDto(TaskDto.From(t), DateTime.SpecifyKind(t.DeletedAt!.Value, DateTimeKind.Utc)))], next));
    }

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> RestoreAsync(
        Guid id, ClaimsPrincipal user, TaskService tasks, CancellationToken cancellationToken) =>
        await tasks.RestoreAsync(user.GetUserId(), id, cancellationToken) is { } task
            ? TypedResults.Ok(TaskDto.From(task))
            : NotInTrash();

    private static async Task<Results<NoContent, ProblemHttpResult>> PurgeOneAsync(
        Guid id, ClaimsPrincipal user, TaskService tasks, CancellationToken cancellationToken) =>
        await tasks.PurgeAsync(user.GetUserId(), id, cancellationToken) == 0 ? NotInTrash() : TypedResults.NoContent();

    private static async Task<NoContent> EmptyTrashAsync(ClaimsPrincipal user, TaskService tasks, CancellationToken cancellationToken)
    {
        await tasks.PurgeAsync(user.GetUserId(), null, cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Refused(UndoRefusedException refused) => TypedResults.Problem(refused.Reason switch
    {
        UndoRefusal.NoSuchBatch => Problems.Create(StatusCodes.Status404NotFound, "Batch not found", refused.Message),
        UndoRefusal.Conflict => Problems.Create(StatusCodes.Status409Conflict, "Changed since", refused.Message),
        _ => Problems.Create(StatusCodes.Status409Conflict, "Nothing to undo", refused.Message),
    });

    private static ProblemHttpResult NotInTrash() => TypedResults.Problem(Problems.Create(
        StatusCodes.Status404NotFound, "Task not found", "Your trash has no task with this id."));

    private static ValidationProblem CursorProblem() => TypedResults.ValidationProblem(new Dictionary<string, string[]>
    {
        ["cursor"] = ["The cursor is not one this server issued; start again without it."],
    });
}
