using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Chat;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Chat.ChatTestSupport;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Chat;

/// <summary>/api/conversations: list with cursor paging, messages with limit/before, rename, soft delete, ownership; on each provider.</summary>
public abstract class ConversationApiTests(ApiFixture api)
{
    private IServiceProvider Services => api.Factory.Services;

    private static async Task<JsonElement> GetOkAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    private static Task<HttpResponseMessage> RenameAsync(HttpClient client, Guid id, object body) =>
        client.PatchAsJsonAsync($"/api/conversations/{id}", body, Json);

    [Fact(Timeout = TestTimeout)]
    public async Task ListShowsOwnConversationsMostRecentlyUpdatedFirst()
    {
        var user = await api.CreateUserAsync();
        var other = await api.CreateUserAsync();
        var a = await user.ChatOkAsync("Add a task to buy milk");
        var b = await user.ChatOkAsync("Add a task to buy bread");
        var c = await user.ChatOkAsync("Add a task to buy eggs");
        await other.ChatOkAsync("Add a task to buy cheese");
        await user.ChatOkAsync("what's pending?", a.ConversationId);

        var page = await GetOkAsync(user.Client, "/api/conversations");

        Assert.Equal([a.ConversationId, c.ConversationId, b.ConversationId], Ids(page));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next_cursor").ValueKind);
        var first = page.GetProperty("items")[0];
        Assert.Equal(["created_at", "id", "title", "updated_at"], first.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("Add a task to buy milk", first.GetProperty("title").GetString());
        Assert.True(first.GetProperty("updated_at").GetDateTime() > first.GetProperty("created_at").GetDateTime());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ListPagesWithACursorUntilTheLastPage()
    {
        var user = await api.CreateUserAsync();
        var created = new List<Guid>();
        for (var i = 1; i <= 5; i++)
        {
            created.Add((await user.ChatOkAsync($"Add a task to buy item {i}")).ConversationId);
        }

        var seen = new List<Guid>();
        var sizes = new List<int>();
        string? cursor = null;
        do
        {
            var page = await GetOkAsync(user.Client, "/api/conversations?limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            sizes.Add(page.GetProperty("items").GetArrayLength());
            seen.AddRange(Ids(page));
            cursor = page.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null && sizes.Count < 10);

        Assert.Equal([2, 2, 1], sizes);
        Assert.Equal(Enumerable.Reverse(created), seen);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ListPagesThroughConversationsUpdatedAtTheSameInstantWithoutRepeatsOrGaps()
    {
        var user = await api.CreateUserAsync();
        var created = new List<Guid>();
        for (var i = 1; i <= 5; i++)
        {
            created.Add((await user.ChatOkAsync($"hello number {i}")).ConversationId);
        }

        var instant = new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        await Services.InDbAsync(db => db.Conversations.Where(c => c.UserId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, instant)));

        var all = Ids(await GetOkAsync(user.Client, "/api/conversations"));
        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetOkAsync(user.Client, "/api/conversations?limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            seen.AddRange(Ids(page));
            cursor = page.GetProperty("next_cursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(all, seen);
        Assert.Equal(created.Order(), seen.Order());
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData(1, HttpStatusCode.OK)]
    [InlineData(100, HttpStatusCode.OK)]
    [InlineData(0, HttpStatusCode.BadRequest)]
    [InlineData(101, HttpStatusCode.BadRequest)]
    [InlineData(-1, HttpStatusCode.BadRequest)]
    public async Task ListLimitIsOneToOneHundred(int limit, HttpStatusCode expected)
    {
        var user = await api.CreateUserAsync();
        await user.ChatOkAsync("hello");
        await user.ChatOkAsync("hello again");

        var response = await user.Client.GetAsync($"/api/conversations?limit={limit}");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            await AssertValidationProblemAsync(response, "limit");
        }
        else
        {
            var page = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
            Assert.Equal(Math.Min(limit, 2), page.GetProperty("items").GetArrayLength());
            Assert.Equal(limit == 1, page.GetProperty("next_cursor").ValueKind == JsonValueKind.String);
        }
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData("not-a-cursor")]
    [InlineData("!!!")]
    [InlineData("MTIzNDU")] // "12345": no separator
    [InlineData("eDp5")] // "x:y"
    [InlineData("OTk5OTk5OTk5OTk5OTk5OTk5OTk5Om5vdC1hLWd1aWQ")] // huge ticks, not a guid
    public async Task BadCursorIs400NamingCursor(string cursor)
    {
        var user = await api.CreateUserAsync();
        await user.ChatOkAsync("hello");

        var response = await user.Client.GetAsync("/api/conversations?cursor=" + Uri.EscapeDataString(cursor));

        await AssertValidationProblemAsync(response, "cursor");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task CursorWithTicksOutOfRangeIs400()
    {
        var user = await api.CreateUserAsync();
        var cursor = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{long.MaxValue}:{Guid.NewGuid():N}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var response = await user.Client.GetAsync("/api/conversations?cursor=" + cursor);

        await AssertValidationProblemAsync(response, "cursor");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task MessagesAreOldestFirstAndPageBackwardsWithLimitAndBefore()
    {
        var user = await api.CreateUserAsync();
        var first = await user.ChatOkAsync("Remind me to call the plumber");
        var second = await user.ChatOkAsync("what's pending?", first.ConversationId);
        var path = $"/api/conversations/{first.ConversationId}/messages";

        var all = await GetOkAsync(user.Client, path);

        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant", "user", "assistant"], items.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(["Remind me to call the plumber", first.Response, "what's pending?", second.Response], items.Select(m => m.GetProperty("content").GetString()));
        Assert.Equal(["content", "created_at", "id", "role", "tool_calls"], items[0].EnumerateObject().Select(p => p.Name).Order());
        var ids = items.Select(m => m.GetProperty("id").GetGuid()).ToList();
        Assert.Equal((await Services.StoredMessagesAsync(first.ConversationId)).Select(m => m.Id), ids);

        Assert.Equal(ids[2..], Ids(await GetOkAsync(user.Client, path + "?limit=2")));
        Assert.Equal(ids[..2], Ids(await GetOkAsync(user.Client, $"{path}?before={ids[2]}")));
        Assert.Equal([ids[1]], Ids(await GetOkAsync(user.Client, $"{path}?before={ids[2]}&limit=1")));
        Assert.Empty(Ids(await GetOkAsync(user.Client, $"{path}?before={ids[0]}")));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task MessagesCarryTheToolCallsOfEachReplyWithArgumentsAndResults()
    {
        var user = await api.CreateUserAsync();
        var added = await user.ChatOkAsync("Remind me to call the plumber");
        var listed = await user.ChatOkAsync("what's pending?", added.ConversationId);
        var thanked = await user.ChatOkAsync("thanks", added.ConversationId);

        var items = (await GetOkAsync(user.Client, $"/api/conversations/{added.ConversationId}/messages"))
            .GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(6, items.Count);
        Assert.Equal(thanked.Response, items[5].GetProperty("content").GetString());
        foreach (var index in new[] { 0, 2, 4, 5 })
        {
            Assert.Equal(JsonValueKind.Array, items[index].GetProperty("tool_calls").ValueKind);
            Assert.Empty(items[index].GetProperty("tool_calls").EnumerateArray());
        }

        var add = Assert.Single(items[1].GetProperty("tool_calls").EnumerateArray());
        Assert.Equal(["arguments", "name", "result"], add.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("add_task", add.GetProperty("name").GetString());
        Assert.Equal("Call the plumber", add.GetProperty("arguments").GetProperty("title").GetString());
        Assert.Equal("added", add.GetProperty("result").GetProperty("action").GetString());
        Assert.Equal(1, add.GetProperty("result").GetProperty("task").GetProperty("number").GetInt32());
        Assert.True(JsonElement.DeepEquals(added.ToolCalls[0].Result, add.GetProperty("result")), add.ToString());

        var list = Assert.Single(items[3].GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("list_tasks", list.GetProperty("name").GetString());
        Assert.Equal("pending", list.GetProperty("arguments").GetProperty("status").GetString());
        var result = list.GetProperty("result");
        Assert.Equal("listed", result.GetProperty("action").GetString());
        Assert.Equal(1, result.GetProperty("count").GetInt32());
        Assert.Equal(["Call the plumber"], result.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        Assert.True(JsonElement.DeepEquals(listed.ToolCalls[0].Arguments, list.GetProperty("arguments")), list.ToString());

        var stored = await Services.StoredMessagesAsync(added.ConversationId);
        Assert.Null(stored[0].ToolCalls);
        Assert.Null(stored[5].ToolCalls);
        var call = Assert.Single(StoredToolCalls.Read(stored[1].ToolCalls));
        Assert.False(string.IsNullOrEmpty(call.CallId));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ToolCallsWithCharactersJsonbRefusesAreStoredCleanedAndReadBack()
    {
        var user = await api.CreateUserAsync();
        var id = await Services.CreateConversationAsync(user.Id, "hostile");
        var arguments = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["title"] = "a\u0000b\ud800c" });
        var result = JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["ok"] = false, ["reference"] = "x\u0000", ["list"] = new List<string> { "\udc00" } });

        await Services.InDbAsync(db =>
        {
            db.Messages.Add(new Message
            {
                Id = Guid.CreateVersion7(),
                ConversationId = id,
                Role = MessageRole.Assistant,
                Content = "hi",
                CreatedAt = DateTime.UtcNow,
                ToolCalls = StoredToolCalls.Write([new StoredToolCall("call_\u0000", "add_task", arguments, result)]),
            });
            return db.SaveChangesAsync();
        });

        var item = Assert.Single((await GetOkAsync(user.Client, $"/api/conversations/{id}/messages")).GetProperty("items").EnumerateArray());
        var call = Assert.Single(item.GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("ab\ufffdc", call.GetProperty("arguments").GetProperty("title").GetString());
        Assert.Equal("x", call.GetProperty("result").GetProperty("reference").GetString());
        Assert.Equal(["\ufffd"], call.GetProperty("result").GetProperty("list").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("call_", StoredToolCalls.Read((await Services.StoredMessagesAsync(id))[0].ToolCalls)[0].CallId);
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    public async Task MessagesLimitOutOfRangeIs400(string query)
    {
        var user = await api.CreateUserAsync();
        var turn = await user.ChatOkAsync("hello");

        var response = await user.Client.GetAsync($"/api/conversations/{turn.ConversationId}/messages?{query}");

        await AssertValidationProblemAsync(response, "limit");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task RenameTrimsTheTitleAndAnswersTheConversation()
    {
        var user = await api.CreateUserAsync();
        var turn = await user.ChatOkAsync("Remind me to call the plumber");

        var response = await RenameAsync(user.Client, turn.ConversationId, new { title = "  Plumbing  " });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(turn.ConversationId, body.GetProperty("id").GetGuid());
        Assert.Equal("Plumbing", body.GetProperty("title").GetString());
        Assert.Equal("Plumbing", (await Services.StoredConversationAsync(turn.ConversationId))!.Title);
        var listed = await GetOkAsync(user.Client, "/api/conversations");
        Assert.Equal("Plumbing", listed.GetProperty("items")[0].GetProperty("title").GetString());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task RenameAcceptsA200CharacterTitle()
    {
        var user = await api.CreateUserAsync();
        var turn = await user.ChatOkAsync("hello");
        var title = new string('t', 200);

        var response = await RenameAsync(user.Client, turn.ConversationId, new { title });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        Assert.Equal(title, (await Services.StoredConversationAsync(turn.ConversationId))!.Title);
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("201")]
    public async Task RenameRejectsAnEmptyOrTooLongTitleNamingTitle(string? title)
    {
        var user = await api.CreateUserAsync();
        var turn = await user.ChatOkAsync("hello");
        var sent = title == "201" ? new string('t', 201) : title;

        var response = await RenameAsync(user.Client, turn.ConversationId, new { title = sent });

        await AssertValidationProblemAsync(response, "title");
        Assert.Equal("hello", (await Services.StoredConversationAsync(turn.ConversationId))!.Title);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task DeleteIsSoftAndAfterwardsEveryRouteIs404()
    {
        var user = await api.CreateUserAsync();
        var kept = await user.ChatOkAsync("hello");
        var turn = await user.ChatOkAsync("Remind me to call the plumber");
        var before = DateTime.UtcNow;

        var deleted = await user.Client.DeleteAsync($"/api/conversations/{turn.ConversationId}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await AssertProblemAsync(await user.Client.GetAsync($"/api/conversations/{turn.ConversationId}/messages"), 404);
        await AssertProblemAsync(await RenameAsync(user.Client, turn.ConversationId, new { title = "Back" }), 404);
        await AssertProblemAsync(await user.Client.DeleteAsync($"/api/conversations/{turn.ConversationId}"), 404);
        await AssertProblemAsync(await user.Client.PostChatAsync("mark it done", turn.ConversationId), 404);
        Assert.Equal([kept.ConversationId], Ids(await GetOkAsync(user.Client, "/api/conversations")));

        var row = await Services.StoredConversationAsync(turn.ConversationId);
        Assert.NotNull(row);
        Assert.True(row.IsDeleted);
        Assert.NotNull(row.DeletedAt);
        Assert.InRange(row.DeletedAt.Value, before.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal("Remind me to call the plumber", row.Title);
        Assert.Equal(2, (await Services.StoredMessagesAsync(turn.ConversationId)).Count);
        Assert.False(Assert.Single(await Services.StoredTasksAsync(user.Id)).IsCompleted);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task AnotherUsersConversationIs404OnEveryRouteAndStaysUnchanged()
    {
        var alice = await api.CreateUserAsync();
        var bob = await api.CreateUserAsync();
        var turn = await alice.ChatOkAsync("Remind me to call the plumber");
        var before = await Services.StoredConversationAsync(turn.ConversationId);
        var id = turn.ConversationId;

        await AssertProblemAsync(await bob.Client.GetAsync($"/api/conversations/{id}/messages"), 404);
        await AssertProblemAsync(await RenameAsync(bob.Client, id, new { title = "Mine now" }), 404);
        await AssertProblemAsync(await bob.Client.DeleteAsync($"/api/conversations/{id}"), 404);
        await AssertProblemAsync(await bob.Client.PostChatAsync("mark it done", id), 404);
        Assert.Empty(Ids(await GetOkAsync(bob.Client, "/api/conversations")));

        var after = await Services.StoredConversationAsync(id);
        Assert.Equal(before, after, (x, y) => x!.Title == y!.Title && x.UpdatedAt == y.UpdatedAt && x.IsDeleted == y.IsDeleted && x.DeletedAt == y.DeletedAt && x.UserId == y.UserId);
        Assert.False(after!.IsDeleted);
        Assert.Equal(2, (await Services.StoredMessagesAsync(id)).Count);
        Assert.Equal([id], Ids(await GetOkAsync(alice.Client, "/api/conversations")));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task UnknownConversationIs404OnEveryRoute()
    {
        var user = await api.CreateUserAsync();
        var id = Guid.NewGuid();

        await AssertProblemAsync(await user.Client.GetAsync($"/api/conversations/{id}/messages"), 404);
        await AssertProblemAsync(await RenameAsync(user.Client, id, new { title = "x" }), 404);
        await AssertProblemAsync(await user.Client.DeleteAsync($"/api/conversations/{id}"), 404);
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData("GET", "/api/conversations")]
    [InlineData("GET", "/api/conversations/00000000-0000-0000-0000-000000000001/messages")]
    [InlineData("PATCH", "/api/conversations/00000000-0000-0000-0000-000000000001")]
    [InlineData("DELETE", "/api/conversations/00000000-0000-0000-0000-000000000001")]
    public async Task ConversationRoutesWithoutATokenAre401(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "PATCH")
        {
            request.Content = JsonContent.Create(new { title = "x" });
        }

        var response = await api.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class SqliteConversationApiTests(SqliteApi api) : ConversationApiTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresConversationApiTests(PostgresApi api) : ConversationApiTests(api), IClassFixture<PostgresApi>;
