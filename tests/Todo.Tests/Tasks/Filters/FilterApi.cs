using System.Net;
using System.Net.Http.Json;
using Todo.Server.Data;
using Todo.Server.Lists;
using Todo.Server.Tasks;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Infrastructure.ProblemAssert;
using static Todo.Tests.Tasks.TaskTestSupport;

namespace Todo.Tests.Tasks.Filters;

/// <summary>
/// The tasks the filter tests run against, made once per fixture. Me: ten tasks numbered 1–10 over Inbox, "Work",
/// "Weekly shopping" and "Home", with labels, every priority, pending and completed. Other: a user whose lists and labels
/// have the same names as mine, and more ("Secret", @hidden), on tasks that would match every filter if isolation failed.
/// </summary>
public sealed record FilterWorld(TestUser Me, TestUser Other, IReadOnlyDictionary<string, Guid> MyLists, IReadOnlyDictionary<string, Guid> OtherLists)
{
    public static readonly int[] All = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    /// <summary>(title, description, list, labels, priority, completed), in number order.</summary>
    public static readonly (string Title, string? Description, string List, string[] Labels, string Priority, bool Completed)[] MyTasks =
    [
        ("Write report", "quarterly numbers", "Work", ["urgent", "office"], "high", false),
        ("Email Bob", null, "Work", ["office"], "medium", true),
        ("Buy milk", "2 litres", "Weekly shopping", ["errands"], "low", false),
        ("Buy bread", null, "Weekly shopping", ["errands", "urgent"], "none", true),
        ("Fix sink", null, "Home", [], "high", false),
        ("Call mum", "about the weekend", "Inbox", [], "none", false),
        ("Plan holiday", null, "Inbox", ["travel"], "medium", false),
        ("Pay 100% of rent_due", null, "Home", ["urgent"], "low", true),
        ("Read BOOK", null, "Inbox", ["Leisure"], "none", false),
        ("Water plants", null, "Home", [], "none", true),
    ];

    public static async Task<FilterWorld> SeedAsync(ApiFixture api)
    {
        var me = await api.CreateUserAsync();
        var other = await api.CreateUserAsync();
        var myLists = await ListsAsync(me, "Work", "Weekly shopping", "Home");
        var otherLists = await ListsAsync(other, "Work", "Weekly shopping", "Home", "Secret");

        foreach (var task in MyTasks)
        {
            await CreateAsync(me, task.Title, task.Description, myLists[task.List], task.Labels, task.Priority, task.Completed);
        }

        // The other user's tasks carry every name and label, and every title word: none may ever show up in my lists.
        foreach (var list in otherLists.Keys)
        {
            foreach (var completed in new[] { false, true })
            {
                await CreateAsync(other, "Write report Buy milk Read book 100% rent_due", "quarterly litres", otherLists[list],
                    ["urgent", "office", "errands", "travel", "leisure", "hidden"], "high", completed);
            }
        }

        return new FilterWorld(me, other, myLists, otherLists);
    }

    private static async Task<Dictionary<string, Guid>> ListsAsync(TestUser user, params string[] names)
    {
        var lists = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var response = await user.Client.PostAsJsonAsync("/api/lists", new { name }, Json);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await DescribeAsync(response));
            lists[name] = (await response.Content.ReadFromJsonAsync<ListDto>(Json))!.Id;
        }

        var all = await user.Client.GetFromJsonAsync<ListListResponse>("/api/lists", Json);
        lists[TodoList.InboxName] = all!.Items.Single(l => l.IsInbox).Id;
        return lists;
    }

    private static async Task CreateAsync(
        TestUser user, string title, string? description, Guid listId, string[] labels, string priority, bool completed)
    {
        var response = await user.Client.PostAsJsonAsync("/api/tasks", new { title, description, list_id = listId, labels, priority }, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await DescribeAsync(response));
        if (completed)
        {
            var task = await ReadTaskAsync(response);
            var done = await user.Client.PatchAsJsonAsync($"/api/tasks/{task.Id}", new { is_completed = true }, Json);
            Assert.True(done.StatusCode == HttpStatusCode.OK, await DescribeAsync(done));
        }
    }
}

/// <summary>A fixture whose answers carry X-Db-Commands, with the <see cref="FilterWorld"/> seeded on first use.</summary>
public interface IFilterApi
{
    ApiFixture Api { get; }

    Task<FilterWorld> WorldAsync();
}

internal static class FilterApiSettings
{
    public static readonly IReadOnlyDictionary<string, string?> Values = new Dictionary<string, string?>
    {
        [DbCommandCounter.Setting] = "true",
    };
}

public sealed class FilterSqliteApi : SqliteApi, IFilterApi
{
    private readonly Lazy<Task<FilterWorld>> world;

    public FilterSqliteApi() => world = new(() => FilterWorld.SeedAsync(this));

    public ApiFixture Api => this;

    protected override IReadOnlyDictionary<string, string?>? Settings => FilterApiSettings.Values;

    public Task<FilterWorld> WorldAsync() => world.Value;
}

public sealed class FilterPostgresApi : PostgresApi, IFilterApi
{
    private readonly Lazy<Task<FilterWorld>> world;

    public FilterPostgresApi(PostgresServer server)
        : base(server) => world = new(() => FilterWorld.SeedAsync(this));

    public ApiFixture Api => this;

    protected override IReadOnlyDictionary<string, string?>? Settings => FilterApiSettings.Values;

    public Task<FilterWorld> WorldAsync() => world.Value;
}
