using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Accounts;
using Todo.Server.Lists;
using Todo.Server.Tasks;
using Todo.Server.Text;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Infrastructure.ProblemAssert;
using static Todo.Tests.Tasks.TaskTestSupport;

namespace Todo.Tests.Lists;

/// <summary>Lists, labels and priority over HTTP: the Inbox, unique names, deleting with and without tasks, the label and
/// priority rules, PATCH's absent versus null, and isolation between users, on each provider.</summary>
public abstract class ListsApiTests(ApiFixture api)
{
    [Fact]
    public async Task RegistrationCreatesTheInboxAndTasksWithoutAListGoInIt()
    {
        var user = await api.CreateUserAsync();

        var inbox = Assert.Single(await ListsAsync(user));
        Assert.Equal(("Inbox", true, 0), (inbox.Name, inbox.IsInbox, inbox.PendingCount));

        var response = await user.Client.PostAsJsonAsync("/api/tasks", new { title = "Milk" }, Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(inbox.Id, body.GetProperty("list").GetProperty("id").GetGuid());
        Assert.Equal("Inbox", body.GetProperty("list").GetProperty("name").GetString());
        Assert.Equal(0, body.GetProperty("labels").GetArrayLength());
        Assert.Equal("none", body.GetProperty("priority").GetString());
        Assert.Equal(1, Assert.Single(await ListsAsync(user)).PendingCount);
    }

    [Fact]
    public async Task AUserMadeWithoutRegistrationGetsExactlyOneInboxWithItsFirstTask()
    {
        var userId = await api.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var user = new User { Id = Guid.CreateVersion7(), Email = $"{Guid.NewGuid():N}@example.com", HashedPassword = "-", CreatedAt = now, UpdatedAt = now };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            return user.Id;
        });

