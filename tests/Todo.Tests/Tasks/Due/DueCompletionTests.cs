using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Todo.Server.Dates;
using Todo.Server.Tasks;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Infrastructure.ProblemAssert;
using static Todo.Tests.Tasks.Due.DueTestSupport;

namespace Todo.Tests.Tasks.Due;

/// <summary>
/// Completing a repeating task from every REST entry point keeps it open and moves its due (from the due, or from the
/// completion for "every!", once when completed long after), moving one occurrence keeps the rule, and none of it costs
/// more database round trips than completing a plain task, on each database.
/// </summary>
public abstract class DueCompletionTests(IDueApi fixture)
{
    private readonly ApiFixture api = fixture.Api;

    /// <summary>The ways a client completes a task: PATCH is_completed, the toggle, and both on the original routes.</summary>
    public static TheoryData<string> Routes => ["patch", "toggle", "original patch", "original toggle"];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task CompletingARepeatingTaskKeepsItOpenAndMovesItsDueToTheNextOccurrence(string route)
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        var task = await user.CreateDueAsync("Standup", "due_string", "every monday at 9am");
        AssertDue(task, "2026-11-30", "2026-11-30T09:00:00+01:00", Berlin, "every Monday at 09:00", "FREQ=WEEKLY;BYDAY=MO");

        var answer = await CompleteAsync(user, IdOf(task), route);

        Assert.False(answer.GetProperty("is_completed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("completed_at").ValueKind);
        AssertDue(answer, "2026-12-07", "2026-12-07T09:00:00+01:00", Berlin, "every Monday at 09:00", "FREQ=WEEKLY;BYDAY=MO");
        var stored = await user.GetJsonAsync(IdOf(task));
        Assert.False(stored.GetProperty("is_completed").GetBoolean());
        AssertDue(stored, "2026-12-07", "2026-12-07T09:00:00+01:00", Berlin, "every Monday at 09:00", "FREQ=WEEKLY;BYDAY=MO");

        // Again: the next one after that.
        AssertDue(await CompleteAsync(user, IdOf(task), route), "2026-12-14", "2026-12-14T09:00:00+01:00", Berlin, "every Monday at 09:00", "FREQ=WEEKLY;BYDAY=MO");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task CompletingAPlainDatedTaskCompletesIt(string route)
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        var task = await user.CreateDueAsync("Once", "due_string", "friday at 10:00");

        var answer = await CompleteAsync(user, IdOf(task), route);

        Assert.True(answer.GetProperty("is_completed").GetBoolean());
        Assert.Equal(DueApiSettings.Wednesday, answer.GetProperty("completed_at").GetDateTimeOffset());
        AssertDue(answer, "2026-11-27", "2026-11-27T10:00:00+01:00", Berlin, "Friday, 27 November, 10:00");
    }

    [Fact]
    public async Task ARequestThatChangesTheDueAndCompletesMovesFromTheNewDue()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        var task = await user.CreateDueAsync("Plain until now");
        var path = $"/api/tasks/{IdOf(task)}";

        var answer = await user.OkTaskAsync(HttpMethod.Patch, path, """{"title": "Weekly now", "due_string": "every friday", "is_completed": true}""");

        Assert.Equal(("Weekly now", false), (answer.GetProperty("title").GetString(), answer.GetProperty("is_completed").GetBoolean()));
        AssertDue(answer, "2026-12-04", null, null, "every Friday", "FREQ=WEEKLY;BYDAY=FR");
        AssertDue(await user.GetJsonAsync(IdOf(task)), "2026-12-04", null, null, "every Friday", "FREQ=WEEKLY;BYDAY=FR");
    }

    [Fact]
    public async Task ADailyTaskMovesFromItsDueNotFromToday()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        var task = await user.CreateDueAsync("Water plants", "due_string", "every day");
        AssertDue(task, "2026-11-25", null, null, "every day", "FREQ=DAILY");
        var path = $"/api/tasks/{IdOf(task)}";

