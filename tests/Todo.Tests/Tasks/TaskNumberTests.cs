using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Accounts;
using Todo.Server.Tasks;
using Todo.Server.Text;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Tasks.TaskTestSupport;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Tasks;

/// <summary>Per-user task numbers, and TaskService as the assistant and MCP will call it (by number), on each provider.</summary>
public abstract class TaskNumberTests(ApiFixture api)
{
    [Fact]
    public async Task TwentyConcurrentCreatesGetTheNumbersOneToTwentyExactly()
    {
        var user = await api.CreateUserAsync();

        var responses = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            user.Client.PostAsJsonAsync("/api/tasks", new { title = $"concurrent {i}" }, Json)));

        foreach (var response in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, await DescribeAsync(response));
        }

        var numbers = (await Task.WhenAll(responses.Select(ReadTaskAsync))).Select(t => t.Number).Order();
        Assert.Equal(Enumerable.Range(1, 20), numbers);
        Assert.Equal(Enumerable.Range(1, 20), (await api.StoredTasksAsync(user.Id)).Select(t => t.Number));
        Assert.Equal(20, await api.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TaskNumberSeq).SingleAsync()));
    }

    [Fact]
    public async Task NumbersAreNotReusedAfterDeletes()
    {
        var user = await api.CreateUserAsync();
        await user.CreateTaskAsync("one");
        var two = await user.CreateTaskAsync("two");
        var three = await user.CreateTaskAsync("three");

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/tasks/{three.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/tasks/{two.Id}")).StatusCode);
        var four = await user.CreateTaskAsync("four");

        Assert.Equal(4, four.Number);
        Assert.Equal([1, 4], (await user.ListAsync()).Items.Select(t => t.Number));
    }

    [Fact]
    public async Task EachUserCountsFromOne()
    {
        var first = await api.CreateUserAsync();
        var second = await api.CreateUserAsync();

        await first.CreateTaskAsync("a");
        await first.CreateTaskAsync("b");
        var theirs = await second.CreateTaskAsync("c");

        Assert.Equal(1, theirs.Number);
    }

    [Fact]
    public async Task ServiceFindsCompletesAndDeletesATaskByItsNumber()
    {
        var user = await api.CreateUserAsync();
        await user.CreateTaskAsync("first");
        var second = await user.CreateTaskAsync("second");

        var found = await WithServiceAsync(tasks => tasks.GetByNumberAsync(user.Id, 2));
        var completed = await WithServiceAsync(tasks => tasks.SetCompletedAsync(user.Id, TaskKey.ByNumber(2), true));
        var completedAgain = await WithServiceAsync(tasks => tasks.SetCompletedAsync(user.Id, TaskKey.ByNumber(2), true));
        var reopened = await WithServiceAsync(tasks => tasks.SetCompletedAsync(user.Id, TaskKey.ByNumber(2), false));
        var deleted = await WithServiceAsync(tasks => tasks.DeleteAsync(user.Id, TaskKey.ByNumber(2)));

        Assert.Equal(second.Id, found?.Id);
        Assert.True(completed!.IsCompleted);
        Assert.NotNull(completed.CompletedAt);
        Assert.Equal((completed.CompletedAt, completed.UpdatedAt), (completedAgain!.CompletedAt, completedAgain.UpdatedAt));
        Assert.False(reopened!.IsCompleted);
        Assert.Null(reopened.CompletedAt);
        Assert.Equal(second.Id, deleted?.Id);
        Assert.Equal(["first"], (await user.ListAsync()).Items.Select(t => t.Title));
    }

    [Fact]
    public async Task ServiceNeverActsOnAnotherUsersTaskByNumber()
    {
        var owner = await api.CreateUserAsync();
        var intruder = await api.CreateUserAsync();
        var task = await owner.CreateTaskAsync("owner's");

        Assert.Null(await WithServiceAsync(tasks => tasks.GetByNumberAsync(intruder.Id, 1)));
        Assert.Null(await WithServiceAsync(tasks => tasks.ToggleCompletedAsync(intruder.Id, TaskKey.ByNumber(1))));
        Assert.Null(await WithServiceAsync(tasks => tasks.UpdateAsync(intruder.Id, TaskKey.ByNumber(1), new TaskChanges { Title = "stolen" })));
        Assert.Null(await WithServiceAsync(tasks => tasks.DeleteAsync(intruder.Id, TaskKey.ById(task.Id))));

        Assert.Equal(task, await owner.GetTaskAsync(task.Id));
    }

    [Fact]
    public async Task ServiceRejectsInvalidTextFromAnyCaller()
    {
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("valid");

        var blank = await Assert.ThrowsAsync<InvalidTextException>(() => WithServiceAsync(tasks => tasks.CreateAsync(user.Id, "   ")));
        var longDescription = await Assert.ThrowsAsync<InvalidTextException>(() =>
            WithServiceAsync(tasks => tasks.UpdateAsync(user.Id, TaskKey.ById(task.Id), new TaskChanges { Description = new string('x', 1001) })));
        var nul = await Assert.ThrowsAsync<InvalidTextException>(() =>
            WithServiceAsync(tasks => tasks.ReplaceAsync(user.Id, TaskKey.ById(task.Id), "a\0b", null)));

        Assert.Equal(("title", "description", "title"), (blank.Field, longDescription.Field, nul.Field));
        Assert.Equal(task, await user.GetTaskAsync(task.Id));
    }

    [Fact]
    public async Task ServiceCreatesNothingForAUserThatDoesNotExist()
    {
        var userId = Guid.NewGuid();

        var gone = await Assert.ThrowsAsync<AccountGoneException>(() => WithServiceAsync(tasks => tasks.CreateAsync(userId, "orphan")));

        Assert.Equal(userId, gone.UserId);
        Assert.False(await api.WithDbAsync(db => db.Tasks.AnyAsync(t => t.Title == "orphan")));
    }

    private Task<T> WithServiceAsync<T>(Func<TaskService, Task<T>> action) =>
        api.WithDbAsync(db => action(new TaskService(db, TimeProvider.System)));
}

public sealed class SqliteTaskNumberTests(SqliteApi api) : TaskNumberTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresTaskNumberTests(PostgresApi api) : TaskNumberTests(api), IClassFixture<PostgresApi>;
