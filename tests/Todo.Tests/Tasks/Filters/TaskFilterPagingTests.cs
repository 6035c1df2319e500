using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Tasks;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Infrastructure.ProblemAssert;
using static Todo.Tests.Tasks.TaskTestSupport;

namespace Todo.Tests.Tasks.Filters;

/// <summary>
/// Keyset paging under a filter with the priority and due sorts, where most tasks tie on the sort key: walking every page
/// gives each selected task once, in the expected total order, on each provider.
/// </summary>
public abstract class TaskFilterPagingTests(ApiFixture api)
{
    private const int TaskCount = 45;

    private static readonly string[] Priorities = ["none", "low", "medium", "high"];

    private static readonly string[] BothLabels = ["odd", "third"];

    public static TheoryData<string, string> Walks => new()
    {
        { "priority", "" },
        { "priority", "@odd | #\"Two words\"" },
        { "priority", "!p4 & pending" },
        { "due", "" },
        { "due", "@odd & !completed | p1" },
        { "due", "no date & #\"Two words\"" },
        { "number", "@odd | @third" },
    };

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task EveryPageWalkVisitsEachSelectedTaskOnceInOrder(string sort, string filter)
    {
        var (user, twoWords) = await SeedAsync();
        var stored = await api.WithDbAsync(db => db.Tasks.AsNoTracking().Include(t => t.Labels).Include(t => t.List)
            .Where(t => t.UserId == user.Id).ToListAsync());
        var selected = stored.Where(Selects(filter, twoWords)).ToList();
        var expected = (sort switch
        {
            "priority" => selected.OrderByDescending(t => t.Priority).ThenBy(t => t.Number),
            _ => selected.OrderBy(t => t.Number), // due: no task has a due date, so all tie and number decides
        }).Select(t => t.Number).ToList();
        Assert.True(expected.Count > 4, "the walk should span several pages");

        foreach (var limit in new[] { 1, 4, 7 })
        {
            var seen = new List<int>();
            string? cursor = null;
            var pages = 0;
            do
            {
                var page = await user.ListAsync($"?sort={sort}&limit={limit}&filter={Uri.EscapeDataString(filter)}"
                    + (cursor is null ? "" : $"&cursor={cursor}"));
                seen.AddRange(page.Items.Select(t => t.Number));
                cursor = page.NextCursor;
                Assert.True(++pages <= TaskCount + 1, "the walk does not end");
            }
            while (cursor is not null);

            Assert.Equal(expected, seen);
            Assert.Equal((expected.Count + limit - 1) / limit, pages);
        }
    }

    [Fact]
    public async Task ADueCursorBelongsToTheDueSort()
    {
        var user = await api.CreateUserAsync();
        for (var i = 1; i <= 3; i++)
        {
            await user.CreateTaskAsync($"task {i}");
        }

        var cursor = (await user.ListAsync("?sort=due&limit=1")).NextCursor!;

        Assert.Equal([2], (await user.ListAsync($"?sort=due&limit=1&cursor={cursor}")).Items.Select(t => t.Number));
        await AssertValidationProblemAsync(await user.Client.GetAsync($"/api/tasks?sort=number&cursor={cursor}"), "cursor");
        await AssertValidationProblemAsync(await user.Client.GetAsync($"/api/tasks?sort=priority&cursor={cursor}"), "cursor");
        var numberCursor = (await user.ListAsync("?limit=1")).NextCursor!;
        await AssertValidationProblemAsync(await user.Client.GetAsync($"/api/tasks?sort=due&cursor={numberCursor}"), "cursor");
    }

    /// <summary>
    /// 45 tasks: priorities in a pattern that is not number order (many ties), @odd on odd numbers, @third on every third,
    /// every fifth in the list "Two words", every fourth completed; another user with the same names and labels.
    /// </summary>
    private async Task<(TestUser User, Guid TwoWords)> SeedAsync()
    {
        var user = await api.CreateUserAsync();
        var other = await api.CreateUserAsync();
        var twoWords = await CreateListAsync(user, "Two words");
        var othersTwoWords = await CreateListAsync(other, "Two words");
        for (var number = 1; number <= TaskCount; number++)
        {
            var labels = new List<string>();
            if (number % 2 == 1)
            {
                labels.Add("odd");
            }

            if (number % 3 == 0)
            {
                labels.Add("third");
            }

            var response = await user.Client.PostAsJsonAsync("/api/tasks", new
            {
                title = $"task {number}",
                list_id = number % 5 == 0 ? twoWords : (Guid?)null,
                labels,
                priority = Priorities[number * 7 % 11 % 4],
            }, Json);
            var task = await ReadTaskAsync(response);
            if (number % 4 == 0)
            {
                await user.Client.PatchAsync($"/api/tasks/{task.Id}/complete", null);
            }

            if (number % 9 == 0)
            {
                await other.Client.PostAsJsonAsync("/api/tasks", new { title = "other", list_id = othersTwoWords, labels = BothLabels, priority = "high" }, Json);
            }
        }

        return (user, twoWords);
    }

    /// <summary>The filters of <see cref="Walks"/>, written as C# over the stored tasks.</summary>
    private static Func<TaskItem, bool> Selects(string filter, Guid twoWords)
    {
        bool Has(TaskItem t, string label) => t.Labels.Any(l => l.Label == label);
        return filter switch
        {
            "" => _ => true,
            "@odd | #\"Two words\"" => t => Has(t, "odd") || t.ListId == twoWords,
            "!p4 & pending" => t => t.Priority != TaskPriority.None && !t.IsCompleted,
            "@odd & !completed | p1" => t => (Has(t, "odd") && !t.IsCompleted) || t.Priority == TaskPriority.High,
            "no date & #\"Two words\"" => t => t.ListId == twoWords,
            "@odd | @third" => t => Has(t, "odd") || Has(t, "third"),
            _ => throw new ArgumentException(filter, nameof(filter)),
        };
    }

    private static async Task<Guid> CreateListAsync(TestUser user, string name)
    {
        var response = await user.Client.PostAsJsonAsync("/api/lists", new { name }, Json);
        return (await response.Content.ReadFromJsonAsync<Todo.Server.Lists.ListDto>(Json))!.Id;
    }
}

public sealed class SqliteTaskFilterPagingTests(SqliteApi api) : TaskFilterPagingTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresTaskFilterPagingTests(PostgresApi api) : TaskFilterPagingTests(api), IClassFixture<PostgresApi>;
