using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Assistant;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Assistant;

/// <summary>The tools over a real database: what they change, what they answer, and what a model sees.</summary>
public abstract class TaskToolsTests(ApiFixture api)
{
    private async Task<T> WithToolsAsync<T>(AssistantSession session, Func<TaskTools, Task<T>> action)
    {
        await using var scope = api.Factory.Services.CreateAsyncScope();
        return await action(AssistantSession.CreateTools(scope.ServiceProvider, session.UserId));
    }

    private async Task<AssistantSession> UserWithAsync(params string[] tasks)
    {
        var session = await AssistantSession.StartAsync(api);
        await session.SeedAsync(tasks);
        return session;
    }

    [Fact]
    public async Task AddTaskCreatesTheTaskWithTheNextNumber()
    {
        var session = await UserWithAsync("Existing");

        var result = await WithToolsAsync(session, tools => tools.AddTaskAsync("  Buy milk  ", "Semi-skimmed"));

        var added = Assert.IsType<TaskActionResult>(result);
        Assert.Equal("added", added.Action);
        Assert.Equal(new TaskSummary(2, "Buy milk", false, "Semi-skimmed", "Inbox"), added.Task);
        Assert.Equal(["title", "description"], added.Changed);
        var stored = await session.StoredTasksAsync();
        Assert.Equal(["Existing", "Buy milk"], stored.Select(t => t.Title));
        Assert.Equal("Semi-skimmed", stored[1].Description);
    }

