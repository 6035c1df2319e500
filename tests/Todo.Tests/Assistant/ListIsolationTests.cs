using Todo.Tests.Infrastructure;

namespace Todo.Tests.Assistant;

/// <summary>
/// Through chat, another user's lists and labels are neither seen nor used: a list named like theirs is the caller's
/// own (made when missing), and nothing of theirs changes.
/// </summary>
public abstract class ListIsolationTests(ApiFixture api)
{
    [Fact]
    public async Task AskingAboutAnotherUsersListFindsNoSuchList()
    {
        var owner = await AssistantSession.StartAsync(api);
        await owner.SeedAsync("Secret plan #Secret @hidden");
        var other = await AssistantSession.StartAsync(api);

        var onList = await other.SendAsync("what's on my secret list?");
        var byLabel = await other.SendAsync("what's tagged hidden?");
        var lists = await other.SendAsync("show my lists");

        Assert.Contains("don't have a list called", onList.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret plan", onList.Reply, StringComparison.Ordinal);
        Assert.Contains("no tasks tagged hidden", byLabel.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", lists.Reply, StringComparison.Ordinal);
        Assert.Equal(["Inbox"], await other.StoredListNamesAsync());
    }

    [Fact]
    public async Task NamingAnotherUsersListMakesTheCallersOwn()
    {
        var owner = await AssistantSession.StartAsync(api);
        await owner.SeedAsync("Secret plan #Secret");
        var other = await AssistantSession.StartAsync(api);

        var added = await other.SendAsync("add milk to my secret list");

        Assert.Contains("created", added.Reply, StringComparison.Ordinal);
        Assert.Equal(["Inbox", "Secret"], await other.StoredListNamesAsync());
        var mine = Assert.Single(await other.StoredTasksWithPartsAsync());
        Assert.Equal(("Milk", "Secret"), (mine.Title, mine.List!.Name));
        var theirs = Assert.Single(await owner.StoredTasksWithPartsAsync());
        Assert.Equal(("Secret plan", "Secret"), (theirs.Title, theirs.List!.Name));
        Assert.NotEqual(mine.ListId, theirs.ListId);
    }

    [Fact]
    public async Task AnotherUsersListCannotBeRenamedOrDeleted()
    {
        var owner = await AssistantSession.StartAsync(api);
        await owner.SeedAsync("Secret plan #Secret", "list:Garden");
        var other = await AssistantSession.StartAsync(api);

        var renamed = await other.SendAsync("rename the Garden list to Yard");
        var deleted = await other.SendAsync("delete the secret list");
        var moved = await other.SendAsync("move task 1 to the Secret list");

        Assert.Contains("don't have a list called", renamed.Reply, StringComparison.Ordinal);
        Assert.Contains("don't have a list called", deleted.Reply, StringComparison.Ordinal);
        Assert.Contains("task number 1", moved.Reply, StringComparison.Ordinal);
        Assert.Equal(["Garden", "Inbox", "Secret"], await owner.StoredListNamesAsync());
        Assert.Equal("Secret plan", Assert.Single(await owner.StoredTasksWithPartsAsync()).Title);
        Assert.Equal(["Inbox"], await other.StoredListNamesAsync());
    }
}

public sealed class SqliteListIsolationTests(SqliteApi api) : ListIsolationTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresListIsolationTests(PostgresApi api) : ListIsolationTests(api), IClassFixture<PostgresApi>;