        // Done ahead: each completion on the same day moves it one more day.
        AssertDue(await user.OkTaskAsync(HttpMethod.Patch, path, """{"is_completed": true}"""), "2026-11-26", null, null, "every day", "FREQ=DAILY");
        AssertDue(await user.OkTaskAsync(HttpMethod.Patch, path, """{"is_completed": true}"""), "2026-11-27", null, null, "every day", "FREQ=DAILY");
    }

    [Fact]
    public async Task EveryBangCountsFromTheCompletionAndThePlainRuleFromTheDue()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        var fromCompletion = await user.CreateDueAsync("Haircut", "due_string", "every! 3 days");
        var fromDue = await user.CreateDueAsync("Backup", "due_string", "every 3 days");
        AssertDue(fromCompletion, "2026-11-25", null, null, "every! 3 days", "FREQ=DAILY;INTERVAL=3");
        AssertDue(fromDue, "2026-11-25", null, null, "every 3 days", "FREQ=DAILY;INTERVAL=3");

        // Done on Friday 27 November, two days late.
        fixture.Clock.Now = At("2026-11-27T12:00:00Z");
        AssertDue(await user.OkTaskAsync(HttpMethod.Patch, $"/api/tasks/{IdOf(fromCompletion)}/complete"),
            "2026-11-30", null, null, "every! 3 days", "FREQ=DAILY;INTERVAL=3");
        AssertDue(await user.OkTaskAsync(HttpMethod.Patch, $"/api/tasks/{IdOf(fromDue)}/complete"),
            "2026-11-28", null, null, "every 3 days", "FREQ=DAILY;INTERVAL=3");
    }

    [Fact]
    public async Task ATimedEveryBangKeepsItsTimeAndCountsFromTheCompletionDay()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        var task = await user.CreateDueAsync("Stretch", "due_string", "every! 2 days at 8am");
        AssertDue(task, "2026-11-26", "2026-11-26T08:00:00+01:00", Berlin, "every! 2 days at 08:00", "FREQ=DAILY;INTERVAL=2");

        fixture.Clock.Now = At("2026-11-28T20:00:00Z"); // Saturday 21:00 in Berlin
        AssertDue(await user.OkTaskAsync(HttpMethod.Patch, $"/api/tasks/{IdOf(task)}", """{"is_completed": true}"""),
            "2026-11-30", "2026-11-30T08:00:00+01:00", Berlin, "every! 2 days at 08:00", "FREQ=DAILY;INTERVAL=2");
    }

    [Fact]
    public async Task ARepeatingTaskCompletedLongAfterItsDueMovesOnceToItsFirstOccurrenceAfterToday()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        var weekly = await user.CreateDueAsync("Weekly review", "due_string", "every monday");
        var daily = await user.CreateDueAsync("Pills", "due_string", "every day at 9am");
        var monthly = await user.CreateDueAsync("Rent", "due_string", "every month on the 1st");
        AssertDue(daily, "2026-11-26", "2026-11-26T09:00:00+01:00", Berlin, "every day at 09:00", "FREQ=DAILY");

        // Wednesday 13 January 2027, 11:00 in Berlin: seven weeks later.
        fixture.Clock.Now = At("2027-01-13T10:00:00Z");
        AssertDue(await user.OkTaskAsync(HttpMethod.Patch, $"/api/tasks/{IdOf(weekly)}/complete"),
            "2027-01-18", null, null, "every Monday", "FREQ=WEEKLY;BYDAY=MO");
        AssertDue(await user.OkTaskAsync(HttpMethod.Patch, $"/api/tasks/{IdOf(daily)}", """{"is_completed": true}"""),
            "2027-01-14", "2027-01-14T09:00:00+01:00", Berlin, "every day at 09:00", "FREQ=DAILY");
        AssertDue(await user.OkTaskAsync(HttpMethod.Patch, $"/api/{user.Id}/tasks/{IdOf(monthly)}/complete"),
            "2027-02-01", null, null, "every month on the 1st", "FREQ=MONTHLY;BYMONTHDAY=1");
        Assert.Empty(await user.FilteredAsync("overdue"));
    }

    [Fact]
    public async Task MovingOneOccurrenceKeepsTheRule()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        var task = await user.CreateDueAsync("Gym", "due_string", "every monday");
        var path = $"/api/tasks/{IdOf(task)}";

        var moved = await user.OkTaskAsync(HttpMethod.Patch, path, """{"due_string": "friday"}""");
        AssertDue(moved, "2026-11-27", null, null, "every Monday", "FREQ=WEEKLY;BYDAY=MO");
        Assert.Equal([NumberOf(task)], await user.FilteredAsync("recurring"));

        // Completing the moved occurrence goes back to the rule: the Monday after it.
        AssertDue(await user.OkTaskAsync(HttpMethod.Patch, path, """{"is_completed": true}"""), "2026-11-30", null, null, "every Monday", "FREQ=WEEKLY;BYDAY=MO");

        // due_date and due_datetime move one occurrence as well; a new rule replaces the old one.
        AssertDue(await user.OkTaskAsync(HttpMethod.Patch, path, """{"due_date": "2026-12-02"}"""), "2026-12-02", null, null, "every Monday", "FREQ=WEEKLY;BYDAY=MO");
        AssertDue(await user.OkTaskAsync(HttpMethod.Patch, path, """{"due_string": "every tuesday"}"""), "2026-12-01", null, null, "every Tuesday", "FREQ=WEEKLY;BYDAY=TU");
    }

    [Fact]
    public async Task MovingOneOccurrenceOfATimedRuleKeepsTheRule()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        var task = await user.CreateDueAsync("Standup", "due_string", "every monday at 9am");
        var path = $"/api/tasks/{IdOf(task)}";

        var moved = await user.OkTaskAsync(HttpMethod.Patch, path, """{"due_string": "friday at 11:00"}""");
        Assert.Equal(("2026-11-27", "2026-11-27T11:00:00+01:00", true, "FREQ=WEEKLY;BYDAY=MO"),
            (DueDateOf(moved), moved.GetProperty("due").GetProperty("datetime").GetString(),
             moved.GetProperty("due").GetProperty("is_recurring").GetBoolean(), moved.GetProperty("due").GetProperty("recurrence").GetString()));

        var next = await user.OkTaskAsync(HttpMethod.Patch, $"/api/tasks/{IdOf(task)}/complete");
        Assert.False(next.GetProperty("is_completed").GetBoolean());
        Assert.Equal(("2026-11-30", "FREQ=WEEKLY;BYDAY=MO"),
            (DueDateOf(next), next.GetProperty("due").GetProperty("recurrence").GetString()));
    }

    [Theory]
    [InlineData("""{"due_string": "friday"}""")]
    [InlineData("""{"due_date": "2026-11-27"}""")]
    [InlineData("""{"due": "fri"}""")]
    public async Task MovingATimedRulesOccurrenceToAnotherDayKeepsItsTime(string body)
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        var task = await user.CreateDueAsync("Standup", "due_string", "every monday at 9am");
        var path = $"/api/tasks/{IdOf(task)}";

        // A day without a time moves this occurrence only: the rule and its time stay.
        AssertDue(await user.OkTaskAsync(HttpMethod.Patch, path, body),
            "2026-11-27", "2026-11-27T09:00:00+01:00", Berlin, "every Monday at 09:00", "FREQ=WEEKLY;BYDAY=MO");
        AssertDue(await user.OkTaskAsync(HttpMethod.Patch, $"{path}/complete"),
            "2026-11-30", "2026-11-30T09:00:00+01:00", Berlin, "every Monday at 09:00", "FREQ=WEEKLY;BYDAY=MO");
    }

    [Fact]
    public async Task ADailyTimedRuleKeepsItsWallClockTimeAcrossADstChange()
    {
        // Friday 26 March 2027, 12:00 in Berlin; summer time starts on Sunday the 28th.
        fixture.Clock.Now = At("2027-03-26T11:00:00Z");
        var user = await api.UserInAsync(Berlin);
        var task = await user.CreateDueAsync("Pills", "due_string", "every day at 9am");
        AssertDue(task, "2027-03-27", "2027-03-27T09:00:00+01:00", Berlin, "every day at 09:00", "FREQ=DAILY");
        var path = $"/api/tasks/{IdOf(task)}/complete";

        AssertDue(await user.OkTaskAsync(HttpMethod.Patch, path), "2027-03-28", "2027-03-28T09:00:00+02:00", Berlin, "every day at 09:00", "FREQ=DAILY");
        AssertDue(await user.OkTaskAsync(HttpMethod.Patch, path), "2027-03-29", "2027-03-29T09:00:00+02:00", Berlin, "every day at 09:00", "FREQ=DAILY");
        Assert.Equal(At("2027-03-29T07:00:00Z"), (await user.GetJsonAsync(IdOf(task))).GetProperty("due").GetProperty("datetime").GetDateTimeOffset());
    }

    [Fact]
    public async Task CompletingARepeatingTaskCostsNoMoreRoundTripsThanCompletingAPlainOne()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        var plain = await user.CreateDueAsync("Plain");
        var dated = await user.CreateDueAsync("Dated", "due_string", "friday");
        var allDay = await user.CreateDueAsync("All-day rule", "due_string", "every day");
        var timed = await user.CreateDueAsync("Timed rule", "due_string", "every monday at 9am");
        await user.Client.GetAsync("/api/auth/me"); // the account's active flag is kept from here on

        foreach (var (route, body) in new[] { ("{0}", """{"is_completed": true}"""), ("{0}/complete", null) })
        {
            var plainCost = await CommandsToCompleteAsync(user, IdOf(plain), route, body);
            Assert.Equal(plainCost, await CommandsToCompleteAsync(user, IdOf(dated), route, body));
            Assert.True(await CommandsToCompleteAsync(user, IdOf(allDay), route, body) <= plainCost);
            Assert.True(await CommandsToCompleteAsync(user, IdOf(timed), route, body) <= plainCost);

            // Reopen the plain ones for the next route.
            await user.OkTaskAsync(HttpMethod.Patch, $"/api/tasks/{IdOf(plain)}", """{"is_completed": false}""");
            await user.OkTaskAsync(HttpMethod.Patch, $"/api/tasks/{IdOf(dated)}", """{"is_completed": false}""");
        }
    }

    [Fact]
    public async Task CompletingARepeatingTaskReadsTheUsersZoneWithinItsRoundTrips()
    {
        // A task written without the web API (as a tool or an import would), so this server has not read the user's zone yet.
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Auckland);
        var rule = new DueReading(DateOnly.Parse("2026-11-26", System.Globalization.CultureInfo.InvariantCulture), null, Auckland, "FREQ=DAILY");
        var repeating = await api.WithDbAsync(db => new TaskService(db, fixture.Clock).CreateAsync(user.Id, "Daily", null, new NewTaskOptions { Due = rule }));
        var plain = await api.WithDbAsync(db => new TaskService(db, fixture.Clock).CreateAsync(user.Id, "Plain"));
        await user.Client.GetAsync("/api/auth/me");

        var plainCost = await CommandsToCompleteAsync(user, plain.Id, "{0}/complete", null);
        var response = await user.Client.PatchAsync($"/api/tasks/{repeating.Id}/complete", null);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        Assert.True(CommandsOf(response) <= plainCost, $"{CommandsOf(response)} round trips against {plainCost}");
        // Thursday 26 November in Auckland (04:00): the next day after it.
        Assert.Equal("2026-11-27", DueDateOf(await response.Content.ReadFromJsonAsync<JsonElement>(TaskTestSupport.Json)));
    }

    private static async Task<int> CommandsToCompleteAsync(TestUser user, Guid id, string route, string? body)
    {
        var path = "/api/tasks/" + string.Format(System.Globalization.CultureInfo.InvariantCulture, route, id);
        var response = body is null ? await user.Client.PatchAsync(path, null) : await user.SendJsonAsync(HttpMethod.Patch, path, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        return CommandsOf(response);
    }

    private static Task<JsonElement> CompleteAsync(TestUser user, Guid id, string route) => route switch
    {
        "patch" => user.OkTaskAsync(HttpMethod.Patch, $"/api/tasks/{id}", """{"is_completed": true}"""),
        "toggle" => user.OkTaskAsync(HttpMethod.Patch, $"/api/tasks/{id}/complete"),
        "original patch" => user.OkTaskAsync(HttpMethod.Patch, $"/api/{user.Id}/tasks/{id}", """{"is_completed": true}"""),
        "original toggle" => user.OkTaskAsync(HttpMethod.Patch, $"/api/{user.Id}/tasks/{id}/complete"),
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
    };
}

public sealed class SqliteDueCompletionTests(DueSqliteApi api) : DueCompletionTests(api), IClassFixture<DueSqliteApi>;

public sealed class PostgresDueCompletionTests(DuePostgresApi api) : DueCompletionTests(api), IClassFixture<DuePostgresApi>;
