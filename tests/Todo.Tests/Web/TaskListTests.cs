using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Components.Workspace;
using Todo.Server.Data;
using Todo.Server.Tasks;

namespace Todo.Tests.Web;

public sealed class TaskListTests : ComponentTestContext
{
    [Fact]
    public async Task AnAddedTaskShowsAtOnceWithItsNumberAndACheckboxNamedByItsTitle()
    {
        var list = RenderList();

        await list.Find("#new-task").InputAsync("Buy milk");
        await list.Find("#new-task-description").InputAsync("Two litres");
        await list.Find("form.add-task").SubmitAsync();

        list.WaitForAssertion(() =>
        {
            var row = Assert.Single(list.FindAll("li.task"));
            Assert.Equal("Buy milk", AccessibleNameOf(list, row.QuerySelector("input[type=checkbox]")!));
            Assert.Equal("#1", row.QuerySelector(".task-number")!.TextContent);
            Assert.Equal("Two litres", row.QuerySelector(".task-description")!.TextContent);
        });
        Assert.Equal("", list.Find("#new-task").GetAttribute("value") ?? "");
        var stored = Assert.Single(await StoredTasksAsync());
        Assert.Equal(("Buy milk", "Two litres", 1), (stored.Title, stored.Description, stored.Number));
    }

