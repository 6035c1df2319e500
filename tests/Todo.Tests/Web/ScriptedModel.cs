using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Todo.Tests.Web;

/// <summary>
/// A chat model whose turns are written by the test: it streams the given pieces of text, and can call one of the
/// tools it is offered (the real task tools) first, as a model with function calling does.
/// </summary>
public sealed class ScriptedModel : IChatClient
{
    private Func<ChatOptions?, CancellationToken, IAsyncEnumerable<ChatResponseUpdate>> next = (_, ct) => Stream(["Done."], null, ct);

    /// <summary>Held before the first piece of text until released, so a test can see the "thinking" state.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public void Replies(params string[] pieces) => next = (_, ct) => Stream(pieces, Gate, ct);

    public void CallsTool(string name, Dictionary<string, object?> arguments, string reply) =>
        next = (options, ct) => CallThenReply(options, name, arguments, reply, ct);

    public void Fails() => next = (_, ct) => Failure(ct);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        next(options, cancellationToken);

    public Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Stream(
        string[] pieces, TaskCompletionSource? gate, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (gate is not null)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        foreach (var piece in pieces)
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, piece);
        }
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Failure([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield(); // fails while the answer is read, as a real client does
        if (!cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException("The model's server is down.");
        }

        yield break;
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> CallThenReply(
        ChatOptions? options, string name, Dictionary<string, object?> arguments, string reply,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var tool = options?.Tools?.OfType<AIFunction>().SingleOrDefault(t => t.Name == name)
            ?? throw new InvalidOperationException($"The assistant was not offered the tool {name}.");
        yield return new ChatResponseUpdate(ChatRole.Assistant, [new FunctionCallContent("call-1", name, arguments)]);
        var result = await tool.InvokeAsync(new AIFunctionArguments(arguments), cancellationToken);
        yield return new ChatResponseUpdate(ChatRole.Tool, [new FunctionResultContent("call-1", result)]);
        yield return new ChatResponseUpdate(ChatRole.Assistant, reply);
    }
}
