using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Todo.Tests.Assistant;

/// <summary>One request the scripted model received: its body as JSON, and the headers that matter.</summary>
public sealed record ScriptedRequest(string Path, string? Authorization, JsonElement Body, string RawBody)
{
    public bool Streaming => Body.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True;

    public string? Model => Body.TryGetProperty("model", out var model) ? model.GetString() : null;

    public IReadOnlyList<JsonElement> Messages =>
        Body.TryGetProperty("messages", out var messages) ? [.. messages.EnumerateArray()] : [];

    public IReadOnlyList<JsonElement> Tools =>
        Body.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array ? [.. tools.EnumerateArray()] : [];

    /// <summary>The messages as (role, text) pairs; the text of a content-part array is its text parts joined.</summary>
    public IReadOnlyList<(string Role, string Text)> Transcript =>
        [.. Messages.Select(m => (m.GetProperty("role").GetString()!, ScriptedOpenAIServer.TextOf(m)))];
}

/// <summary>A tool call the scripted model makes: the call id, the function name, and its JSON arguments.</summary>
public sealed record ScriptedToolCall(string Id, string Name, string Arguments);

/// <summary>What the scripted model answers to one request.</summary>
public abstract record ScriptedReply
{
    /// <summary>An assistant text reply, sent in these pieces when streaming (joined otherwise).</summary>
    public static ScriptedReply Text(params string[] pieces) => new TextReply(pieces);

    /// <summary>An assistant turn that calls tools (finish_reason "tool_calls").</summary>
    public static ScriptedReply ToolCalls(params ScriptedToolCall[] calls) => new ToolCallReply(calls);

    /// <summary>An HTTP error with an OpenAI-style error body.</summary>
    public static ScriptedReply Error(HttpStatusCode status, string message) => new ErrorReply(status, message);

    /// <summary>Exactly this body with this content type and a 200.</summary>
    public static ScriptedReply Raw(string contentType, string body) => new RawReply(contentType, body);

    /// <summary>Waits (until the client gives up) before answering <paramref name="then"/>.</summary>
    public static ScriptedReply Delayed(TimeSpan delay, ScriptedReply then) => new DelayedReply(delay, then);
}

internal sealed record TextReply(IReadOnlyList<string> Pieces) : ScriptedReply;

internal sealed record ToolCallReply(IReadOnlyList<ScriptedToolCall> Calls) : ScriptedReply;

internal sealed record ErrorReply(HttpStatusCode Status, string Message) : ScriptedReply;

internal sealed record RawReply(string ContentType, string Body) : ScriptedReply;

internal sealed record DelayedReply(TimeSpan Delay, ScriptedReply Then) : ScriptedReply;

/// <summary>
/// An OpenAI-compatible chat-completions server for tests, on a free port of 127.0.0.1 (a minimal Kestrel app).
/// It records every request and answers <c>POST /v1/chat/completions</c> from a script: the replies given to
/// <see cref="Script"/> in order, then the <see cref="Script"/> fallback for every further request (so a client
/// that retries sees the same failure every time). A request with <c>"stream": true</c> is answered with
/// server-sent <c>chat.completion.chunk</c> events ending with <c>data: [DONE]</c>, as OpenAI does; otherwise
/// with one <c>chat.completion</c> object. Anything unscripted is a 400 (which OpenAI clients do not retry).
/// </summary>
public sealed class ScriptedOpenAIServer : IAsyncDisposable
{
    public const string CompletionsPath = "/v1/chat/completions";

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    private readonly object gate = new();
    private readonly List<ScriptedRequest> requests = [];
    private readonly Queue<ScriptedReply> script = new();
    private readonly WebApplication app;
    private ScriptedReply? fallback;
    private int aborted;
    private int sequence;

    private ScriptedOpenAIServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>http://127.0.0.1:PORT/v1 — what <c>Assistant:Endpoint</c> is set to.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<ScriptedRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>How many requests the client abandoned while a delayed reply was pending.</summary>
    public int AbortedRequests => Volatile.Read(ref aborted);

    /// <summary>Starts the server; blocks until it listens (usable from a fixture's constructor).</summary>
    public static ScriptedOpenAIServer Start() => Task.Run(StartAsync).GetAwaiter().GetResult();

