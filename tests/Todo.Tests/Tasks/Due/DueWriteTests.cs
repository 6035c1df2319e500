using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Infrastructure.ProblemAssert;
using static Todo.Tests.Tasks.Due.DueTestSupport;
using static Todo.Tests.Tasks.TaskTestSupport;

namespace Todo.Tests.Tasks.Due;

/// <summary>
/// Writing a due over HTTP with each form (due_string, due_date, due_datetime, due), the exact due JSON, clearing it, the
/// 400s that change nothing, and the time zone of registration and of PATCH /api/auth/me, on each database. The clock
/// stands at Wednesday 25 November 2026, 15:00 UTC (16:00 in Berlin).
/// </summary>
public abstract class DueWriteTests(IDueApi fixture)
{
    private readonly ApiFixture api = fixture.Api;

    [Theory]
    [InlineData("tomorrow at 5pm", "2026-11-26", "2026-11-26T17:00:00+01:00", Berlin, "Thursday, 26 November, 17:00", null)]
    [InlineData("friday", "2026-11-27", null, null, "Friday, 27 November", null)]
    [InlineData("dec 24", "2026-12-24", null, null, "Thursday, 24 December", null)]
    [InlineData("in 3 days", "2026-11-28", null, null, "Saturday, 28 November", null)]
    [InlineData("today", "2026-11-25", null, null, "Wednesday, 25 November", null)]
    [InlineData("2026-12-24 17:30", "2026-12-24", "2026-12-24T17:30:00+01:00", Berlin, "Thursday, 24 December, 17:30", null)]
    [InlineData("every monday at 9am", "2026-11-30", "2026-11-30T09:00:00+01:00", Berlin, "every Monday at 09:00", "FREQ=WEEKLY;BYDAY=MO")]
    [InlineData("every day", "2026-11-25", null, null, "every day", "FREQ=DAILY")]
    [InlineData("every month on the 1st", "2026-12-01", null, null, "every month on the 1st", "FREQ=MONTHLY;BYMONTHDAY=1")]
    [InlineData("every! 3 days", "2026-11-25", null, null, "every! 3 days", "FREQ=DAILY;INTERVAL=3")]
    public async Task ADueStringIsReadInTheUsersZoneAndAnsweredExactly(
        string dueString, string date, string? datetime, string? timezone, string text, string? recurrence)
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);

        var created = await user.CreateDueAsync("Dated", "due_string", dueString);

        AssertDue(created, date, datetime, timezone, text, recurrence);
        AssertDue(await user.GetJsonAsync(IdOf(created)), date, datetime, timezone, text, recurrence);
        var listed = await user.OkTaskAsync(HttpMethod.Get, "/api/tasks");
        AssertDue(listed.GetProperty("items")[0], date, datetime, timezone, text, recurrence);
    }

    [Theory]
    [InlineData(Berlin)]
    [InlineData(Auckland)]
    [InlineData(LosAngeles)]
    public async Task ADueDateIsAllDayAndTheSameDayInEveryZone(string zone)
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(zone);

        var created = await user.CreateDueAsync("All day", "due_date", "2026-12-24");

        AssertDue(created, "2026-12-24", null, null, "Thursday, 24 December");
        AssertDue(await user.GetJsonAsync(IdOf(created)), "2026-12-24", null, null, "Thursday, 24 December");
    }

    [Theory]
    [InlineData(Berlin, "2026-12-24T16:30:00Z", "2026-12-24", "2026-12-24T17:30:00+01:00", "Thursday, 24 December, 17:30")]
    [InlineData(Berlin, "2026-12-24T08:30:00-08:00", "2026-12-24", "2026-12-24T17:30:00+01:00", "Thursday, 24 December, 17:30")]
    [InlineData(Berlin, "2026-12-24T17:30:00+01:00", "2026-12-24", "2026-12-24T17:30:00+01:00", "Thursday, 24 December, 17:30")]
    [InlineData(Berlin, "2027-07-01T10:00:00Z", "2027-07-01", "2027-07-01T12:00:00+02:00", "Thursday, 1 July 2027, 12:00")]
    [InlineData(Auckland, "2026-12-24T23:30:00Z", "2026-12-25", "2026-12-25T12:30:00+13:00", "Friday, 25 December, 12:30")]
    [InlineData(LosAngeles, "2026-12-25T05:00:00+00:00", "2026-12-24", "2026-12-24T21:00:00-08:00", "Thursday, 24 December, 21:00")]
    public async Task ADueDatetimeIsAnInstantAnsweredWithTheUsersOffset(string zone, string sent, string date, string datetime, string text)
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(zone);

        var created = await user.CreateDueAsync("Timed", "due_datetime", sent);

        AssertDue(created, date, datetime, zone, text);
        Assert.Equal(At(sent), created.GetProperty("due").GetProperty("datetime").GetDateTimeOffset());
        AssertDue(await user.GetJsonAsync(IdOf(created)), date, datetime, zone, text);
    }

    [Fact]
    public async Task DueAsAStringIsReadLikeDueString()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);

        var created = await user.CreateJsonAsync("""{"title": "Words", "due": "next friday at 10:00"}""");
        AssertDue(created, "2026-12-04", "2026-12-04T10:00:00+01:00", Berlin, "Friday, 4 December, 10:00");

        var patched = await user.OkTaskAsync(HttpMethod.Patch, $"/api/tasks/{IdOf(created)}", """{"due": "every weekday"}""");
        AssertDue(patched, "2026-11-25", null, null, "every weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    }

    [Fact]
    public async Task PatchChangesTheDueWithEachFormAndNothingElse()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        var task = await user.CreateJsonAsync("""{"title": "Changing", "description": "kept", "priority": "high"}""");
        AssertNoDue(task);
        var path = $"/api/tasks/{IdOf(task)}";

        AssertDue(await user.OkTaskAsync(HttpMethod.Patch, path, """{"due_string": "tomorrow at 9"}"""),
            "2026-11-26", "2026-11-26T09:00:00+01:00", Berlin, "Thursday, 26 November, 09:00");
        AssertDue(await user.OkTaskAsync(HttpMethod.Patch, path, """{"due_date": "2027-01-05"}"""),
            "2027-01-05", null, null, "Tuesday, 5 January 2027");
        AssertDue(await user.OkTaskAsync(HttpMethod.Patch, path, """{"due_datetime": "2026-12-01T07:15:00Z"}"""),
            "2026-12-01", "2026-12-01T08:15:00+01:00", Berlin, "Tuesday, 1 December, 08:15");
        AssertDue(await user.OkTaskAsync(HttpMethod.Patch, path, """{"due": "every mon and thu"}"""),
            "2026-11-26", null, null, "every Monday and Thursday", "FREQ=WEEKLY;BYDAY=MO,TH");

        // Fields other than the due leave it as it is.
        var renamed = await user.OkTaskAsync(HttpMethod.Patch, path, """{"title": "Renamed"}""");
        AssertDue(renamed, "2026-11-26", null, null, "every Monday and Thursday", "FREQ=WEEKLY;BYDAY=MO,TH");
        Assert.Equal(("Renamed", "kept", "high"),
            (renamed.GetProperty("title").GetString(), renamed.GetProperty("description").GetString(), renamed.GetProperty("priority").GetString()));
    }

    [Fact]
    public async Task PutSetsTheDueWhenSentAndKeepsItWhenNot()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        var task = await user.CreateDueAsync("Replaced", "due_date", "2026-12-24");
        var path = $"/api/tasks/{IdOf(task)}";

        var replaced = await user.OkTaskAsync(HttpMethod.Put, path, """{"title": "Replaced again", "due_string": "friday 18:00"}""");
        AssertDue(replaced, "2026-11-27", "2026-11-27T18:00:00+01:00", Berlin, "Friday, 27 November, 18:00");
        Assert.Equal("Replaced again", replaced.GetProperty("title").GetString());

        var kept = await user.OkTaskAsync(HttpMethod.Put, path, """{"title": "Only the title"}""");
        AssertDue(kept, "2026-11-27", "2026-11-27T18:00:00+01:00", Berlin, "Friday, 27 November, 18:00");

        var original = await user.OkTaskAsync(HttpMethod.Put, $"/api/{user.Id}/tasks/{IdOf(task)}", """{"title": "Original route", "due_date": "2026-12-31"}""");
        AssertDue(original, "2026-12-31", null, null, "Thursday, 31 December");
    }

    [Theory]
    [InlineData("PATCH", """{"due": null}""")]
    [InlineData("PUT", """{"title": "Cleared", "due": null}""")]
    public async Task DueNullClearsTheDueAndEndsTheRecurrence(string method, string body)
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        var task = await user.CreateDueAsync("Weekly", "due_string", "every monday at 9am");
        var path = $"/api/tasks/{IdOf(task)}";

        AssertNoDue(await user.OkTaskAsync(new HttpMethod(method), path, body));
        AssertNoDue(await user.GetJsonAsync(IdOf(task)));
        Assert.Empty(await user.FilteredAsync("recurring"));
        Assert.Equal([NumberOf(task)], await user.FilteredAsync("no date"));

        // No rule left: completing it completes it.
        var completed = await user.OkTaskAsync(HttpMethod.Patch, path, """{"is_completed": true}""");
        Assert.True(completed.GetProperty("is_completed").GetBoolean());
        AssertNoDue(completed);
    }

    [Theory]
    [InlineData("""{"due_string": "today", "due_date": "2026-12-24"}""")]
    [InlineData("""{"due_date": "2026-12-24", "due_datetime": "2026-12-24T10:00:00Z"}""")]
    [InlineData("""{"due_string": "today", "due": null}""")]
    [InlineData("""{"due": "today", "due_datetime": "2026-12-24T10:00:00Z"}""")]
    [InlineData("""{"due_string": "today", "due_date": "2026-12-24", "due_datetime": "2026-12-24T10:00:00Z", "due": "friday"}""")]
    public async Task MoreThanOneDueFieldIsA400AndChangesNothing(string dueFields)
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        var task = await user.CreateDueAsync("Kept", "due_date", "2026-12-01");
        var fields = JsonSerializer.Deserialize<JsonElement>(dueFields).EnumerateObject().Select(p => p.Name).ToList();

        var created = await user.SendJsonAsync(HttpMethod.Post, "/api/tasks", dueFields.Replace("{", """{"title": "Not made", """, StringComparison.Ordinal));
        await AssertNamesOneOfAsync(created, fields);
        var patched = await user.SendJsonAsync(HttpMethod.Patch, $"/api/tasks/{IdOf(task)}", dueFields.Replace("{", """{"title": "Not renamed", """, StringComparison.Ordinal));
        await AssertNamesOneOfAsync(patched, fields);

        var tasks = await user.ListAsync();
        var only = Assert.Single(tasks.Items);
        Assert.Equal("Kept", only.Title);
        AssertDue(await user.GetJsonAsync(IdOf(task)), "2026-12-01", null, null, "Tuesday, 1 December");
    }

    [Theory]
    [InlineData("due_string", "\"feb 30\"")]
    [InlineData("due_string", "\"blah\"")]
    [InlineData("due_string", "\"\"")]
    [InlineData("due_string", "\"every blue moon\"")]
    [InlineData("due", "\"blah\"")]
    [InlineData("due", "\"feb 30\"")]
    [InlineData("due", "5")]
    [InlineData("due", "{\"date\": \"2026-12-24\"}")]
    [InlineData("due_date", "\"2026-02-30\"")]
    [InlineData("due_date", "\"24/12/2026\"")]
    [InlineData("due_date", "\"tomorrow\"")]
    [InlineData("due_date", "\"9999-12-31\"")] // the sort key of "no date"
    [InlineData("due_datetime", "\"2026-12-24T17:30:00\"")]
    [InlineData("due_datetime", "\"2026-12-24\"")]
    [InlineData("due_datetime", "\"tomorrow at 5pm\"")]
    [InlineData("due_datetime", "\"2026-12-32T10:00:00Z\"")]
    public async Task AnUnreadableDueIsA400NamingItsFieldAndChangesNothing(string field, string value)
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        var task = await user.CreateDueAsync("Kept", "due_string", "every monday");
        var path = $"/api/tasks/{IdOf(task)}";

        await AssertValidationProblemAsync(
            await user.SendJsonAsync(HttpMethod.Post, "/api/tasks", $$"""{"title": "Not made", "{{field}}": {{value}}}"""), field);
        await AssertValidationProblemAsync(
            await user.SendJsonAsync(HttpMethod.Patch, path, $$"""{"title": "Not renamed", "priority": "high", "{{field}}": {{value}}}"""), field);
        await AssertValidationProblemAsync(
            await user.SendJsonAsync(HttpMethod.Put, path, $$"""{"title": "Not replaced", "{{field}}": {{value}}}"""), field);
        await AssertValidationProblemAsync(
            await user.SendJsonAsync(HttpMethod.Patch, $"/api/{user.Id}/tasks/{IdOf(task)}", $$"""{"{{field}}": {{value}}}"""), field);

        var only = Assert.Single((await user.ListAsync()).Items);
        Assert.Equal(("Kept", "none"), (only.Title, only.Priority.ToString().ToLowerInvariant()));
        AssertDue(await user.GetJsonAsync(IdOf(task)), "2026-11-30", null, null, "every Monday", "FREQ=WEEKLY;BYDAY=MO");
    }

    [Fact]
    public async Task AnUnreadableDueStringSaysWhatWasNotUnderstood()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);

        var problem = await AssertProblemAsync(
            await user.SendJsonAsync(HttpMethod.Post, "/api/tasks", """{"title": "x", "due_string": "feb 30"}"""), 400);

        var message = Assert.Single(problem.GetProperty("errors").GetProperty("due_string").EnumerateArray()).GetString();
        Assert.Contains("30", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Asia/Kolkata", "Asia/Kolkata")]
    [InlineData("Pacific/Auckland", "Pacific/Auckland")]
    [InlineData(null, "UTC")]
    public async Task RegistrationTakesAnIanaTimeZone(string? sent, string stored)
    {
        var client = api.CreateClient();
        var email = $"zone-{Guid.NewGuid():N}@example.com";

        var response = await client.PostAsJsonAsync("/api/auth/register", new { email, password = "correct horse battery", time_zone = sent }, Json);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await DescribeAsync(response));
        Assert.Equal(stored, (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("time_zone").GetString());
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "correct horse battery" }, Json);
        Assert.Equal(stored, (await login.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("user").GetProperty("time_zone").GetString());
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("+01:00")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("Europe/Berlin; DROP TABLE users")]
    public async Task AnUnknownTimeZoneIsA400AtRegistrationAndOnPatchMe(string zone)
    {
        var client = api.CreateClient();
        var email = $"zone-{Guid.NewGuid():N}@example.com";
        var register = await client.PostAsJsonAsync("/api/auth/register", new { email, password = "correct horse battery", time_zone = zone }, Json);
        await AssertValidationProblemAsync(register, "time_zone");
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "correct horse battery" }, Json);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode); // no account was made

        var user = await api.UserInAsync(Berlin);
        await AssertValidationProblemAsync(await user.Client.PatchAsJsonAsync("/api/auth/me", new { time_zone = zone }, Json), "time_zone");
        await AssertValidationProblemAsync(await user.SendJsonAsync(HttpMethod.Patch, "/api/auth/me", """{"time_zone": null}"""), "time_zone");
        await AssertValidationProblemAsync(await user.SendJsonAsync(HttpMethod.Patch, "/api/auth/me", "{}"), "time_zone");
        var me = await user.Client.GetFromJsonAsync<JsonElement>("/api/auth/me", Json);
        Assert.Equal(Berlin, me.GetProperty("time_zone").GetString());
    }

    private static async Task AssertNamesOneOfAsync(HttpResponseMessage response, IReadOnlyList<string> fields)
    {
        var problem = await AssertProblemAsync(response, 400);
        var named = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.NotEmpty(named);
        Assert.All(named, name => Assert.Contains(name, fields));
    }
}

public sealed class SqliteDueWriteTests(DueSqliteApi api) : DueWriteTests(api), IClassFixture<DueSqliteApi>;

public sealed class PostgresDueWriteTests(DuePostgresApi api) : DueWriteTests(api), IClassFixture<DuePostgresApi>;
