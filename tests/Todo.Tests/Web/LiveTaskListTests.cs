using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Components.Workspace;
using Todo.Server.Data;
using Todo.Server.Live;
using Todo.Server.Tasks;

namespace Todo.Tests.Web;

/// <summary>
/// The task list follows changes made elsewhere (here: the services in scopes of their own, as the API, MCP or another
/// tab use them) without losing an open edit form's text, and offers Undo after its own changes: Undo puts a deleted task
/// back with its number, and a refused Undo shows why.
/// </summary>
public sealed class LiveTaskListTests : ComponentTestContext
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task ATaskAddedElsewhereAppearsWithoutAnyActionOnThePage()
    {
        await AddAsync("Buy milk");
        var list = RenderList();
        list.WaitForAssertion(() => Assert.Equal(["Buy milk"], Titles(list)));

        await AddAsync("Made through the API");
        list.WaitForAssertion(() => Assert.Equal(["Buy milk", "Made through the API"], Titles(list)), Within);

        var milk = (await StoredTasksAsync()).Single(t => t.Title == "Buy milk");
        await WithAsync<TaskService, TaskItem?>(tasks => tasks.SetCompletedAsync(UserId, TaskKey.ById(milk.Id), true));
        list.WaitForAssertion(() => Assert.True(CheckboxOf(list, "Buy milk").HasAttribute("checked")), Within);
    }

    [Fact]
    public async Task AnOpenEditFormKeepsItsTextAndElementWhileOtherTasksChange()
    {
        await AddAsync("Buy milk");
        var list = RenderList();
        list.WaitForAssertion(() => Assert.Single(Titles(list)));
        await list.Find("li.task button.secondary").ClickAsync(new());
        await list.Find("#edit-title").InputAsync("Buy oat mi");

        await AddAsync("Made in another tab");

        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("li.task").Count), Within);
        Assert.Equal("Buy oat mi", list.Find("#edit-title").GetAttribute("value"));
    }

    [Fact]
    public async Task TheListListensForTheUserOnlyWhileItIsShown()
    {
        var signals = Services.GetRequiredService<LocalUserSignals>();
        var other = await CreateUserAsync();
        var list = RenderList();
        list.WaitForAssertion(() => Assert.Contains("No tasks yet", list.Markup, StringComparison.Ordinal));
        Assert.True(signals.HasListeners(UserId));
        Assert.False(signals.HasListeners(other));

        await DisposeComponentsAsync();

        Assert.False(signals.HasListeners(UserId));
    }

    [Fact]
    public async Task UndoPutsADeletedTaskBackWithItsNumber()
    {
        await AddAsync("Buy milk");
        var bank = await AddAsync("Call the bank");
        var list = RenderList();
        list.WaitForAssertion(() => Assert.Equal(2, Titles(list).Count));

        await list.FindAll("li.task button.danger")[1].ClickAsync(new());

        list.WaitForAssertion(() => Assert.Equal(["Buy milk"], Titles(list)));
        var undo = list.WaitForElement("#undo-last");
        Assert.Equal("Undo deleting “Call the bank”", undo.TextContent.Trim());
        Assert.Contains("Deleted “Call the bank”. Undo is available.", list.Find("[role=status]").TextContent, StringComparison.Ordinal);

        await list.InvokeAsync(() => list.Find("#undo-last").ClickAsync(new()));

        list.WaitForAssertion(() => Assert.Equal(["Buy milk", "Call the bank"], Titles(list)));
        Assert.Equal(bank.Number, (await StoredTasksAsync()).Single(t => t.Title == "Call the bank").Number);
        Assert.Empty(list.FindAll("#undo-last"));
        Assert.Contains("Undone: deleting “Call the bank”.", list.Find("[role=status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUndoRefusedBecauseTheTaskChangedSinceShowsWhy()
    {
        var milk = await AddAsync("Buy milk");
        var list = RenderList();
        list.WaitForAssertion(() => Assert.Single(Titles(list)));
        await list.InvokeAsync(() => CheckboxOf(list, "Buy milk").ChangeAsync(true));
        list.WaitForElement("#undo-last");

        // Reopened elsewhere, then completed again: the completion Undo would take back is no longer the task's state.
        await WithAsync<TaskService, TaskItem?>(tasks => tasks.SetCompletedAsync(UserId, TaskKey.ById(milk.Id), false));
        list.WaitForAssertion(() => Assert.False(CheckboxOf(list, "Buy milk").HasAttribute("checked")), Within);
        await WithAsync<TaskService, TaskItem?>(tasks => tasks.UpdateAsync(UserId, TaskKey.ById(milk.Id), new TaskChanges { Title = "Buy oat milk" }));
        list.WaitForAssertion(() => Assert.Equal(["Buy oat milk"], Titles(list)), Within);
        await list.InvokeAsync(() => list.Find("#undo-last").ClickAsync(new()));

        list.WaitForAssertion(() => Assert.Contains(
            "Task 1 “Buy milk” cannot be put back", list.Find(".undo-bar [role=alert]").TextContent, StringComparison.Ordinal));
        var stored = (await StoredTasksAsync()).Single();
        Assert.Equal(("Buy oat milk", false), (stored.Title, stored.IsCompleted));
    }

    [Fact]
    public async Task AnEditThatChangesNothingOffersNoUndo()
    {
        await AddAsync("Buy milk");
        var list = RenderList();
        list.WaitForAssertion(() => Assert.Single(Titles(list)));

        await list.Find("li.task button.secondary").ClickAsync(new());
        await list.Find("form.edit-task").SubmitAsync();

        list.WaitForAssertion(() => Assert.Contains("Saved “Buy milk”.", list.Find("[role=status]").TextContent, StringComparison.Ordinal));
        Assert.Empty(list.FindAll("#undo-last"));
    }

    private IRenderedComponent<TaskList> RenderList() => Render<TaskList>(parameters => parameters.Add(p => p.UserId, UserId));

    private async Task<TaskItem> AddAsync(string title) =>
        await WithAsync<TaskService, TaskItem>(tasks => tasks.CreateAsync(UserId, title));

    private Task<List<TaskItem>> StoredTasksAsync() =>
        WithAsync<TodoDbContext, List<TaskItem>>(db => db.Tasks.AsNoTracking().Where(t => t.UserId == UserId).OrderBy(t => t.Number).ToListAsync());

    private static List<string> Titles(IRenderedComponent<TaskList> list) =>
        [.. list.FindAll("li.task input[type=checkbox]").Select(checkbox => list.Find("#" + checkbox.GetAttribute("aria-labelledby")).TextContent)];

    private static IElement CheckboxOf(IRenderedComponent<TaskList> list, string title) =>
        list.FindAll("li.task input[type=checkbox]").Single(checkbox => list.Find("#" + checkbox.GetAttribute("aria-labelledby")).TextContent == title);
}
