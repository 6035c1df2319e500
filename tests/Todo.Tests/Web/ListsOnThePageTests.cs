using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Components.Workspace;
using Todo.Server.Data;
using Todo.Server.Lists;
using Todo.Server.Tasks;
using Todo.Server.Tasks.Filters;
using Todo.Server.Tasks.QuickAdd;

namespace Todo.Tests.Web;

/// <summary>The lists beside the tasks, and each task's list, labels and priority, on the page.</summary>
public sealed class ListsOnThePageTests : ComponentTestContext
{
    [Fact]
    public async Task TheInboxComesFirstThenTheListsByNameEachWithItsPendingCount()
    {
        var work = await CreateListAsync("work");
        var groceries = await CreateListAsync("Groceries");
        await AddAsync("Buy milk", groceries.Id);
        await AddAsync("Buy bread", groceries.Id);
        var done = await AddAsync("Buy jam", groceries.Id);
        await WithAsync<TaskService, TaskItem?>(tasks => tasks.SetCompletedAsync(UserId, TaskKey.ById(done.Id), true));
        await AddAsync("Call the bank");

        var page = RenderList();

        page.WaitForAssertion(() => Assert.Equal(
            ["All tasks 3 pending", "Inbox 1 pending", "Groceries 2 pending", "work 0 pending"],
            NavEntries(page)));
        Assert.Equal("page", Link(page, "All tasks").GetAttribute("aria-current"));
        Assert.Equal($"/?list={work.Id}", Link(page, "work").GetAttribute("href"));
    }

    [Fact]
    public async Task ChoosingAListShowsOnlyItsTasksWithoutTheListNameAndPutsItInTheAddress()
    {
        var groceries = await CreateListAsync("Groceries");
        await AddAsync("Buy milk", groceries.Id);
        await AddAsync("Call the bank");
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Equal(["Buy milk", "Call the bank"], Titles(page)));
        Assert.Equal(["Groceries", "Inbox"], page.FindAll(".task-list-name").Select(n => n.TextContent.Replace("List: ", "", StringComparison.Ordinal)));

