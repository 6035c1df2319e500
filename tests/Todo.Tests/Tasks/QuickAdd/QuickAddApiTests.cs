using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Todo.Server.Lists;
using Todo.Server.Tasks;
using Todo.Server.Tasks.QuickAdd;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Infrastructure.ProblemAssert;
using static Todo.Tests.Tasks.TaskTestSupport;

namespace Todo.Tests.Tasks.QuickAdd;

/// <summary>POST /api/tasks/quick on each provider: what each line makes, lists found or made (only among the caller's), and
/// text that makes no task answered 400 naming text with nothing stored.</summary>
public abstract class QuickAddApiTests(ApiFixture api)
{
    /// <summary>text → the task's title, list (null: the Inbox), labels (as answered: sorted) and priority.</summary>
    public static TheoryData<string, string, string?, string[], TaskPriority> Lines => new()
    {
        { "Buy milk", "Buy milk", null, [], TaskPriority.None },
        { "Buy milk #Groceries", "Buy milk", "Groceries", [], TaskPriority.None },
        { "#Groceries Buy milk", "Buy milk", "Groceries", [], TaskPriority.None },
        { "Buy milk @errands", "Buy milk", null, ["errands"], TaskPriority.None },
        { "Buy milk @Shop @errands @ERRANDS", "Buy milk", null, ["errands", "shop"], TaskPriority.None },
        { "Buy milk !high", "Buy milk", null, [], TaskPriority.High },
        { "Buy milk !Medium", "Buy milk", null, [], TaskPriority.Medium },
        { "Buy milk !LOW", "Buy milk", null, [], TaskPriority.Low },
        { "Buy milk !none", "Buy milk", null, [], TaskPriority.None },
        { "Buy milk p1", "Buy milk", null, [], TaskPriority.High },
        { "Buy milk P2", "Buy milk", null, [], TaskPriority.Medium },
        { "p3 Buy milk", "Buy milk", null, [], TaskPriority.Low },
        { "Buy milk p4", "Buy milk", null, [], TaskPriority.None },
        { "@errands Buy milk #Groceries !high", "Buy milk", "Groceries", ["errands"], TaskPriority.High },
        { "Pasta #\"Weekly shopping\" @food p2", "Pasta", "Weekly shopping", ["food"], TaskPriority.Medium },
        { "\"#1 fan\" mug", "#1 fan mug", null, [], TaskPriority.None },
        { "Read \"p1 @home #Work\" notes", "Read p1 @home #Work notes", null, [], TaskPriority.None },
        { "Write \"quotes\"", "Write quotes", null, [], TaskPriority.None },
        { "Buy \u201Cp1\u201D cable #\u201CHome office\u201D", "Buy p1 cable", "Home office", [], TaskPriority.None },
        { "An \"unclosed quote", "An \"unclosed quote", null, [], TaskPriority.None },
        { "Tea #\"Home @x", "Tea #\"Home", null, ["x"], TaskPriority.None },
        { "Learn C# today", "Learn C#", null, [], TaskPriority.None },
        { "Close issue#4 @work", "Close issue#4", null, ["work"], TaskPriority.None },
        { "Email bob@example.com", "Email bob@example.com", null, [], TaskPriority.None },
        { "Press # and @ keys", "Press # and @ keys", null, [], TaskPriority.None },
        { "## Heading and @@handle", "## Heading and @@handle", null, [], TaskPriority.None },
        { "Rip mp3 files p1", "Rip mp3 files", null, [], TaskPriority.High },
        { "It is !important", "It is !important", null, [], TaskPriority.None },
        { "  Lots   of \u00A0 space  #Home  ", "Lots of space", "Home", [], TaskPriority.None },
        { "Fix bug #Work #work p1 !HIGH", "Fix bug", "Work", [], TaskPriority.High },
        { "Dentist tomorrow at 5pm #Health", "Dentist", "Health", [], TaskPriority.None },
        { "Café crème #Petit-déjeuner @été", "Café crème", "Petit-déjeuner", ["été"], TaskPriority.None },
        { "Walk 🐕 #🐾 @dog", "Walk 🐕", "🐾", ["dog"], TaskPriority.None },
        { "Task @a_b @c-d @x1", "Task", null, ["a_b", "c-d", "x1"], TaskPriority.None },
        { "Inbox zero #inbox", "Inbox zero", "Inbox", [], TaskPriority.None },
    };

