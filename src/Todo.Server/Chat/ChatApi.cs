using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
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
        var chat = app.MapGroup("/api/chat").WithTags("Chat").RequireAuthorization().AddEndpointFilter(ChatTurnLimiter.Filter);
        MapTurn(chat.MapPost("/", ChatAsync).WithName("Chat"));

        var original = app.MapGroup("/api/{user_id}/chat").WithTags("Chat")
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireAssertion(RouteUser.IsCaller))
            .AddEndpointFilter(ChatTurnLimiter.Filter)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        MapTurn(original.MapPost("/", ChatAsync).WithName("ChatForUser"));

        var conversations = app.MapGroup("/api/conversations").WithTags("Conversations").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        conversations.MapGet("/", ListAsync).WithSummary("Your conversations, most recent first");
        conversations.MapGet("/{id:guid}/messages", MessagesAsync).WithSummary("A conversation's messages, oldest first")
            .ProducesProblem(StatusCodes.Status404NotFound);
        conversations.MapPatch("/{id:guid}", RenameAsync).WithSummary("Rename a conversation")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        conversations.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Delete a conversation")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return chat;
    }

    private static void MapTurn(RouteHandlerBuilder turn) => turn
        .WithSummary("One assistant turn")
        .WithDescription("Send Accept: text/event-stream to receive tool_call, delta and done events as they happen. "
                         + "An Idempotency-Key header makes a retry return the first answer without running the turn again.")
        .Produces<ChatTurnDto>()
        .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status502BadGateway)
        .ProducesProblem(StatusCodes.Status504GatewayTimeout);

    private static async Task<IResult> ChatAsync(
        ChatRequest request, ClaimsPrincipal principal, HttpContext http, ChatService chat, IdempotencyStore idempotency,
        CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var stream = http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase));
        string? key = http.Request.Headers[IdempotencyKeyHeader];
        if (key is not null)
        {
            if (!IdempotencyStore.IsValidKey(key))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    [IdempotencyKeyHeader] = [$"Use 1 to {IdempotencyStore.MaxKeyLength} visible ASCII characters."],
                });
            }

            var claim = await idempotency.ClaimAsync(userId, key, IdempotencyStore.HashRequest(request), cancellationToken);
            switch (claim.Outcome)
            {
                case IdempotencyOutcome.Replay:
                    return stream ? Stream(Replay(claim.Response!)) : TypedResults.Ok(claim.Response);
                case IdempotencyOutcome.InProgress:
                    return Problem(StatusCodes.Status409Conflict, "Request in progress",
                        "A request with this Idempotency-Key is still running; retry shortly.");
                case IdempotencyOutcome.Mismatch:
                    return Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                        "This Idempotency-Key was used for a different request.");
            }
        }

        PreparedTurn? turn;
        try
        {
            turn = await chat.PrepareAsync(userId, request.ConversationId, request.Message.Trim(), cancellationToken);
        }
        catch
        {
            await ReleaseAsync(idempotency, userId, key);
            throw;
        }

        if (turn is null)
        {
            await ReleaseAsync(idempotency, userId, key);
            return Problem(StatusCodes.Status404NotFound, "Not found", "No such conversation.");
        }

        if (stream)
        {
            return Stream(RunStreamingAsync(chat, idempotency, turn, key, cancellationToken));
        }

        try
        {
            ChatTurnDto? answer = null;
            await foreach (var turnEvent in chat.RunAsync(turn, cancellationToken))
            {
                answer = (turnEvent as TurnCompletedEvent)?.Turn ?? answer;
            }

            if (key is not null)
            {
                await idempotency.CompleteAsync(userId, key, answer!, CancellationToken.None);
            }

            return TypedResults.Ok(answer);
        }
        catch (AssistantUnavailableException e)
        {
            await ReleaseAsync(idempotency, userId, key);
            return AssistantProblem(e);
        }
        catch
        {
            await ReleaseAsync(idempotency, userId, key);
            throw;
        }
    }

    private static async IAsyncEnumerable<SseItem<object>> RunStreamingAsync(
        ChatService chat, IdempotencyStore idempotency, PreparedTurn turn, string? key,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = chat.RunAsync(turn, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var completed = false;
        try
        {
            while (true)
            {
                SseItem<object> item;
                try
                {
                    if (!await events.MoveNextAsync())
                    {
                        break;
                    }

                    item = ToSse(events.Current);
                    if (events.Current is TurnCompletedEvent done && key is not null)
                    {
                        await idempotency.CompleteAsync(turn.UserId, key, done.Turn, CancellationToken.None);
                    }

                    completed |= events.Current is TurnCompletedEvent;
                }
                catch (AssistantUnavailableException e)
                {
                    item = new SseItem<object>(ToProblem(e), "error");
                }

                yield return item;
                if (item.EventType == "error")
                {
                    yield break;
                }
            }
        }
        finally
        {
            await events.DisposeAsync();
            if (!completed)
            {
                await ReleaseAsync(idempotency, turn.UserId, key);
            }
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

    private static SseItem<object> ToSse(ChatTurnEvent turnEvent) => turnEvent switch
    {
        ToolCallEvent call => new SseItem<object>(call.Call, "tool_call"),
        TextDeltaEvent delta => new SseItem<object>(new { text = delta.Text }, "delta"),
        TurnCompletedEvent done => new SseItem<object>(done.Turn, "done"),
        _ => throw new InvalidOperationException($"Unknown chat event {turnEvent.GetType().Name}."),
    };

    private static ServerSentEventsResult<object> Stream(IAsyncEnumerable<SseItem<object>> items) => TypedResults.ServerSentEvents(items);

    private static async Task ReleaseAsync(IdempotencyStore idempotency, Guid userId, string? key)
    {
        if (key is not null)
        {
            await idempotency.ReleaseAsync(userId, key);
        }
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails ToProblem(AssistantUnavailableException e) => e.TimedOut
        ? Problems.Create(StatusCodes.Status504GatewayTimeout, "Assistant timed out", "The assistant did not answer in time; your message was kept.")
        : Problems.Create(StatusCodes.Status502BadGateway, "Assistant failed", "The assistant could not answer; your message was kept.");

    private static ProblemHttpResult AssistantProblem(AssistantUnavailableException e) => TypedResults.Problem(ToProblem(e));

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
