using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using Todo.Server.Accounts;
using Todo.Server.Chat;
using Todo.Server.Tasks;
using Todo.Server.Text;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Infrastructure.ProblemAssert;
using static Todo.Tests.Tasks.TaskTestSupport;

namespace Todo.Tests.Hardening;

/// <summary>
/// The hostile-input table: text no entry point may take (control characters, unpaired surrogates, text that is
/// only invisible or formatting characters, lengths over the limit in text elements or in storage, wrong types),
/// sent through REST, chat, MCP and the services the web page calls. Each is refused with an answer naming the
/// field or argument, the user's data stays exactly as it was, and the server logs nothing at Error level.
/// </summary>
public abstract class HostileInputTests(ApiFixture api, LogCollector log)
{
    private const string Zalgo = "a\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u0309\u030a\u030b\u030c";

    private static readonly string ManyMarks = "x" + string.Concat(Enumerable.Repeat("\u0301", 150));

    private static readonly Dictionary<string, HostileCase> Cases = new(StringComparer.Ordinal)
    {
        // REST: task titles.
        ["rest title: NUL"] = Rest(HttpMethod.Post, "/api/tasks", """{"title":"a\u0000b"}""", "title"),
        ["rest title: bell"] = Rest(HttpMethod.Post, "/api/tasks", """{"title":"ring\u0007"}""", "title"),
        ["rest title: escape sequence"] = Rest(HttpMethod.Post, "/api/tasks", """{"title":"\u001b[31mred"}""", "title"),
        ["rest title: DEL"] = Rest(HttpMethod.Post, "/api/tasks", """{"title":"a\u007fb"}""", "title"),
        ["rest title: C1 next-line"] = Rest(HttpMethod.Post, "/api/tasks", """{"title":"a\u0085b"}""", "title"),
        ["rest title: line break"] = Rest(HttpMethod.Post, "/api/tasks", """{"title":"two\nlines"}""", "title"),
        ["rest title: unpaired high surrogate"] = Rest(HttpMethod.Post, "/api/tasks", """{"title":"a\ud800b"}""", "title"),
        ["rest title: unpaired low surrogate"] = Rest(HttpMethod.Post, "/api/tasks", """{"title":"\udc00"}""", "title"),
        ["rest title: only zero-width space"] = Rest(HttpMethod.Post, "/api/tasks", """{"title":"\u200b\u200b"}""", "title"),
        ["rest title: only right-to-left override"] = Rest(HttpMethod.Post, "/api/tasks", """{"title":"\u202e"}""", "title"),
        ["rest title: only byte order mark"] = Rest(HttpMethod.Post, "/api/tasks", """{"title":"\ufeff"}""", "title"),
        ["rest title: lone combining mark"] = Rest(HttpMethod.Post, "/api/tasks", """{"title":"\u0301"}""", "title"),
        ["rest title: only ideographic spaces"] = Rest(HttpMethod.Post, "/api/tasks", """{"title":"\u3000\u3000"}""", "title"),
        ["rest title: 101 emoji"] = Rest(HttpMethod.Post, "/api/tasks", Body("title", string.Concat(Enumerable.Repeat("😀", 101))), "title"),
        ["rest title: one character of 150 marks"] = Rest(HttpMethod.Post, "/api/tasks", Body("title", ManyMarks), "title"),
        ["rest title: 101 stacked characters"] = Rest(HttpMethod.Post, "/api/tasks", Body("title", string.Concat(Enumerable.Repeat(Zalgo, 101))), "title"),
        ["rest title: 100,000 characters"] = Rest(HttpMethod.Post, "/api/tasks", Body("title", new string('a', 100_000)), "title"),
        ["rest description: NUL"] = Rest(HttpMethod.Post, "/api/tasks", """{"title":"ok","description":"a\u0000b"}""", "description"),
        ["rest description: bell"] = Rest(HttpMethod.Post, "/api/tasks", """{"title":"ok","description":"\u0007"}""", "description"),
        ["rest description: unpaired surrogate"] = Rest(HttpMethod.Post, "/api/tasks", """{"title":"ok","description":"\udbff"}""", "description"),
        ["rest description: 1001 characters"] = Rest(HttpMethod.Post, "/api/tasks", Body("description", new string('d', 1001), title: "ok"), "description"),
        ["rest description: too many code points to store"] = Rest(HttpMethod.Post, "/api/tasks", Body("description", string.Concat(Enumerable.Repeat(Zalgo, 100)), title: "ok"), "description"),
        ["rest patch title: NUL"] = Rest(HttpMethod.Patch, "/api/tasks/{task}", """{"title":"a\u0000"}""", "title"),
        ["rest patch title: only zero-width space"] = Rest(HttpMethod.Patch, "/api/tasks/{task}", """{"title":"\u200b"}""", "title"),
        ["rest put title: only right-to-left override"] = Rest(HttpMethod.Put, "/api/tasks/{task}", """{"title":"\u202e\u202e"}""", "title"),
        ["rest original route title: NUL"] = Rest(HttpMethod.Post, "/api/{user}/tasks", """{"title":"a\u0000b"}""", "title"),
        ["rest search: NUL"] = Rest(HttpMethod.Get, "/api/tasks?q=a%00b", null, "q"),
        ["rest search: escape"] = Rest(HttpMethod.Get, "/api/tasks?q=%1B%5B2J", null, "q"),

        ["rest list: NUL in status"] = Rest(HttpMethod.Get, "/api/tasks?status=all%00", null, "status"),
        ["rest list: limit is not a number"] = Rest(HttpMethod.Get, "/api/tasks?limit=1e9", null, "limit"),
        ["rest list: forged cursor"] = Rest(HttpMethod.Get, "/api/tasks?cursor=%00%FF", null, "cursor"),
        ["rest patch: completion is a string"] = Rest(HttpMethod.Patch, "/api/tasks/{task}", """{"is_completed":"yes"}""", "is_completed"),

        // REST: accounts.
        ["register email: NUL"] = Anonymous("/api/auth/register", """{"email":"a\u0000@example.com","password":"long enough"}""", "email"),
        ["register email: control character"] = Anonymous("/api/auth/register", """{"email":"a\u0001b@example.com","password":"long enough"}""", "email"),
        ["register email: only zero-width space"] = Anonymous("/api/auth/register", """{"email":"\u200b","password":"long enough"}""", "email"),
        ["register email: zero-width space inside"] = Anonymous("/api/auth/register", """{"email":"bo\u200bb@example.com","password":"long enough"}""", "email"),
        ["register email: right-to-left override inside"] = Anonymous("/api/auth/register", """{"email":"bob\u202e@example.com","password":"long enough"}""", "email"),
        ["register email: unpaired surrogate"] = Anonymous("/api/auth/register", """{"email":"\ud800@example.com","password":"long enough"}""", "email"),
        ["register email: 256 characters"] = Anonymous("/api/auth/register", Json(new { email = new string('a', 244) + "@example.com", password = "long enough" }), "email"),
        ["register password: only spaces"] = Anonymous("/api/auth/register", """{"email":"spaces@example.com","password":"          "}""", "password"),
        ["register password: 7 emoji"] = Anonymous("/api/auth/register", Json(new { email = "emoji@example.com", password = "😀😀😀😀😀😀😀" }), "password"),
        ["register password: 129 characters"] = Anonymous("/api/auth/register", Json(new { email = "long@example.com", password = new string('p', 129) }), "password"),
        ["register password: NUL"] = Anonymous("/api/auth/register", """{"email":"nul@example.com","password":"long\u0000enough"}""", "password"),
        ["login email: NUL"] = Anonymous("/api/auth/login", """{"email":"a\u0000@example.com","password":"whatever1"}""", "email"),
        ["login email: unpaired surrogate"] = Anonymous("/api/auth/login", """{"email":"\udfff@example.com","password":"whatever1"}""", "email"),

        // Chat and conversations.
        ["chat message: NUL"] = Rest(HttpMethod.Post, "/api/chat", """{"message":"add a\u0000b"}""", "message"),
        ["chat message: bell"] = Rest(HttpMethod.Post, "/api/chat", """{"message":"\u0007"}""", "message"),
        ["chat message: escape sequence"] = Rest(HttpMethod.Post, "/api/chat", """{"message":"\u001b]0;x\u0007 add milk"}""", "message"),
        ["chat message: unpaired surrogate"] = Rest(HttpMethod.Post, "/api/chat", """{"message":"add \ud83d"}""", "message"),
        ["chat message: only zero-width spaces"] = Rest(HttpMethod.Post, "/api/chat", """{"message":"\u200b\u200b\u200b"}""", "message"),
        ["chat message: only formatting characters"] = Rest(HttpMethod.Post, "/api/chat", """{"message":"\u202e\ufeff\u2066"}""", "message"),
        ["chat message: lone combining mark"] = Rest(HttpMethod.Post, "/api/chat", """{"message":"\u0308"}""", "message"),
        ["chat message: 2001 characters"] = Rest(HttpMethod.Post, "/api/chat", Body("message", new string('m', 2001)), "message"),
        ["chat message: NUL in an existing conversation"] = Rest(HttpMethod.Post, "/api/chat", """{"conversation_id":"{conversation}","message":"\u0000"}""", "message"),
        ["chat: conversation id is not a uuid"] = Rest(HttpMethod.Post, "/api/chat", """{"conversation_id":"../../etc","message":"hi"}""", "conversation_id"),
        ["conversation history: limit is not a number"] = Rest(HttpMethod.Get, "/api/conversations/{conversation}/messages?limit=%00", null, "limit"),
        ["conversation title: NUL"] = Rest(HttpMethod.Patch, "/api/conversations/{conversation}", """{"title":"a\u0000b"}""", "title"),
        ["conversation title: only zero-width space"] = Rest(HttpMethod.Patch, "/api/conversations/{conversation}", """{"title":"\u200b"}""", "title"),
        ["conversation title: line break"] = Rest(HttpMethod.Patch, "/api/conversations/{conversation}", """{"title":"a\nb"}""", "title"),
        ["conversation title: 201 characters"] = Rest(HttpMethod.Patch, "/api/conversations/{conversation}", Body("title", new string('t', 201)), "title"),

        // MCP: the same rules, and the arguments' types and sizes.
        ["mcp add_task: NUL in title"] = Mcp("add_task", new() { ["title"] = "a\0b" }, "title"),
        ["mcp add_task: title only zero-width space"] = Mcp("add_task", new() { ["title"] = "\u200b" }, "title"),
        ["mcp add_task: NUL in description"] = Mcp("add_task", new() { ["title"] = "ok", ["description"] = "\0" }, "description"),
        ["mcp add_task: title is a number"] = Mcp("add_task", new() { ["title"] = 42 }, "title"),
        ["mcp add_task: title is an object"] = Mcp("add_task", new() { ["title"] = new { ne = "" } }, "title"),
        ["mcp add_task: title missing"] = Mcp("add_task", new() { ["description"] = "no title" }, "title"),
        ["mcp add_task: unknown argument"] = Mcp("add_task", new() { ["title"] = "ok", ["user_id"] = Guid.NewGuid().ToString() }, "user_id"),
        ["mcp complete_task: 1 MB reference"] = Mcp("complete_task", new() { ["task"] = new string('x', 1_000_000) }, "task"),
        ["mcp complete_task: reference is an array"] = Mcp("complete_task", new() { ["task"] = new[] { 1, 2 } }, "task"),
        ["mcp update_task: NUL in reference"] = Mcp("update_task", new() { ["task"] = "1\0", ["title"] = "new" }, "task"),
        ["mcp update_task: 101 character title"] = Mcp("update_task", new() { ["task"] = "1", ["title"] = new string('t', 101) }, "title"),
        ["mcp delete_task: 300 character reference"] = Mcp("delete_task", new() { ["task"] = new string('r', 300) }, "task"),
        ["mcp list_tasks: NUL in query"] = Mcp("list_tasks", new() { ["query"] = "\0" }, "query"),
        ["mcp list_tasks: status is a list"] = Mcp("list_tasks", new() { ["status"] = new[] { "all" } }, "status"),

        // The services the web page calls (its forms and chat panel).
        ["page add task: NUL in title"] = Page((services, user) => services.GetRequiredService<TaskService>().CreateAsync(user, "a\0b"), "title"),
        ["page add task: only byte order marks"] = Page((services, user) => services.GetRequiredService<TaskService>().CreateAsync(user, "\ufeff\ufeff"), "title"),
        ["page chat: only zero-width space"] = Page((services, user) => services.GetRequiredService<ChatService>().PrepareAsync(user, null, "\u200b", default), "message"),
        ["page chat: NUL"] = Page((services, user) => services.GetRequiredService<ChatService>().PrepareAsync(user, null, "add a\0b", default), "message"),
        ["page rename conversation: NUL"] = Page(
            async (services, user) =>
            {
                var db = services.GetRequiredService<Todo.Server.Data.TodoDbContext>();
                var conversation = await db.Conversations.AsNoTracking().FirstAsync(c => c.UserId == user);
                await services.GetRequiredService<ConversationService>().RenameAsync(user, conversation.Id, "a\0b", default);
            },
            "title"),
        ["page sign-up: NUL in email"] = Page((services, _) => services.GetRequiredService<AccountService>().RegisterAsync("a\0@example.com", "long enough"), "email"),
        ["page sign-up: password of spaces"] = Page((services, _) => services.GetRequiredService<AccountService>().RegisterAsync("page@example.com", "          "), "password"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void TheTableHoldsAtLeastSixtyCasesOverEveryEntryPoint()
    {
        Assert.True(Cases.Count >= 60, $"{Cases.Count} cases");
        Assert.Equal(["anonymous", "mcp", "page", "rest"], Cases.Values.Select(c => c.EntryPoint).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task HostileInputIsRefusedNamingTheFieldAndChangesNothing(string name)
    {
        var hostile = Cases[name];
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("untouched", "as it was");
        var chat = await user.Client.PostAsJsonAsync("/api/chat", new { message = "hello" }, ApiFixture.Json, Cancellation);
        chat.EnsureSuccessStatusCode();
        var conversation = (await chat.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json, Cancellation)).GetProperty("conversation_id").GetGuid();
        var before = await SnapshotAsync(user.Id);
        log.Clear();

        var run = new HostileRun(api, user, task.Id, conversation);
        await hostile.Send(run);

        Assert.Equal(before, await SnapshotAsync(user.Id));
        log.AssertNoErrors();
    }

    private async Task<string> SnapshotAsync(Guid userId) => await api.WithDbAsync(async db =>
    {
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.Number)
            .Select(t => new { t.Number, t.Title, t.Description, t.IsCompleted, t.UpdatedAt }).ToListAsync(Cancellation);
        var conversations = await db.Conversations.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Title, c.UpdatedAt, c.IsDeleted }).ToListAsync(Cancellation);
        var messages = await db.Messages.AsNoTracking().CountAsync(m => conversations.Select(c => c.Id).Contains(m.ConversationId), Cancellation);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => u.Email).ToListAsync(Cancellation);
        return JsonSerializer.Serialize(new { tasks, conversations, messages, users });
    });

    private static HostileCase Rest(HttpMethod method, string path, string? body, string field) => new("rest", async run =>
    {
        var response = await run.User.Client.SendAsync(run.Request(method, path, body), Cancellation);
        await AssertValidationProblemAsync(response, field);
    });

    private static HostileCase Anonymous(string path, string body, string field) => new("anonymous", async run =>
    {
        using var client = run.Api.CreateClient();
        var response = await client.SendAsync(run.Request(HttpMethod.Post, path, body), Cancellation);
        await AssertValidationProblemAsync(response, field);
    });

    /// <summary>An MCP call refused as a tool error (of the call, or the tool's own "invalid" result) whose text names the argument.</summary>
    private static HostileCase Mcp(string tool, Dictionary<string, object?> arguments, string argument) => new("mcp", async run =>
    {
        await using var client = await McpTestClient.ConnectAsync(run.Api, run.User.Token, Cancellation);
        var result = await client.CallToolAsync(tool, arguments, cancellationToken: Cancellation);

        var text = string.Join("\n", result.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(c => c.Text));
        if (result.IsError != true)
        {
            var structured = JsonSerializer.Deserialize<JsonElement>(text);
            Assert.False(structured.GetProperty("ok").GetBoolean(), text);
            Assert.Equal("invalid", structured.GetProperty("error").GetString());
            text = structured.GetProperty("message").GetString()!;
        }

        Assert.Contains(argument, text, StringComparison.Ordinal);
        Assert.DoesNotContain("An error occurred", text, StringComparison.Ordinal);
        Assert.True(text.Length < 1000, $"the answer echoes the input: {text.Length} characters");
    });

    private static HostileCase Page(Func<IServiceProvider, Guid, Task> action, string field) => new("page", async run =>
    {
        await using var scope = run.Api.Services.CreateAsyncScope();
        var refused = await Assert.ThrowsAsync<InvalidTextException>(() => action(scope.ServiceProvider, run.User.Id));
        Assert.Equal(field, refused.Field);
        Assert.False(string.IsNullOrWhiteSpace(refused.Reason));
    });

    private static string Body(string field, string value, string? title = null) =>
        title is null ? Json(new Dictionary<string, string> { [field] = value }) : Json(new Dictionary<string, string> { ["title"] = title, [field] = value });

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private sealed record HostileCase(string EntryPoint, Func<HostileRun, Task> Send);

    private sealed record HostileRun(ApiFixture Api, TestUser User, Guid Task, Guid Conversation)
    {
        public HttpRequestMessage Request(HttpMethod method, string path, string? body)
        {
            var request = new HttpRequestMessage(method, Fill(path));
            if (body is not null)
            {
                request.Content = new StringContent(Fill(body), Encoding.UTF8);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }

            return request;
        }

        private string Fill(string text) => text
            .Replace("{task}", Task.ToString(), StringComparison.Ordinal)
            .Replace("{conversation}", Conversation.ToString(), StringComparison.Ordinal)
            .Replace("{user}", User.Id.ToString(), StringComparison.Ordinal);
    }
}

public sealed class SqliteHostileInputTests(LoggedSqliteApi api) : HostileInputTests(api, api.Log), IClassFixture<LoggedSqliteApi>;

public sealed class PostgresHostileInputTests(LoggedPostgresApi api) : HostileInputTests(api, api.Log), IClassFixture<LoggedPostgresApi>;