    [Fact]
    public async Task TheDatePhraseBecomesTheDueAndLeavesTheTitle()
    {
        var user = await api.CreateUserAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var response = await user.Client.PostAsJsonAsync("/api/tasks/quick", new { text = "Pay rent every 1st #Home" }, Json);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await DescribeAsync(response));
        var task = await ReadTaskAsync(response);
        Assert.Equal(("Pay rent", "Home"), (task.Title, task.List.Name));
        var firstOfAMonth = today.Day == 1 ? today : new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        Assert.Equal((firstOfAMonth, true, "FREQ=MONTHLY;BYMONTHDAY=1"), (task.Due!.Date, task.Due.IsRecurring, task.Due.Recurrence));
    }

    [Fact]
    public async Task ADayThatDoesNotExistIsA400NamingTextAndMakesNothing()
    {
        var user = await api.CreateUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/tasks/quick", new { text = "Party on feb 30" }, Json);

        await AssertValidationProblemAsync(response, "text");
        Assert.Empty((await user.ListAsync()).Items);
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task EachLineMakesItsTask(string text, string title, string? list, string[] labels, TaskPriority priority)
    {
        var user = await api.CreateUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/tasks/quick", new { text }, Json);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await DescribeAsync(response));
        var task = await ReadTaskAsync(response);
        Assert.Equal($"/api/tasks/{task.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((title, list ?? "Inbox", priority), (task.Title, task.List.Name, task.Priority));
        Assert.Equal(labels, task.Labels);
        Assert.Null(task.Description);
        Assert.Equal(task, await user.GetTaskAsync(task.Id));
        var lists = await ListsAsync(user);
        Assert.Equal(task.List.Id, Assert.Single(lists, l => l.Name == task.List.Name).Id);
        Assert.Equal(list is null || list == "Inbox" ? 1 : 2, lists.Count);
    }

    [Theory]
    [InlineData("#Groceries @errands", "No title is left")]
    [InlineData("\"\" !high", "No title is left")]
    [InlineData("   ", "The text is required.")]
    [InlineData("", "The text is required.")]
    [InlineData("Tea @no!", "The label \"no!\" may hold only letters, digits, '-' and '_'; \"!\" is not allowed.")]
    [InlineData("Tea #Work #Home", "Name one list only")]
    [InlineData("Tea p1 !low", "Give one priority only")]
    [InlineData("Line\nbreak", "control characters")]
    public async Task TextThatMakesNoTaskIs400NamingTextAndStoresNothing(string text, string reason)
    {
        var user = await api.CreateUserAsync();

        await AssertNothingMadeAsync(user, await user.Client.PostAsJsonAsync("/api/tasks/quick", new { text }, Json), reason);
    }

    [Fact]
    public async Task LimitsOfLabelsListNameTitleAndTextAre400NamingText()
    {
        var user = await api.CreateUserAsync();
        var twentyOne = string.Join(' ', Enumerable.Range(1, 21).Select(i => $"@l{i}"));

        await AssertNothingMadeAsync(user, await QuickAsync(user, "Tea " + twentyOne), "at most 20 labels; 21 were given");
        await AssertNothingMadeAsync(user, await QuickAsync(user, "Tea #" + new string('x', 101)), "The list name is 101 characters long");
        await AssertNothingMadeAsync(user, await QuickAsync(user, "Tea @" + new string('a', 51)), "is 51 characters long; the limit is 50");
        await AssertNothingMadeAsync(user, await QuickAsync(user, new string('t', 101) + " #Tea"), "The title is 101 characters long");
        await AssertNothingMadeAsync(user, await QuickAsync(user, "Tea " + new string('x', 497)), "The text is 501 characters long");

        // At the limits, a task.
        var task = await ReadTaskAsync(await QuickAsync(user, new string('t', 100) + " #" + new string('x', 100) + " " + twentyOne.Replace(" @l21", "", StringComparison.Ordinal)));
        Assert.Equal((new string('t', 100), new string('x', 100), 20), (task.Title, task.List.Name, task.Labels.Count));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"text":null}""")]
    [InlineData("""{"text":42}""")]
    public async Task MissingOrWrongTextIs400NamingText(string body)
    {
        var user = await api.CreateUserAsync();

        await AssertValidationProblemAsync(await user.Client.SendAsync(RawRequest(HttpMethod.Post, "/api/tasks/quick", body)), "text");
        Assert.Empty((await user.ListAsync()).Items);
    }

    [Theory]
    [InlineData("""{"text":{"$ne":""}}""")]
    [InlineData("""{"text":["Tea","#Home"]}""")]
    [InlineData("""{"text":"a\u0000b #Home"}""")]
    [InlineData("""{"text":"Tea \ud800 #Home"}""")]
    [InlineData("""{"text":"Tea @\u200B"}""")]
    [InlineData("""{"text":"\u200B\u202E @x"}""")]
    [InlineData("""{"text":"Tea #\"\u200B\""}""")]
    [InlineData("null")]
    [InlineData("""{"text":"Tea #Home"} {"text":"x"}""")]
    public async Task HostileBodiesAre4xxAndStoreNothing(string body)
    {
        var user = await api.CreateUserAsync();

        var response = await user.Client.SendAsync(RawRequest(HttpMethod.Post, "/api/tasks/quick", body));

        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, await DescribeAsync(response));
        await AssertProblemAsync(response, status);
        Assert.Empty((await user.ListAsync()).Items);
        Assert.Equal(["Inbox"], (await ListsAsync(user)).Select(l => l.Name));
    }

    [Fact]
    public async Task AMissingListIsMadeOnceAndAnExistingOneFoundIgnoringCase()
    {
        var user = await api.CreateUserAsync();
        var groceries = await user.Client.PostAsJsonAsync("/api/lists", new { name = "Groceries" }, Json);
        var existing = (await groceries.Content.ReadFromJsonAsync<ListDto>(Json))!;

        var milk = await ReadTaskAsync(await QuickAsync(user, "Milk #groceries"));
        var tea = await ReadTaskAsync(await QuickAsync(user, "Tea #Garden"));
        var rake = await ReadTaskAsync(await QuickAsync(user, "Rake #GARDEN"));

        Assert.Equal(new TaskListRef(existing.Id, "Groceries"), milk.List);
        Assert.Equal("Garden", tea.List.Name);
        Assert.Equal(tea.List, rake.List);
        Assert.Equal([("Inbox", 0), ("Garden", 2), ("Groceries", 1)], (await ListsAsync(user)).Select(l => (l.Name, l.PendingCount)));
    }

    [Fact]
    public async Task TheServiceSaysWhetherItMadeTheList()
    {
        var user = await api.CreateUserAsync();

        var first = await AddAsync(user.Id, "Tea #Kitchen");
        var second = await AddAsync(user.Id, "Cups #kitchen @Shop");
        var inbox = await AddAsync(user.Id, "Plain");

        Assert.Equal((true, "Kitchen"), (first.ListCreated, first.Task.List!.Name));
        Assert.Equal((false, first.Task.ListId), (second.ListCreated, second.Task.ListId));
        Assert.Equal(["shop"], second.Parsed.Labels);
        Assert.Equal((false, "Inbox"), (inbox.ListCreated, inbox.Task.List!.Name));
    }

    [Fact]
    public async Task AnotherUsersListOfTheSameNameIsNeverUsed()
    {
        var owner = await api.CreateUserAsync();
        var other = await api.CreateUserAsync();
        var secret = (await (await owner.Client.PostAsJsonAsync("/api/lists", new { name = "Secret" }, Json)).Content.ReadFromJsonAsync<ListDto>(Json))!;

        var task = await ReadTaskAsync(await QuickAsync(other, "Sneak #secret"));

        Assert.NotEqual(secret.Id, task.List.Id);
        Assert.Equal("secret", task.List.Name);
        Assert.Equal(task.List.Id, Assert.Single(await ListsAsync(other), l => !l.IsInbox).Id);
        Assert.Equal(0, Assert.Single(await ListsAsync(owner), l => l.Name == "Secret").PendingCount);
        Assert.Empty((await owner.ListAsync()).Items);
    }

    [Fact]
    public async Task TheOriginalRoutesTakeQuickAddForTheCallerOnly()
    {
        var user = await api.CreateUserAsync();
        var other = await api.CreateUserAsync();

        var response = await user.Client.PostAsJsonAsync($"/api/{user.Id}/tasks/quick", new { text = "Tea @home" }, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await DescribeAsync(response));
        Assert.Equal(["home"], (await ReadTaskAsync(response)).Labels);

        await AssertProblemAsync(await user.Client.PostAsJsonAsync($"/api/{other.Id}/tasks/quick", new { text = "Tea" }, Json), 403);
        Assert.Empty((await other.ListAsync()).Items);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostAsJsonAsync("/api/tasks/quick", new { text = "Tea" }, Json)).StatusCode);
    }

    private Task<QuickAddOutcome> AddAsync(Guid userId, string text) => api.WithDbAsync(db =>
    {
        var tasks = new TaskService(db, TimeProvider.System);
        return new QuickAddService(new ListService(db, tasks, TimeProvider.System), tasks).AddAsync(userId, text);
    });

    private static Task<HttpResponseMessage> QuickAsync(TestUser user, string text) =>
        user.Client.PostAsJsonAsync("/api/tasks/quick", new { text }, Json);

    private static async Task AssertNothingMadeAsync(TestUser user, HttpResponseMessage response, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        await AssertValidationProblemAsync(response, "text");
        var message = JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("text")[0].GetString();
        Assert.Contains(reason, message, StringComparison.Ordinal);
        Assert.Empty((await user.ListAsync()).Items);
        Assert.Equal(["Inbox"], (await ListsAsync(user)).Select(l => l.Name));
    }

    private static async Task<List<ListDto>> ListsAsync(TestUser user)
    {
        var response = await user.Client.GetAsync("/api/lists");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        return [.. (await response.Content.ReadFromJsonAsync<ListListResponse>(Json))!.Items];
    }
}

public sealed class SqliteQuickAddApiTests(SqliteApi api) : QuickAddApiTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresQuickAddApiTests(PostgresApi api) : QuickAddApiTests(api), IClassFixture<PostgresApi>;
