using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModelContextProtocol.Server;
using Todo.Server.Assistant;
using Todo.Server.Assistant.BuiltIn;
using Todo.Tests.Chat;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Mcp;

/// <summary>
/// The tools an MCP client lists and the tools the chat gives its model are the same definitions: the same names,
/// descriptions and parameter schemas, all from the methods of <see cref="TaskTools"/>.
/// </summary>
public abstract class OneToolDefinitionTests(ApiFixture api, ToolCapture capture)
{
    private const int TestTimeout = 60_000;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeout)]
    public async Task McpClientsAndTheChatModelAreGivenTheSameToolsWithTheSameSchemas()
    {
        var user = await api.CreateUserAsync();

        await user.ChatOkAsync("What's pending?");
        var chatTools = capture.LastTools
            .Select(tool => Assert.IsAssignableFrom<AIFunctionDeclaration>(tool))
            .ToDictionary(tool => tool.Name, StringComparer.Ordinal);
        await using var client = await McpTestClient.ConnectAsync(api, user.Token, Cancellation);
        var mcpTools = (await client.ListToolsAsync(cancellationToken: Cancellation))
            .Select(tool => tool.ProtocolTool)
            .ToDictionary(tool => tool.Name, StringComparer.Ordinal);

        Assert.Equal(TaskToolNames.All.Order(StringComparer.Ordinal), chatTools.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(TaskToolNames.All.Order(StringComparer.Ordinal), mcpTools.Keys.Order(StringComparer.Ordinal));
        foreach (var name in TaskToolNames.All)
        {
            var chat = chatTools[name];
            var mcp = mcpTools[name];
            Assert.False(string.IsNullOrWhiteSpace(chat.Description), $"{name} has no description");
            Assert.Equal(chat.Description, mcp.Description);
            var chatSchema = chat.JsonSchema.GetRawText();
            var mcpSchema = JsonSerializer.SerializeToElement(mcp.InputSchema).GetRawText();
            Assert.True(JsonElement.DeepEquals(chat.JsonSchema, JsonSerializer.SerializeToElement(mcp.InputSchema)),
                $"{name}: the schemas differ.\n  chat: {chatSchema}\n  mcp:  {mcpSchema}");
        }
    }

    [Fact]
    public void EveryMcpToolIsAMethodOfTaskToolsAndNothingMirrorsThem()
    {
        var server = typeof(TaskTools).Assembly;
        var toolMethods = server.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(method => method.IsDefined(typeof(McpServerToolAttribute)))
            .ToList();

        Assert.All(toolMethods, method => Assert.Equal(typeof(TaskTools), method.DeclaringType));
        Assert.Equal(TaskToolNames.All.Order(StringComparer.Ordinal),
            toolMethods.Select(method => method.GetCustomAttribute<McpServerToolAttribute>()!.Name!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(server.GetTypes(), type => type.IsDefined(typeof(McpServerToolTypeAttribute)));
    }
}

/// <summary>The built-in engine as the chat's model, remembering the tools it was given on its latest call.</summary>
public sealed class ToolCapture : IChatClient
{
    private readonly BuiltInChatClient engine = new();
    private readonly Lock gate = new();
    private IList<AITool>? last;

    /// <summary>The tools of the latest call (a test class runs its tests one at a time).</summary>
    public IList<AITool> LastTools
    {
        get
        {
            lock (gate)
            {
                return last ?? throw new InvalidOperationException("The model was not called.");
            }
        }
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Remember(options);
        return engine.GetResponseAsync(messages, options, cancellationToken);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Remember(options);
        return engine.GetStreamingResponseAsync(messages, options, cancellationToken);
    }

    private void Remember(ChatOptions? options)
    {
        lock (gate)
        {
            last = [.. options?.Tools ?? []];
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}

/// <summary>The server with <see cref="ToolCapture"/> as the chat's model, behind the same function-invocation loop.</summary>
internal static class ToolCaptureHost
{
    public static void UseCapture(IServiceCollection services, ToolCapture capture)
    {
        services.RemoveAll<IChatClient>();
        services.AddChatClient(capture).UseFunctionInvocation();
    }
}

public sealed class SqliteToolCaptureApi : SqliteApi
{
    public ToolCapture Model { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => ToolCaptureHost.UseCapture(services, Model);
}

public sealed class PostgresToolCaptureApi(PostgresServer server) : PostgresApi(server)
{
    public ToolCapture Model { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => ToolCaptureHost.UseCapture(services, Model);
}

public sealed class SqliteOneToolDefinitionTests(SqliteToolCaptureApi api)
    : OneToolDefinitionTests(api, api.Model), IClassFixture<SqliteToolCaptureApi>;

public sealed class PostgresOneToolDefinitionTests(PostgresToolCaptureApi api)
    : OneToolDefinitionTests(api, api.Model), IClassFixture<PostgresToolCaptureApi>;
