using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Todo.Server.History;
using Todo.Server.Tasks;
using Todo.Server.Transfer;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Infrastructure.ProblemAssert;
using static Todo.Tests.Tasks.TaskTestSupport;

namespace Todo.Tests.Transfer;

/// <summary>
/// Export (JSON, todo.txt, iCalendar), import (our JSON, todo.txt, Todoist CSV) and the calendar feed over HTTP, on each
/// provider. "The same" after a round trip is the whole export but <c>exported_at</c>: lists (names, which is the Inbox)
/// and tasks in number order with every field (title, description, list, labels, priority, completion and its time,
/// created_at, the due's date, time, zone, rule and from_completion, reminders); ids are not exported.
/// </summary>
public abstract class TransferTests(ApiFixture api)
{
    public const int MaxTasks = 20;
    private static readonly string[] MeetingLabels = ["work", "meetings"];
    private static readonly string[] ErrandLabels = ["errands"];
    public const int MaxBytes = 8000;

    public static IReadOnlyDictionary<string, string?> Limits => new Dictionary<string, string?>
    {
        ["Import:MaxTasks"] = MaxTasks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Import:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task ExportImportedIntoANewAccountExportsTheSame()
    {
        var owner = await api.CreateUserAsync();
        await SetZoneAsync(owner, "Europe/Berlin");
        await FillAsync(owner);
        var first = await ExportAsync(owner);
        Assert.Equal(5, first["tasks"]!.AsArray().Count);

        var other = await api.CreateUserAsync(); // in UTC: all-day dues float, timed ones keep their zone
        var answer = await ImportAsync(other, first.ToJsonString(), "application/json");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var result = await answer.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal((5, 0, 0), (result.GetProperty("created").GetInt32(), result.GetProperty("skipped").GetInt32(), result.GetProperty("errors").GetArrayLength()));

        var second = await ExportAsync(other);
        Assert.Equal(Comparable(first), Comparable(second));
        // Spot checks of what the comparison covers.
        var tasks = second["tasks"]!.AsArray();
        var weekly = tasks.Single(t => (string?)t!["title"] == "Team meeting")!;
        Assert.Equal("FREQ=WEEKLY;BYDAY=MO", (string?)weekly["due"]!["recurrence"]);
        Assert.Equal("09:00:00", (string?)weekly["due"]!["time"]);
        Assert.Equal("Europe/Berlin", (string?)weekly["due"]!["timezone"]);
        Assert.Equal(30, (int?)weekly["reminders"]![0]!["minutes_before"]);
        var done = tasks.Single(t => (string?)t!["title"] == "Old report")!;
        Assert.True((bool?)done["is_completed"]);
        Assert.Equal((string?)first["tasks"]!.AsArray().Single(t => (string?)t!["title"] == "Old report")!["completed_at"], (string?)done["completed_at"]);
        Assert.Equal(["Inbox", "Weekly shopping", "Work"], second["lists"]!.AsArray().Select(l => (string?)l!["name"]));
    }

    [Fact]
    public async Task AnImportIsOneBatchOfTheHistoryThatOneUndoTakesBack()
    {
        var user = await api.CreateUserAsync();
        var answer = await ImportAsync(user, "Buy milk +Errands\n(A) Call the bank\n", "text/plain");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        var activity = await user.Client.GetFromJsonAsync<JsonElement>("/api/activity", Json);
        var events = activity.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(("import", "created"), (e.GetProperty("source").GetString(), e.GetProperty("kind").GetString())));
        Assert.Single(events.Select(e => e.GetProperty("batch_id").GetGuid()).Distinct());

        var undo = await user.Client.PostAsJsonAsync("/api/activity/undo", new { }, Json);
        Assert.Equal(HttpStatusCode.OK, undo.StatusCode);
        Assert.Equal(2, (await undo.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("undone").GetInt32());
        Assert.Empty((await user.ListAsync()).Items);
    }

    [Fact]
    public async Task TodoTxtIsImportedByItsRules()
    {
        var user = await api.CreateUserAsync();
        await SetZoneAsync(user, "America/New_York");
        const string file = """
            (A) 2026-11-01 Call Mom +Family @phone due:2026-12-01
            x 2026-11-20 2026-11-02 Review the pull request +Work @github pri:B

            (B) Schedule pickup +Garage_sale @phone @errands
            (C) Water plants see:wiki
            (D) 2026-10-10 Someday learn the cello
            x Took out the bins
            """;
        var answer = await ImportAsync(user, file, "text/plain");
        Assert.True(answer.StatusCode == HttpStatusCode.OK, await DescribeAsync(answer));
        Assert.Equal(6, (await answer.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("created").GetInt32());

        var tasks = await AllTasksAsync(user);
        var mom = tasks.Single(t => t.Title == "Call Mom");
        Assert.Equal(("Family", TaskPriority.High, false), (mom.List.Name, mom.Priority, mom.IsCompleted));
        Assert.Equal(["phone"], mom.Labels);
        Assert.Equal((new DateOnly(2026, 12, 1), null), (mom.Due!.Date, mom.Due.Datetime));
        Assert.Equal(new DateTime(2026, 11, 1, 4, 0, 0, DateTimeKind.Utc), mom.CreatedAt.ToUniversalTime()); // midnight in New York
        var review = tasks.Single(t => t.Title == "Review the pull request");
        Assert.Equal(("Work", TaskPriority.Medium, true), (review.List.Name, review.Priority, review.IsCompleted));
        Assert.Equal(new DateTime(2026, 11, 20, 5, 0, 0, DateTimeKind.Utc), review.CompletedAt!.Value.ToUniversalTime());
        Assert.Equal(new DateTime(2026, 11, 2, 5, 0, 0, DateTimeKind.Utc), review.CreatedAt.ToUniversalTime());
        var pickup = tasks.Single(t => t.Title == "Schedule pickup");
        Assert.Equal(("Garage_sale", TaskPriority.Medium), (pickup.List.Name, pickup.Priority));
        Assert.Equal(["errands", "phone"], pickup.Labels);
        Assert.Equal(("Inbox", TaskPriority.Low), tasks.Single(t => t.Title == "Water plants see:wiki") is var plants ? (plants.List.Name, plants.Priority) : default);
        Assert.Equal(TaskPriority.None, tasks.Single(t => t.Title == "Someday learn the cello").Priority);
        var bins = tasks.Single(t => t.Title == "Took out the bins");
        Assert.True(bins.IsCompleted);
        Assert.NotNull(bins.CompletedAt);
    }

    [Fact]
    public async Task TodoistCsvIsImportedByItsTemplate()
    {
        var user = await api.CreateUserAsync();
        const string file = """
            TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE
            section,Groceries,,,,,,,,
            task,Buy milk @errands,"Semi-skimmed, two ""big"" bottles",1,1,Evan (14781400),,2026-12-24 17:30,en,Europe/Berlin
            note,Bring the coupon,,,,,,,,
            task,Water plants @home @weekly,,4,2,,,every monday at 9am,en,
            task,Call Bob,,2,1,,,dec 24,en,
            ,,,,,,,,,
            task,Plain,,,1,,,,,
            task,Tidy up,,3,1,,,,,
            """;
        var answer = await ImportAsync(user, file, "text/csv", "?list=From%20Todoist");
        Assert.True(answer.StatusCode == HttpStatusCode.OK, await DescribeAsync(answer));
        var result = await answer.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal((5, 2), (result.GetProperty("created").GetInt32(), result.GetProperty("skipped").GetInt32()));
        var note = Assert.Single(result.GetProperty("errors").EnumerateArray());
        Assert.Equal(5, note.GetProperty("line").GetInt32());

        var tasks = await AllTasksAsync(user);
        Assert.All(tasks, t => Assert.Equal("From Todoist", t.List.Name));
        var milk = tasks.Single(t => t.Title == "Buy milk");
        Assert.Equal(("Semi-skimmed, two \"big\" bottles", TaskPriority.High), (milk.Description, milk.Priority));
        Assert.Equal(["errands"], milk.Labels);
        Assert.Equal(new DateTimeOffset(2026, 12, 24, 17, 30, 0, TimeSpan.FromHours(1)), milk.Due!.Datetime); // shown in the user's zone
        var stored = (await api.StoredTasksAsync(user.Id)).Single(t => t.Id == milk.Id);
        Assert.Equal(("Europe/Berlin", new TimeOnly(17, 30)), (stored.DueTimeZone, stored.DueTime)); // kept in TIMEZONE
        var plants = tasks.Single(t => t.Title == "Water plants");
        Assert.Equal(["home", "weekly"], plants.Labels);
        Assert.Equal((TaskPriority.None, "FREQ=WEEKLY;BYDAY=MO"), (plants.Priority, plants.Due!.Recurrence));
        var bob = tasks.Single(t => t.Title == "Call Bob");
        Assert.Equal((TaskPriority.Medium, 12, 24), (bob.Priority, bob.Due!.Date.Month, bob.Due.Date.Day));
        Assert.Equal((TaskPriority.None, null), tasks.Single(t => t.Title == "Plain") is var plain ? (plain.Priority, plain.Due) : default);
        Assert.Equal(TaskPriority.Low, tasks.Single(t => t.Title == "Tidy up").Priority);
    }

    [Theory]
    [InlineData("text/plain", "Fine task +NewList\nAnother\nBad due:2026-13-45\nLast", 3)]
    [InlineData("text/csv", "TYPE,CONTENT,PRIORITY\ntask,Fine,1\ntask,Bad,7\ntask,Last,2", 3)]
    [InlineData("text/csv", "TYPE,CONTENT,DESCRIPTION,DATE\ntask,Fine,,tomorrow\ntask,Two,\"two\nlines\",\ntask,Bad,,feb 30", 5)]
    [InlineData("text/plain", "Good\n@Bad_Label! only a label", 2)]
    public async Task ABadLineRejectsTheWholeImportNamingTheLine(string mediaType, string body, int line)
    {
        var user = await api.CreateUserAsync();

        var answer = await ImportAsync(user, body, mediaType);

        var problem = await AssertProblemAsync(answer, 400);
        Assert.Equal(line, problem.GetProperty("line").GetInt32());
        Assert.StartsWith($"Line {line}: ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await user.ListAsync()).Items);
        Assert.Equal(["Inbox"], await ListNamesAsync(user));
    }

    [Fact]
    public async Task ABadTaskInOurJsonRejectsItAllNamingTheTaskAndItsLine()
    {
        var user = await api.CreateUserAsync();
        var json = """
            {"format": "todo-export", "version": 1, "lists": [{"name": "Inbox", "is_inbox": true}, {"name": "Fresh", "is_inbox": false}],
             "tasks": [
              {"title": "Fine", "list": "Fresh", "labels": [], "priority": "high", "created_at": "2026-01-01T00:00:00Z"},
              {"title": "Bad", "list": "Inbox", "priority": "urgent", "created_at": "2026-01-01T00:00:00Z"}
             ]}
            """;

        var problem = await AssertProblemAsync(await ImportAsync(user, json, "application/json"), 400);

        Assert.Equal(4, problem.GetProperty("line").GetInt32());
        Assert.Contains("tasks[1]", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await user.ListAsync()).Items);
        Assert.Equal(["Inbox"], await ListNamesAsync(user));

        var other = await AssertProblemAsync(await ImportAsync(user, """{"format": "something-else", "version": 1}""", "application/json"), 400);
        Assert.Contains("todo-export", other.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertProblemAsync(await ImportAsync(user, "{\"format\": ", "application/json"), 400);
        var nullLabel = """{"format": "todo-export", "version": 1, "tasks": [{"title": "Fine", "labels": [null]}]}""";
        Assert.Contains("label", (await AssertProblemAsync(await ImportAsync(user, nullLabel, "application/json"), 400)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var badRule = """{"format": "todo-export", "version": 1, "tasks": [{"title": "Fine", "due": {"date": "2026-12-01", "recurrence": "FREQ=SOMETIMES"}}]}""";
        Assert.Contains("recurrence", (await AssertProblemAsync(await ImportAsync(user, badRule, "application/json"), 400)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var noZone = """{"format": "todo-export", "version": 1, "tasks": [{"title": "Fine", "due": {"date": "2026-12-01", "time": "09:00:00", "timezone": "Mars/Base"}}]}""";
        await AssertProblemAsync(await ImportAsync(user, noZone, "application/json"), 400);
        Assert.Empty((await user.ListAsync()).Items);
    }

    [Fact]
    public async Task ImportsOverTheLimitsAreRefusedAndWriteNothing()
    {
        var user = await api.CreateUserAsync();

        var tooMany = await AssertProblemAsync(await ImportAsync(user, string.Join('\n', Enumerable.Range(1, MaxTasks + 1).Select(i => $"Task {i}")), "text/plain"), 400);
        Assert.Contains($"at most {MaxTasks}", tooMany.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var tooBig = await AssertProblemAsync(await ImportAsync(user, "A task " + new string('x', MaxBytes), "text/plain"), 413);
        Assert.Contains("at most", tooBig.GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Empty((await user.ListAsync()).Items);
    }

    [Fact]
    public async Task AnotherContentTypeIs415()
    {
        var user = await api.CreateUserAsync();

        await AssertProblemAsync(await ImportAsync(user, "<tasks/>", "application/xml"), 415);
        var bare = new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = new ByteArrayContent("Task"u8.ToArray()) };
        await AssertProblemAsync(await user.Client.SendAsync(bare), 415);
        Assert.Empty((await user.ListAsync()).Items);
    }

    [Fact]
    public async Task TheCalendarExportParsesBackToTheSameTasks()
    {
        var user = await api.CreateUserAsync();
        await SetZoneAsync(user, "Europe/Berlin");
        await FillAsync(user);
        var tasks = await AllTasksAsync(user);

        var response = await user.Client.GetAsync("/api/export.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(tasks.Count, calendar.Todos.Count);
        foreach (var task in tasks)
        {
            var todo = calendar.Todos.Single(t => t.Uid == task.Id.ToString());
            Assert.Equal(task.Title, todo.Summary);
            Assert.Equal(task.Description, todo.Description);
            Assert.Equal(task.Labels, todo.Categories.Order(StringComparer.Ordinal));
            Assert.Equal(task.Priority switch { TaskPriority.High => 1, TaskPriority.Medium => 5, TaskPriority.Low => 9, _ => 0 }, todo.Priority);
            Assert.Equal(task.IsCompleted ? "COMPLETED" : "NEEDS-ACTION", todo.Status);
            Assert.Equal(task.IsCompleted, todo.Completed is not null);
            if (task.Due is null)
            {
                Assert.Null(todo.Due);
                continue;
            }

            Assert.Equal(task.Due.Date, todo.Due!.Date);
            Assert.Equal(task.Due.Datetime is not null, todo.Due.HasTime);
            if (task.Due.Datetime is { } at)
            {
                Assert.Equal((task.Due.Timezone, at.Hour, at.Minute), (todo.Due.TzId, todo.Due.Hour, todo.Due.Minute));
            }

            Assert.Equal(task.Due.Recurrence, todo.RecurrenceRule?.ToString());
        }

        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Berlin");
    }

    [Fact]
    public async Task TheTodoTxtExportReadsBackToTheSameTasks()
    {
        var owner = await api.CreateUserAsync();
        await FillAsync(owner);
        var response = await owner.Client.GetAsync("/api/export.txt");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("(A) ", text, StringComparison.Ordinal);
        Assert.Contains(" +Weekly_shopping @errands due:2026-12-24", text, StringComparison.Ordinal);

        var other = await api.CreateUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(other, text, "text/plain")).StatusCode);

        static object Shape(TaskDto t) => (t.Title, t.List.Name.Replace(' ', '_'), string.Join(',', t.Labels), t.Priority, t.IsCompleted, t.Due?.Date,
            DateOnly.FromDateTime(t.CreatedAt.ToUniversalTime()), t.CompletedAt is { } c ? DateOnly.FromDateTime(c.ToUniversalTime()) : (DateOnly?)null);
        Assert.Equal((await AllTasksAsync(owner)).Select(Shape), (await AllTasksAsync(other)).Select(Shape));
    }

    [Fact]
    public async Task TheCalendarFeedIsReadWithoutATokenUntilReplacedOrTurnedOff()
    {
        var user = await api.CreateUserAsync();
        await user.CreateTaskAsync("Feed me");
        var anonymous = api.CreateClient();
        await AssertProblemAsync(await user.Client.GetAsync("/api/calendar-feed"), 404);

        var first = await CreateFeedAsync(user);
        var feed = await anonymous.GetAsync(first.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        Assert.Contains("SUMMARY:Feed me", await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/calendar-feed")).StatusCode);

        // Kept as a hash only.
        var secret = first.Segments[^1][..^".ics".Length];
        var stored = await api.WithDbAsync(db => db.CalendarFeeds.AsNoTracking().SingleAsync(f => f.UserId == user.Id));
        Assert.Equal(TransferService.HashOf(secret), stored.SecretHash);
        Assert.DoesNotContain(secret, stored.SecretHash, StringComparison.Ordinal);

        var second = await CreateFeedAsync(user);
        Assert.NotEqual(first, second);
        await AssertProblemAsync(await anonymous.GetAsync(first.PathAndQuery), 404);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second.PathAndQuery)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync("/api/calendar-feed")).StatusCode);
        await AssertProblemAsync(await anonymous.GetAsync(second.PathAndQuery), 404);
        await AssertProblemAsync(await user.Client.DeleteAsync("/api/calendar-feed"), 404);
        await AssertProblemAsync(await anonymous.GetAsync("/calendar/not-a-secret.ics"), 404);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/calendar-feed", null)).StatusCode);
    }

    [Fact]
    public async Task AnotherUsersDataNeverAppears()
    {
        var owner = await api.CreateUserAsync();
        var stranger = await api.CreateUserAsync();
        await owner.CreateTaskAsync("Mine only");
        await CreateAsync(owner, new { title = "Owner's work", list_id = await CreateListAsync(owner, "Work") });
        await stranger.CreateTaskAsync("Stranger's secret");
        var strangerFeed = await CreateFeedAsync(stranger);

        var json = await (await owner.Client.GetAsync("/api/export")).Content.ReadAsStringAsync();
        var text = await (await owner.Client.GetAsync("/api/export.txt")).Content.ReadAsStringAsync();
        var ics = await (await owner.Client.GetAsync("/api/export.ics")).Content.ReadAsStringAsync();
        var ownerFeed = await (await api.CreateClient().GetAsync((await CreateFeedAsync(owner)).PathAndQuery)).Content.ReadAsStringAsync();
        foreach (var export in new[] { json, text, ics, ownerFeed })
        {
            Assert.Contains("Mine only", export, StringComparison.Ordinal);
            Assert.DoesNotContain("Stranger", export, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Mine only", await (await api.CreateClient().GetAsync(strangerFeed.PathAndQuery)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The stranger's import of a list named Work makes the stranger's own.
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(stranger, "Theirs +work", "text/plain")).StatusCode);
        Assert.Equal(["Inbox", "work"], await ListNamesAsync(stranger));
        Assert.Equal(["Inbox", "Work"], await ListNamesAsync(owner));
        Assert.Equal(["Mine only", "Owner's work"], (await AllTasksAsync(owner)).Select(t => t.Title));
    }

    /// <summary>Five tasks with two lists, labels, priorities, a timed recurring due with a reminder, an all-day due, a due counted from completion, and a completed task.</summary>
    private static async Task FillAsync(TestUser user)
    {
        var work = await CreateListAsync(user, "Work");
        var shopping = await CreateListAsync(user, "Weekly shopping");
        await CreateAsync(user, new
        {
            title = "Team meeting", description = "Bring the numbers", list_id = work, labels = MeetingLabels, priority = "high",
            due_string = "every monday at 9am", reminders = new[] { new { minutes_before = 30 } },
        });
        await CreateAsync(user, new { title = "Buy presents", list_id = shopping, labels = ErrandLabels, priority = "low", due_date = "2026-12-24" });
        await CreateAsync(user, new { title = "Water the plants", due_string = "every! 3 days", priority = "medium" });
        await CreateAsync(user, new { title = "Call at noon", due_datetime = "2027-01-05T12:00:00+01:00", reminders = new[] { new { at = "2030-01-01T08:00:00Z" } } });
        var done = await CreateAsync(user, new { title = "Old report", list_id = work });
        var patch = await user.Client.PatchAsJsonAsync($"/api/tasks/{done.Id}", new { is_completed = true }, Json);
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
    }

    /// <summary>The export without the moment it was made.</summary>
    private static string Comparable(JsonObject export)
    {
        var copy = export.DeepClone().AsObject();
        copy.Remove("exported_at");
        return copy.ToJsonString();
    }

    private static async Task<JsonObject> ExportAsync(TestUser user)
    {
        var response = await user.Client.GetAsync("/api/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Json))!;
    }

    private static Task<HttpResponseMessage> ImportAsync(TestUser user, string body, string mediaType, string query = "") =>
        user.Client.SendAsync(RawRequest(HttpMethod.Post, "/api/import" + query, body, mediaType));

    private static async Task<Uri> CreateFeedAsync(TestUser user)
    {
        var response = await user.Client.PostAsync("/api/calendar-feed", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new Uri((await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("url").GetString()!);
    }

    private static async Task SetZoneAsync(TestUser user, string zone) =>
        Assert.Equal(HttpStatusCode.OK, (await user.Client.PatchAsJsonAsync("/api/auth/me", new { time_zone = zone }, Json)).StatusCode);

    private static async Task<Guid> CreateListAsync(TestUser user, string name)
    {
        var response = await user.Client.PostAsJsonAsync("/api/lists", new { name }, Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
    }

    private static async Task<List<string>> ListNamesAsync(TestUser user) =>
        [.. (await user.Client.GetFromJsonAsync<JsonElement>("/api/lists", Json)).GetProperty("items").EnumerateArray().Select(l => l.GetProperty("name").GetString()!)];

    private static async Task<TaskDto> CreateAsync(TestUser user, object body)
    {
        var response = await user.Client.PostAsJsonAsync("/api/tasks", body, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await DescribeAsync(response));
        return await ReadTaskAsync(response);
    }

    private static async Task<List<TaskDto>> AllTasksAsync(TestUser user) => [.. (await user.ListAsync("?limit=100")).Items];
}

public sealed class SqliteTransferTests(SqliteTransferTests.Api api) : TransferTests(api), IClassFixture<SqliteTransferTests.Api>
{
    public sealed class Api : SqliteApi
    {
        protected override IReadOnlyDictionary<string, string?> Settings => Limits;
    }
}

public sealed class PostgresTransferTests(PostgresTransferTests.Api api) : TransferTests(api), IClassFixture<PostgresTransferTests.Api>
{
    public sealed class Api(PostgresServer server) : PostgresApi(server)
    {
        protected override IReadOnlyDictionary<string, string?> Settings => Limits;
    }
}