        await Link(page, "Groceries").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(["Buy milk"], Titles(page)));
        Assert.Equal("Groceries", page.Find("#tasks-heading").TextContent);
        Assert.Equal("page", Link(page, "Groceries").GetAttribute("aria-current"));
        Assert.Empty(page.FindAll(".task-list-name"));
        var (parts, newEntry) = LastAddressChange();
        Assert.Equal(groceries.Id.ToString(), parts["list"]);
        Assert.True(newEntry, "choosing a list is not a history entry, so Back would not return to the previous one");
        Assert.Equal("Showing Groceries.", page.Find("[role=status]").TextContent);
    }

    [Fact]
    public async Task TheListInTheAddressIsShownAtOnceAndBackShowsTheOneBefore()
    {
        var groceries = await CreateListAsync("Groceries");
        await AddAsync("Buy milk", groceries.Id);
        await AddAsync("Call the bank");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/?list={groceries.Id}");

        var page = RenderList();

        page.WaitForAssertion(() => Assert.Equal(["Buy milk"], Titles(page)));
        Assert.Equal("Groceries", page.Find("#tasks-heading").TextContent);

        await page.InvokeAsync(() => page.Instance.ShowAddressAsync(""));

        page.WaitForAssertion(() => Assert.Equal(["Buy milk", "Call the bank"], Titles(page)));
        Assert.Equal("All tasks", page.Find("#tasks-heading").TextContent);

        await page.InvokeAsync(() => page.Instance.ShowAddressAsync($"?list={groceries.Id}&filter=priority%3Aurgent"));

        page.WaitForAssertion(() => Assert.Equal("Groceries", page.Find("#tasks-heading").TextContent));
        Assert.Equal(["Buy milk"], Titles(page));
        Assert.NotEmpty(page.Find("#task-filter-error").TextContent);
        Assert.Equal("priority:urgent", page.Find("#task-filter-expression").GetAttribute("value"));
    }

    [Fact]
    public async Task AListThatNoLongerExistsInTheAddressShowsAllTasksAndSaysSo()
    {
        await AddAsync("Call the bank");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/?list={Guid.NewGuid()}");

        var page = RenderList();

        page.WaitForAssertion(() => Assert.Equal(["Call the bank"], Titles(page)));
        Assert.Equal("That list no longer exists; showing all tasks.", page.Find(".list-header .error").TextContent);
        Assert.Null(LastAddressChange().Parts["list"]);
    }

    [Fact]
    public async Task AnAddedListShowsInTheNavigationAndADuplicateIsExplainedNextToTheField()
    {
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Equal(["All tasks 0 pending", "Inbox 0 pending"], NavEntries(page)));

        await page.Find("#new-list").InputAsync("Groceries");
        await page.Find("form.new-list").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("Groceries 0 pending", NavEntries(page)));
        Assert.Equal("", page.Find("#new-list").GetAttribute("value"));
        Assert.Equal("Added the list “Groceries”.", page.Find("[role=status]").TextContent);

        await page.Find("#new-list").InputAsync("GROCERIES");
        await page.Find("form.new-list").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("You already have a list named “GROCERIES”.", page.Find("#new-list-error").TextContent));
        Assert.Equal("true", page.Find("#new-list").GetAttribute("aria-invalid"));
        Assert.Equal("new-list-error", page.Find("#new-list").GetAttribute("aria-describedby"));
        Assert.Equal("GROCERIES", page.Find("#new-list").GetAttribute("value"));
        Assert.Single(await StoredListsAsync(), l => l.Name == "Groceries");
    }

    [Fact]
    public async Task ATooLongListNameIsExplainedNextToTheField()
    {
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Equal(2, NavEntries(page).Count));

        await page.Find("#new-list").InputAsync(new string('x', Limits.ListNameMaxLength + 1));
        await page.Find("form.new-list").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("The list name is 101 characters long; the limit is 100.", page.Find("#new-list-error").TextContent));
        Assert.Single(await StoredListsAsync());
    }

    [Fact]
    public async Task TheInboxCanBeNeitherRenamedNorDeleted()
    {
        var inbox = await WithAsync<TaskService, Guid?>(tasks => tasks.InboxIdAsync(UserId));
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/?list={inbox}");

        var page = RenderList();

        page.WaitForAssertion(() => Assert.Equal("Inbox", page.Find("#tasks-heading").TextContent));
        Assert.Empty(page.FindAll("#rename-list"));
        Assert.Empty(page.FindAll("#delete-list"));
    }

    [Fact]
    public async Task RenamingAListSavesTheNameAndADuplicateIsExplainedNextToTheField()
    {
        var groceries = await CreateListAsync("Groceries");
        await CreateListAsync("Work");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/?list={groceries.Id}");
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Equal("Groceries", page.Find("#tasks-heading").TextContent));

        await page.Find("#rename-list").ClickAsync(new());
        await page.Find("#list-name").InputAsync("work");
        await page.Find("form.rename-list").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("You already have a list named “work”.", page.Find("#list-name-error").TextContent));
        Assert.Equal("true", page.Find("#list-name").GetAttribute("aria-invalid"));
        Assert.Equal("list-name-error", page.Find("#list-name").GetAttribute("aria-describedby"));

        await page.Find("#list-name").InputAsync("Shopping");
        await page.Find("form.rename-list").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("Shopping", page.Find("#tasks-heading").TextContent));
        Assert.Contains("Shopping 0 pending", NavEntries(page));
        Assert.Empty(page.FindAll("#list-name"));
        Assert.Equal("Shopping", (await StoredListsAsync()).Single(l => l.Id == groceries.Id).Name);
    }

    [Fact]
    public async Task DeletingAListWithTasksAsksAndCanMoveThemToTheInbox()
    {
        var groceries = await CreateListAsync("Groceries");
        var milk = await AddAsync("Buy milk", groceries.Id);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/?list={groceries.Id}");
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Equal(["Buy milk"], Titles(page)));

        await page.Find("#delete-list").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(
            "Delete the list “Groceries”? It has 1 task. Move it to the Inbox, or delete it with the list?",
            page.Find("#confirm-delete-list").TextContent));
        Assert.Single(await StoredListsAsync(), l => l.Id == groceries.Id);

        await Button(page, "Move it to the Inbox and delete the list").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Inbox", page.Find("#tasks-heading").TextContent));
        Assert.Equal(["Buy milk"], Titles(page));
        Assert.DoesNotContain(NavEntries(page), e => e.StartsWith("Groceries", StringComparison.Ordinal));
        Assert.Equal("Deleted the list “Groceries”; its tasks are in the Inbox.", page.Find("[role=status]").TextContent);
        Assert.DoesNotContain(await StoredListsAsync(), l => l.Id == groceries.Id);
        var inbox = (await StoredListsAsync()).Single(l => l.IsInbox);
        Assert.Equal(inbox.Id, (await StoredTasksAsync()).Single(t => t.Id == milk.Id).ListId);
    }

    [Fact]
    public async Task DeletingAListWithTasksCanDeleteThemAndKeepingItChangesNothing()
    {
        var groceries = await CreateListAsync("Groceries");
        await AddAsync("Buy milk", groceries.Id);
        await AddAsync("Buy bread", groceries.Id);
        await AddAsync("Call the bank");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/?list={groceries.Id}");
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Equal(2, Titles(page).Count));

        await page.Find("#delete-list").ClickAsync(new());
        await Button(page, "Keep the list").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#confirm-delete-list")));
        Assert.Equal(3, (await StoredTasksAsync()).Count);

        await page.Find("#delete-list").ClickAsync(new());
        await Button(page, "Delete the list and its 2 tasks").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("All tasks", page.Find("#tasks-heading").TextContent));
        Assert.Equal(["Call the bank"], Titles(page));
        Assert.Equal(["Call the bank"], (await StoredTasksAsync()).Select(t => t.Title));
    }

    [Fact]
    public async Task ATaskAddedWhileAListIsShownGoesInThatList()
    {
        var groceries = await CreateListAsync("Groceries");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/?list={groceries.Id}");
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Equal("Groceries", page.Find("#tasks-heading").TextContent));

        await page.Find("#new-task").InputAsync("Buy milk");
        await page.Find("form.add-task").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal(["Buy milk"], Titles(page)));
        Assert.Equal(groceries.Id, Assert.Single(await StoredTasksAsync()).ListId);
        page.WaitForAssertion(() => Assert.Contains("Groceries 1 pending", NavEntries(page)));
    }

    [Fact]
    public async Task EditingATaskChangesItsListLabelsAndPriorityShownInWords()
    {
        var groceries = await CreateListAsync("Groceries");
        var milk = await AddAsync("Buy milk");
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Equal(["Buy milk"], Titles(page)));
        Assert.Empty(page.FindAll(".priority"));

        await page.Find($"#edit-{milk.Id}").ClickAsync(new());
        await page.Find("#edit-list").ChangeAsync(groceries.Id.ToString());
        await page.Find("#edit-priority").ChangeAsync(nameof(TaskPriority.High));
        await page.Find("#edit-labels").InputAsync("Errands, @home");
        await page.Find("form.edit-task").SubmitAsync();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("form.edit-task")));
        var details = page.Find($"#task-details-{milk.Id}");
        Assert.Equal("List: Groceries", details.QuerySelector(".task-list-name")!.TextContent);
        Assert.Equal("!!! High priority", details.QuerySelector(".priority")!.TextContent);
        Assert.Equal(["errands", "home"], details.QuerySelectorAll(".label").Select(l => l.TextContent));
        Assert.Equal($"task-number-{milk.Id} task-details-{milk.Id}", page.Find($"#task-{milk.Id}").GetAttribute("aria-describedby"));
        var stored = await WithAsync<TaskService, TaskItem?>(tasks => tasks.GetAsync(UserId, milk.Id));
        Assert.Equal((groceries.Id, TaskPriority.High), (stored!.ListId, stored.Priority));
        Assert.Equal(["errands", "home"], stored.LabelNames.Order());
    }

    [Fact]
    public async Task AnInvalidLabelIsExplainedNextToItsFieldAndNothingIsSaved()
    {
        var milk = await AddAsync("Buy milk");
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Equal(["Buy milk"], Titles(page)));

        await page.Find($"#edit-{milk.Id}").ClickAsync(new());
        await page.Find("#edit-title").InputAsync("Buy oat milk");
        await page.Find("#edit-labels").InputAsync("errands c++");
        await page.Find("form.edit-task").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("The label \"c++\" may hold only letters, digits, '-' and '_'; \"+\" is not allowed.", page.Find("#edit-labels-error").TextContent));
        Assert.Equal("true", page.Find("#edit-labels").GetAttribute("aria-invalid"));
        Assert.StartsWith("edit-labels-error", page.Find("#edit-labels").GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("Buy milk", (await StoredTasksAsync()).Single().Title);
    }

    [Fact]
    public async Task QuickAddShowsWhatItReadsAsYouTypeThenAddsTheTaskToTheListItNamesMakingIt()
    {
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Equal(2, NavEntries(page).Count));

        await page.Find("#new-task").InputAsync("Buy milk");
        Assert.Empty(page.FindAll("#new-task-preview"));
        await page.Find("#new-task").InputAsync("Buy milk #Groceries @errands !high");

        Assert.Equal(
            ["Title: Buy milk", "List: Groceries (new list)", "Labels: errands", "Priority: High"],
            page.FindAll("#new-task-preview .preview-part").Select(p => p.TextContent));
        Assert.Contains("new-task-preview", page.Find("#new-task").GetAttribute("aria-describedby")!.Split(' '));

        await page.Find("form.add-task").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal(["Buy milk"], Titles(page)));
        Assert.Contains("Groceries 1 pending", NavEntries(page));
        Assert.Empty(page.FindAll("#new-task-preview"));
        Assert.Equal("", page.Find("#new-task").GetAttribute("value"));
        Assert.Equal("Added task 1, “Buy milk”, to the new list “Groceries”. Undo is available.", page.Find("[role=status]").TextContent);
        var row = page.Find("li.task");
        Assert.Equal("List: Groceries", row.QuerySelector(".task-list-name")!.TextContent);
        Assert.Equal(["errands"], row.QuerySelectorAll(".label").Select(l => l.TextContent));
        Assert.Equal("!!! High priority", row.QuerySelector(".priority")!.TextContent);

        await page.Find("#new-task").InputAsync("Buy bread #groceries");
        Assert.Equal("List: groceries", page.FindAll("#new-task-preview .preview-part")[1].TextContent);
        Assert.Empty(page.FindAll("#new-task-preview .preview-problem"));

        await page.Find("#new-task").InputAsync("#groceries @errands");
        Assert.Equal("Title: none yet", page.FindAll("#new-task-preview .preview-part")[0].TextContent);
        Assert.Equal($"Not ready to add: {QuickAddParser.EmptyTitle}", page.Find("#new-task-preview .preview-problem").TextContent);
    }

    [Fact]
    public async Task QuickAddTextThatMakesNoTaskIsExplainedNextToTheFieldAndNothingIsMade()
    {
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Equal(2, NavEntries(page).Count));

        await page.Find("#new-task").InputAsync("#Groceries @errands");
        await page.Find("form.add-task").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal(QuickAddParser.EmptyTitle, page.Find("#new-task-error").TextContent));
        Assert.Equal("#Groceries @errands", page.Find("#new-task").GetAttribute("value"));
        Assert.Empty(await StoredTasksAsync());
        Assert.DoesNotContain(await StoredListsAsync(), l => l.Name == "Groceries");
    }

    [Fact]
    public async Task TheFilterNarrowsTheTasksAndABadOneIsExplainedWithItsPositionWithoutLosingThem()
    {
        var groceries = await CreateListAsync("Groceries");
        await WithAsync<TaskService, TaskItem>(tasks => tasks.CreateAsync(UserId, "Buy milk", null, new NewTaskOptions { ListId = groceries.Id, Labels = ["errands"] }));
        await AddAsync("Call the bank");
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Equal(["Buy milk", "Call the bank"], Titles(page)));

        await page.Find("#task-filter-expression").InputAsync("@errands");
        await page.Find("form.filter-box").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal(["Buy milk"], Titles(page)));
        Assert.Equal("@errands", LastAddressChange().Parts["filter"]);
        Assert.Equal("Filter applied: 1 task shown.", page.Find("[role=status]").TextContent);

        await page.Find("#task-filter-expression").InputAsync("@errands & (");
        await page.Find("form.filter-box").SubmitAsync();

        var expected = Assert.Throws<FilterException>(() => FilterParser.Parse("@errands & (")).Reason;
        Assert.Contains("position 12", expected, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Equal(expected, page.Find("#task-filter-error").TextContent));
        Assert.Equal("true", page.Find("#task-filter-expression").GetAttribute("aria-invalid"));
        Assert.StartsWith("task-filter-error", page.Find("#task-filter-expression").GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal(["Buy milk"], Titles(page));
        Assert.Equal("@errands & (", page.Find("#task-filter-expression").GetAttribute("value"));
        Assert.Equal("@errands", LastAddressChange().Parts["filter"]);

        await Button(page, "Clear filter").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(["Buy milk", "Call the bank"], Titles(page)));
        Assert.Empty(page.FindAll("#task-filter-error"));
        Assert.Null(LastAddressChange().Parts["filter"]);
    }

    [Fact]
    public async Task ABadFilterInTheAddressIsExplainedAndTheTasksStillShow()
    {
        await AddAsync("Call the bank");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?filter=priority%3Aurgent");

        var page = RenderList();

        page.WaitForAssertion(() => Assert.Equal(["Call the bank"], Titles(page)));
        Assert.NotEmpty(page.Find("#task-filter-error").TextContent);
        Assert.Equal("priority:urgent", page.Find("#task-filter-expression").GetAttribute("value"));
    }

    [Fact]
    public async Task WhenTheDatabaseFailsTheListsAndTheirChangesSaySoInPlainWords()
    {
        var groceries = await CreateListAsync("Groceries");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/?list={groceries.Id}");
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Equal("Groceries", page.Find("#tasks-heading").TextContent));
        await DropTableAsync("tasks");

        await page.Find("#delete-list").ClickAsync(new());

        page.WaitForAssertion(() => Assert.StartsWith("Couldn't delete the list.", page.Find(".list-header .error").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("#confirm-delete-list"));

        await page.InvokeAsync(page.Instance.ReloadAsync);

        page.WaitForAssertion(() => Assert.StartsWith("Couldn't load your lists.", page.Find(".list-nav .error").TextContent, StringComparison.Ordinal));
        Assert.Equal("Try again", page.Find(".list-nav .error button").TextContent);
        Assert.Equal("Groceries", page.Find("#tasks-heading").TextContent);
    }

    [Fact]
    public async Task ABadDescriptionStopsQuickAddBeforeTheListItNamesIsMade()
    {
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Equal(2, NavEntries(page).Count));

        await page.Find("#new-task").InputAsync("Buy milk #Groceries");
        await page.Find("#new-task-description").InputAsync(new string('x', Limits.TaskDescriptionMaxLength + 1));
        await page.Find("form.add-task").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal(
            "The description is 1001 characters long; the limit is 1000.", page.Find("#new-task-description-error").TextContent));
        Assert.Empty(await StoredTasksAsync());
        Assert.DoesNotContain(await StoredListsAsync(), l => l.Name == "Groceries");
    }

    [Fact]
    public async Task OnAPhoneTheListsOpenFromTheirButtonAndChoosingOneClosesThemAndReturnsTheKeyboardToIt()
    {
        await CreateListAsync("Groceries");
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Equal(3, NavEntries(page).Count));
        Assert.Equal("false", page.Find("#lists-toggle").GetAttribute("aria-expanded"));
        Assert.Equal("list-nav-body", page.Find("#lists-toggle").GetAttribute("aria-controls"));

        await page.Find("#lists-toggle").ClickAsync(new());

        Assert.Equal("true", page.Find("#lists-toggle").GetAttribute("aria-expanded"));
        Assert.Contains("open", page.Find(".list-nav").ClassList);

        await Link(page, "Groceries").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Groceries", page.Find("#tasks-heading").TextContent));
        Assert.Equal("false", page.Find("#lists-toggle").GetAttribute("aria-expanded"));
        Assert.Equal("Lists: Groceries", page.Find("#lists-toggle").TextContent.Trim());
        page.WaitForAssertion(() => Assert.Equal("lists-toggle", JSInterop.Invocations["todo.focus"][^1].Arguments[0]));

        await page.Find("#lists-toggle").ClickAsync(new());
        await page.Find(".list-nav").KeyDownAsync(new KeyboardEventArgs { Key = "Escape" });

        Assert.Equal("false", page.Find("#lists-toggle").GetAttribute("aria-expanded"));
    }

    private IRenderedComponent<TaskList> RenderList() => Render<TaskList>(parameters => parameters.Add(p => p.UserId, UserId));

    private async Task<TodoList> CreateListAsync(string name)
    {
        var (outcome, list) = await WithAsync<ListService, (ListOutcome, TodoList?)>(lists => lists.CreateAsync(UserId, name));
        Assert.Equal(ListOutcome.Done, outcome);
        return list!;
    }

    private Task<TaskItem> AddAsync(string title, Guid? listId = null) =>
        WithAsync<TaskService, TaskItem>(tasks => tasks.CreateAsync(UserId, title, null, new NewTaskOptions { ListId = listId }));

    private Task<List<TodoList>> StoredListsAsync() =>
        WithAsync<TodoDbContext, List<TodoList>>(db => db.Lists.AsNoTracking().Where(l => l.UserId == UserId).ToListAsync());

    private Task<List<TaskItem>> StoredTasksAsync() =>
        WithAsync<TodoDbContext, List<TaskItem>>(db => db.Tasks.AsNoTracking().Where(t => t.UserId == UserId).OrderBy(t => t.Number).ToListAsync());

    /// <summary>The last change the page made to its address: the parts it set, and whether it added a history entry.</summary>
    private (IReadOnlyDictionary<string, string?> Parts, bool NewEntry) LastAddressChange()
    {
        var call = JSInterop.Invocations["todo.address.set"][^1];
        return (Assert.IsAssignableFrom<IReadOnlyDictionary<string, string?>>(call.Arguments[0]), Assert.IsType<bool>(call.Arguments[1]));
    }

    /// <summary>Each entry of the lists' navigation as a screen reader reads it.</summary>
    private static List<string> NavEntries(IRenderedComponent<TaskList> page) =>
        [.. page.FindAll(".list-link").Select(link => string.Join(' ', link.TextContent.Split([' ', ',', '\n'], StringSplitOptions.RemoveEmptyEntries)))];

    private static IElement Link(IRenderedComponent<TaskList> page, string name) =>
        page.FindAll(".list-link").Single(link => link.QuerySelector(".list-name")!.TextContent == name);

    private static IElement Button(IRenderedComponent<TaskList> page, string text) =>
        page.FindAll("button").Single(b => string.Join(' ', b.TextContent.Split(' ', StringSplitOptions.RemoveEmptyEntries)) == text);

    private static List<string> Titles(IRenderedComponent<TaskList> page) =>
        [.. page.FindAll("li.task .task-title").Select(title => title.TextContent)];
}
