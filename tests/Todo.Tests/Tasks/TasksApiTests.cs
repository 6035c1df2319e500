using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Tasks;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Tasks.TaskTestSupport;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Tasks;

/// <summary>Every task route and its answers, the limits at their boundaries, and isolation between users, on each provider.</summary>
public abstract class TasksApiTests(ApiFixture api)
{
    [Fact]
    public async Task CreateAnswers201WithLocationAndTheStoredTask()
    {
        var user = await api.CreateUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/tasks", new { title = "  Buy milk  ", description = "2 litres" }, Json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(
            ["id", "number", "title", "description", "is_completed", "completed_at", "created_at", "updated_at", "list", "labels", "priority", "due", "reminders"],
            body.EnumerateObject().Select(p => p.Name));
        var task = body.Deserialize<TaskDto>(Json)!;
        Assert.Equal($"/api/tasks/{task.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(1, task.Number);
        Assert.Equal("Buy milk", task.Title);
        Assert.Equal("2 litres", task.Description);
        Assert.False(task.IsCompleted);
        Assert.Null(task.CompletedAt);
        Assert.Equal(task.CreatedAt, task.UpdatedAt);
        Assert.EndsWith("Z", body.GetProperty("created_at").GetString(), StringComparison.Ordinal);
        Assert.InRange(task.CreatedAt, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));

