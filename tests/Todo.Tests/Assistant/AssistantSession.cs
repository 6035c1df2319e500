using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Assistant;
using Todo.Server.Assistant.BuiltIn;
using Todo.Server.Data;
using Todo.Server.Tasks;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Assistant;

/// <summary>One finished turn: the reply text and the tools that ran, in order.</summary>
public sealed record AssistantTurn(string Reply, IReadOnlyList<FunctionCallContent> Calls, IReadOnlyList<FunctionResultContent> Results);

/// <summary>
/// A conversation with the built-in engine for one user, driven as the chat drives it: each turn runs in its
/// own DI scope with that user's tools, through <c>UseFunctionInvocation()</c>, given the stored history
/// (user and assistant text only) plus the new message; the turn's user message and final reply text are
/// then appended to the history, and the tool call and result messages are not (they are not stored).
/// </summary>
public sealed class AssistantSession(ApiFixture api, Guid userId)
{
    private static readonly BuiltInChatClient Engine = new();
    private readonly List<ChatMessage> history = [];

    public Guid UserId => userId;

    public IReadOnlyList<ChatMessage> History => history;

    public static async Task<AssistantSession> StartAsync(ApiFixture api) => new(api, (await api.CreateUserAsync()).Id);

    public async Task<AssistantTurn> SendAsync(string message, bool streaming = false)
    {
        await using var scope = api.Factory.Services.CreateAsyncScope();
        var tools = CreateTools(scope.ServiceProvider, userId);
        using var client = new ChatClientBuilder(Engine).UseFunctionInvocation().Build();
        var options = new ChatOptions { Tools = tools.AsAIFunctions() };
        List<ChatMessage> messages = [.. history, new ChatMessage(ChatRole.User, message)];

        ChatResponse response;
        if (streaming)
        {
            response = await client.GetStreamingResponseAsync(messages, options).ToChatResponseAsync();
        }
        else
        {
            response = await client.GetResponseAsync(messages, options);
        }

        var reply = response.Messages.LastOrDefault(m => m.Role == ChatRole.Assistant && !string.IsNullOrEmpty(m.Text))?.Text ?? "";
        var contents = response.Messages.SelectMany(m => m.Contents).ToList();
        history.Add(new ChatMessage(ChatRole.User, message));
        history.Add(new ChatMessage(ChatRole.Assistant, reply));
        return new AssistantTurn(reply, [.. contents.OfType<FunctionCallContent>()], [.. contents.OfType<FunctionResultContent>()]);
    }

    /// <summary>Creates tasks through TaskService, numbered 1, 2, 3… in order; "[x] Title" is completed, "Title | notes" has a description.</summary>
    public async Task SeedAsync(params string[] tasks)
    {
        await using var scope = api.Factory.Services.CreateAsyncScope();
        var service = CreateTaskService(scope.ServiceProvider);
        foreach (var spec in tasks)
        {
            var (title, description, completed) = ParseSeed(spec);
            var task = await service.CreateAsync(userId, title, description) ?? throw new InvalidOperationException("No such user.");
            if (completed)
            {
                await service.SetCompletedAsync(userId, TaskKey.ByNumber(task.Number), completed: true);
            }
        }
    }

    public Task<List<TaskItem>> StoredTasksAsync() =>
        api.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.Number).ToListAsync());

    public static TaskTools CreateTools(IServiceProvider scoped, Guid userId) =>
        new(CreateTaskService(scoped), userId);

    public static TaskService CreateTaskService(IServiceProvider scoped) =>
        scoped.GetService<TaskService>() ?? new TaskService(scoped.GetRequiredService<TodoDbContext>(), TimeProvider.System);

    public static (string Title, string? Description, bool Completed) ParseSeed(string spec)
    {
        var completed = spec.StartsWith("[x] ", StringComparison.Ordinal);
        var text = completed ? spec[4..] : spec;
        var bar = text.IndexOf(" | ", StringComparison.Ordinal);
        return bar < 0 ? (text, null, completed) : (text[..bar], text[(bar + 3)..], completed);
    }
}