        var tasks = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            api.WithDbAsync(db => new TaskService(db, TimeProvider.System).CreateAsync(userId, $"Task {i}"))));

        var inboxes = await api.WithDbAsync(db => db.Lists.Where(l => l.UserId == userId).ToListAsync());
        var inbox = Assert.Single(inboxes);
        Assert.True(inbox.IsInbox);
        Assert.All(tasks, t => Assert.Equal((inbox.Id, "Inbox"), (t.ListId, t.List!.Name)));
        Assert.Equal([1, 2, 3, 4], tasks.Select(t => t.Number).Order());
    }

    [Fact]
    public async Task TheServiceRefusesAListOfAnotherUserNamingListId()
    {
        var owner = await api.CreateUserAsync();
        var intruder = await api.CreateUserAsync();
        var secret = await CreateListAsync(owner, "Secret");

        var error = await Assert.ThrowsAsync<InvalidTextException>(() => api.WithDbAsync(db =>
            new TaskService(db, TimeProvider.System).CreateAsync(intruder.Id, "Sneak", null, new NewTaskOptions { ListId = secret.Id })));

        Assert.Equal("list_id", error.Field);
        Assert.Empty((await intruder.ListAsync()).Items);
        Assert.Equal(0, (await ListsAsync(owner)).Single(l => l.Name == "Secret").PendingCount);
    }

    [Fact]
    public async Task InboxCannotBeRenamedOrDeleted()
    {
        var user = await api.CreateUserAsync();
        var inbox = Assert.Single(await ListsAsync(user));

        await AssertProblemAsync(await user.Client.PatchAsJsonAsync($"/api/lists/{inbox.Id}", new { name = "Other" }, Json), 409);
        await AssertProblemAsync(await user.Client.DeleteAsync($"/api/lists/{inbox.Id}"), 409);
        await AssertProblemAsync(await user.Client.DeleteAsync($"/api/lists/{inbox.Id}?tasks=delete"), 409);

        Assert.Equal("Inbox", Assert.Single(await ListsAsync(user)).Name);
    }

    [Fact]
    public async Task ListNamesAreUniquePerUserIgnoringCase()
    {
        var user = await api.CreateUserAsync();
        var other = await api.CreateUserAsync();
        var groceries = await CreateListAsync(user, "  Groceries ");
        Assert.Equal(("Groceries", false, 0), (groceries.Name, groceries.IsInbox, groceries.PendingCount));

        await AssertProblemAsync(await user.Client.PostAsJsonAsync("/api/lists", new { name = "GROCERIES" }, Json), 409);
        await AssertProblemAsync(await user.Client.PostAsJsonAsync("/api/lists", new { name = "inbox" }, Json), 409);
        var work = await CreateListAsync(user, "Work");
        await AssertProblemAsync(await user.Client.PatchAsJsonAsync($"/api/lists/{work.Id}", new { name = "groceries" }, Json), 409);

        // Another user may use the same name; a list may change the case of its own name.
        await CreateListAsync(other, "groceries");
        var renamed = await user.Client.PatchAsJsonAsync($"/api/lists/{groceries.Id}", new { name = "GROCERIES" }, Json);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("GROCERIES", (await renamed.Content.ReadFromJsonAsync<ListDto>(Json))!.Name);
        Assert.Equal(["Inbox", "GROCERIES", "Work"], (await ListsAsync(user)).Select(l => l.Name));
    }

    [Fact]
    public async Task ListNamesFollowTheTextRule()
    {
        var user = await api.CreateUserAsync();
        await AssertValidationProblemAsync(await user.Client.PostAsJsonAsync("/api/lists", new { name = "   " }, Json), "name");
        await AssertValidationProblemAsync(await user.Client.PostAsJsonAsync("/api/lists", new { name = new string('x', 101) }, Json), "name");
        Assert.Equal(HttpStatusCode.Created, (await user.Client.PostAsJsonAsync("/api/lists", new { name = new string('x', 100) }, Json)).StatusCode);
    }

    [Fact]
    public async Task DeletingAListWithTasksNeedsTasksMoveOrDelete()
    {
        var user = await api.CreateUserAsync();
        var inbox = Assert.Single(await ListsAsync(user));
        var empty = await CreateListAsync(user, "Empty");
        var moving = await CreateListAsync(user, "Moving");
        var doomed = await CreateListAsync(user, "Doomed");
        var moved = await CreateAsync(user, new { title = "Keep me", list_id = moving.Id, labels = L("a") });
        var deleted = await CreateAsync(user, new { title = "Lose me", list_id = doomed.Id, labels = L("b") });

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/lists/{empty.Id}")).StatusCode);
        await AssertProblemAsync(await user.Client.DeleteAsync($"/api/lists/{moving.Id}"), 409);
        await AssertValidationProblemAsync(await user.Client.DeleteAsync($"/api/lists/{moving.Id}?tasks=archive"), "tasks");

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/lists/{moving.Id}?tasks=move")).StatusCode);
        var after = await user.GetTaskAsync(moved.Id);
        Assert.Equal(new TaskListRef(inbox.Id, "Inbox"), after.List);
        Assert.Equal(["a"], after.Labels);

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/lists/{doomed.Id}?tasks=delete")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync($"/api/tasks/{deleted.Id}")).StatusCode);
        Assert.Equal(["Inbox"], (await ListsAsync(user)).Select(l => l.Name));
        Assert.Equal(["a"], (await LabelsAsync(user)).Select(l => l.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.DeleteAsync($"/api/lists/{doomed.Id}")).StatusCode);
    }

    [Fact]
    public async Task CreateTakesListLabelsAndPriority()
    {
        var user = await api.CreateUserAsync();
        var work = await CreateListAsync(user, "Work");

        var task = await CreateAsync(user, new { title = "Report", list_id = work.Id, labels = L("Urgent", "q3-report", "urgent", "été_2"), priority = "high" });

        Assert.Equal(new TaskListRef(work.Id, "Work"), task.List);
        Assert.Equal(["q3-report", "urgent", "été_2"], task.Labels); // lower-cased, duplicates removed, sorted
        Assert.Equal(TaskPriority.High, task.Priority);
        Assert.Equal(task, await user.GetTaskAsync(task.Id));
        Assert.Equal(task, Assert.Single((await user.ListAsync()).Items));
        Assert.Equal(1, (await ListsAsync(user)).Single(l => l.Name == "Work").PendingCount);
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("dot.ted")]
    [InlineData("")]
    [InlineData("#tag")]
    public async Task BadLabelsAre400NamingLabels(string label)
    {
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("Task");

        await AssertValidationProblemAsync(await user.Client.PostAsJsonAsync("/api/tasks", new { title = "T", labels = L(label) }, Json), "labels");
        await AssertValidationProblemAsync(await user.Client.PatchAsJsonAsync($"/api/tasks/{task.Id}", new { labels = L("ok", label) }, Json), "labels");
        Assert.Empty((await user.GetTaskAsync(task.Id)).Labels);
    }

    [Fact]
    public async Task LabelsAreAtMostFiftyCharactersAndTwentyPerTask()
    {
        var user = await api.CreateUserAsync();
        await AssertValidationProblemAsync(await user.Client.PostAsJsonAsync("/api/tasks", new { title = "T", labels = L(new string('a', 51)) }, Json), "labels");
        var twentyOne = Enumerable.Range(0, 21).Select(i => $"l{i}").ToArray();
        await AssertValidationProblemAsync(await user.Client.PostAsJsonAsync("/api/tasks", new { title = "T", labels = twentyOne }, Json), "labels");

        var task = await CreateAsync(user, new { title = "T", labels = twentyOne[..20].Append(new string('a', 50)).Skip(1).ToArray() });
        Assert.Equal(20, task.Labels.Count);
        Assert.Single((await user.ListAsync()).Items);
    }

    [Theory]
    [InlineData("\"urgent\"")]
    [InlineData("3")]
    [InlineData("\"\"")]
    public async Task BadPriorityIs400NamingPriority(string priority)
    {
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("Task");

        await AssertValidationProblemAsync(await user.Client.SendAsync(RawRequest(HttpMethod.Post, "/api/tasks", $$"""{"title":"T","priority":{{priority}}}""")), "priority");
        await AssertValidationProblemAsync(await user.Client.SendAsync(RawRequest(HttpMethod.Patch, $"/api/tasks/{task.Id}", $$"""{"priority":{{priority}}}""")), "priority");
        Assert.Single((await user.ListAsync()).Items);
    }

    [Fact]
    public async Task PatchKeepsAbsentFieldsAndNullClearsThem()
    {
        var user = await api.CreateUserAsync();
        var inbox = Assert.Single(await ListsAsync(user));
        var work = await CreateListAsync(user, "Work");
        var task = await user.CreateTaskAsync("Task");

        var set = await PatchAsync(user, task.Id, """{"list_id":"LIST","labels":["x","y"],"priority":"medium"}""".Replace("LIST", work.Id.ToString(), StringComparison.Ordinal));
        Assert.Equal((new TaskListRef(work.Id, "Work"), TaskPriority.Medium), (set.List, set.Priority));
        Assert.Equal(["x", "y"], set.Labels);

        var kept = await PatchAsync(user, task.Id, """{"title":"Renamed"}""");
        Assert.Equal(("Renamed", new TaskListRef(work.Id, "Work"), TaskPriority.Medium), (kept.Title, kept.List, kept.Priority));
        Assert.Equal(["x", "y"], kept.Labels);

        // PUT keeps its first-wave meaning: title and description only.
        var replaced = await user.Client.PutAsJsonAsync($"/api/tasks/{task.Id}", new { title = "Put" }, Json);
        var put = await ReadTaskAsync(replaced);
        Assert.Equal((new TaskListRef(work.Id, "Work"), TaskPriority.Medium), (put.List, put.Priority));
        Assert.Equal(["x", "y"], put.Labels);

        var cleared = await PatchAsync(user, task.Id, """{"list_id":null,"labels":null,"priority":null}""");
        Assert.Equal((new TaskListRef(inbox.Id, "Inbox"), TaskPriority.None, "Put"), (cleared.List, cleared.Priority, cleared.Title));
        Assert.Empty(cleared.Labels);

        var emptied = await PatchAsync(user, task.Id, """{"labels":["z"],"is_completed":true}""");
        Assert.True(emptied.IsCompleted);
        Assert.Equal(["z"], emptied.Labels);
        Assert.Equal(["z"], (await PatchAsync(user, task.Id, """{"priority":"low"}""")).Labels);
    }

    [Fact]
    public async Task AnotherUsersListIsNeverVisibleOrUsable()
    {
        var owner = await api.CreateUserAsync();
        var intruder = await api.CreateUserAsync();
        var secret = await CreateListAsync(owner, "Secret");
        await CreateAsync(owner, new { title = "Hidden", list_id = secret.Id, labels = L("private") });
        var mine = await intruder.CreateTaskAsync("Mine");

        Assert.Equal(["Inbox"], (await ListsAsync(intruder)).Select(l => l.Name));
        Assert.Empty(await LabelsAsync(intruder));
        await AssertProblemAsync(await intruder.Client.PatchAsJsonAsync($"/api/lists/{secret.Id}", new { name = "Mine now" }, Json), 404);
        await AssertProblemAsync(await intruder.Client.DeleteAsync($"/api/lists/{secret.Id}?tasks=delete"), 404);
        await AssertValidationProblemAsync(await intruder.Client.PostAsJsonAsync("/api/tasks", new { title = "Sneak", list_id = secret.Id }, Json), "list_id");
        await AssertValidationProblemAsync(await intruder.Client.PostAsJsonAsync("/api/tasks", new { title = "Sneak", list_id = Guid.NewGuid() }, Json), "list_id");
        await AssertValidationProblemAsync(await intruder.Client.PatchAsJsonAsync($"/api/tasks/{mine.Id}", new { list_id = secret.Id }, Json), "list_id");

        Assert.Equal("Inbox", (await intruder.GetTaskAsync(mine.Id)).List.Name);
        Assert.Equal(["Mine"], (await intruder.ListAsync()).Items.Select(t => t.Title));
        var owned = Assert.Single(await ListsAsync(owner), l => l.Name == "Secret");
        Assert.Equal(1, owned.PendingCount);
    }

    [Fact]
    public async Task LabelsEndpointCountsTheCallersTasksPerLabel()
    {
        var user = await api.CreateUserAsync();
        var other = await api.CreateUserAsync();
        await CreateAsync(user, new { title = "One", labels = L("home", "errands") });
        await CreateAsync(user, new { title = "Two", labels = L("errands") });
        var done = await CreateAsync(user, new { title = "Three", labels = L("errands", "work") });
        await PatchAsync(user, done.Id, """{"is_completed":true}""");
        await CreateAsync(other, new { title = "Theirs", labels = L("errands", "zzz") });

        var response = await user.Client.GetAsync("/api/labels");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(["name", "task_count"], body.GetProperty("items")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal([new LabelDto("errands", 3), new LabelDto("home", 1), new LabelDto("work", 1)], await LabelsAsync(user));
    }

    [Fact]
    public async Task ListsAnswerTheirFieldsAndPendingCounts()
    {
        var user = await api.CreateUserAsync();
        var work = await CreateListAsync(user, "Work");
        await CreateAsync(user, new { title = "Open", list_id = work.Id });
        var done = await CreateAsync(user, new { title = "Done", list_id = work.Id });
        await PatchAsync(user, done.Id, """{"is_completed":true}""");

        var response = await user.Client.GetAsync("/api/lists");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(["id", "name", "is_inbox", "pending_count", "created_at", "updated_at"],
            body.GetProperty("items")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal([("Inbox", 0), ("Work", 1)], (await ListsAsync(user)).Select(l => (l.Name, l.PendingCount)));
    }

    /// <summary>Labels for a request body.</summary>
    private static string[] L(params string[] labels) => labels;

    private static async Task<List<ListDto>> ListsAsync(TestUser user)
    {
        var response = await user.Client.GetAsync("/api/lists");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        return [.. (await response.Content.ReadFromJsonAsync<ListListResponse>(Json))!.Items];
    }

    private static async Task<List<LabelDto>> LabelsAsync(TestUser user)
    {
        var response = await user.Client.GetAsync("/api/labels");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        return [.. (await response.Content.ReadFromJsonAsync<LabelListResponse>(Json))!.Items];
    }

    private static async Task<ListDto> CreateListAsync(TestUser user, string name)
    {
        var response = await user.Client.PostAsJsonAsync("/api/lists", new { name }, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await DescribeAsync(response));
        var list = (await response.Content.ReadFromJsonAsync<ListDto>(Json))!;
        Assert.Equal($"/api/lists/{list.Id}", response.Headers.Location?.OriginalString);
        return list;
    }

    private static async Task<TaskDto> CreateAsync(TestUser user, object body)
    {
        var response = await user.Client.PostAsJsonAsync("/api/tasks", body, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await DescribeAsync(response));
        return await ReadTaskAsync(response);
    }

    private static async Task<TaskDto> PatchAsync(TestUser user, Guid id, string json)
    {
        var response = await user.Client.SendAsync(RawRequest(HttpMethod.Patch, $"/api/tasks/{id}", json));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        return await ReadTaskAsync(response);
    }
}

public sealed class SqliteListsApiTests(SqliteApi api) : ListsApiTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresListsApiTests(PostgresApi api) : ListsApiTests(api), IClassFixture<PostgresApi>;
