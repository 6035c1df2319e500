using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
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

/// <summary>What one request did to the database: commands sent and rows read.</summary>
internal sealed class DbRequestCounts
{
    private int commands;
    private int rowsRead;

    public int Commands => Volatile.Read(ref commands);

    public int RowsRead => Volatile.Read(ref rowsRead);

    public void AddCommand() => Interlocked.Increment(ref commands);

    public void AddRows(int rows) => Interlocked.Add(ref rowsRead, rows);
}

/// <summary>
/// An EF Core interceptor that counts, per HTTP request, the commands sent and the rows read (each reader's
/// read count, told when it is disposed). Requests carrying <see cref="RequestHeader"/> get the counts back in
/// <see cref="CommandsHeader"/> and <see cref="RowsHeader"/>.
/// </summary>
public sealed class DbRowCounter : DbCommandInterceptor, IStartupFilter
{
    public const string RequestHeader = "X-Test-Count-Db";
    public const string CommandsHeader = "X-Test-Db-Commands";
    public const string RowsHeader = "X-Test-Db-Rows-Read";

    private static readonly AsyncLocal<DbRequestCounts?> Current = new();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (!context.Request.Headers.ContainsKey(RequestHeader))
            {
                await nextMiddleware(context);
                return;
            }

            var counts = new DbRequestCounts();
            Current.Value = counts;
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[CommandsHeader] = counts.Commands.ToString(CultureInfo.InvariantCulture);
                context.Response.Headers[RowsHeader] = counts.RowsRead.ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            await nextMiddleware(context);
        });
        next(app);
    };

    private static void Command()
    {
        if (Current.Value is { } counts)
        {
            counts.AddCommand();
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Command();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Command();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Command();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Command();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Command();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Command();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (Current.Value is { } counts)
        {
            counts.AddRows(eventData.ReadCount);
        }

        return result;
    }
}

/// <summary>
/// The server in memory like <see cref="TodoApiFactory"/> (same settings), with test services on top: the model
/// replaced, the row-counting interceptor attached, and the hourly retention job left out (tests run rounds themselves).
/// </summary>
public sealed class ScriptedChatFactory(
    string connectionString, IReadOnlyDictionary<string, string?> settings, ScriptedChatClient model, DbRowCounter counter)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Todo", connectionString);
        builder.UseSetting("Auth:SigningKey", TodoApiFactory.SigningKey);
        builder.UseSetting("RateLimiting:AuthPerMinute", "0");
        builder.UseSetting("RateLimiting:ChatPerMinute", "0");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IChatClient>();
            services.AddChatClient(model).UseFunctionInvocation();

            services.ConfigureDbContext<PostgresTodoDbContext>(options => options.AddInterceptors(counter), ServiceLifetime.Singleton);
            services.ConfigureDbContext<SqliteTodoDbContext>(options => options.AddInterceptors(counter), ServiceLifetime.Singleton);
            services.AddSingleton<IStartupFilter>(counter);

            foreach (var job in services.Where(d => d.ServiceType == typeof(IHostedService)
                                                    && d.ImplementationType?.Name == "ConversationRetentionJob").ToList())
            {
                services.Remove(job);
            }
        });
    }
}

/// <summary>One <see cref="ScriptedChatFactory"/> server and its database for a test class; derived fixtures choose the provider and settings.</summary>
public abstract class ScriptedChatHost : IAsyncLifetime
{
    private ScriptedChatFactory? factory;

    public ScriptedChatClient Model { get; } = new();

    public DbRowCounter Counter { get; } = new();

    public ScriptedChatFactory Factory => factory ?? throw new InvalidOperationException("The fixture is not initialized.");

    public IServiceProvider Services => Factory.Services;

    public string ConnectionString { get; private set; } = "";

    public abstract DatabaseProvider Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync();

    /// <summary>Settings over the defaults; the base turns on X-Db-Commands and checks the user's activity on every request (no cache).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            [DbCommandCounter.Setting] = "true",
            ["Auth:ActiveUserRecheck"] = "00:00:00",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        factory = new ScriptedChatFactory(ConnectionString, settings, Model, Counter);
        _ = factory.Server;
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        CleanUp();
        GC.SuppressFinalize(this);
    }

    protected virtual void CleanUp()
    {
    }

    public HttpClient CreateClient() => Factory.CreateClient();

    /// <summary>Registers a new user with a unique email, signs in, and returns a client that sends the token.</summary>
    public async Task<TestUser> CreateUserAsync()
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";
        const string password = "correct horse battery";
        var client = CreateClient();
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password }, ApiFixture.Json)).EnsureSuccessStatusCode();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password }, ApiFixture.Json);
        login.EnsureSuccessStatusCode();
        var body = await login.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json);
        var token = body.GetProperty("access_token").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new TestUser(body.GetProperty("user").GetProperty("id").GetGuid(), email, password, token, client);
    }
}

public class SqliteScriptedChatHost : ScriptedChatHost
{
    private readonly string directory = Directory.CreateTempSubdirectory("todo-chat-").FullName;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(directory, "todo.db")}");

    protected override void CleanUp()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public class PostgresScriptedChatHost(PostgresServer server) : ScriptedChatHost
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override Task<string> CreateDatabaseAsync() => server.CreateDatabaseAsync("chat");
}

/// <summary>Assistant:Timeout of one second, for the timeout tests.</summary>
public sealed class SqliteOneSecondChatHost : SqliteScriptedChatHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Assistant:Timeout"] = "00:00:01" };
}

/// <summary>Assistant:Timeout of one second, for the timeout tests.</summary>
public sealed class PostgresOneSecondChatHost(PostgresServer server) : PostgresScriptedChatHost(server)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Assistant:Timeout"] = "00:00:01" };
}