        Assert.Equal(task, await user.GetTaskAsync(task.Id));
        var stored = Assert.Single(await api.StoredTasksAsync(user.Id));
        Assert.Equal(("Buy milk", "2 litres", 1), (stored.Title, stored.Description, stored.Number));
    }

    [Fact]
    public async Task CreateWithoutDescriptionStoresNone()
    {
        var user = await api.CreateUserAsync();

        var task = await user.CreateTaskAsync("Call mum");

        Assert.Null(task.Description);
        Assert.Null((await user.GetTaskAsync(task.Id)).Description);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task TitleOf100CharactersIsAcceptedAnd101Rejected(string method)
    {
        var user = await api.CreateUserAsync();
        var existing = await user.CreateTaskAsync("existing");
        var path = method == "POST" ? "/api/tasks" : $"/api/tasks/{existing.Id}";

        var accepted = await user.Client.SendAsync(Request(new HttpMethod(method), path, new { title = new string('a', 100) }));
        Assert.True(accepted.IsSuccessStatusCode, await DescribeAsync(accepted));
        Assert.Equal(new string('a', 100), (await ReadTaskAsync(accepted)).Title);

        var padded = await user.Client.SendAsync(Request(new HttpMethod(method), path, new { title = "  " + new string('b', 100) + "  " }));
        Assert.True(padded.IsSuccessStatusCode, await DescribeAsync(padded));
        Assert.Equal(new string('b', 100), (await ReadTaskAsync(padded)).Title);

        var before = await api.StoredTasksAsync(user.Id);
        var rejected = await user.Client.SendAsync(Request(new HttpMethod(method), path, new { title = new string('c', 101) }));
        await AssertValidationProblemAsync(rejected, "title");
        Assert.Equal(before.Select(t => (t.Id, t.Title, t.UpdatedAt)), (await api.StoredTasksAsync(user.Id)).Select(t => (t.Id, t.Title, t.UpdatedAt)));
    }

    [Theory]
    [InlineData("POST", "")]
    [InlineData("POST", "   ")]
    [InlineData("PUT", "")]
    [InlineData("PUT", " \t ")]
    [InlineData("PATCH", "")]
    [InlineData("PATCH", "   ")]
    public async Task BlankTitleIsRejected(string method, string title)
    {
        var user = await api.CreateUserAsync();
        var existing = await user.CreateTaskAsync("existing");
        var path = method == "POST" ? "/api/tasks" : $"/api/tasks/{existing.Id}";

        var response = await user.Client.SendAsync(Request(new HttpMethod(method), path, new { title }));

        await AssertValidationProblemAsync(response, "title");
        Assert.Equal(existing, Assert.Single((await user.ListAsync()).Items));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task DescriptionOf1000CharactersIsAcceptedAnd1001Rejected(string method)
    {
        var user = await api.CreateUserAsync();
        var existing = await user.CreateTaskAsync("existing", "before");
        var path = method == "POST" ? "/api/tasks" : $"/api/tasks/{existing.Id}";

        var accepted = await user.Client.SendAsync(Request(new HttpMethod(method), path, new { title = "t", description = new string('d', 1000) }));
        Assert.True(accepted.IsSuccessStatusCode, await DescribeAsync(accepted));
        Assert.Equal(1000, (await ReadTaskAsync(accepted)).Description?.Length);

        var before = await api.StoredTasksAsync(user.Id);
        var rejected = await user.Client.SendAsync(Request(new HttpMethod(method), path, new { title = "t", description = new string('e', 1001) }));
        await AssertValidationProblemAsync(rejected, "description");
        Assert.Equal(before.Select(t => (t.Id, t.Description, t.UpdatedAt)), (await api.StoredTasksAsync(user.Id)).Select(t => (t.Id, t.Description, t.UpdatedAt)));
    }

    [Fact]
    public async Task CreateWithoutTitleIsA400NamingTitle()
    {
        var user = await api.CreateUserAsync();

        await AssertValidationProblemAsync(await user.Client.PostAsJsonAsync("/api/tasks", new { description = "no title" }, Json), "title");
        await AssertValidationProblemAsync(await user.Client.PostAsJsonAsync("/api/tasks", new { title = (string?)null }, Json), "title");
        Assert.Empty(await api.StoredTasksAsync(user.Id));
    }

    [Fact]
    public async Task GetAnswers404ProblemForAnUnknownId()
    {
        var user = await api.CreateUserAsync();

        var problem = await AssertProblemAsync(await user.Client.GetAsync($"/api/tasks/{Guid.NewGuid()}"), 404);
        Assert.Equal("Task not found", problem.GetProperty("title").GetString());
        await AssertProblemAsync(await user.Client.GetAsync("/api/tasks/not-a-task-id"), 404);
    }

    [Fact]
    public async Task PutReplacesTitleAndDescriptionAndAdvancesUpdatedAt()
    {
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("old title", "old description");

        var replaced = await ReadTaskAsync(await user.Client.PutAsJsonAsync($"/api/tasks/{task.Id}", new { title = " new title ", description = "new description" }, Json));
        var cleared = await ReadTaskAsync(await user.Client.PutAsJsonAsync($"/api/tasks/{task.Id}", new { title = "only a title" }, Json));

        Assert.Equal(("new title", "new description"), (replaced.Title, replaced.Description));
        Assert.Equal(("only a title", (string?)null), (cleared.Title, cleared.Description));
        Assert.Equal((task.Id, task.Number, task.CreatedAt, false), (cleared.Id, cleared.Number, cleared.CreatedAt, cleared.IsCompleted));
        Assert.True(replaced.UpdatedAt > task.UpdatedAt);
        Assert.True(cleared.UpdatedAt > replaced.UpdatedAt);
        Assert.Equal(cleared, await user.GetTaskAsync(task.Id));
    }

    [Fact]
    public async Task PutWithoutTitleIsA400AndChangesNothing()
    {
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("keep me", "and me");

        await AssertValidationProblemAsync(await user.Client.PutAsJsonAsync($"/api/tasks/{task.Id}", new { description = "x" }, Json), "title");

        Assert.Equal(task, await user.GetTaskAsync(task.Id));
    }

    [Fact]
    public async Task PatchChangesOnlyTheFieldsSent()
    {
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("title", "description");

        var titled = await PatchAsync(user, task.Id, """{"title":"  renamed  "}""");
        Assert.Equal(("renamed", "description", false), (titled.Title, titled.Description, titled.IsCompleted));
        Assert.True(titled.UpdatedAt > task.UpdatedAt);

        var described = await PatchAsync(user, task.Id, """{"description":"new description"}""");
        Assert.Equal(("renamed", "new description"), (described.Title, described.Description));

        var cleared = await PatchAsync(user, task.Id, """{"description":null}""");
        Assert.Equal(("renamed", (string?)null), (cleared.Title, cleared.Description));

        var nothing = await PatchAsync(user, task.Id, "{}");
        Assert.Equal(cleared, nothing);
        Assert.Equal(task.CreatedAt, nothing.CreatedAt);
    }

    [Fact]
    public async Task PatchIsCompletedSetsAndClearsCompletedAt()
    {
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("finish me");

        var done = await PatchAsync(user, task.Id, """{"is_completed":true}""");
        Assert.True(done.IsCompleted);
        Assert.NotNull(done.CompletedAt);
        Assert.Equal(done.UpdatedAt, done.CompletedAt);

        var doneAgain = await PatchAsync(user, task.Id, """{"is_completed":true}""");
        Assert.Equal(done, doneAgain); // already completed: completed_at keeps the first moment

        var reopened = await PatchAsync(user, task.Id, """{"is_completed":false}""");
        Assert.False(reopened.IsCompleted);
        Assert.Null(reopened.CompletedAt);
        Assert.True(reopened.UpdatedAt > done.UpdatedAt);

        var both = await PatchAsync(user, task.Id, """{"title":"done and renamed","is_completed":true}""");
        Assert.Equal(("done and renamed", true), (both.Title, both.IsCompleted));
        Assert.Equal(both.UpdatedAt, both.CompletedAt);
    }

    [Theory]
    [InlineData("""{"title":null}""", "title")]
    [InlineData("""{"title":null,"description":"x"}""", "title")]
    [InlineData("""{"is_completed":null}""", "is_completed")]
    [InlineData("""{"title":"   "}""", "title")]
    public async Task PatchRejectsNullForFieldsThatCannotBeCleared(string body, string field)
    {
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("title", "description");

        await AssertValidationProblemAsync(await user.Client.SendAsync(RawRequest(HttpMethod.Patch, $"/api/tasks/{task.Id}", body)), field);

        Assert.Equal(task, await user.GetTaskAsync(task.Id));
    }

    [Fact]
    public async Task CompleteTogglesCompletionAndCompletedAt()
    {
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("toggle me");

        var completed = await ReadTaskAsync(await user.Client.PatchAsync($"/api/tasks/{task.Id}/complete", null));
        var reopened = await ReadTaskAsync(await user.Client.PatchAsync($"/api/tasks/{task.Id}/complete", null));

        Assert.True(completed.IsCompleted);
        Assert.Equal(completed.UpdatedAt, completed.CompletedAt);
        Assert.True(completed.UpdatedAt > task.UpdatedAt);
        Assert.False(reopened.IsCompleted);
        Assert.Null(reopened.CompletedAt);
        Assert.True(reopened.UpdatedAt > completed.UpdatedAt);
        Assert.Equal(reopened, await user.GetTaskAsync(task.Id));
    }

    [Fact]
    public async Task ATaskWhoseTimestampsAnotherProgramWroteStillToggles()
    {
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("written elsewhere");
        // SQLite keeps timestamps as text: a writer that spells milliseconds with a trailing zero stores another string.
        await api.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE tasks SET updated_at = '2024-01-01 00:00:00.120', created_at = '2024-01-01 00:00:00.120' WHERE id = {0}", task.Id));

        var completed = await user.Client.PatchAsync($"/api/tasks/{task.Id}/complete", null);
        var reopened = await user.Client.PatchAsJsonAsync($"/api/tasks/{task.Id}", new { is_completed = false }, Json);

        Assert.True((await ReadTaskAsync(completed)).IsCompleted);
        Assert.False((await ReadTaskAsync(reopened)).IsCompleted);
    }

    [Fact]
    public async Task CompleteAnswers404ForAnUnknownTask()
    {
        var user = await api.CreateUserAsync();

        await AssertProblemAsync(await user.Client.PatchAsync($"/api/tasks/{Guid.NewGuid()}/complete", null), 404);
    }

    [Fact]
    public async Task DeleteAnswers204AndTheTaskIsGone()
    {
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("delete me");
        var other = await user.CreateTaskAsync("keep me");

        var deleted = await user.Client.DeleteAsync($"/api/tasks/{task.Id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await deleted.Content.ReadAsByteArrayAsync());
        await AssertProblemAsync(await user.Client.GetAsync($"/api/tasks/{task.Id}"), 404);
        await AssertProblemAsync(await user.Client.DeleteAsync($"/api/tasks/{task.Id}"), 404);
        Assert.Equal(new[] { other }, (await user.ListAsync()).Items);
    }

    [Fact]
    public async Task AnotherUserGets404OnEveryRouteForMyTaskAndItIsUnchanged()
    {
        var owner = await api.CreateUserAsync();
        var intruder = await api.CreateUserAsync();
        var task = await owner.CreateTaskAsync("mine", "private");
        var path = $"/api/tasks/{task.Id}";

        HttpRequestMessage[] attempts =
        [
            Request(HttpMethod.Get, path),
            Request(HttpMethod.Put, path, new { title = "stolen", description = "x" }),
            Request(HttpMethod.Patch, path, new { title = "stolen", is_completed = true }),
            Request(HttpMethod.Patch, path + "/complete"),
            Request(HttpMethod.Delete, path),
        ];
        foreach (var attempt in attempts)
        {
            var problem = await AssertProblemAsync(await intruder.Client.SendAsync(attempt), 404);
            Assert.Equal("Task not found", problem.GetProperty("title").GetString());
        }

        Assert.Equal(task, await owner.GetTaskAsync(task.Id));
        Assert.Empty((await intruder.ListAsync()).Items);
        Assert.Empty((await intruder.ListAsync("?q=mine")).Items);
    }

    [Fact]
    public async Task OriginalRoutesServeTheCaller()
    {
        var user = await api.CreateUserAsync();
        var root = $"/api/{user.Id}/tasks";

        var created = await user.Client.PostAsJsonAsync(root, new { title = "via the original API" }, Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var task = await ReadTaskAsync(created);
        Assert.Equal($"/api/tasks/{task.Id}", created.Headers.Location?.OriginalString);

        var list = await user.Client.GetFromJsonAsync<TaskListResponse>(root, Json);
        Assert.Equal(new[] { task }, list!.Items);
        Assert.Equal(task, await ReadTaskAsync(await user.Client.GetAsync($"{root}/{task.Id}")));
        var replaced = await ReadTaskAsync(await user.Client.PutAsJsonAsync($"{root}/{task.Id}", new { title = "replaced" }, Json));
        Assert.Equal("replaced", replaced.Title);
        var patched = await ReadTaskAsync(await user.Client.SendAsync(Request(HttpMethod.Patch, $"{root}/{task.Id}", new { description = "added" })));
        Assert.Equal("added", patched.Description);
        var completed = await ReadTaskAsync(await user.Client.PatchAsync($"{root}/{task.Id}/complete", null));
        Assert.True(completed.IsCompleted);
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"{root}/{task.Id}")).StatusCode);
        Assert.Empty(await api.StoredTasksAsync(user.Id));
    }

    [Fact]
    public async Task OriginalRoutesAnswer403ForAnotherUsersIdAndChangeNothing()
    {
        var owner = await api.CreateUserAsync();
        var intruder = await api.CreateUserAsync();
        var task = await owner.CreateTaskAsync("mine");

        foreach (var userId in new[] { owner.Id.ToString(), Guid.NewGuid().ToString(), "not-a-user-id" })
        {
            var root = $"/api/{userId}/tasks";
            HttpRequestMessage[] attempts =
            [
                Request(HttpMethod.Get, root),
                Request(HttpMethod.Post, root, new { title = "planted" }),
                Request(HttpMethod.Get, $"{root}/{task.Id}"),
                Request(HttpMethod.Put, $"{root}/{task.Id}", new { title = "stolen" }),
                Request(HttpMethod.Patch, $"{root}/{task.Id}", new { title = "stolen" }),
                Request(HttpMethod.Patch, $"{root}/{task.Id}/complete"),
                Request(HttpMethod.Delete, $"{root}/{task.Id}"),
                RawRequest(HttpMethod.Post, root, "{not json"), // refused before the body is read
            ];
            foreach (var attempt in attempts)
            {
                await AssertProblemAsync(await intruder.Client.SendAsync(attempt), 403);
            }
        }

        Assert.Equal(new[] { task }, (await owner.ListAsync()).Items);
        Assert.Empty(await api.StoredTasksAsync(intruder.Id));
    }

    [Fact]
    public async Task EveryTaskRouteRequiresAToken()
    {
        var owner = await api.CreateUserAsync();
        var task = await owner.CreateTaskAsync("mine");
        var anonymous = api.CreateClient();

        foreach (var root in new[] { "/api/tasks", $"/api/{owner.Id}/tasks" })
        {
            HttpRequestMessage[] attempts =
            [
                Request(HttpMethod.Get, root),
                Request(HttpMethod.Post, root, new { title = "x" }),
                Request(HttpMethod.Get, $"{root}/{task.Id}"),
                Request(HttpMethod.Put, $"{root}/{task.Id}", new { title = "x" }),
                Request(HttpMethod.Patch, $"{root}/{task.Id}", new { title = "x" }),
                Request(HttpMethod.Patch, $"{root}/{task.Id}/complete"),
                Request(HttpMethod.Delete, $"{root}/{task.Id}"),
            ];
            foreach (var attempt in attempts)
            {
                var response = await anonymous.SendAsync(attempt);
                await AssertProblemAsync(response, 401);
                Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
            }
        }

        Assert.Equal(new[] { task }, (await owner.ListAsync()).Items);
    }

    [Fact]
    public async Task TextThatLooksLikeSqlOrIsUnusualUnicodeIsStoredVerbatim()
    {
        var user = await api.CreateUserAsync();
        var bystander = await user.CreateTaskAsync("bystander");
        string[] titles =
        [
            "'); DROP TABLE tasks; --",
            "\" OR 1=1 --",
            "100% _done_ \\ [x]",
            "😀 emoji 👩‍👩‍👧 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "\u202Eright-to-left override\u200B",
            "Ünïcödé ñ 中文 العربية",
            string.Concat(Enumerable.Repeat("😀", 100)), // 100 characters, 200 UTF-16 code units
        ];

        foreach (var title in titles)
        {
            var task = await user.CreateTaskAsync(title, "multi\nline\ttext; DELETE FROM users;");
            Assert.Equal(title, task.Title);
            Assert.Equal(title, (await user.GetTaskAsync(task.Id)).Title);
            Assert.Equal("multi\nline\ttext; DELETE FROM users;", (await user.GetTaskAsync(task.Id)).Description);
        }

        Assert.Equal(bystander, await user.GetTaskAsync(bystander.Id));
        Assert.Equal(titles.Length + 1, (await api.StoredTasksAsync(user.Id)).Count);
    }

    private static async Task<TaskDto> PatchAsync(TestUser user, Guid id, string body)
    {
        var response = await user.Client.SendAsync(RawRequest(HttpMethod.Patch, $"/api/tasks/{id}", body));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        return await ReadTaskAsync(response);
    }
}

public sealed class SqliteTasksApiTests(SqliteApi api) : TasksApiTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresTasksApiTests(PostgresApi api) : TasksApiTests(api), IClassFixture<PostgresApi>;
