using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Todo.Server.Assistant.BuiltIn;

/// <summary>
/// The built-in language engine: an <see cref="IChatClient"/> that behaves like a tool-calling model with no
/// model at all. Wrap it in a function-invoking client (<c>new ChatClientBuilder(engine).UseFunctionInvocation().Build()</c>)
/// and pass the task tools in <see cref="ChatOptions.Tools"/>. When the last message is the user's, it answers
/// with <see cref="FunctionCallContent"/> for the tools the message asks for (or a direct reply for greetings,
/// help and anything it cannot act on); when the tools' results follow, it words them in plain English.
/// </summary>
/// <remarks>
/// Stateless and thread-safe: everything it knows comes from the messages, so the stored history is its only
/// memory, read by structure: each earlier reply's tool calls and results (what it listed, which task it named,
/// which candidates it offered) and, for replies without calls, the plan made again for the message they answered
/// (what it asked). The words of its replies are for people; it never reads them back.
/// </remarks>
public sealed partial class BuiltInChatClient(TimeProvider? time = null) : IChatClient
{
    public const string ModelId = "builtin";

    private static readonly ChatClientMetadata Metadata = new("builtin", defaultModelId: ModelId);

    private readonly TimeProvider time = time ?? TimeProvider.System;

    public Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Respond(messages, options));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = Respond(messages, options);
        var message = response.Messages[0];
        var calls = message.Contents.OfType<FunctionCallContent>().ToList();
        var pieces = calls.Count > 0 ? [] : Pieces().Matches(message.Text).Select(match => match.Value).ToList();
        var count = calls.Count > 0 ? 1 : Math.Max(pieces.Count, 1);
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            IList<AIContent> contents = calls.Count > 0 ? [.. calls] : [new TextContent(pieces.Count > 0 ? pieces[i] : "")];
            yield return new ChatResponseUpdate(ChatRole.Assistant, contents)
            {
                ResponseId = response.ResponseId,
                MessageId = message.MessageId,
                ModelId = ModelId,
                CreatedAt = response.CreatedAt,
                FinishReason = i == count - 1 ? response.FinishReason : null,
            };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? Metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
    }

    private ChatResponse Respond(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var now = time.GetUtcNow();
        var view = ConversationView.Read(messages, now);
        var plan = TurnPlanner.Plan(view);
        var available = options?.Tools?.Select(tool => tool.Name).ToHashSet(StringComparer.Ordinal) ?? [];

        ChatMessage reply;
        var calls = view.Results.Count == 0 ? plan : TurnPlanner.InsteadOfMissing(plan, view);
        if (calls is { Calls.Count: > 0 } && calls.Calls.All(call => available.Contains(call.Name)))
        {
            reply = new ChatMessage(ChatRole.Assistant, [.. calls.Calls.Select(call => (AIContent)new FunctionCallContent(
                NewId("call_"), call.Name, new Dictionary<string, object?>(call.Arguments)))]);
        }
        else if (view.Results.Count > 0)
        {
            var (answered, results) = TurnPlanner.Answered(plan, view);
            reply = new ChatMessage(ChatRole.Assistant, ReplyWriter.Write(answered, results, now.Year));
        }
        else
        {
            reply = new ChatMessage(ChatRole.Assistant, plan.Reply ?? Replies.NoTools);
        }

        reply.MessageId = NewId("msg_");
        reply.CreatedAt = time.GetUtcNow();
        return new ChatResponse(reply)
        {
            ResponseId = NewId("resp_"),
            ModelId = ModelId,
            CreatedAt = reply.CreatedAt,
            FinishReason = reply.Contents.OfType<FunctionCallContent>().Any() ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
        };
    }

    private static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N");

    /// <summary>Streamed a few words at a time, as a model would.</summary>
    [GeneratedRegex(@"\S+(?:\s+\S+){0,3}\s*|\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Pieces();
}