    [Fact]
    public async Task TickingATaskCompletesItAndTheFiltersShowEachSide()
    {
        await AddAsync("Buy milk");
        var bank = await AddAsync("Call the bank");
        var list = RenderList();
        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("li.task").Count));

        await TickAsync(list, "Call the bank", true);

        await WaitForStoredAsync(async () => (await StoredTaskAsync(bank.Id)).IsCompleted);
        list.WaitForAssertion(() => Assert.True(CheckboxOf(list, "Call the bank").HasAttribute("checked")));
        await RadioAsync(list, "Pending");
        list.WaitForAssertion(() => Assert.Equal(["Buy milk"], Titles(list)));
        await RadioAsync(list, "Completed");
        list.WaitForAssertion(() => Assert.Equal(["Call the bank"], Titles(list)));

        await TickAsync(list, "Call the bank", false);

        await WaitForStoredAsync(async () => !(await StoredTaskAsync(bank.Id)).IsCompleted);
        list.WaitForAssertion(() => Assert.Empty(Titles(list)));
        Assert.Contains("No tasks match.", list.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchNarrowsTheListAsYouType()
    {
        await AddAsync("Buy milk");
        await AddAsync("Call the bank");
        var list = RenderList();
        list.WaitForAssertion(() => Assert.Equal(2, Titles(list).Count));

        await list.Find("#task-search").InputAsync("BAN");

        list.WaitForAssertion(() => Assert.Equal(["Call the bank"], Titles(list)));
    }

    [Fact]
    public async Task EditingInPlaceSavesTheNewTextAndEscapeLeavesItAsItWas()
    {
        var task = await AddAsync("Buy milk");
        var list = RenderList();
        list.WaitForAssertion(() => Assert.Single(Titles(list)));

        await list.Find("li.task button.secondary").ClickAsync(new());
        await list.Find("#edit-title").InputAsync("Buy oat milk");
        await list.Find("#edit-description").InputAsync("The barista one");
        await list.Find("form.edit-task").SubmitAsync();

        list.WaitForAssertion(() => Assert.Equal(["Buy oat milk"], Titles(list)));
        var stored = await StoredTaskAsync(task.Id);
        Assert.Equal(("Buy oat milk", "The barista one"), (stored.Title, stored.Description));

        await list.InvokeAsync(() => list.Find("li.task button.secondary").ClickAsync(new()));
        await list.Find("#edit-title").InputAsync("Something else");
        await list.Find("form.edit-task").KeyDownAsync(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });

        list.WaitForAssertion(() => Assert.Equal(["Buy oat milk"], Titles(list)));
        Assert.Equal("Buy oat milk", (await StoredTaskAsync(task.Id)).Title);
    }

    [Fact]
    public async Task DeletingATaskRemovesIt()
    {
        await AddAsync("Buy milk");
        await AddAsync("Call the bank");
        var list = RenderList();
        list.WaitForAssertion(() => Assert.Equal(2, Titles(list).Count));

        var row = list.FindAll("li.task").Single(r => r.TextContent.Contains("Buy milk", StringComparison.Ordinal));
        await row.QuerySelector("button.danger")!.ClickAsync(new());

        list.WaitForAssertion(() => Assert.Equal(["Call the bank"], Titles(list)));
        Assert.Equal(["Call the bank"], (await StoredTasksAsync()).Select(t => t.Title));
    }

    [Fact]
    public async Task AnInvalidTitleIsExplainedNextToTheFieldAndWhatWasTypedIsKept()
    {
        var list = RenderList();
        var tooLong = new string('x', Limits.TaskTitleMaxLength + 1);

        await list.Find("#new-task").InputAsync(tooLong);
        await list.Find("form.add-task").SubmitAsync();

        list.WaitForAssertion(() => Assert.Equal("The title is 101 characters long; the limit is 100.", list.Find("#new-task-error").TextContent));
        Assert.Equal("true", list.Find("#new-task").GetAttribute("aria-invalid"));
        Assert.Contains("new-task-error", list.Find("#new-task").GetAttribute("aria-describedby")!.Split(' '));
        Assert.Equal(tooLong, list.Find("#new-task").GetAttribute("value"));
        Assert.Empty(await StoredTasksAsync());
    }

    [Fact]
    public async Task AFailedRequestShowsAPlainMessageAndKeepsWhatWasTyped()
    {
        var list = RenderList();
        list.WaitForAssertion(() => Assert.Contains("No tasks yet.", list.Markup, StringComparison.Ordinal));
        await DropTableAsync("tasks");

        await list.Find("#new-task").InputAsync("Buy milk");
        await list.Find("form.add-task").SubmitAsync();

        list.WaitForAssertion(() => Assert.StartsWith("Couldn't add the task.", list.Find("#new-task-error").TextContent, StringComparison.Ordinal));
        Assert.Contains("What you typed is kept.", list.Find("#new-task-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("Buy milk", list.Find("#new-task").GetAttribute("value"));
    }

    [Fact]
    public async Task AnotherUsersTasksAreNeverShown()
    {
        var other = await CreateUserAsync();
        await WithAsync<TaskService, TaskItem>(tasks => tasks.CreateAsync(other, "Someone else's secret"));
        await AddAsync("Mine");

        var list = RenderList();

        list.WaitForAssertion(() => Assert.Equal(["Mine"], Titles(list)));
        Assert.DoesNotContain("secret", list.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReloadShowsWhatChangedElsewhereSuchAsTheAssistantsWork()
    {
        var list = RenderList();
        list.WaitForAssertion(() => Assert.Contains("No tasks yet.", list.Markup, StringComparison.Ordinal));
        await AddAsync("Call the bank");

        await list.InvokeAsync(list.Instance.ReloadAsync);

        list.WaitForAssertion(() => Assert.Equal(["Call the bank"], Titles(list)));
    }

    [Fact]
    public void WhatWasTypedBeforeAReloadComesBack()
    {
        JSInterop.Setup<string?>("todo.drafts.read", "new-task").SetResult("Buy milk");
        JSInterop.Setup<string?>("todo.drafts.read", "new-task-description").SetResult("Two litres");

        var list = RenderList();

        list.WaitForAssertion(() => Assert.Equal("Buy milk", list.Find("#new-task").GetAttribute("value")));
        Assert.Equal("Two litres", list.Find("#new-task-description").GetAttribute("value"));
        Assert.Equal("new-task", list.Find("#new-task").GetAttribute("data-draft"));
    }

    private IRenderedComponent<TaskList> RenderList() => Render<TaskList>(parameters => parameters.Add(p => p.UserId, UserId));

    private async Task<TaskItem> AddAsync(string title) =>
        await WithAsync<TaskService, TaskItem>(tasks => tasks.CreateAsync(UserId, title));

    private Task<List<TaskItem>> StoredTasksAsync() =>
        WithAsync<TodoDbContext, List<TaskItem>>(db => db.Tasks.AsNoTracking().Where(t => t.UserId == UserId).OrderBy(t => t.Number).ToListAsync());

    private async Task<TaskItem> StoredTaskAsync(Guid id) => (await StoredTasksAsync()).Single(t => t.Id == id);

    private static async Task WaitForStoredAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100 && !await condition(); attempt++)
        {
            await Task.Delay(20);
        }

        Assert.True(await condition(), "the change was not stored");
    }

    /// <summary>Finds and changes in one dispatcher turn, so a live re-render cannot slip between them.</summary>
    private static Task RadioAsync(IRenderedComponent<TaskList> list, string label) =>
        list.InvokeAsync(() =>
            list.FindAll(".filter label").Single(l => l.TextContent.Trim() == label).QuerySelector("input")!.ChangeAsync(true));

    private static Task TickAsync(IRenderedComponent<TaskList> list, string title, bool ticked) =>
        list.InvokeAsync(() => CheckboxOf(list, title).ChangeAsync(ticked));

    private static List<string> Titles(IRenderedComponent<TaskList> list) =>
        [.. list.FindAll("li.task input[type=checkbox]").Select(checkbox => AccessibleNameOf(list, checkbox))];

    private static IElement CheckboxOf(IRenderedComponent<TaskList> list, string title) =>
        list.FindAll("li.task input[type=checkbox]").Single(checkbox => AccessibleNameOf(list, checkbox) == title);

    /// <summary>The checkbox's accessible name: the text of the element its aria-labelledby names.</summary>
    private static string AccessibleNameOf(IRenderedComponent<TaskList> list, IElement checkbox) =>
        list.Find("#" + checkbox.GetAttribute("aria-labelledby")).TextContent;
}
