using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Todo.Server.Accounts;
using Todo.Server.Http;

namespace Todo.Server.Lists;

/// <summary>/api/lists and /api/labels. Handlers only translate HTTP to <see cref="ListService"/> and back.</summary>
public static class ListsApi
{
    public static WebApplicationBuilder AddLists(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListService>();
        return builder;
    }

    public static RouteGroupBuilder MapLists(this IEndpointRouteBuilder app)
    {
        var lists = app.MapGroup("/api/lists").WithTags("Lists").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        lists.MapGet("/", ListAsync).WithName("ListLists").WithSummary("Your lists, the Inbox first, with their pending counts");
        lists.MapPost("/", CreateAsync).WithName("CreateList").WithSummary("Create a list")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        lists.MapPatch("/{id:guid}", RenameAsync).WithName("RenameList").WithSummary("Rename a list (not the Inbox)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        lists.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteList").WithSummary("Delete a list (not the Inbox)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        // A group like the others, so the OpenAPI document lists it after the lists, not before every group.
        app.MapGroup("/api/labels").WithTags("Lists").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .MapGet("/", LabelsAsync).WithName("ListLabels").WithSummary("Your labels with how many tasks carry each");
        return lists;
    }

    private static async Task<Ok<ListListResponse>> ListAsync(ClaimsPrincipal user, ListService lists, CancellationToken cancellationToken)
    {
        var items = await lists.ListAsync(user.GetUserId(), cancellationToken);
        return TypedResults.Ok(new ListListResponse([.. items.Select(i => ListDto.From(i.List, i.PendingCount))]));
    }

    private static async Task<Results<Created<ListDto>, ProblemHttpResult>> CreateAsync(
        ListNameRequest request, ClaimsPrincipal user, ListService lists, CancellationToken cancellationToken)
    {
        var (outcome, list) = await lists.CreateAsync(user.GetUserId(), request.Name, cancellationToken);
        return outcome == ListOutcome.Done
            ? TypedResults.Created($"/api/lists/{list!.Id}", ListDto.From(list, 0))
            : Problem(outcome);
    }

    private static async Task<Results<Ok<ListDto>, ProblemHttpResult>> RenameAsync(
        Guid id, ListNameRequest request, ClaimsPrincipal user, ListService lists, CancellationToken cancellationToken)
    {
        var (outcome, list) = await lists.RenameAsync(user.GetUserId(), id, request.Name, cancellationToken);
        return outcome == ListOutcome.Done ? TypedResults.Ok(ListDto.From(list!.List, list.PendingCount)) : Problem(outcome);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id,
        ClaimsPrincipal user,
        ListService lists,
        CancellationToken cancellationToken,
        [Description("What to do with the list's tasks: move (into the Inbox) or delete. Required when the list has tasks.")]
        [WireName<ListTasksOnDelete>]
        string? tasks = null)
    {
        ListTasksOnDelete? mode = tasks is null ? null : WireNames.Parse<ListTasksOnDelete>(tasks);
        var outcome = await lists.DeleteAsync(user.GetUserId(), id, mode, cancellationToken);
        return outcome == ListOutcome.Done ? TypedResults.NoContent() : Problem(outcome);
    }

    private static async Task<Ok<LabelListResponse>> LabelsAsync(ClaimsPrincipal user, ListService lists, CancellationToken cancellationToken)
    {
        var labels = await lists.ListLabelsAsync(user.GetUserId(), cancellationToken);
        return TypedResults.Ok(new LabelListResponse([.. labels.Select(l => new LabelDto(l.Name, l.TaskCount))]));
    }

    /// <summary>Missing and someone else's look the same: a 404.</summary>
    private static ProblemHttpResult Problem(ListOutcome outcome) => TypedResults.Problem(outcome switch
    {
        ListOutcome.NotFound => Problems.Create(StatusCodes.Status404NotFound, "List not found", "You have no list with this id."),
        ListOutcome.DuplicateName => Problems.Create(StatusCodes.Status409Conflict, "Duplicate name", "You already have a list with this name (ignoring case)."),
        ListOutcome.IsInbox => Problems.Create(StatusCodes.Status409Conflict, "Inbox", "The Inbox cannot be renamed or deleted."),
        ListOutcome.HasTasks => Problems.Create(StatusCodes.Status409Conflict, "List has tasks",
            "The list still has tasks: add ?tasks=move to move them into the Inbox, or ?tasks=delete to delete them with it."),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    });
}
