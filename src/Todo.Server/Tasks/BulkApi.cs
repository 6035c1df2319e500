using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Todo.Server.Accounts;
using Todo.Server.Text;

namespace Todo.Server.Tasks;

/// <summary>
/// One change for many tasks: <c>ids</c> (at most 1,000) or <c>filter</c> (the language of GET /api/tasks; at most 1,000
/// matches), and what the action needs: <c>list_id</c> for move, <c>label</c> for add_label and remove_label,
/// <c>priority</c> for set_priority, <c>due_string</c> for set_due (absent or null clears the due).
/// </summary>
public sealed record BulkRequest(
    [property: Description("complete, reopen, delete (to the trash), move, add_label, remove_label, set_priority or set_due.")] BulkAction Action,
    [property: Description("The tasks to change, by id.")] IReadOnlyList<Guid>? Ids,
    [property: Description("The tasks to change, by filter expression.")] string? Filter,
    Guid? ListId,
    string? Label,
    TaskPriority? Priority,
    [property: Description("The new due in words (\"tomorrow\", \"every monday\"), read in your time zone.")] string? DueString);

public sealed record BulkResponse(int Matched, int Changed, Guid BatchId, IReadOnlyList<BulkFailure> Failed);

public static class BulkApi
{
    public static IEndpointRouteBuilder MapBulk(this IEndpointRouteBuilder app)
    {
        // In a group of its own, as every route of the API: the description lists the routes group by group.
        app.MapGroup("/api/tasks/bulk").MapPost("/", BulkAsync).WithTags("Tasks").RequireAuthorization()
            .WithName("BulkChangeTasks")
            .WithSummary("Change many tasks at once, as one batch (one undo takes it back)")
            .WithDescription("""
                matched counts the tasks named or matched, changed those whose state changed (a task already as asked is matched but
                not changed), failed the ids that are not yours or could not take the change, with why. A list, label or priority
                that cannot be used, a filter that cannot be read, or more than 1,000 tasks is a 400 and changes nothing.
                """)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    private static async Task<Ok<BulkResponse>> BulkAsync(
        BulkRequest request, ClaimsPrincipal user, TaskService tasks, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var change = new BulkChange(request.Action)
        {
            ListId = request.ListId,
            Label = request.Label,
            Priority = request.Priority,
            Due = request.Action == BulkAction.SetDue && !string.IsNullOrWhiteSpace(request.DueString)
                ? await tasks.ReadDueAsync(userId, new DueInput(request.DueString, null, null, null, false), cancellationToken)
                : null,
        };
        if (request.Action == BulkAction.SetPriority && request.Priority is null)
        {
            throw new InvalidTextException("priority", "Say which priority: none, low, medium or high.");
        }

        var outcome = await tasks.BulkAsync(userId, change, request.Ids, request.Filter, cancellationToken);
        return TypedResults.Ok(new BulkResponse(outcome.Matched, outcome.Changed, outcome.BatchId, outcome.Failed));
    }
}