    [Fact]
    public async Task AddTaskKeepsAPendingTaskOfTheSameTitleInsteadOfAddingACopy()
    {
        var session = await UserWithAsync("Milk #Shopping", "[x] Bread", "Call mom");

        var kept = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.AddTaskAsync(" MILK ", existing: "keep")));
        var keptOnList = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.AddTaskAsync("milk", list: "shopping", existing: "keep")));
        var otherList = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.AddTaskAsync("Milk", list: "Work", existing: "keep")));
        var done = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.AddTaskAsync("Bread", existing: "keep")));
        var copy = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.AddTaskAsync("Call mom")));

        Assert.Equal(("already_there", 1), (kept.Action, kept.Task.Number));
        Assert.Empty(kept.Changed);
        Assert.Equal(("already_there", 1), (keptOnList.Action, keptOnList.Task.Number));
        Assert.Equal(("added", "Work"), (otherList.Action, otherList.Task.List));
        Assert.Equal(("added", 5), (done.Action, done.Task.Number));
        Assert.Equal(("added", 6), (copy.Action, copy.Task.Number));
        Assert.Equal(["Milk", "Bread", "Call mom", "Milk", "Bread", "Call mom"], (await session.StoredTasksAsync()).Select(t => t.Title));
    }

    [Fact]
    public async Task AddTaskWithKeepGivesThePendingTaskTheDayAndPrioritySaidInsteadOfAddingACopy()
    {
        var session = await UserWithAsync("Call mom", "Pay rent ^2026-12-01", "Dentist");

        var dated = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.AddTaskAsync("call mom", due: "2026-12-03", existing: "keep")));
        var sameDay = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.AddTaskAsync("Pay rent", due: "2026-12-01", existing: "keep")));
        var anotherDay = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.AddTaskAsync("Pay rent", due: "2027-01-01", existing: "keep")));
        var urgent = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.AddTaskAsync("dentist", priority: "high", existing: "keep")));

        Assert.Equal(("updated", 1), (dated.Action, dated.Task.Number));
        Assert.Equal(["due"], dated.Changed);
        Assert.Equal(("already_there", 2), (sameDay.Action, sameDay.Task.Number));
        Assert.Equal(("added", 4), (anotherDay.Action, anotherDay.Task.Number));
        Assert.Equal(("updated", 3), (urgent.Action, urgent.Task.Number));
        Assert.Equal(["priority"], urgent.Changed);
        var stored = await session.StoredTasksWithPartsAsync();
        Assert.Equal(
            ["Call mom 2026-12-03 None", "Pay rent 2026-12-01 None", "Dentist  High", "Pay rent 2027-01-01 None"],
            stored.Select(t => FormattableString.Invariant($"{t.Title} {t.DueDate:yyyy-MM-dd} {t.Priority}")));
    }

    [Fact]
    public async Task AddTaskWithMoveMovesTheOnlyPendingTaskOfThatTitleOutOfTheInbox()
    {
        var session = await UserWithAsync("Paint the bathroom", "Milk #Shopping");

        var moved = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.AddTaskAsync("paint the bathroom", list: "Home", existing: "move")));
        var copied = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.AddTaskAsync("Milk", list: "Work", existing: "move")));

        Assert.Equal(("updated", 1, "Home"), (moved.Action, moved.Task.Number, moved.Task.List));
        Assert.True(moved.ListCreated);
        Assert.Equal(("added", 3, "Work"), (copied.Action, copied.Task.Number, copied.Task.List));
        var stored = await session.StoredTasksWithPartsAsync();
        Assert.Equal(["Paint the bathroom #Home", "Milk #Shopping", "Milk #Work"], stored.Select(t => $"{t.Title} #{t.List?.Name}"));
    }

    [Fact]
    public async Task AddTaskRefusesAnUnknownExistingValue()
    {
        var session = await UserWithAsync();

        var error = Assert.IsType<TaskToolError>(await WithToolsAsync(session, tools => tools.AddTaskAsync("Milk", existing: "merge")));

        Assert.Equal(("invalid", "existing"), (error.Error, error.Argument));
        Assert.Empty(await session.StoredTasksAsync());
    }

    [Theory]
    [InlineData("", null, "empty")]
    [InlineData("   ", null, "empty")]
    [InlineData(null, null, "101 characters")]
    [InlineData("Fine title", "long", "1001 characters")]
    public async Task AddTaskRefusesInvalidInputAndChangesNothing(string? title, string? description, string messagePart)
    {
        var session = await UserWithAsync();
        title ??= new string('t', 101);
        description = description is null ? null : new string('d', 1001);

        var result = await WithToolsAsync(session, tools => tools.AddTaskAsync(title, description));

        var error = Assert.IsType<TaskToolError>(result);
        Assert.Equal("invalid", error.Error);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.Empty(await session.StoredTasksAsync());
    }

    [Fact]
    public async Task ListTasksFiltersByStatusAndQueryInNumberOrder()
    {
        var session = await UserWithAsync("Buy milk", "[x] Call mom", "Dentist | bring the card", "[x] Buy bread");

        var all = Assert.IsType<TaskListResult>(await WithToolsAsync(session, tools => tools.ListTasksAsync()));
        var pending = Assert.IsType<TaskListResult>(await WithToolsAsync(session, tools => tools.ListTasksAsync("pending")));
        var completed = Assert.IsType<TaskListResult>(await WithToolsAsync(session, tools => tools.ListTasksAsync("completed")));
        var search = Assert.IsType<TaskListResult>(await WithToolsAsync(session, tools => tools.ListTasksAsync(query: "BUY")));
        var inDescription = Assert.IsType<TaskListResult>(await WithToolsAsync(session, tools => tools.ListTasksAsync("pending", "card")));

        Assert.Equal(("all", (string?)null, 4), (all.Status, all.Query, all.Count));
        Assert.Equal([1, 2, 3, 4], all.Tasks.Select(t => t.Number));
        Assert.Null(all.Truncated);
        Assert.Equal([1, 3], pending.Tasks.Select(t => t.Number));
        Assert.Equal([2, 4], completed.Tasks.Select(t => t.Number));
        Assert.All(completed.Tasks, t => Assert.True(t.IsCompleted));
        Assert.Equal(("BUY", 2), (search.Query, search.Count));
        Assert.Equal([1, 4], search.Tasks.Select(t => t.Number));
        Assert.Equal([3], inDescription.Tasks.Select(t => t.Number));
        Assert.All(all.Tasks, t => Assert.Null(t.Description));
    }

    [Fact]
    public async Task ListTasksSortsByPriorityDueNewestOrOldestWhenAskedAndRefusesAnUnknownOrder()
    {
        var session = await UserWithAsync("Gym", "Rent ^2026-12-01 !low", "Dentist ^2026-11-27", "Taxes !high");

        var byPriority = Assert.IsType<TaskListResult>(await WithToolsAsync(session, tools => tools.ListTasksAsync(sort: "priority")));
        var byDue = Assert.IsType<TaskListResult>(await WithToolsAsync(session, tools => tools.ListTasksAsync(sort: "due")));
        var byNumber = Assert.IsType<TaskListResult>(await WithToolsAsync(session, tools => tools.ListTasksAsync(sort: "number")));
        var newest = Assert.IsType<TaskListResult>(await WithToolsAsync(session, tools => tools.ListTasksAsync(sort: "newest")));
        var oldest = Assert.IsType<TaskListResult>(await WithToolsAsync(session, tools => tools.ListTasksAsync(sort: "oldest")));
        var unknown = Assert.IsType<TaskToolError>(await WithToolsAsync(session, tools => tools.ListTasksAsync(sort: "colour")));

        Assert.Equal([4, 2, 1, 3], byPriority.Tasks.Select(t => t.Number));
        Assert.Equal([3, 2, 1, 4], byDue.Tasks.Select(t => t.Number));
        Assert.Equal([1, 2, 3, 4], byNumber.Tasks.Select(t => t.Number));
        Assert.Equal([4, 3, 2, 1], newest.Tasks.Select(t => t.Number));
        Assert.Equal([1, 2, 3, 4], oldest.Tasks.Select(t => t.Number));
        Assert.Equal(("priority", "due", (string?)null, "-created_at", "created_at"), (byPriority.Sort, byDue.Sort, byNumber.Sort, newest.Sort, oldest.Sort));
        Assert.Equal(("invalid", "sort"), (unknown.Error, unknown.Argument));
    }

    [Fact]
    public async Task ListTasksCapsAtFiftyAndCountsThemAll()
    {
        var session = await UserWithAsync([.. Enumerable.Range(1, 55).Select(i => $"Task {i}")]);

        var list = Assert.IsType<TaskListResult>(await WithToolsAsync(session, tools => tools.ListTasksAsync()));
        var search = Assert.IsType<TaskListResult>(await WithToolsAsync(session, tools => tools.ListTasksAsync(query: "task")));

        Assert.Equal(TaskTools.ListLimit, list.Tasks.Count);
        Assert.Equal(55, list.Count);
        Assert.True(list.Truncated);
        Assert.Equal(Enumerable.Range(1, 50), list.Tasks.Select(t => t.Number));
        Assert.Equal((55, true), (search.Count, search.Truncated));
    }

    [Theory]
    [InlineData("open", "pending")]
    [InlineData("done", "completed")]
    [InlineData("ALL", "all")]
    public async Task ListTasksAcceptsTheWordsAModelMightUse(string status, string meaning)
    {
        var session = await UserWithAsync("One");

        var list = Assert.IsType<TaskListResult>(await WithToolsAsync(session, tools => tools.ListTasksAsync(status)));

        Assert.Equal(meaning, list.Status);
    }

    [Fact]
    public async Task ListTasksRefusesAnUnknownStatus()
    {
        var session = await UserWithAsync("One");

        var error = Assert.IsType<TaskToolError>(await WithToolsAsync(session, tools => tools.ListTasksAsync("someday")));

        Assert.Equal("invalid", error.Error);
        Assert.Contains("all, pending, completed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("#2")]
    [InlineData("task 2")]
    [InlineData("Task #2")]
    [InlineData("number 2")]
    [InlineData("the meeting task")]
    [InlineData("meeting")]
    [InlineData("TEAM MEETING")]
    [InlineData("'Team meeting'")]
    [InlineData("meetings")]
    public async Task CompleteTaskFindsTheTaskByNumberOrTitleWords(string reference)
    {
        var session = await UserWithAsync("Buy groceries", "Team meeting", "Call mom");

        var result = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.CompleteTaskAsync(reference)));

        Assert.Equal(("completed", 2, true), (result.Action, result.Task.Number, result.Task.IsCompleted));
        Assert.Equal(["is_completed"], result.Changed);
        var stored = await session.StoredTasksAsync();
        Assert.Equal([false, true, false], stored.Select(t => t.IsCompleted));
        Assert.NotNull(stored[1].CompletedAt);
    }

    [Fact]
    public async Task CompletingACompletedTaskSaysSoAndKeepsWhenItWasCompleted()
    {
        var session = await UserWithAsync("[x] Pay rent");
        var before = (await session.StoredTasksAsync())[0];

        var result = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.CompleteTaskAsync("rent")));

        Assert.Equal("already_completed", result.Action);
        Assert.Empty(result.Changed);
        var after = (await session.StoredTasksAsync())[0];
        Assert.Equal((before.CompletedAt, before.UpdatedAt), (after.CompletedAt, after.UpdatedAt));
    }

    [Fact]
    public async Task ReopenTaskReopensAndSaysWhenAlreadyPending()
    {
        var session = await UserWithAsync("[x] Pay rent", "Call mom");

        var reopened = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.ReopenTaskAsync("pay rent")));
        var already = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.ReopenTaskAsync("2")));

        Assert.Equal(("reopened", 1), (reopened.Action, reopened.Task.Number));
        Assert.Equal(("already_pending", 2), (already.Action, already.Task.Number));
        var stored = await session.StoredTasksAsync();
        Assert.All(stored, t => Assert.False(t.IsCompleted));
        Assert.Null(stored[0].CompletedAt);
    }

    [Fact]
    public async Task CompletePrefersThePendingMatchAndReopenTheCompletedOne()
    {
        var completing = await UserWithAsync("[x] Buy milk", "Buy milk");
        var reopening = await UserWithAsync("[x] Buy milk", "Buy milk");

        var completed = Assert.IsType<TaskActionResult>(await WithToolsAsync(completing, tools => tools.CompleteTaskAsync("buy milk")));
        var reopened = Assert.IsType<TaskActionResult>(await WithToolsAsync(reopening, tools => tools.ReopenTaskAsync("milk")));

        Assert.Equal(("completed", 2), (completed.Action, completed.Task.Number));
        Assert.Equal(("reopened", 1), (reopened.Action, reopened.Task.Number));
        // Both are now in the same state: the words no longer tell them apart.
        var again = Assert.IsType<TaskToolError>(await WithToolsAsync(completing, tools => tools.ReopenTaskAsync("milk")));
        Assert.Equal("ambiguous", again.Error);
        Assert.Equal([1, 2], again.Candidates.Select(c => c.Number));
    }

    [Fact]
    public async Task AnAmbiguousReferenceChangesNothingAndListsTheCandidates()
    {
        var session = await UserWithAsync("Team meeting", "Buy milk", "Meeting notes");

        var result = await WithToolsAsync(session, tools => tools.DeleteTaskAsync("the meeting task"));

        var error = Assert.IsType<TaskToolError>(result);
        Assert.Equal(("ambiguous", "the meeting task"), (error.Error, error.Reference));
        Assert.Equal([new TaskSummary(1, "Team meeting", false), new TaskSummary(3, "Meeting notes", false)], error.Candidates);
        Assert.Equal(3, (await session.StoredTasksAsync()).Count);
    }

    [Fact]
    public async Task AnExactTitleWinsOverTitlesThatContainIt()
    {
        var session = await UserWithAsync("Team meeting", "Meeting", "Meeting notes");

        var result = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.DeleteTaskAsync("the meeting task")));

        Assert.Equal(("deleted", 2, "Meeting"), (result.Action, result.Task.Number, result.Task.Title));
        Assert.Equal(["Team meeting", "Meeting notes"], (await session.StoredTasksAsync()).Select(t => t.Title));
    }

    [Fact]
    public async Task AllTheSignificantWordsMustMatch()
    {
        var session = await UserWithAsync("Call mom about the trip", "Call the bank", "Book the trip");

        var result = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.CompleteTaskAsync("the trip call")));

        Assert.Equal(1, result.Task.Number);
    }

    [Fact]
    public async Task WordsEndingInAListNameFindTheTaskOnThatList()
    {
        var session = await UserWithAsync("Bananas #Groceries", "Bananas #Costco", "Milk from the farm");

        var fromGroceries = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.CompleteTaskAsync("bananas from groceries")));
        var offCostco = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.CompleteTaskAsync("bananas off costco")));
        var titleWords = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.CompleteTaskAsync("milk from the farm")));
        var noSuchList = Assert.IsType<TaskToolError>(await WithToolsAsync(session, tools => tools.CompleteTaskAsync("bananas from the market")));

        Assert.Equal([1, 2, 3], new[] { fromGroceries, offCostco, titleWords }.Select(result => result.Task.Number));
        Assert.Equal("not_found", noSuchList.Error);
    }

    [Theory]
    [InlineData("7", "There is no task #7.")]
    [InlineData("homework", "No task matches \"homework\".")]
    public async Task NothingMatchingIsNotFound(string reference, string message)
    {
        var session = await UserWithAsync("Buy milk");

        var error = Assert.IsType<TaskToolError>(await WithToolsAsync(session, tools => tools.DeleteTaskAsync(reference)));

        Assert.Equal(("not_found", reference, message), (error.Error, error.Reference, error.Message));
        Assert.Empty(error.Candidates);
        Assert.Single(await session.StoredTasksAsync());
    }

    [Fact]
    public async Task ANumberTitleIsFoundByTitleWhenNoTaskHasThatNumber()
    {
        var session = await UserWithAsync("2024");

        var result = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.CompleteTaskAsync("2024")));

        Assert.Equal(1, result.Task.Number);
    }

    [Fact]
    public async Task DeleteTaskDeletesAndAnswersTheTaskAsItWas()
    {
        var session = await UserWithAsync("Buy milk", "Call mom | Her birthday");

        var result = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.DeleteTaskAsync("call mom")));

        Assert.Equal(("deleted", new TaskSummary(2, "Call mom", false, "Her birthday", "Inbox")), (result.Action, result.Task));
        Assert.Equal(["Buy milk"], (await session.StoredTasksAsync()).Select(t => t.Title));
    }

    [Fact]
    public async Task ANamedListNarrowsTheMatchToItsTasks()
    {
        var session = await UserWithAsync("Milk #Groceries", "Milk for the office #Work", "Mop kitchen #Work", "Call mom");

        var elsewhere = Assert.IsType<TaskToolError>(await WithToolsAsync(session, tools => tools.DeleteTaskAsync("call mom", list: "work")));
        var byNumber = Assert.IsType<TaskToolError>(await WithToolsAsync(session, tools => tools.CompleteTaskAsync("1", list: "Work")));
        var onIt = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.CompleteTaskAsync("milk", list: "grocery")));
        var noSuchList = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.DeleteTaskAsync("mop kitchen", list: "Garden")));

        Assert.Equal(("not_found", "Work"), (elsewhere.Error, elsewhere.OnList));
        Assert.Equal(("not_found", "Work"), (byNumber.Error, byNumber.OnList));
        Assert.Equal(("completed", 1), (onIt.Action, onIt.Task.Number));
        Assert.Equal(("deleted", 3), (noSuchList.Action, noSuchList.Task.Number));
        Assert.Equal(
            [("Milk", true), ("Milk for the office", false), ("Call mom", false)],
            (await session.StoredTasksAsync()).Select(t => (t.Title, t.IsCompleted)));
    }

    [Fact]
    public async Task UpdateTaskChangesTheTitleTheDescriptionOrBoth()
    {
        var session = await UserWithAsync("Buy milk | Two litres");

        var renamed = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.UpdateTaskAsync("1", title: "Buy oat milk")));
        var described = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.UpdateTaskAsync("oat milk", description: "One carton")));
        var both = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.UpdateTaskAsync("#1", "Buy soy milk", "")));
        var same = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.UpdateTaskAsync("1", "Buy soy milk")));

        Assert.Equal(("updated", "Buy oat milk", "Two litres"), (renamed.Action, renamed.Task.Title, renamed.Task.Description));
        Assert.Equal(["title"], renamed.Changed);
        Assert.Equal(["description"], described.Changed);
        Assert.Equal(["title", "description"], both.Changed);
        Assert.Null(both.Task.Description);
        Assert.Empty(same.Changed);
        var stored = Assert.Single(await session.StoredTasksAsync());
        Assert.Equal(("Buy soy milk", (string?)null), (stored.Title, stored.Description));
    }

    [Fact]
    public async Task UpdateTaskNeedsSomethingToChangeAndValidInput()
    {
        var session = await UserWithAsync("Buy milk");

        var nothing = Assert.IsType<TaskToolError>(await WithToolsAsync(session, tools => tools.UpdateTaskAsync("1")));
        var blankTitleOnly = Assert.IsType<TaskToolError>(await WithToolsAsync(session, tools => tools.UpdateTaskAsync("1", "  ")));
        var tooLong = Assert.IsType<TaskToolError>(await WithToolsAsync(session, tools => tools.UpdateTaskAsync("1", new string('x', 101))));

        Assert.Equal(["invalid", "invalid", "invalid"], new[] { nothing.Error, blankTitleOnly.Error, tooLong.Error });
        Assert.Equal("1", tooLong.Reference);
        Assert.Equal("Buy milk", Assert.Single(await session.StoredTasksAsync()).Title);
    }

    [Fact]
    public async Task ToolsOnlySeeTheirOwnUsersTasks()
    {
        var owner = await UserWithAsync("Secret plan");
        var other = await UserWithAsync();

        var complete = await WithToolsAsync(other, tools => tools.CompleteTaskAsync("1"));
        var delete = await WithToolsAsync(other, tools => tools.DeleteTaskAsync("secret plan"));
        var list = Assert.IsType<TaskListResult>(await WithToolsAsync(other, tools => tools.ListTasksAsync()));

        Assert.Equal("not_found", Assert.IsType<TaskToolError>(complete).Error);
        Assert.Equal("not_found", Assert.IsType<TaskToolError>(delete).Error);
        Assert.Equal(0, list.Count);
        var stored = Assert.Single(await owner.StoredTasksAsync());
        Assert.False(stored.IsCompleted);
    }

    [Fact]
    public async Task ResultsSerialiseAsCompactSnakeCaseJson()
    {
        var session = await UserWithAsync("Buy milk", "Team meeting", "Meeting notes");

        var results = await WithToolsAsync(session, async tools => new[]
        {
            await tools.CompleteTaskAsync("1"),
            await tools.ListTasksAsync("pending"),
            await tools.DeleteTaskAsync("meeting"),
        });
        var json = results.Select(result => JsonSerializer.Serialize(result, TaskTools.JsonOptions)).ToList();

        Assert.Equal("""{"ok":true,"action":"completed","task":{"number":1,"title":"Buy milk","is_completed":true,"list":"Inbox"},"changed":["is_completed"]}""", json[0]);
        Assert.Equal("""{"ok":true,"action":"listed","status":"pending","query":null,"count":2,"tasks":[{"number":2,"title":"Team meeting","is_completed":false,"list":"Inbox"},{"number":3,"title":"Meeting notes","is_completed":false,"list":"Inbox"}]}""", json[1]);
        Assert.StartsWith("""{"ok":false,"error":"ambiguous","reference":"meeting","candidates":[{"number":2,""", json[2], StringComparison.Ordinal);
        Assert.Contains("\"message\":", json[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFunctionsShowAModelTheirParametersAndNoUser()
    {
        var session = await UserWithAsync();

        var functions = await WithToolsAsync(session, tools => Task.FromResult(tools.AsAIFunctions().Cast<AIFunction>().ToList()));

        var parameters = functions.ToDictionary(
            f => f.Name,
            f => f.JsonSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(["title", "description", "list", "labels", "priority", "due", "remind_minutes_before", "existing"], parameters["add_task"]);
        Assert.Equal(["status", "query", "filter", "list", "sort"], parameters["list_tasks"]);
        Assert.Equal(["task", "list"], parameters["complete_task"]);
        Assert.Equal(["task", "list"], parameters["reopen_task"]);
        Assert.Equal(["task", "list"], parameters["delete_task"]);
        Assert.Equal(["task", "title", "description", "list", "labels", "add_labels", "remove_labels", "priority", "due", "due_shift", "repeat", "remind_minutes_before", "remind_at", "remove_reminders"], parameters["update_task"]);
        Assert.Equal([], parameters["list_lists"]);
        Assert.Equal(["name"], parameters["create_list"]);
        Assert.Equal(["list", "name"], parameters["rename_list"]);
        Assert.Equal(["list", "tasks"], parameters["delete_list"]);
        var labels = functions.Single(f => f.Name == "add_task").JsonSchema.GetProperty("properties").GetProperty("labels");
        var itemType = labels.GetProperty("items").GetProperty("type");
        Assert.Contains("string", itemType.ValueKind == JsonValueKind.Array ? itemType.EnumerateArray().Select(t => t.GetString()) : [itemType.GetString()]);
        Assert.All(functions, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Description));
            Assert.DoesNotContain(parameters[f.Name], name => name.Contains("user", StringComparison.OrdinalIgnoreCase));
            foreach (var property in f.JsonSchema.GetProperty("properties").EnumerateObject())
            {
                Assert.True(property.Value.TryGetProperty("description", out _), $"{f.Name}.{property.Name} has no description");
            }
        });
        Assert.Equal(["title"], functions.Single(f => f.Name == "add_task").JsonSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["task"], functions.Single(f => f.Name == "update_task").JsonSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task AddTaskNamingAMissingListMakesItAndSaysSo()
    {
        var session = await UserWithAsync();

        var first = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.AddTaskAsync("Bananas", list: "#Shopping", labels: ["Errands"], priority: "p1")));
        var second = Assert.IsType<TaskActionResult>(await WithToolsAsync(session, tools => tools.AddTaskAsync("Bread", list: "SHOPPING")));

        Assert.True(first.ListCreated);
        Assert.Equal(new TaskSummary(1, "Bananas", false, null, "Shopping", ["errands"], "high"), first.Task);
        Assert.Null(second.ListCreated);
        Assert.Equal("Shopping", second.Task.List);
        var stored = await session.StoredTasksWithPartsAsync();
        Assert.Equal(["Shopping", "Shopping"], stored.Select(t => t.List!.Name));
        Assert.Equal(["Inbox", "Shopping"], await session.StoredListNamesAsync());
    }

    [Theory]
    [InlineData("labels", "two words")]
    [InlineData("add_labels", "ok!")]
    [InlineData("remove_labels", "")]
    [InlineData("priority", "asap")]
    [InlineData("list", "\u0000")]
    public async Task UpdateTaskRefusesABadArgumentNamingItAndChangesNothing(string argument, string value)
    {
        var session = await UserWithAsync("Buy milk");
        string[] labels = [value];

        var result = await WithToolsAsync(session, tools => argument switch
        {
            "labels" => tools.UpdateTaskAsync("1", labels: labels),
            "add_labels" => tools.UpdateTaskAsync("1", add_labels: labels),
            "remove_labels" => tools.UpdateTaskAsync("1", remove_labels: labels),
            "priority" => tools.UpdateTaskAsync("1", priority: value),
            _ => tools.UpdateTaskAsync("1", list: value),
        });

        var error = Assert.IsType<TaskToolError>(result);
        Assert.Equal(("invalid", argument), (error.Error, error.Argument));
        var task = Assert.Single(await session.StoredTasksWithPartsAsync());
        Assert.Equal(("Inbox", 0, Todo.Server.Tasks.TaskPriority.None), (task.List!.Name, task.Labels.Count, task.Priority));
        Assert.Equal(["Inbox"], await session.StoredListNamesAsync());
    }

    [Fact]
    public async Task MovingAMissingTaskMakesNoList()
    {
        var session = await UserWithAsync("Buy milk");

        var result = await WithToolsAsync(session, tools => tools.UpdateTaskAsync("7", list: "Hobbies"));

        Assert.Equal("not_found", Assert.IsType<TaskToolError>(result).Error);
        Assert.Equal(["Inbox"], await session.StoredListNamesAsync());
    }

    [Fact]
    public async Task ListListsShowsOnlyTheCallersListsWithTheirPendingCounts()
    {
        var mine = await UserWithAsync("Buy milk #Shopping", "[x] Buy bread #Shopping", "Call mom");
        var theirs = await UserWithAsync("Secret #Hidden");

        var result = Assert.IsType<ListListResult>(await WithToolsAsync(mine, tools => tools.ListListsAsync()));

        Assert.Equal([new ListLine("Inbox", true, 1), new ListLine("Shopping", false, 1)], result.Lists);
        Assert.Equal(2, result.Count);
        var other = Assert.IsType<TaskToolError>(await WithToolsAsync(mine, tools => tools.ListTasksAsync(list: "Hidden")));
        Assert.Equal(["Inbox", "Shopping"], other.Lists);
        Assert.Equal(["Hidden", "Inbox"], await theirs.StoredListNamesAsync());
    }

    [Fact]
    public async Task AFunctionCallRunsTheToolAndReturnsItsJson()
    {
        var session = await UserWithAsync();

        var result = await WithToolsAsync(session, async tools =>
        {
            var add = tools.AsAIFunctions().Cast<AIFunction>().Single(f => f.Name == "add_task");
            return await add.InvokeAsync(new AIFunctionArguments { ["title"] = "Water the plants" });
        });

        var json = Assert.IsType<JsonElement>(result);
        Assert.True(json.GetProperty("ok").GetBoolean());
        Assert.Equal("Water the plants", json.GetProperty("task").GetProperty("title").GetString());
        Assert.Equal(1, json.GetProperty("task").GetProperty("number").GetInt32());
        Assert.Equal("Water the plants", Assert.Single(await session.StoredTasksAsync()).Title);
    }

    // Dues: read in the user's zone (Pacific/Auckland) at the phrase table's clock, Thursday 26 November 2026, 09:00 there.
    private async Task<T> WithDatedToolsAsync<T>(AssistantSession session, Func<TaskTools, Task<T>> action)
    {
        await using var scope = api.Factory.Services.CreateAsyncScope();
        return await action(AssistantSession.CreateTools(scope.ServiceProvider, session.UserId, PhraseTable.Clock));
    }

    private async Task<AssistantSession> DatedUserWithAsync(params string[] tasks)
    {
        var session = await AssistantSession.StartAsync(api, PhraseTable.Clock, PhraseTable.TimeZone);
        await session.SeedAsync(tasks);
        return session;
    }

    [Fact]
    public async Task AddTaskReadsTheDueInTheUsersZoneAndShowsItWithItsWeekday()
    {
        var session = await DatedUserWithAsync();

        var timed = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.AddTaskAsync("Call mom", due: "tomorrow at 5pm")));
        var repeating = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.AddTaskAsync("Pay rent", due: "every month on the 1st")));

        Assert.Equal(new TaskDueLine("2026-11-27", "17:00", "Friday", null), timed.Task.Due);
        Assert.Contains("due", timed.Changed);
        Assert.Equal(new TaskDueLine("2026-12-01", null, "Tuesday", "every month on the 1st"), repeating.Task.Due);
        var stored = await session.StoredTasksAsync();
        Assert.Equal(new DateTime(2026, 11, 27, 4, 0, 0, DateTimeKind.Utc), stored[0].DueAt);
        Assert.Equal("FREQ=MONTHLY;BYMONTHDAY=1", stored[1].DueRecurrence);
        var json = JsonSerializer.Serialize<TaskToolResult>(timed, TaskTools.JsonOptions);
        Assert.Contains("\"due\":{\"date\":\"2026-11-27\",\"time\":\"17:00\",\"weekday\":\"Friday\"}", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATimeAloneKeepsTheTasksDayAndRepeat()
    {
        var session = await DatedUserWithAsync("Pay the bill ^2026-11-30", "Gym ^2026-11-28;FREQ=WEEKLY;BYDAY=SA", "Call mom");

        var billAt5 = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("1", due: "5pm")));
        var gymAt10 = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("2", due: "at 10am")));
        var momAt5 = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("3", due: "5pm")));
        var billTomorrow = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("1", due: "tomorrow at 6pm")));

        Assert.Equal(new TaskDueLine("2026-11-30", "17:00", "Monday", null), billAt5.Task.Due);
        Assert.Equal(("2026-11-28", "10:00"), (gymAt10.Task.Due!.Date, gymAt10.Task.Due.Time));
        Assert.NotNull(gymAt10.Task.Due.Repeats);
        Assert.Equal(new TaskDueLine("2026-11-26", "17:00", "Thursday", null), momAt5.Task.Due);
        Assert.Equal(new TaskDueLine("2026-11-27", "18:00", "Friday", null), billTomorrow.Task.Due);
        Assert.Equal("FREQ=WEEKLY;BYDAY=SA", (await session.StoredTasksAsync())[1].DueRecurrence);
    }

    [Fact]
    public async Task RemindAtRemindsThenAndKeepsADueButGivesItToATaskWithout()
    {
        var session = await DatedUserWithAsync("Pay the bill ^2026-11-30", "Call mom");

        var bill = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("1", remind_at: "tonight")));
        var mom = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("2", remind_at: "tomorrow at 6pm")));

        Assert.Equal(new TaskDueLine("2026-11-30", null, "Monday", null), bill.Task.Due);
        Assert.Equal(["reminders"], bill.Changed);
        Assert.Equal("Thursday, 26 November, 20:00", bill.RemindsAt);
        Assert.Equal(new TaskDueLine("2026-11-27", "18:00", "Friday", null), mom.Task.Due);
        Assert.Equal(["due", "reminders"], mom.Changed);
        var reminders = await session.StoredRemindersAsync();
        Assert.Equal(["@2026-11-26T20:00"], reminders[1]);
        Assert.Equal(["0"], reminders[2]);
    }

    [Fact]
    public async Task ARuleWithoutADayOfItsOwnStartsOnTheTasksComingDay()
    {
        var session = await DatedUserWithAsync("Pay the bill ^2026-11-30", "Gym ^2026-11-20", "Standup ^2026-11-27", "Call dad ^2026-12-02T15:00");

        var bill = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("1", due: "monthly")));
        var gym = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("2", due: "every week")));
        var standup = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("3", due: "every monday")));
        var dad = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("4", due: "daily")));

        Assert.Equal(new TaskDueLine("2026-11-30", null, "Monday", "every month on the 30th"), bill.Task.Due);
        Assert.Equal(new TaskDueLine("2026-11-26", null, "Thursday", "every Thursday"), gym.Task.Due);
        Assert.Equal(new TaskDueLine("2026-11-30", null, "Monday", "every Monday"), standup.Task.Due);
        Assert.Equal(new TaskDueLine("2026-12-02", "15:00", "Wednesday", "every day at 15:00"), dad.Task.Due);
    }

    [Fact]
    public async Task ADayWithoutATimeKeepsTheTasksTimeAndAllDayDropsItAndAnHourIsReadOnTheTasksDay()
    {
        var session = await DatedUserWithAsync("Dentist ^2026-11-27T10:00", "Haircut ^2026-11-28T15:30", "Call dad ^2026-11-30T09:00", "Call mom", "Standup ^2026-11-27T10:00");

        var dentist = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("1", due: "monday")));
        var haircut = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("2", due: "friday all day")));
        var dad = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("3", due: "all day")));
        var mom = Assert.IsType<TaskToolError>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("4", due: "all day")));
        var standup = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("5", due: "at 9")));

        Assert.Equal(new TaskDueLine("2026-11-30", "10:00", "Monday", null), dentist.Task.Due);
        Assert.Equal(new TaskDueLine("2026-11-27", null, "Friday", null), haircut.Task.Due);
        Assert.Equal(new TaskDueLine("2026-11-30", null, "Monday", null), dad.Task.Due);
        Assert.Contains("no due", mom.Message, StringComparison.Ordinal);
        Assert.Equal(new TaskDueLine("2026-11-27", "09:00", "Friday", null), standup.Task.Due);
        Assert.Null((await session.StoredTasksAsync()).Single(t => t.Number == 4).DueDate);
    }

    [Fact]
    public async Task RemoveRemindersTakesThemAllOffAndKeepsTheTaskAndItsDue()
    {
        var session = await DatedUserWithAsync("Pay the bill ^2026-11-30", "Call mom");
        await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("1", remind_minutes_before: 60));
        await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("1", remind_at: "tonight"));

        var removed = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("1", remove_reminders: true)));
        var none = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("2", remove_reminders: true)));
        var replaced = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("1", remove_reminders: true, remind_minutes_before: 0)));

        Assert.Equal(["reminders"], removed.Changed);
        Assert.Equal(new TaskDueLine("2026-11-30", null, "Monday", null), removed.Task.Due);
        Assert.Empty(none.Changed);
        Assert.Equal(["reminders"], replaced.Changed);
        Assert.Equal(["0"], Assert.Single(await session.StoredRemindersAsync()).Value);
        Assert.Equal(2, (await session.StoredTasksAsync()).Count);
    }

    [Fact]
    public async Task RemindAtPastRepeatingOrUnreadableIsAnErrorNamingItAndChangesNothing()
    {
        var session = await DatedUserWithAsync("Pay the bill ^2026-11-30");

        var past = Assert.IsType<TaskToolError>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("1", title: "Pay it", remind_at: "yesterday")));
        var rule = Assert.IsType<TaskToolError>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("1", title: "Pay it", remind_at: "every monday")));
        var unreadable = Assert.IsType<TaskToolError>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("1", remind_at: "when pigs fly")));

        Assert.Equal([("invalid", "remind_at"), ("invalid", "remind_at"), ("invalid", "remind_at")],
            [(past.Error, past.Argument), (rule.Error, rule.Argument), (unreadable.Error, unreadable.Argument)]);
        Assert.Contains("Wednesday, 25 November has already passed", past.Message, StringComparison.Ordinal);
        Assert.Contains("one moment", rule.Message, StringComparison.Ordinal);
        Assert.Contains("when pigs fly", unreadable.Message, StringComparison.Ordinal);
        Assert.Empty(await session.StoredRemindersAsync());
        Assert.Equal(("Pay the bill", new DateOnly(2026, 11, 30)), ((await session.StoredTasksAsync())[0].Title, (await session.StoredTasksAsync())[0].DueDate));
    }

    [Fact]
    public async Task AnUnreadableDueIsAnErrorNamingItAndChangesNothing()
    {
        var session = await DatedUserWithAsync("Call mom ^2026-11-27");

        var add = Assert.IsType<TaskToolError>(await WithDatedToolsAsync(session, tools => tools.AddTaskAsync("Party", due: "feb 30")));
        var update = Assert.IsType<TaskToolError>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("1", due: "when pigs fly")));
        var repeat = Assert.IsType<TaskToolError>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("1", due: "friday", repeat: true)));

        Assert.Equal(("invalid", "due"), (add.Error, add.Argument));
        Assert.Contains("feb 30", add.Message, StringComparison.Ordinal);
        Assert.Equal(("invalid", "due"), (update.Error, update.Argument));
        Assert.Contains("when pigs fly", update.Message, StringComparison.Ordinal);
        Assert.Equal(("invalid", "repeat"), (repeat.Error, repeat.Argument));
        var stored = Assert.Single(await session.StoredTasksAsync());
        Assert.Equal((new DateOnly(2026, 11, 27), (string?)null), (stored.DueDate, stored.DueRecurrence));
    }

    [Fact]
    public async Task UpdateTaskMovesAnOccurrenceStopsTheRepeatAndClearsTheDue()
    {
        var session = await DatedUserWithAsync("Pay rent ^2026-12-01;FREQ=MONTHLY;BYMONTHDAY=1");

        var moved = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("1", due: "dec 3")));
        var stopped = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("rent", repeat: false)));
        var cleared = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("1", due: "none")));

        Assert.Equal(new TaskDueLine("2026-12-03", null, "Thursday", "every month on the 1st"), moved.Task.Due);
        Assert.Equal(["due"], moved.Changed);
        Assert.Equal(new TaskDueLine("2026-12-03", null, "Thursday", null), stopped.Task.Due);
        Assert.Null(cleared.Task.Due);
        Assert.Equal(["due"], cleared.Changed);
        Assert.Null(Assert.Single(await session.StoredTasksAsync()).DueDate);
    }

    [Fact]
    public async Task UpdateTaskShiftsTheDueItHasAndAnUndatedOneFromToday()
    {
        var session = await DatedUserWithAsync(
            "Pay rent ^2026-12-01;FREQ=MONTHLY;BYMONTHDAY=1", "Dentist ^2026-11-27T15:00", "Call mom", "Water the plants");

        var rent = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("1", due_shift: "1 week")));
        var dentist = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("2", due_shift: "-90 minutes")));
        var undated = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync("3", due_shift: "2 days")));

        Assert.Equal(new TaskDueLine("2026-12-08", null, "Tuesday", "every month on the 1st"), rent.Task.Due);
        Assert.Equal(["due"], rent.Changed);
        Assert.Equal(new TaskDueLine("2026-11-27", "13:30", "Friday", null), dentist.Task.Due);
        Assert.Equal(new TaskDueLine("2026-11-28", null, "Saturday", null), undated.Task.Due);
    }

    [Theory]
    [InlineData("1", "3 hours", null)] // an all-day due has no time to move
    [InlineData("2", "-1 day", null)] // no due to move earlier
    [InlineData("1", "a while", null)]
    [InlineData("1", "0 days", null)]
    [InlineData("1", "1 day", "friday")] // due and due_shift together
    public async Task AShiftThatCannotApplyIsAnErrorNamingItAndChangesNothing(string task, string shift, string? due)
    {
        var session = await DatedUserWithAsync("Pay rent ^2026-12-01", "Call mom");

        var error = Assert.IsType<TaskToolError>(await WithDatedToolsAsync(session, tools => tools.UpdateTaskAsync(task, due: due, due_shift: shift)));

        Assert.Equal(("invalid", "due_shift"), (error.Error, error.Argument));
        var stored = await session.StoredTasksAsync();
        Assert.Equal([new DateOnly(2026, 12, 1), null], stored.OrderBy(t => t.Number).Select(t => t.DueDate));
    }

    [Fact]
    public async Task CompletingARepeatingTaskReportsItsNextDue()
    {
        var session = await DatedUserWithAsync("Pay rent ^2026-12-01;FREQ=MONTHLY;BYMONTHDAY=1");

        var result = Assert.IsType<TaskActionResult>(await WithDatedToolsAsync(session, tools => tools.CompleteTaskAsync("1")));

        Assert.Equal("completed", result.Action);
        Assert.False(result.Task.IsCompleted);
        Assert.Equal(new TaskDueLine("2027-01-01", null, "Friday", "every month on the 1st"), result.NextDue);
        Assert.Equal(new DateOnly(2027, 1, 1), Assert.Single(await session.StoredTasksAsync()).DueDate);
    }

    [Theory]
    [InlineData("today", new[] { 1 })]
    [InlineData("overdue", new[] { 3 })]
    [InlineData("next 7 days", new[] { 1, 2 })]
    [InlineData("no date", new[] { 4 })]
    [InlineData("recurring", new[] { 2 })]
    [InlineData("today | overdue", new[] { 1, 3 })]
    public async Task ListTasksTakesTheDateTermsOfFilters(string filter, int[] numbers)
    {
        var session = await DatedUserWithAsync(
            "Call mom ^2026-11-26", "Pay rent ^2026-12-01;FREQ=MONTHLY;BYMONTHDAY=1", "Renew passport ^2026-11-20", "Read a book");

        var result = Assert.IsType<TaskListResult>(await WithDatedToolsAsync(session, tools => tools.ListTasksAsync(filter: filter)));

        Assert.Equal(numbers, result.Tasks.Select(task => task.Number));
        Assert.All(result.Tasks, task => Assert.Equal(task.Number != 4, task.Due is not null));
    }
}

public sealed class SqliteTaskToolsTests(SqliteApi api) : TaskToolsTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresTaskToolsTests(PostgresApi api) : TaskToolsTests(api), IClassFixture<PostgresApi>;
