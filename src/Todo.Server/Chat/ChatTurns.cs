using System.Globalization;
using System.Runtime.CompilerServices;
using Todo.Server.Http;
using Todo.Server.Telemetry;

namespace Todo.Server.Chat;

/// <summary>Why a turn was not run or did not finish, in words for a person; the API answers it as a problem with <see cref="Status"/>.</summary>
public sealed record ChatTurnRefusal(int Status, string Title, string Detail, TimeSpan? RetryAfter = null)
{
    public static ChatTurnRefusal TooMany(TimeSpan retryAfter) => new(
        StatusCodes.Status429TooManyRequests, "Too many requests",
        string.Create(CultureInfo.InvariantCulture,
            $"You have sent too many messages in the last minute; try again in {RateLimits.Seconds(retryAfter)} seconds."),
        retryAfter);

    public static readonly ChatTurnRefusal NoConversation = new(
        StatusCodes.Status404NotFound, "Not found", "That conversation no longer exists, so the message was not sent.");

    public static readonly ChatTurnRefusal InProgress = new(
        StatusCodes.Status409Conflict, "Request in progress", "A request with this Idempotency-Key is still running; retry shortly.");

    public static readonly ChatTurnRefusal KeyReused = new(
        StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused", "This Idempotency-Key was used for a different request.");

    public static ChatTurnRefusal Unavailable(AssistantUnavailableException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.TimedOut
            ? new(StatusCodes.Status504GatewayTimeout, "Assistant timed out", "The assistant did not answer in time. Your message was kept; send it again to retry.")
            : new(StatusCodes.Status502BadGateway, "Assistant failed", "The assistant could not answer. Your message was kept; send it again to retry.");
    }
}

/// <summary>How starting a turn went: refused, answered from an earlier identical request, or started.</summary>
public abstract record ChatTurnStart;

public sealed record TurnRefused(ChatTurnRefusal Refusal) : ChatTurnStart;

/// <summary>The same Idempotency-Key and request came before: its stored answer.</summary>
public sealed record TurnReplayed(ChatTurnDto Answer) : ChatTurnStart;

/// <summary>The user's message is stored; <see cref="ChatTurns.RunAsync"/> runs the model.</summary>
public sealed record TurnStarted(PreparedTurn Turn, string? IdempotencyKey) : ChatTurnStart;

/// <summary>The model failed or ran out of time during the turn; the user's message is kept, no reply is stored.</summary>
public sealed record TurnFailedEvent(ChatTurnRefusal Refusal) : ChatTurnEvent;

/// <summary>
/// One chat turn for every way a turn arrives (the API, streamed or not, and the web page's assistant panel): the
/// per-user allowance, the Idempotency-Key, storing the user's message, running the model, and the failures, each
/// decided here once. The callers only translate requests in and events out.
/// </summary>
public sealed class ChatTurns(ChatService chat, IdempotencyStore idempotency, ChatTurnLimiter limiter)
{
    /// <summary>
    /// Takes a turn from the user's allowance, claims <paramref name="idempotencyKey"/> (already checked by
    /// <see cref="IdempotencyStore.IsValidKey"/>) and stores the message. The message's text rule is
    /// <see cref="ChatService.PrepareAsync"/>'s.
    /// </summary>
    public async Task<ChatTurnStart> StartAsync(Guid userId, ChatRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!limiter.TryTake(userId, out var retryAfter))
        {
            return new TurnRefused(ChatTurnRefusal.TooMany(retryAfter));
        }

        if (idempotencyKey is not null)
        {
            var claim = await idempotency.ClaimAsync(userId, idempotencyKey, IdempotencyStore.HashRequest(request), cancellationToken);
            switch (claim.Outcome)
            {
                case IdempotencyOutcome.Replay:
                    return new TurnReplayed(claim.Response!);
                case IdempotencyOutcome.InProgress:
                    return new TurnRefused(ChatTurnRefusal.InProgress);
                case IdempotencyOutcome.Mismatch:
                    return new TurnRefused(ChatTurnRefusal.KeyReused);
            }
        }

        PreparedTurn? turn;
        try
        {
            turn = await chat.PrepareAsync(userId, request.ConversationId, request.Message.Trim(), cancellationToken);
        }
        catch
        {
            await ReleaseAsync(userId, idempotencyKey);
            throw;
        }

        if (turn is null)
        {
            await ReleaseAsync(userId, idempotencyKey);
            return new TurnRefused(ChatTurnRefusal.NoConversation);
        }

        return new TurnStarted(turn, idempotencyKey);
    }

    /// <summary>
    /// Runs the model: tool calls and text as they happen, then <see cref="TurnCompletedEvent"/> (the answer is kept
    /// for the Idempotency-Key) or <see cref="TurnFailedEvent"/>. A turn that does not complete gives its key back.
    /// </summary>
    public async IAsyncEnumerable<ChatTurnEvent> RunAsync(TurnStarted started, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(started);
        var (turn, key) = started;
        using var telemetry = ChatTurnTelemetry.Start(turn.Conversation.Id);
        var events = chat.RunAsync(turn, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var completed = false;
        try
        {
            while (true)
            {
                ChatTurnEvent next;
                try
                {
                    telemetry.Resume();
                    if (!await events.MoveNextAsync())
                    {
                        break;
                    }

                    next = events.Current;
                }
                catch (AssistantUnavailableException e)
                {
                    next = new TurnFailedEvent(ChatTurnRefusal.Unavailable(e));
                }
                catch (Exception e)
                {
                    telemetry.Threw(e);
                    throw;
                }

                telemetry.Saw(next);

                if (next is TurnCompletedEvent done)
                {
                    if (key is not null)
                    {
                        await idempotency.CompleteAsync(turn.UserId, key, done.Turn, CancellationToken.None);
                    }

                    completed = true;
                }

                yield return next;
                if (next is TurnFailedEvent)
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
                await ReleaseAsync(turn.UserId, key);
            }
        }
    }

    private async Task ReleaseAsync(Guid userId, string? key)
    {
        if (key is not null)
        {
            await idempotency.ReleaseAsync(userId, key);
        }
    }
}
