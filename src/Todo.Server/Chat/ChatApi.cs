using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Todo.Server.Accounts;
using Todo.Server.Http;

namespace Todo.Server.Chat;

/// <summary>
/// POST /api/chat (and the original POST /api/{user_id}/chat) runs one assistant turn, answered as JSON or, with
/// Accept: text/event-stream, as server-sent events; /api/conversations lists, reads, renames and deletes.
/// </summary>
public static class ChatApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 100;

    public static RouteGroupBuilder MapChat(this IEndpointRouteBuilder app)
    {
        var chat = app.MapGroup("/api/chat").WithTags("Chat").RequireAuthorization();
        MapTurn(chat.MapPost("/", ChatAsync).WithName("Chat"));

        var original = app.MapGroup("/api/{user_id}/chat").WithTags("Chat")
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireAssertion(RouteUser.IsCaller))
            .ProducesProblem(StatusCodes.Status403Forbidden);
        MapTurn(original.MapPost("/", ChatAsync).WithName("ChatForUser"));

        var conversations = app.MapGroup("/api/conversations").WithTags("Conversations").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        conversations.MapGet("/", ListAsync).WithName("ListConversations").WithSummary("Your conversations, most recent first");
        conversations.MapGet("/{id:guid}/messages", MessagesAsync).WithName("ListMessages").WithSummary("A conversation's messages, oldest first")
            .ProducesProblem(StatusCodes.Status404NotFound);
        conversations.MapPatch("/{id:guid}", RenameAsync).WithName("RenameConversation").WithSummary("Rename a conversation")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        conversations.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteConversation").WithSummary("Delete a conversation")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return chat;
    }

    private static void MapTurn(RouteHandlerBuilder turn) => turn
        .WithSummary("One assistant turn")
        .WithDescription("Send Accept: text/event-stream to receive tool_call, delta and done events as they happen. "
                         + "An Idempotency-Key header makes a retry return the first answer without running the turn again.")
        .Produces<ChatTurnDto>()
        .AddOpenApiOperationTransformer(DescribeEventStream)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status502BadGateway)
        .ProducesProblem(StatusCodes.Status504GatewayTimeout);

    /// <summary>
    /// The turn's 200 is JSON or, when asked for, server-sent events. (A second Produces for 200 would replace the JSON
    /// answer's schema instead of adding to it.)
    /// </summary>
    private static Task DescribeEventStream(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Responses?.GetValueOrDefault("200") is OpenApiResponse ok)
        {
            ok.Description = "The assistant's answer, as JSON or (Accept: text/event-stream) as tool_call, delta and done events.";
            ok.Content ??= new Dictionary<string, OpenApiMediaType>();
            ok.Content["text/event-stream"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }

        return Task.CompletedTask;
    }

    private static async Task<IResult> ChatAsync(
        ChatRequest request, ClaimsPrincipal principal, HttpContext http, ChatTurns turns, CancellationToken cancellationToken)
    {
        var stream = http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase));
        string? key = http.Request.Headers[IdempotencyKeyHeader];
        if (key is not null && !IdempotencyStore.IsValidKey(key))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [IdempotencyKeyHeader] = [$"Use 1 to {IdempotencyStore.MaxKeyLength} visible ASCII characters."],
            });
        }

        switch (await turns.StartAsync(principal.GetUserId(), request, key, cancellationToken))
        {
            case TurnRefused refused:
                return Refusal(http, refused.Refusal);
            case TurnReplayed replayed:
                return stream ? Stream(Replay(replayed.Answer)) : TypedResults.Ok(replayed.Answer);
            case TurnStarted started when stream:
                return Stream(ToSse(turns.RunAsync(started, cancellationToken)));
            case TurnStarted started:
                ChatTurnDto? answer = null;
                await foreach (var turnEvent in turns.RunAsync(started, cancellationToken))
                {
                    switch (turnEvent)
                    {
                        case TurnCompletedEvent done:
                            answer = done.Turn;
                            break;
                        case TurnFailedEvent failed:
                            return Refusal(http, failed.Refusal);
                    }
                }

                return TypedResults.Ok(answer);
            default:
                throw new InvalidOperationException("Unknown start of a chat turn.");
        }
    }

    private static async IAsyncEnumerable<SseItem<object>> ToSse(IAsyncEnumerable<ChatTurnEvent> events)
    {
        await foreach (var turnEvent in events)
        {
            yield return turnEvent switch
            {
                ToolCallEvent call => new SseItem<object>(call.Call, "tool_call"),
                TextDeltaEvent delta => new SseItem<object>(new { text = delta.Text }, "delta"),
                TurnCompletedEvent done => new SseItem<object>(done.Turn, "done"),
                TurnFailedEvent failed => new SseItem<object>(ToProblem(failed.Refusal), "error"),
                _ => throw new InvalidOperationException($"Unknown chat event {turnEvent.GetType().Name}."),
            };
        }
    }

    private static async IAsyncEnumerable<SseItem<object>> Replay(ChatTurnDto answer)
    {
        foreach (var call in answer.ToolCalls)
        {
            yield return new SseItem<object>(call, "tool_call");
        }

        yield return new SseItem<object>(new { text = answer.Response }, "delta");
        yield return new SseItem<object>(answer, "done");
        await Task.CompletedTask;
    }

    private static ServerSentEventsResult<object> Stream(IAsyncEnumerable<SseItem<object>> items) => TypedResults.ServerSentEvents(items);

    private static Microsoft.AspNetCore.Mvc.ProblemDetails ToProblem(ChatTurnRefusal refusal) =>
        Problems.Create(refusal.Status, refusal.Title, refusal.Detail);

    /// <summary>A refused or failed turn as its problem, with Retry-After when the refusal says when to come back.</summary>
    private static ProblemHttpResult Refusal(HttpContext http, ChatTurnRefusal refusal)
    {
        if (refusal.RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = RateLimits.Seconds(wait).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return TypedResults.Problem(ToProblem(refusal));
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(Problems.Create(status, title, detail));

    private static async Task<Results<Ok<ConversationListResponse>, ValidationProblem>> ListAsync(
        ClaimsPrincipal principal, ConversationService conversations, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            return LimitProblem();
        }

        var page = await conversations.ListAsync(principal.GetUserId(), limit ?? DefaultPageSize, cursor, cancellationToken);
        if (page is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cursor"] = ["The cursor is not valid; start again without it."] });
        }

        return TypedResults.Ok(new ConversationListResponse([.. page.Value.Items.Select(ConversationDto.From)], page.Value.NextCursor));
    }

    private static async Task<Results<Ok<MessageListResponse>, ValidationProblem, ProblemHttpResult>> MessagesAsync(
        Guid id, ClaimsPrincipal principal, ConversationService conversations, int? limit, Guid? before, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            return LimitProblem();
        }

        var messages = await conversations.GetMessagesAsync(principal.GetUserId(), id, limit ?? DefaultPageSize, before, cancellationToken);
        return messages is null
            ? Problem(StatusCodes.Status404NotFound, "Not found", "No such conversation.")
            : TypedResults.Ok(new MessageListResponse([.. messages.Select(MessageDto.From)]));
    }

    private static async Task<Results<Ok<ConversationDto>, ProblemHttpResult>> RenameAsync(
        Guid id, RenameConversationRequest request, ClaimsPrincipal principal, ConversationService conversations,
        CancellationToken cancellationToken)
    {
        var conversation = await conversations.RenameAsync(principal.GetUserId(), id, request.Title, cancellationToken);
        return conversation is null
            ? Problem(StatusCodes.Status404NotFound, "Not found", "No such conversation.")
            : TypedResults.Ok(ConversationDto.From(conversation));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal principal, ConversationService conversations, CancellationToken cancellationToken) =>
        await conversations.DeleteAsync(principal.GetUserId(), id, cancellationToken)
            ? TypedResults.NoContent()
            : Problem(StatusCodes.Status404NotFound, "Not found", "No such conversation.");

    private static ValidationProblem LimitProblem() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"The limit is 1 to {MaxPageSize}."] });
}
