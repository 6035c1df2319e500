using System.Diagnostics;
using Todo.Server.Chat;

namespace Todo.Server.Telemetry;

/// <summary>
/// One chat turn's span and count. The span (<see cref="TodoTelemetry.Spans.ChatTurn"/>) is the parent of the model calls
/// and tool calls the turn makes; when the turn ends it is counted in <see cref="TodoTelemetry.ChatTurns"/> with its outcome:
/// completed, failed or timed_out (the model), error (an exception, such as an unavailable database) or cancelled (the
/// caller went away first).
/// </summary>
public sealed class ChatTurnTelemetry : IDisposable
{
    public const string Completed = "completed";
    public const string ModelFailed = "failed";
    public const string TimedOut = "timed_out";
    public const string Error = "error";
    public const string Cancelled = "cancelled";

    /// <summary>The GenAI conventions' name of the agent: the assistant, whichever model runs it.</summary>
    public const string AgentName = "todo-assistant";

    private readonly Activity? span;
    private string outcome = Cancelled;

    private ChatTurnTelemetry(Activity? span) => this.span = span;

    public static ChatTurnTelemetry Start(Guid conversationId)
    {
        var span = TodoTelemetry.Source.StartActivity(TodoTelemetry.Spans.ChatTurn, ActivityKind.Internal);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag("gen_ai.operation.name", "invoke_agent");
            span.SetTag("gen_ai.agent.name", AgentName);
            span.SetTag("gen_ai.conversation.id", conversationId.ToString());
        }

        return new ChatTurnTelemetry(span);
    }

    /// <summary>
    /// Makes the turn's span current again. An async iterator resumes in its caller's context after each yield, so the
    /// turn calls this before each step of the model's stream; its model and tool calls are then the span's children.
    /// </summary>
    public void Resume()
    {
        if (span is not null)
        {
            Activity.Current = span;
        }
    }

    /// <summary>Notes the outcome an event of the turn tells.</summary>
    public void Saw(ChatTurnEvent turnEvent)
    {
        switch (turnEvent)
        {
            case TurnCompletedEvent:
                outcome = Completed;
                break;
            case TurnFailedEvent failed:
                outcome = failed.Refusal.Status == StatusCodes.Status504GatewayTimeout ? TimedOut : ModelFailed;
                span?.SetStatus(ActivityStatusCode.Error, failed.Refusal.Title);
                break;
        }
    }

    /// <summary>Notes an exception that ends the turn.</summary>
    public void Threw(Exception exception)
    {
        if (exception is OperationCanceledException)
        {
            outcome = Cancelled;
            return;
        }

        outcome = Error;
        TodoTelemetry.Failed(span, exception);
    }

    public void Dispose()
    {
        span?.SetTag(TodoTelemetry.Tags.ChatOutcome, outcome);
        span?.Dispose();
        TodoTelemetry.ChatTurns.Add(1, new KeyValuePair<string, object?>(TodoTelemetry.Tags.ChatOutcome, outcome));
    }
}
