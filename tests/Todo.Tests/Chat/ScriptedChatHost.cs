using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Todo.Server.Assistant.BuiltIn;
using Todo.Server.Data;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Chat;

/// <summary>
/// The model for tests: the built-in engine, except for messages starting with a script word, which make it fail,
/// stall, fail once, fail mid-reply, or answer at length. It records what the model was shown on each turn.
/// </summary>
public sealed class ScriptedChatClient : IChatClient
{
    /// <summary>Throws before answering.</summary>
    public const string Fail = "[fail]";

    /// <summary>Waits (for the turn's cancellation) far longer than any test's Assistant:Timeout.</summary>
    public const string Stall = "[stall]";

    /// <summary>Streams a little text, then throws.</summary>
    public const string FailMidReply = "[fail-mid-reply]";

    /// <summary>"[fail-once:TAG]": throws the first time it sees TAG, then answers "Recovered TAG.".</summary>
    public const string FailOnce = "[fail-once:";

    /// <summary>Answers 5,000 characters of words.</summary>
    public const string Lengthy = "[long]";

    /// <summary>"[hold:TAG]": waits until the test calls <see cref="Release"/> with TAG, then answers "Released TAG.".</summary>
    public const string Hold = "[hold:";

    /// <summary>Answers with no text at all.</summary>
    public const string Silent = "[silent]";

    public const string PartialText = "Let me think about ";

    private readonly BuiltInChatClient engine = new();
    private readonly ConcurrentDictionary<string, int> failOnceSeen = new(StringComparer.Ordinal);

    /// <summary>The messages the model was shown at the start of each turn (the call whose last message is the user's).</summary>
    public ConcurrentQueue<IReadOnlyList<ChatMessage>> Turns { get; } = new();

    private readonly ConcurrentDictionary<string, TaskCompletionSource> holds = new(StringComparer.Ordinal);

    /// <summary>Lets the turn held by "[hold:TAG]" answer.</summary>
    public void Release(string tag) => Gate(tag).TrySetResult();

    private TaskCompletionSource Gate(string tag) =>
        holds.GetOrAdd(tag, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private static string Tag(string text, string prefix) => text[prefix.Length..text.IndexOf(']', StringComparison.Ordinal)];

    /// <summary>How many times a "[fail-once:TAG]" message reached the model.</summary>
    public int Attempts(string tag) => failOnceSeen.TryGetValue(tag, out var count) ? count : 0;

    /// <summary>The 5,000-character reply of <see cref="Lengthy"/>: numbered words of varying length.</summary>
    public static string LongReply { get; } = string.Join(' ', Enumerable.Range(1, 2000).Select(i => "word" + new string('x', i % 7) + i.ToString(CultureInfo.InvariantCulture)))[..5000];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var last = list[^1];
        if (last.Role != ChatRole.User)
        {
            // The function-invocation loop coming back with tool results: the engine words them.
            await foreach (var update in engine.GetStreamingResponseAsync(list, options, cancellationToken))
            {
                yield return update;
            }

            yield break;
        }

        Turns.Enqueue(list);
        var text = last.Text;
        if (text.StartsWith(Fail, StringComparison.Ordinal))
        {
            await Task.Yield();
            throw new InvalidOperationException("The scripted model failed.");
        }

        if (text.StartsWith(Stall, StringComparison.Ordinal))
        {
            await Task.Delay(TimeSpan.FromMinutes(5), cancellationToken);
            throw new InvalidOperationException("The stall outlived the test.");
        }

        if (text.StartsWith(FailMidReply, StringComparison.Ordinal))
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, PartialText);
            await Task.Yield();
            throw new InvalidOperationException("The scripted model failed in the middle of its reply.");
        }

        if (text.StartsWith(FailOnce, StringComparison.Ordinal))
        {
            var tag = Tag(text, FailOnce);
            if (failOnceSeen.AddOrUpdate(tag, 1, (_, seen) => seen + 1) == 1)
            {
                await Task.Yield();
                throw new InvalidOperationException("The scripted model failed once.");
            }

            yield return new ChatResponseUpdate(ChatRole.Assistant, $"Recovered {tag}.");
            yield break;
        }

        if (text.StartsWith(Hold, StringComparison.Ordinal))
        {
            var tag = Tag(text, Hold);
            await Gate(tag).Task.WaitAsync(cancellationToken);
            yield return new ChatResponseUpdate(ChatRole.Assistant, $"Released {tag}.");
            yield break;
        }

        if (text.StartsWith(Silent, StringComparison.Ordinal))
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, "");
            yield break;
        }

        if (text.StartsWith(Lengthy, StringComparison.Ordinal))
        {
            for (var i = 0; i < LongReply.Length; i += 500)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, LongReply.Substring(i, Math.Min(500, LongReply.Length - i)));
            }

            yield break;
        }

        await foreach (var update in engine.GetStreamingResponseAsync(list, options, cancellationToken))
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}

/// <summary>
/// One server and its database for a test class (<see cref="ApiFixture"/>) with test services on top: the model
/// replaced and the hourly retention job left out (tests run rounds themselves). The server's X-Db-Commands and
/// X-Db-Rows-Read are on and the user's activity is checked on every request (no cache).
/// </summary>
public abstract class ScriptedChatHost : ApiFixture
{
    public ScriptedChatClient Model { get; } = new();

    /// <summary>Settings of a derived host, over this host's own.</summary>
    protected virtual IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?>();

    protected sealed override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                [DbCommandCounter.Setting] = "true",
                ["Auth:ActiveUserRecheck"] = "00:00:00",
            };
            foreach (var (key, value) in MoreSettings)
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RemoveAll<IChatClient>();
        services.AddChatClient(Model).UseFunctionInvocation();

        foreach (var job in services.Where(d => d.ServiceType == typeof(IHostedService)
                                                && d.ImplementationType?.Name == "ConversationRetentionJob").ToList())
        {
            services.Remove(job);
        }
    }
}

public class SqliteScriptedChatHost : ScriptedChatHost
{
    private readonly TemporarySqliteDatabase database = new();

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(database.ConnectionString);

    protected override void CleanUp() => database.Dispose();
}

public class PostgresScriptedChatHost(PostgresServer server) : ScriptedChatHost
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override Task<string> CreateDatabaseAsync() => server.CreateDatabaseAsync("chat");
}

/// <summary>Assistant:Timeout of one second, for the timeout tests.</summary>
public sealed class SqliteOneSecondChatHost : SqliteScriptedChatHost
{
    protected override IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?> { ["Assistant:Timeout"] = "00:00:01" };
}

/// <summary>Assistant:Timeout of one second, for the timeout tests.</summary>
public sealed class PostgresOneSecondChatHost(PostgresServer server) : PostgresScriptedChatHost(server)
{
    protected override IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?> { ["Assistant:Timeout"] = "00:00:01" };
}
