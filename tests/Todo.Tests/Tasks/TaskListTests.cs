using System.Net;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Tasks;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Tasks.TaskTestSupport;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Tasks;

/// <summary>GET /api/tasks: filters, every sort, keyset paging with ties, and the parameters' validation, on each provider.</summary>
public abstract class TaskListTests(ApiFixture api)
{
    // Lower-case ASCII words sort the same under every collation, so the expected order does not depend on the database's locale.
    private static readonly string[] Words = ["delta", "alpha", "echo", "charlie", "bravo", "alpha", "foxtrot"];

    private static readonly string[] Sorts = ["number", "created_at", "-created_at", "title", "updated_at", "-updated_at", "priority", "due"];

    [Fact]
    public async Task PagesOfSevenVisitEveryOneOf250TasksExactlyOnceInOrderUnderEverySort()
    {
        var user = await api.CreateUserAsync();
        for (var i = 0; i < 250; i++)
        {
            await user.CreateTaskAsync(Words[i % Words.Length], i % 3 == 0 ? null : $"description {i}");
        }

        // Ties on every key: four distinct created_at values, and most tasks share one updated_at.
        var epoch = new DateTime(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        await api.WithDbAsync(async db =>
        {
            for (var bucket = 0; bucket < 4; bucket++)
            {
                var at = epoch.AddDays(bucket);
                await db.Tasks.Where(t => t.UserId == user.Id && t.Number % 4 == bucket).ExecuteUpdateAsync(s => s.SetProperty(t => t.CreatedAt, at));
            }

            // Priorities tie too: every value held by about a quarter of the tasks, not in number order.
            for (short level = 0; level < 4; level++)
            {
                var priority = (TaskPriority)level;
                await db.Tasks.Where(t => t.UserId == user.Id && (t.Number * 7) % 4 == level).ExecuteUpdateAsync(s => s.SetProperty(t => t.Priority, priority));
            }

            var shared = epoch.AddDays(30);
            return await db.Tasks.Where(t => t.UserId == user.Id && t.Number % 5 != 0).ExecuteUpdateAsync(s => s.SetProperty(t => t.UpdatedAt, shared));
        });
        var stored = await api.StoredTasksAsync(user.Id);
        Assert.Equal(250, stored.Count);

        foreach (var sort in Sorts)
        {
            var expected = Expected(stored, sort);
            var seen = new List<Guid>();
            string? cursor = null;
            var pages = 0;
            do
            {
                var page = await user.ListAsync($"?sort={sort}&limit=7" + (cursor is null ? "" : $"&cursor={cursor}"));
                pages++;
                Assert.True(page.Items.Count == (pages <= 35 ? 7 : 5), $"{sort}: page {pages} has {page.Items.Count} tasks");
                seen.AddRange(page.Items.Select(t => t.Id));
                cursor = page.NextCursor;
            }
            while (cursor is not null && pages < 100);

            Assert.Equal(36, pages);
            Assert.Equal(250, seen.Distinct().Count());
            Assert.True(expected.SequenceEqual(seen), $"sort={sort}: the pages are not in the expected order");
        }
    }

    [Fact]
    public async Task ListDefaultsToNumberOrderAndFiftyTasksAPage()
    {
        var user = await api.CreateUserAsync();
        for (var i = 1; i <= 51; i++)
        {
            await user.CreateTaskAsync($"task {i}");
        }

        var first = await user.ListAsync();
        var second = await user.ListAsync($"?cursor={first.NextCursor}");

        Assert.Equal(Enumerable.Range(1, 50), first.Items.Select(t => t.Number));
        Assert.NotNull(first.NextCursor);
        Assert.Equal([51], second.Items.Select(t => t.Number));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task LimitAcceptsItsBoundariesOneAndHundred()
    {
        var user = await api.CreateUserAsync();
        for (var i = 1; i <= 3; i++)
        {
            await user.CreateTaskAsync($"task {i}");
        }

        var one = await user.ListAsync("?limit=1");
        var hundred = await user.ListAsync("?limit=100");

        Assert.Equal([1], one.Items.Select(t => t.Number));
        Assert.NotNull(one.NextCursor);
        Assert.Equal([1, 2, 3], hundred.Items.Select(t => t.Number));
        Assert.Null(hundred.NextCursor);
    }

    [Fact]
    public async Task AnEmptyListHasNoItemsAndNoNextCursor()
    {
        var user = await api.CreateUserAsync();

        var list = await user.ListAsync();

        Assert.Empty(list.Items);
        Assert.Null(list.NextCursor);
    }

    [Theory]
    [InlineData("?status=done", "status")]
    [InlineData("?status=PENDING", "status")]
    [InlineData("?status=", "status")]
    [InlineData("?sort=-priority", "sort")]
    [InlineData("?sort=-title", "sort")]
    [InlineData("?sort=created_at,title", "sort")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?limit=-1", "limit")]
    [InlineData("?cursor=not-a-cursor", "cursor")]
    [InlineData("?cursor=AAAAAAAAAAAAAAAAAAAAAAAA", "cursor")]
    [InlineData("?q=%00", "q")]
    [InlineData("?q=tab%09inside", "q")]
    public async Task InvalidListParametersAreA400NamingTheParameter(string query, string parameter)
    {
        var user = await api.CreateUserAsync();

        await AssertValidationProblemAsync(await user.Client.GetAsync("/api/tasks" + query), parameter);
    }

    [Fact]
    public async Task ALimitThatIsNotANumberIsA400()
    {
        var user = await api.CreateUserAsync();

        await AssertProblemAsync(await user.Client.GetAsync("/api/tasks?limit=ten"), 400);
    }

    [Fact]
    public async Task ACursorOnlyWorksWithTheSortItCameFromAndUnaltered()
    {
        var user = await api.CreateUserAsync();
        for (var i = 1; i <= 3; i++)
        {
            await user.CreateTaskAsync($"task {i}");
        }

        var cursor = (await user.ListAsync("?sort=title&limit=1")).NextCursor!;

        Assert.Single((await user.ListAsync($"?sort=title&limit=1&cursor={cursor}")).Items);
        await AssertValidationProblemAsync(await user.Client.GetAsync($"/api/tasks?sort=number&cursor={cursor}"), "cursor");
        await AssertValidationProblemAsync(await user.Client.GetAsync($"/api/tasks?cursor={cursor}"), "cursor");
        for (var position = 0; position < cursor.Length; position++)
        {
            var tampered = cursor[..position] + (cursor[position] == 'A' ? 'B' : 'A') + cursor[(position + 1)..];
            await AssertValidationProblemAsync(await user.Client.GetAsync($"/api/tasks?sort=title&cursor={tampered}"), "cursor");
        }

        await AssertValidationProblemAsync(await user.Client.GetAsync($"/api/tasks?sort=title&cursor={cursor[..^2]}"), "cursor");
    }

    [Fact]
    public async Task AnotherUsersCursorOnlyPagesThroughMyOwnTasks()
    {
        var owner = await api.CreateUserAsync();
        var other = await api.CreateUserAsync();
        await owner.CreateTaskAsync("owner 1");
        await owner.CreateTaskAsync("owner 2");
        await other.CreateTaskAsync("other 1");
        await other.CreateTaskAsync("other 2");

        var cursor = (await owner.ListAsync("?limit=1")).NextCursor;
        var page = await other.ListAsync($"?limit=1&cursor={cursor}");

        Assert.Equal(["other 2"], page.Items.Select(t => t.Title));
    }

    [Fact]
    public async Task StatusFiltersPendingAndCompletedTasks()
    {
        var user = await api.CreateUserAsync();
        var pending = await user.CreateTaskAsync("pending");
        var done = await user.CreateTaskAsync("done");
        Assert.Equal(HttpStatusCode.OK, (await user.Client.PatchAsync($"/api/tasks/{done.Id}/complete", null)).StatusCode);

        Assert.Equal([pending.Id], (await user.ListAsync("?status=pending")).Items.Select(t => t.Id));
        Assert.Equal([done.Id], (await user.ListAsync("?status=completed")).Items.Select(t => t.Id));
        Assert.Equal([pending.Id, done.Id], (await user.ListAsync("?status=all")).Items.Select(t => t.Id));
        Assert.Equal([pending.Id, done.Id], (await user.ListAsync()).Items.Select(t => t.Id));
    }

    [Fact]
    public async Task SearchFindsASubstringOfTitleOrDescriptionIgnoringCase()
    {
        var user = await api.CreateUserAsync();
        var title = await user.CreateTaskAsync("Buy MILK");
        var description = await user.CreateTaskAsync("Groceries", "oat milk and bread");
        await user.CreateTaskAsync("Call mum", "about the weekend");

        Assert.Equal([title.Id, description.Id], (await user.ListAsync("?q=milk")).Items.Select(t => t.Id));
        Assert.Equal([title.Id, description.Id], (await user.ListAsync("?q=mIlK")).Items.Select(t => t.Id));
        Assert.Equal([description.Id], (await user.ListAsync("?q=AND%20BREAD")).Items.Select(t => t.Id));
        Assert.Equal([title.Id], (await user.ListAsync("?q=%20buy%20&status=pending")).Items.Select(t => t.Id));
        Assert.Empty((await user.ListAsync("?q=cheese")).Items);
        Assert.Equal(3, (await user.ListAsync("?q=")).Items.Count);
    }

    [Theory]
    [InlineData("%", "50% off")]
    [InlineData("_", "snake_case")]
    [InlineData("\\", "back\\slash")]
    [InlineData("[a]", "list [a]")]
    [InlineData("Äpf", "Äpfel kaufen")]
    public async Task SearchTreatsWildcardsAndOtherCharactersLiterally(string q, string matchingTitle)
    {
        var user = await api.CreateUserAsync();
        var match = await user.CreateTaskAsync(matchingTitle);
        foreach (var decoy in new[] { "50 off", "snakecase", "backslash", "list a", "plain", "Apfel" })
        {
            await user.CreateTaskAsync(decoy);
        }

        var found = await user.ListAsync("?q=" + Uri.EscapeDataString(q));

        Assert.Equal([match.Id], found.Items.Select(t => t.Id));
    }

    [Fact]
    public async Task FiltersAndPagingCombine()
    {
        var user = await api.CreateUserAsync();
        var expected = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            var task = await user.CreateTaskAsync(i % 2 == 0 ? $"Report {i}" : $"other {i}");
            if (i % 2 == 0 && i % 4 != 0)
            {
                expected.Add(task.Id);
            }
            else if (i % 4 == 0)
            {
                await user.Client.PatchAsync($"/api/tasks/{task.Id}/complete", null);
            }
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await user.ListAsync("?q=report&status=pending&sort=-created_at&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.Items.Select(t => t.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(expected), seen);
    }

    private static List<Guid> Expected(List<TaskItem> tasks, string sort) => (sort switch
    {
        "created_at" => tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.Number),
        "-created_at" => tasks.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Number),
        "title" => tasks.OrderBy(t => t.Title, StringComparer.Ordinal).ThenBy(t => t.Number),
        "updated_at" => tasks.OrderBy(t => t.UpdatedAt).ThenBy(t => t.Number),
        "-updated_at" => tasks.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Number),
        "priority" => tasks.OrderByDescending(t => t.Priority).ThenBy(t => t.Number),
        // due: no task has a due date yet, so every task ties and the number decides.
        _ => tasks.OrderBy(t => t.Number),
    }).Select(t => t.Id).ToList();
}

public sealed class SqliteTaskListTests(SqliteApi api) : TaskListTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresTaskListTests(PostgresApi api) : TaskListTests(api), IClassFixture<PostgresApi>;
