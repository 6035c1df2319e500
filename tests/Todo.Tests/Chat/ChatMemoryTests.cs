using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Chat;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Chat.ChatTestSupport;

namespace Todo.Tests.Chat;

/// <summary>
/// The built-in engine remembers by the stored tool calls, not by the words of its replies: after every turn the
/// stored reply text is overwritten in the database with "ok", and "the second one", "it", the answer to "Which
/// one…?" and the answer to "What should the new task say?" still resolve; on each provider.
/// </summary>
public abstract class ChatMemoryTests(ApiFixture api)
{
    private IServiceProvider Services => api.Factory.Services;

    [Fact(Timeout = TestTimeout)]
    public async Task ReferencesAndAnswersResolveFromStoredToolCallsWhenTheReplyTextSaysNothing()
    {
        var user = await api.CreateUserAsync();
        foreach (var title in new[] { "Buy milk", "Call mom", "Write report", "Send report" })
        {
            var created = await user.Client.PostAsync("/api/tasks", JsonContent.Create(new { title }, options: Json));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var listed = await user.ChatOkAsync("show my tasks");
        var conversation = listed.ConversationId;
        Assert.Equal("list_tasks", Assert.Single(listed.ToolCalls).Name);

        async Task<ToolCallDto> CallAfterRewordingAsync(string message)
        {
            await RewordRepliesAsync(conversation);
            var turn = await user.ChatOkAsync(message, conversation);
            return Assert.Single(turn.ToolCalls);
        }

        // "the second one": the second task the stored list_tasks result returned.
        var completed = await CallAfterRewordingAsync("complete the second one");
        Assert.Equal(("complete_task", "2"), (completed.Name, Task(completed)));

        // "it": the task the stored complete_task result named.
        var reopened = await CallAfterRewordingAsync("reopen it");
        Assert.Equal(("reopen_task", "2"), (reopened.Name, Task(reopened)));

        // An ambiguous result, then "2": not a candidate's number, so the second candidate.
        var ambiguous = await CallAfterRewordingAsync("complete the report task");
        Assert.Equal("ambiguous", ambiguous.Result.GetProperty("error").GetString());
        var picked = await CallAfterRewordingAsync("2");
        Assert.Equal(("complete_task", "4"), (picked.Name, Task(picked)));

        // Again with "the second one", for a delete.
        ambiguous = await CallAfterRewordingAsync("delete the report task");
        Assert.Equal("ambiguous", ambiguous.Result.GetProperty("error").GetString());
        var deleted = await CallAfterRewordingAsync("the second one");
        Assert.Equal(("delete_task", "4"), (deleted.Name, Task(deleted)));
        Assert.Equal("deleted", deleted.Result.GetProperty("action").GetString());

        // A question asked without any tool call, answered after its text was lost.
        await RewordRepliesAsync(conversation);
        var asked = await user.ChatOkAsync("add a task", conversation);
        Assert.Empty(asked.ToolCalls);
        var added = await CallAfterRewordingAsync("Water the plants");
        Assert.Equal("add_task", added.Name);
        Assert.Equal("Water the plants", added.Arguments.GetProperty("title").GetString());

        var stored = await Services.StoredMessagesAsync(conversation);
        Assert.All(stored.Where(m => m.Role == MessageRole.Assistant).SkipLast(1), m => Assert.Equal("ok", m.Content));
        var tasks = await Services.StoredTasksAsync(user.Id);
        Assert.Equal(
            [(1, "Buy milk", false), (2, "Call mom", false), (3, "Write report", false), (5, "Water the plants", false)],
            tasks.OrderBy(t => t.Number).Select(t => (t.Number, t.Title, t.IsCompleted)));
    }

    private static string? Task(ToolCallDto call) => call.Arguments.GetProperty("task").GetString();

    private Task<int> RewordRepliesAsync(Guid conversationId) =>
        Services.InDbAsync(db => db.Messages
            .Where(m => m.ConversationId == conversationId && m.Role == MessageRole.Assistant)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Content, "ok")));
}

public sealed class SqliteChatMemoryTests(SqliteApi api) : ChatMemoryTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresChatMemoryTests(PostgresApi api) : ChatMemoryTests(api), IClassFixture<PostgresApi>;