    public static async Task<ScriptedOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ScriptedOpenAIServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "ScriptedModel",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        ScriptedOpenAIServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server = new ScriptedOpenAIServer(app, new Uri(address.TrimEnd('/') + "/v1"));
        return server;
    }

    /// <summary>Forgets earlier requests and answers the next requests with <paramref name="replies"/>, in order.</summary>
    public void Script(params ScriptedReply[] replies) => Script(replies, then: null);

    /// <summary>As <see cref="Script(ScriptedReply[])"/>, then <paramref name="then"/> for every further request.</summary>
    public void Script(IEnumerable<ScriptedReply> replies, ScriptedReply? then)
    {
        lock (gate)
        {
            requests.Clear();
            script.Clear();
            foreach (var reply in replies)
            {
                script.Enqueue(reply);
            }

            fallback = then;
            aborted = 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await app.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // A connection that would not close; the process ends it.
        }

        await app.DisposeAsync();
    }

    /// <summary>The text of a request message: its string content, or its text parts joined.</summary>
    public static string TextOf(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return "";
        }

        return content.ValueKind switch
        {
            JsonValueKind.String => content.GetString()!,
            JsonValueKind.Array => string.Concat(content.EnumerateArray()
                .Where(part => part.TryGetProperty("type", out var type) && type.GetString() == "text")
                .Select(part => part.GetProperty("text").GetString())),
            _ => "",
        };
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var raw = await reader.ReadToEndAsync(context.RequestAborted);
        JsonElement body;
        try
        {
            body = JsonDocument.Parse(raw).RootElement.Clone();
        }
        catch (JsonException)
        {
            body = default;
        }

        var request = new ScriptedRequest(context.Request.Path, context.Request.Headers.Authorization, body, raw);
        ScriptedReply reply;
        lock (gate)
        {
            requests.Add(request);
            reply = script.Count > 0 ? script.Dequeue() : fallback ?? new ErrorReply(HttpStatusCode.BadRequest, "The test did not script this request.");
        }

        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != CompletionsPath)
        {
            reply = new ErrorReply(HttpStatusCode.NotFound, $"No route {context.Request.Method} {context.Request.Path}.");
        }

        await AnswerAsync(context, request, reply);
    }

    private async Task AnswerAsync(HttpContext context, ScriptedRequest request, ScriptedReply reply)
    {
        switch (reply)
        {
            case DelayedReply delayed:
                try
                {
                    await Task.Delay(delayed.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref aborted);
                    return;
                }

                await AnswerAsync(context, request, delayed.Then);
                return;
            case ErrorReply error:
                context.Response.StatusCode = (int)error.Status;
                context.Response.Headers["retry-after-ms"] = "0";
                context.Response.Headers.RetryAfter = "0";
                await context.Response.WriteAsJsonAsync(new { error = new { message = error.Message, type = "server_error", code = (string?)null } });
                return;
            case RawReply raw:
                context.Response.ContentType = raw.ContentType;
                await context.Response.WriteAsync(raw.Body);
                return;
        }

        var id = "chatcmpl-" + Interlocked.Increment(ref sequence).ToString(CultureInfo.InvariantCulture);
        var model = request.Model ?? "unknown";
        if (request.Streaming)
        {
            context.Response.ContentType = "text/event-stream";
            foreach (var chunk in Chunks(reply))
            {
                await WriteEventAsync(context, Chunk(id, model, chunk.Delta, chunk.FinishReason).ToJsonString(Compact));
            }

            await WriteEventAsync(context, "[DONE]");
            return;
        }

        await context.Response.WriteAsync(Completion(id, model, reply).ToJsonString(Compact));
    }

    private static async Task WriteEventAsync(HttpContext context, string data)
    {
        await context.Response.WriteAsync($"data: {data}\n\n");
        await context.Response.Body.FlushAsync();
    }

    /// <summary>The chunks of a streamed reply: the role first, the text or tool calls in pieces, then the finish reason.</summary>
    private static IEnumerable<(JsonObject Delta, string? FinishReason)> Chunks(ScriptedReply reply)
    {
        yield return (new JsonObject { ["role"] = "assistant", ["content"] = "" }, null);
        switch (reply)
        {
            case TextReply text:
                foreach (var piece in text.Pieces)
                {
                    yield return (new JsonObject { ["content"] = piece }, null);
                }

                yield return (new JsonObject(), "stop");
                break;
            case ToolCallReply calls:
                for (var i = 0; i < calls.Calls.Count; i++)
                {
                    var call = calls.Calls[i];

                    // The name first with empty arguments, then the arguments in two pieces, as OpenAI streams them.
                    var half = call.Arguments.Length / 2;
                    yield return (ToolCallDelta(i, call.Id, call.Name, ""), null);
                    yield return (ToolCallDelta(i, null, null, call.Arguments[..half]), null);
                    yield return (ToolCallDelta(i, null, null, call.Arguments[half..]), null);
                }

                yield return (new JsonObject(), "tool_calls");
                break;
            default:
                throw new InvalidOperationException($"Cannot stream {reply}.");
        }
    }

    private static JsonObject ToolCallDelta(int index, string? id, string? name, string arguments)
    {
        var call = new JsonObject { ["index"] = index };
        if (id is not null)
        {
            call["id"] = id;
            call["type"] = "function";
        }

        var function = new JsonObject { ["arguments"] = arguments };
        if (name is not null)
        {
            function["name"] = name;
        }

        call["function"] = function;
        return new JsonObject { ["tool_calls"] = new JsonArray(call) };
    }

    private static JsonObject Chunk(string id, string model, JsonObject delta, string? finishReason) => new()
    {
        ["id"] = id,
        ["object"] = "chat.completion.chunk",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = model,
        ["system_fingerprint"] = "fp_scripted",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["delta"] = delta,
            ["logprobs"] = null,
            ["finish_reason"] = finishReason,
        }),
    };

    private static JsonObject Completion(string id, string model, ScriptedReply reply)
    {
        var message = new JsonObject { ["role"] = "assistant" };
        string finishReason;
        switch (reply)
        {
            case TextReply text:
                message["content"] = string.Concat(text.Pieces);
                finishReason = "stop";
                break;
            case ToolCallReply calls:
                message["content"] = null;
                message["tool_calls"] = new JsonArray([.. calls.Calls.Select(call => (JsonNode)new JsonObject
                {
                    ["id"] = call.Id,
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.Arguments },
                })]);
                finishReason = "tool_calls";
                break;
            default:
                throw new InvalidOperationException($"Cannot answer {reply} as a completion.");
        }

        return new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["logprobs"] = null,
                ["finish_reason"] = finishReason,
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = 1, ["total_tokens"] = 2 },
        };
    }
}
