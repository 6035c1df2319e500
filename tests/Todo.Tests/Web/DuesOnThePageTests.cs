using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Components.Workspace;
using Todo.Server.Data;
using Todo.Server.Tasks;

namespace Todo.Tests.Web;

/// <summary>
/// Dues on the page, for a user in Auckland on Wednesday 2 December 2026 at 23:00 there (10:00 UTC): each task's due in
/// words, the Today / Upcoming / Overdue views, and setting and clearing a due in words in the edit form.
/// </summary>
public sealed class DuesOnThePageTests : ComponentTestContext
{
    private const string Zone = "Pacific/Auckland";
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    public DuesOnThePageTests() => Services.AddSingleton<TimeProvider>(new FixedTime(Now));

    [Fact]
    public async Task EachTaskShowsItsDueInTheUsersZoneOverdueInWordsAndRepeatingMarkedWithItsRule()
    {
        await LiveInAucklandAsync();
        await AddAsync("Call mom", "tomorrow at 5pm");
        await AddAsync("File taxes", "2026-11-30");
        await AddAsync("Water plants", "every monday");
        await AddAsync("Read a book", null);

        var page = RenderList();

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("li.task").Count));
        Assert.Equal("Due: Tomorrow, 17:00", DueOf(page, "Call mom"));
        Assert.Equal("Due: Overdue · Mon 30 Nov", DueOf(page, "File taxes"));
        Assert.Contains("due-overdue", Row(page, "File taxes").QuerySelector(".due")!.ClassList);
        Assert.DoesNotContain("due-overdue", Row(page, "Call mom").QuerySelector(".due")!.ClassList);
        Assert.Equal("Due: Monday", DueOf(page, "Water plants"));
        Assert.Equal("Repeats every Monday", Row(page, "Water plants").QuerySelector(".due-repeats .visually-hidden")!.TextContent);
        Assert.Null(Row(page, "Call mom").QuerySelector(".due-repeats"));
        Assert.Null(Row(page, "Read a book").QuerySelector(".due"));

        // The checkbox's description names the details, due included.
        var checkbox = Row(page, "File taxes").QuerySelector("input[type=checkbox]")!;
        var details = Row(page, "File taxes").QuerySelector(".task-details")!;
        Assert.Contains(details.Id!, checkbox.GetAttribute("aria-describedby")!.Split(' '));
    }

    [Fact]
    public async Task TheDateViewsShowTodayUpcomingAndOverdueEarliestFirstAndAreInTheAddress()
    {
        await LiveInAucklandAsync();
        await AddAsync("In three days", "in 3 days");
        await AddAsync("Due today", "today");
        await AddAsync("Was due", "yesterday");
        await AddAsync("In a fortnight", "in 14 days");
        await AddAsync("Someday", null);
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Equal(5, Titles(page).Count));

        await ViewLink(page, "Today").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(["Due today"], Titles(page)));
        Assert.Equal("Today", page.Find("#tasks-heading").TextContent);
        Assert.StartsWith("Days are reckoned in your time zone, Pacific/Auckland.", page.Find(".view-zone").TextContent, StringComparison.Ordinal);
        Assert.Equal("page", ViewLink(page, "Today").GetAttribute("aria-current"));
        Assert.Null(page.FindAll(".list-link").Single(l => l.TextContent.Contains("All tasks", StringComparison.Ordinal)).GetAttribute("aria-current"));
        var (parts, newEntry) = LastAddressChange();
        Assert.Equal("today", parts["filter"]);
        Assert.Null(parts["list"]);
        Assert.True(newEntry);

        await ViewLink(page, "Upcoming").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal(["Due today", "In three days"], Titles(page)));
        Assert.Equal("next 7 days", LastAddressChange().Parts["filter"]);

        await ViewLink(page, "Overdue").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal(["Was due"], Titles(page)));
        Assert.Equal("Overdue", page.Find("#tasks-heading").TextContent);

        // All tasks leaves the view.
        await page.FindAll(".list-link").Single(l => l.TextContent.Contains("All tasks", StringComparison.Ordinal)).ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal(5, Titles(page).Count));
        Assert.Equal("All tasks", page.Find("#tasks-heading").TextContent);
        Assert.Null(LastAddressChange().Parts["filter"]);
    }

    [Fact]
    public async Task AViewInTheAddressIsShownAtOnceAndSaysWhenNothingIsDue()
    {
        await LiveInAucklandAsync();
        await AddAsync("Someday", null);
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/?filter=overdue");

        var page = RenderList();

        page.WaitForAssertion(() => Assert.Equal("Overdue", page.Find("#tasks-heading").TextContent));
        Assert.Empty(Titles(page));
        Assert.Equal("Nothing is overdue.", page.Find(".empty").TextContent);
    }

    [Fact]
    public async Task ADueIsSetInWordsShowingWhatWasReadAndWordsThatAreNoDateChangeNothing()
    {
        await LiveInAucklandAsync();
        var task = await AddAsync("Call mom", null);
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Single(Titles(page)));

        await page.Find("li.task button.secondary").ClickAsync(new());
        await page.Find("#edit-due").InputAsync("friday 5pm");

        Assert.Equal("Reads as: Friday, 4 December, 17:00.", page.Find("#edit-due-read").TextContent);
        Assert.Contains("edit-due-read", page.Find("#edit-due").GetAttribute("aria-describedby")!.Split(' '));
        await page.Find("form.edit-task").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("Due: Friday, 17:00", DueOf(page, "Call mom")));
        var stored = (await StoredAsync(task.Id)).DueIn(Zone)!;
        Assert.Equal((new DateOnly(2026, 12, 4), new TimeOnly(17, 0)), (stored.Date, stored.Time));

        await page.Find("li.task button.secondary").ClickAsync(new());
        Assert.Equal("Friday, 4 December, 17:00", page.Find("#edit-due").GetAttribute("value"));
        await page.Find("#edit-due").InputAsync("whenever suits");
        await page.Find("form.edit-task").SubmitAsync();

        page.WaitForAssertion(() => Assert.NotEmpty(page.Find("#edit-due-error").TextContent));
        Assert.Equal("true", page.Find("#edit-due").GetAttribute("aria-invalid"));
        Assert.Equal(new DateOnly(2026, 12, 4), (await StoredAsync(task.Id)).DueDate);
    }

    [Fact]
    public async Task ClearRemovesTheDueAndEndsTheRepeat()
    {
        await LiveInAucklandAsync();
        var task = await AddAsync("Water plants", "every monday");
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Single(Titles(page)));

        await page.Find("li.task button.secondary").ClickAsync(new());
        Assert.Equal("every Monday", page.Find("#edit-due").GetAttribute("value"));
        await page.FindAll("form.edit-task button").Single(b => b.TextContent == "Clear due").ClickAsync(new());
        Assert.Equal("", page.Find("#edit-due").GetAttribute("value"));
        Assert.Equal("No due date.", page.Find("#edit-due-read").TextContent);
        await page.Find("form.edit-task").SubmitAsync();

        page.WaitForAssertion(() => Assert.Null(page.Find("li.task").QuerySelector(".due")));
        var stored = await StoredAsync(task.Id);
        Assert.Null(stored.DueDate);
        Assert.Null(stored.DueRecurrence);
    }

    [Fact]
    public async Task SavingOtherFieldsLeavesARepeatingDueAsItWas()
    {
        await LiveInAucklandAsync();
        var task = await AddAsync("Water plants", "every monday at 9am");
        var before = await StoredAsync(task.Id);
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Single(Titles(page)));

        await page.Find("li.task button.secondary").ClickAsync(new());
        await page.Find("#edit-title").InputAsync("Water the plants");
        await page.Find("form.edit-task").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal(["Water the plants"], Titles(page)));
        var after = await StoredAsync(task.Id);
        Assert.Equal((before.DueDate, before.DueTime, before.DueRecurrence), (after.DueDate, after.DueTime, after.DueRecurrence));
    }

    [Fact]
    public async Task QuickAddShowsTheDateItReadsAndAddsTheTaskWithThatDueAndWithoutTheDateInItsTitle()
    {
        await LiveInAucklandAsync();
        var page = RenderList();
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".empty")));

        await page.Find("#new-task").InputAsync("Pay rent every 1st #Home");

        Assert.Equal(
            ["Title: Pay rent", "List: Home (new list)", "Due: every month on the 1st, next Friday, 1 January 2027"],
            page.FindAll("#new-task-preview .preview-part").Select(part => part.TextContent.Trim()));
        await page.Find("form.add-task").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal(["Pay rent"], Titles(page)));
        Assert.Equal("Due: Fri 1 Jan 2027", DueOf(page, "Pay rent"));
        Assert.Equal("Repeats every month on the 1st", Row(page, "Pay rent").QuerySelector(".due-repeats .visually-hidden")!.TextContent);
    }

    [Fact]
    public async Task CompletingARepeatingTaskKeepsItOpenShowsItsNextDateAndSaysSo()
    {
        await LiveInAucklandAsync();
        await AddAsync("Water plants", "every monday");
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Equal("Due: Monday", DueOf(page, "Water plants")));

        await Row(page, "Water plants").QuerySelector("input[type=checkbox]")!.ChangeAsync(true);

        page.WaitForAssertion(() => Assert.Equal("Due: Mon 14 Dec", DueOf(page, "Water plants")));
        Assert.False(Row(page, "Water plants").QuerySelector("input[type=checkbox]")!.HasAttribute("checked"));
        Assert.Equal("Completed “Water plants”; it repeats, next due Mon 14 Dec. Undo is available.", page.Find("[role=status]").TextContent);
    }

    private IRenderedComponent<TaskList> RenderList() => Render<TaskList>(parameters => parameters.Add(p => p.UserId, UserId));

    private Task LiveInAucklandAsync() => WithAsync<TodoDbContext>(db =>
        db.Users.Where(u => u.Id == UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZone, Zone)));

    private Task<TaskItem> AddAsync(string title, string? due) => WithAsync<TaskService, TaskItem>(async tasks =>
    {
        var reading = due is null ? null : await tasks.ReadDueAsync(UserId, new DueInput(due, null, null, null, false));
        return await tasks.CreateAsync(UserId, title, null, new NewTaskOptions { Due = reading });
    });

    private Task<TaskItem> StoredAsync(Guid id) =>
        WithAsync<TodoDbContext, TaskItem>(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == id));

    private (IReadOnlyDictionary<string, string?> Parts, bool NewEntry) LastAddressChange()
    {
        var call = JSInterop.Invocations["todo.address.set"][^1];
        return (Assert.IsAssignableFrom<IReadOnlyDictionary<string, string?>>(call.Arguments[0]), Assert.IsType<bool>(call.Arguments[1]));
    }

    private static IElement ViewLink(IRenderedComponent<TaskList> page, string name) =>
        page.FindAll(".view-link").Single(link => link.TextContent.Trim() == name);

    private static IElement Row(IRenderedComponent<TaskList> page, string title) =>
        page.FindAll("li.task").Single(row => row.QuerySelector(".task-title")?.TextContent == title);

    private static string DueOf(IRenderedComponent<TaskList> page, string title) =>
        Row(page, title).QuerySelector(".due")!.TextContent;

    private static List<string> Titles(IRenderedComponent<TaskList> page) =>
        [.. page.FindAll("li.task .task-title").Select(title => title.TextContent)];

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
