using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Data;
using Todo.Server.Tasks;
using Todo.Server.Tasks.Filters;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Infrastructure.ProblemAssert;
using static Todo.Tests.Tasks.TaskTestSupport;

namespace Todo.Tests.Tasks.Filters;

/// <summary>
/// GET /api/tasks?filter=: each expression against the exact set of task numbers it selects on the seeded
/// <see cref="FilterWorld"/>, bad filters as 400s naming <c>filter</c> and the position, isolation between users, and
/// one SQL round trip per filtered page, on each provider.
/// </summary>
public abstract class TaskFilterTests(IFilterApi fixture)
{
    private readonly ApiFixture api = fixture.Api;

    [Theory]
    // Lists, by name, ignoring case; a name with spaces in quotes.
    [InlineData("#Work", new[] { 1, 2 })]
    [InlineData("#work", new[] { 1, 2 })]
    [InlineData("#\"Weekly shopping\"", new[] { 3, 4 })]
    [InlineData("#\"weekly SHOPPING\"", new[] { 3, 4 })]
    [InlineData("#Inbox", new[] { 6, 7, 9 })]
    [InlineData("#Home | #Work", new[] { 1, 2, 5, 8, 10 })]
    [InlineData("!#Inbox", new[] { 1, 2, 3, 4, 5, 8, 10 })]
    [InlineData("#Work & #Home", new int[0])]
    [InlineData("#Nowhere", new int[0])]
    [InlineData("#Secret", new int[0])]
    // Labels, lower-cased; no labels.
    [InlineData("@urgent", new[] { 1, 4, 8 })]
    [InlineData("@URGENT", new[] { 1, 4, 8 })]
    [InlineData("@office", new[] { 1, 2 })]
    [InlineData("@leisure", new[] { 9 })]
    [InlineData("@errands & @urgent", new[] { 4 })]
    [InlineData("@hidden", new int[0])]
    [InlineData("no labels", new[] { 5, 6, 10 })]
    [InlineData("!no labels", new[] { 1, 2, 3, 4, 7, 8, 9 })]
    [InlineData("no labels | @travel", new[] { 5, 6, 7, 10 })]
    // Priorities.
    [InlineData("priority:high", new[] { 1, 5 })]
    [InlineData("PRIORITY: High", new[] { 1, 5 })]
    [InlineData("p1", new[] { 1, 5 })]
    [InlineData("p2", new[] { 2, 7 })]
    [InlineData("priority:medium", new[] { 2, 7 })]
    [InlineData("p3", new[] { 3, 8 })]
    [InlineData("priority:low", new[] { 3, 8 })]
    [InlineData("p4", new[] { 4, 6, 9, 10 })]
    [InlineData("priority:none", new[] { 4, 6, 9, 10 })]
    // Completion.
    [InlineData("completed", new[] { 2, 4, 8, 10 })]
    [InlineData("pending", new[] { 1, 3, 5, 6, 7, 9 })]
    [InlineData("!!completed", new[] { 2, 4, 8, 10 })]
    [InlineData("completed & pending", new int[0])]
    // Words in the title or description, ignoring case, with LIKE's wildcards taken literally.
    [InlineData("search: buy", new[] { 3, 4 })]
    [InlineData("search: LITRES", new[] { 3 })]
    [InlineData("search: book", new[] { 9 })]
    [InlineData("search: 100%", new[] { 8 })]
    [InlineData("search: %", new[] { 8 })]
    [InlineData("search: _", new[] { 8 })]
    [InlineData("search: buy | #Home", new[] { 3, 4, 5, 8, 10 })]
    [InlineData("(search: the week) | p1", new[] { 1, 5, 6 })]
    [InlineData("search: \"milk\" & pending", new[] { 3 })]
    // Dates: no task has a due date yet.
    [InlineData("no date", new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })]
    [InlineData("today", new int[0])]
    [InlineData("tomorrow", new int[0])]
    [InlineData("overdue", new int[0])]
    [InlineData("next 7 days", new int[0])]
    [InlineData("due before: 2030-01-01", new int[0])]
    [InlineData("due after: today", new int[0])]
    [InlineData("recurring", new int[0])]
    [InlineData("!today & !overdue", new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })]
    [InlineData("no date & @office", new[] { 1, 2 })]
    [InlineData("today | @travel", new[] { 7 })]
    // Precedence: ! over & over |.
    [InlineData("p1 | p2 & completed", new[] { 1, 2, 5 })]
    [InlineData("(p1 | p2) & completed", new[] { 2 })]
    [InlineData("!completed & @urgent", new[] { 1 })]
    [InlineData("!(completed & @urgent)", new[] { 1, 2, 3, 5, 6, 7, 9, 10 })]
    [InlineData("!(p1 | p2)", new[] { 3, 4, 6, 8, 9, 10 })]
    [InlineData("!p1 | p2", new[] { 2, 3, 4, 6, 7, 8, 9, 10 })]
    [InlineData("@urgent & #Work | #Home", new[] { 1, 5, 8, 10 })]
    [InlineData("@urgent & (#Work | #Home)", new[] { 1, 8 })]
    [InlineData("(#Inbox | #Home) & !no labels", new[] { 7, 8, 9 })]
    [InlineData("#\"Weekly shopping\" & pending", new[] { 3 })]
    [InlineData("  ", new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })]
    public async Task AFilterSelectsExactlyItsTasks(string filter, int[] expected)
    {
        var world = await fixture.WorldAsync();

        Assert.Equal(expected, await NumbersAsync(world.Me, "?filter=" + Uri.EscapeDataString(filter)));
    }

    [Theory]
    [InlineData("today &", 7)]
    [InlineData("foo", 1)]
    [InlineData("p1 p2", 4)]
    [InlineData("(p1 | p2", 1)]
    [InlineData("p1 )", 4)]
    [InlineData("()", 1)]
    [InlineData("| p1", 1)]
    [InlineData("!", 1)]
    [InlineData("next 0 days", 6)]
    [InlineData("next 366 days", 6)]
    [InlineData("due before: 2026-13-01", 13)]
    [InlineData("due after: someday", 12)]
    [InlineData("priority:urgent", 10)]
    [InlineData("p5", 1)]
    [InlineData("@foo.bar", 2)]
    [InlineData("@", 1)]
    [InlineData("#", 1)]
    [InlineData("#Weekly shopping", 9)]
    [InlineData("search:", 1)]
    [InlineData("search: tab\there", 12)]
    [InlineData("#\"open", 2)]
    [InlineData("no dates", 4)]
    public async Task AFilterThatCannotBeReadIsA400NamingFilterAndThePosition(string filter, int position)
    {
        var world = await fixture.WorldAsync();

        var response = await world.Me.Client.GetAsync("/api/tasks?filter=" + Uri.EscapeDataString(filter));

        var message = await FilterErrorAsync(response);
        Assert.Contains($"position {position.ToString(CultureInfo.InvariantCulture)}", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherUsersListsAndLabelsNeverMatch()
    {
        var world = await fixture.WorldAsync();

        // The other user's tasks carry every label and sit in lists named like mine: they match, but only for their owner.
        Assert.Equal(10, (await world.Other.ListAsync("?filter=" + Uri.EscapeDataString("@hidden"))).Items.Count); // 5 lists, 2 each
        Assert.Equal(2, (await world.Other.ListAsync("?filter=" + Uri.EscapeDataString("#Secret"))).Items.Count);
        Assert.Empty(await NumbersAsync(world.Me, "?filter=" + Uri.EscapeDataString("@hidden | #Secret")));
        Assert.Empty(await NumbersAsync(world.Me, $"?list_id={world.OtherLists["Work"]}"));
        Assert.Empty(await NumbersAsync(world.Me, $"?list_id={world.OtherLists["Work"]}&filter=%23Work"));
        Assert.Equal([1, 2], await NumbersAsync(world.Me, "?filter=" + Uri.EscapeDataString("#Work & @office")));
    }

    [Theory]
    [InlineData("?status=pending&filter=%40urgent", new[] { 1 })]
    [InlineData("?status=completed&filter=%40urgent", new[] { 4, 8 })]
    [InlineData("?q=buy&filter=completed", new[] { 4 })]
    [InlineData("?q=BUY&status=pending&filter=%40errands", new[] { 3 })]
    [InlineData("?filter=p1&sort=title", new[] { 5, 1 })]
    public async Task StatusAndSearchAreAndedWithTheFilter(string query, int[] expected)
    {
        var world = await fixture.WorldAsync();

        Assert.Equal(expected, await NumbersAsync(world.Me, query, sorted: false));
    }

    [Fact]
    public async Task ListIdIsAndedWithTheFilter()
    {
        var world = await fixture.WorldAsync();

        Assert.Equal([1, 2], await NumbersAsync(world.Me, $"?list_id={world.MyLists["Work"]}"));
        Assert.Equal([2], await NumbersAsync(world.Me, $"?list_id={world.MyLists["Work"]}&filter=completed"));
        Assert.Empty(await NumbersAsync(world.Me, $"?list_id={world.MyLists["Work"]}&filter=%23Home"));
        Assert.Empty(await NumbersAsync(world.Me, $"?list_id={Guid.NewGuid()}"));
        await AssertValidationProblemAsync(await world.Me.Client.GetAsync("/api/tasks?list_id=not-a-guid"), "list_id");
    }

    [Fact]
    public async Task TheOriginalRouteTakesTheSameFilterAndListId()
    {
        var world = await fixture.WorldAsync();
        var path = $"/api/{world.Me.Id}/tasks";

        var response = await world.Me.Client.GetAsync(path + "?filter=" + Uri.EscapeDataString("@urgent & !completed"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        Assert.Equal([1], (await response.Content.ReadFromJsonAsync<TaskListResponse>(Json))!.Items.Select(t => t.Number));

        var inList = await world.Me.Client.GetFromJsonAsync<TaskListResponse>($"{path}?list_id={world.MyLists["Home"]}", Json);
        Assert.Equal([5, 8, 10], inList!.Items.Select(t => t.Number));

        Assert.Contains("position 4", await FilterErrorAsync(await world.Me.Client.GetAsync(path + "?filter=p1%20%26")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFilteredPageIsOneSqlRoundTrip()
    {
        var world = await fixture.WorldAsync();
        await world.Me.ListAsync(); // the user's active check is cached from here on
        await world.Me.ListAsync("?filter=today"); // and so is the user's time zone, which date terms are reckoned in

        foreach (var filter in new[] { "#\"Weekly shopping\" | @urgent & !completed", "no labels | search: buy & p1", "!(#Work | @office) & no date" })
        {
            var response = await world.Me.Client.GetAsync("/api/tasks?sort=priority&limit=2&filter=" + Uri.EscapeDataString(filter));
            Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
            Assert.Equal("1", Assert.Single(response.Headers.GetValues(DbCommandCounter.HeaderName)));
        }
    }

    [Fact]
    public async Task TheServiceCountsWhatTheFilterSelectsAndNamesTheFilterWhenItIsBad()
    {
        var world = await fixture.WorldAsync();
        var query = new TaskListQuery { Status = TaskStatusFilter.Pending, Filter = "@urgent | #Inbox", Limit = 1 };

        var (count, page) = await api.WithDbAsync(async db =>
        {
            var service = new TaskService(db, TimeProvider.System);
            return (await service.CountAsync(world.Me.Id, query), await service.ListAsync(world.Me.Id, query));
        });

        Assert.Equal(4, count); // 1, 6, 7, 9
        Assert.Equal([1], page.Items.Select(t => t.Number));
        var error = await Assert.ThrowsAsync<FilterException>(() => api.WithDbAsync(db =>
            new TaskService(db, TimeProvider.System).CountAsync(world.Me.Id, new TaskListQuery { Filter = "p1 |" })));
        Assert.Equal(("filter", 4), (error.Field, error.Position));
    }

    [Fact]
    public async Task TheFilterIsOneStatementWithASubqueryForTheListAndExistsForLabels()
    {
        var world = await fixture.WorldAsync();
        var filter = FilterParser.Parse("#Work & @office | no labels")!;

        var sql = await api.WithDbAsync(db => Task.FromResult(db.Tasks.Where(t => t.UserId == world.Me.Id)
            .Where(FilterCompiler.Compile(filter, db.Lists, db.TaskLabels, world.Me.Id, api.Provider == DatabaseProvider.Postgres, DueClock.At(DateTimeOffset.UtcNow, TimeZoneInfo.Utc))).ToQueryString()));

        // Values are parameters: ToQueryString declares them above the statement, which names them only.
        var statement = sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
        Assert.Single(statement.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.DoesNotContain("JOIN", statement, StringComparison.Ordinal);
        Assert.Matches("list_id\"? = COALESCE\\(\\(", statement);
        Assert.Contains("normalized_name", statement, StringComparison.Ordinal);
        Assert.True(statement.Contains("OR NOT EXISTS", StringComparison.Ordinal), statement);
        Assert.Equal(2, statement.Split("EXISTS").Length - 1);
        Assert.DoesNotContain("work", statement, StringComparison.Ordinal);
        Assert.DoesNotContain("office", statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApiDescribesFilterListIdAndTheDueSort()
    {
        var document = await api.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        foreach (var path in new[] { "/api/tasks", "/api/{user_id}/tasks" })
        {
            var parameters = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
                .ToDictionary(p => p.GetProperty("name").GetString()!);
            Assert.Contains("#List", parameters["filter"].GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.Contains("list", parameters["list_id"].GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.Contains("due", parameters["sort"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        }
    }

    private static async Task<List<int>> NumbersAsync(TestUser user, string query, bool sorted = true)
    {
        var numbers = (await user.ListAsync(query + (query.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "limit=100")).Items.Select(t => t.Number).ToList();
        if (sorted)
        {
            Assert.Equal(numbers.Order(), numbers); // number order, the default sort
        }

        return numbers;
    }

    private static async Task<string> FilterErrorAsync(HttpResponseMessage response)
    {
        var problem = await AssertProblemAsync(response, 400);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["filter"], errors.EnumerateObject().Select(e => e.Name));
        return Assert.Single(errors.GetProperty("filter").EnumerateArray()).GetString()!;
    }
}

public sealed class SqliteTaskFilterTests(FilterSqliteApi api) : TaskFilterTests(api), IClassFixture<FilterSqliteApi>;

public sealed class PostgresTaskFilterTests(FilterPostgresApi api) : TaskFilterTests(api), IClassFixture<FilterPostgresApi>;
