using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Live;
using Todo.Tests.Infrastructure;
using Todo.Tests.Tasks.Due;
using static Todo.Tests.Infrastructure.ProblemAssert;
using static Todo.Tests.Reminders.ReminderApiSupport;
using static Todo.Tests.Tasks.Due.DueTestSupport;
using static Todo.Tests.Tasks.TaskTestSupport;

namespace Todo.Tests.Reminders;

/// <summary>
/// Reminders on tasks through REST (written with the task, read back in its JSON, following its due), fired once each
/// (late ones marked), moved with a repeating task's occurrences, listed and read as notifications and sent by email,
/// on each database. The clock is Wednesday 25 November 2026, 15:00 UTC (16:00 in Berlin) unless a test moves it.
/// </summary>
public abstract class ReminderTests(IReminderApi fixture)
{
    private readonly ApiFixture api = fixture.Api;

    [Fact]
    public async Task RemindersAreWrittenWithTheTaskAndShownInItsJson()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);

        var task = await user.CreateJsonAsync("""
            {"title": "Dentist", "due_string": "friday at 10:00", "reminders": [{"minutes_before": 30}, {"at": "2026-11-26T08:00:00Z"}]}
            """);

        var expected = new List<(string?, int?)> { ("2026-11-27T09:30:00+01:00", 30), ("2026-11-26T09:00:00+01:00", null) };
        Assert.Equal(expected, RemindersOf(task));
        Assert.Equal(expected, RemindersOf(await user.GetJsonAsync(IdOf(task))));
        var listed = (await user.Client.GetFromJsonAsync<JsonElement>("/api/tasks", ApiFixture.Json)).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(expected, RemindersOf(listed));
        Assert.All(task.GetProperty("reminders").EnumerateArray(), r => Assert.Equal(["id", "at", "minutes_before"], r.EnumerateObject().Select(p => p.Name)));

        // Left out, they are kept; a new due moves the minutes_before one, not the moment.
        var path = $"/api/tasks/{IdOf(task)}";
        Assert.Equal(expected, RemindersOf(await user.OkTaskAsync(HttpMethod.Patch, path, """{"title": "Dentist (teeth)"}""")));
        Assert.Equal(
            [("2026-11-28T09:30:00+01:00", 30), ("2026-11-26T09:00:00+01:00", null)],
            RemindersOf(await user.OkTaskAsync(HttpMethod.Patch, path, """{"due_string": "saturday at 10:00"}""")));

        // Replaced when sent; [] and null are none.
        Assert.Equal([("2026-11-28T09:50:00+01:00", 10)], RemindersOf(await user.OkTaskAsync(HttpMethod.Patch, path, """{"reminders": [{"minutes_before": 10}]}""")));
        Assert.Empty(RemindersOf(await user.OkTaskAsync(HttpMethod.Patch, path, """{"reminders": []}""")));
        await user.OkTaskAsync(HttpMethod.Patch, path, """{"reminders": [{"minutes_before": 10}]}""");
        Assert.Empty(RemindersOf(await user.OkTaskAsync(HttpMethod.Patch, path, """{"reminders": null}""")));
    }

    [Fact]
    public async Task AnAllDayDueCountsBackFromNineInTheUsersZone()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);

        var task = await user.CreateJsonAsync("""{"title": "Bins", "due_date": "2026-11-27", "reminders": [{"minutes_before": 60}, {"minutes_before": 0}]}""");

        Assert.Equal([("2026-11-27T08:00:00+01:00", 60), ("2026-11-27T09:00:00+01:00", 0)], RemindersOf(task));
    }

    [Fact]
    public async Task ClearingTheDueClearsTheReminders()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        var task = await user.CreateJsonAsync("""
            {"title": "Call", "due_string": "tomorrow at 9am", "reminders": [{"minutes_before": 15}, {"at": "2026-11-26T07:00:00+01:00"}]}
            """);

        var cleared = await user.OkTaskAsync(HttpMethod.Patch, $"/api/tasks/{IdOf(task)}", """{"due": null}""");

        AssertNoDue(cleared);
        Assert.Empty(RemindersOf(cleared));
        Assert.Equal(0, await api.WithDbAsync(db => db.Reminders.CountAsync(r => r.TaskId == IdOf(task))));
    }

    public static TheoryData<string> BadReminders =>
    [
        """[{"minutes_before": 30}, {"minutes_before": 31}, {"minutes_before": 32}, {"minutes_before": 33}, {"minutes_before": 34}, {"minutes_before": 35}, {"minutes_before": 36}, {"minutes_before": 37}, {"minutes_before": 38}, {"minutes_before": 39}, {"minutes_before": 40}]""",
        """[{"minutes_before": -1}]""",
        """[{"minutes_before": 40321}]""",
        """[{"minutes_before": 1.5}]""",
        """[{"minutes_before": "30"}]""",
        """[{"at": "2026-11-27T10:00:00"}]""",
        """[{"at": "2026-11-27"}]""",
        """[{"at": "tomorrow"}]""",
        """[{"at": "2026-11-27T10:00:00+01:00", "minutes_before": 5}]""",
        """[{}]""",
        """[{"in": 5}]""",
        """[30]""",
        "\"soon\"",
        "{}",
    ];

    [Theory]
    [MemberData(nameof(BadReminders))]
    public async Task BadRemindersAreA400NamingRemindersAndChangeNothing(string reminders)
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        var task = await user.CreateJsonAsync("""{"title": "Kept", "due_string": "friday at 10:00", "reminders": [{"minutes_before": 5}]}""");

        var created = await user.SendJsonAsync(HttpMethod.Post, "/api/tasks", $$"""{"title": "New", "due_string": "friday at 10:00", "reminders": {{reminders}}}""");
        var patched = await user.SendJsonAsync(HttpMethod.Patch, $"/api/tasks/{IdOf(task)}", $$"""{"title": "Changed", "reminders": {{reminders}}}""");

        await AssertValidationProblemAsync(created, "reminders");
        await AssertValidationProblemAsync(patched, "reminders");
        var after = await user.GetJsonAsync(IdOf(task));
        Assert.Equal("Kept", after.GetProperty("title").GetString());
        Assert.Equal([("2026-11-27T09:55:00+01:00", 5)], RemindersOf(after));
        Assert.Single((await user.ListAsync()).Items);
    }

    [Fact]
    public async Task MinutesBeforeATaskWithoutADueIsA400AndNothingIsWritten()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        var task = await user.CreateJsonAsync("""{"title": "Kept", "due_string": "friday at 10:00", "reminders": [{"minutes_before": 5}]}""");

        await AssertValidationProblemAsync(
            await user.SendJsonAsync(HttpMethod.Post, "/api/tasks", """{"title": "No due", "reminders": [{"minutes_before": 5}]}"""), "reminders");
        // Clearing the due while asking for minutes_before: refused as a whole, the due stays.
        await AssertValidationProblemAsync(
            await user.SendJsonAsync(HttpMethod.Patch, $"/api/tasks/{IdOf(task)}", """{"due": null, "reminders": [{"minutes_before": 5}]}"""), "reminders");

        var after = await user.GetJsonAsync(IdOf(task));
        Assert.Equal("2026-11-27", DueDateOf(after));
        Assert.Equal([("2026-11-27T09:55:00+01:00", 5)], RemindersOf(after));
        Assert.Single((await user.ListAsync()).Items);

        // A moment needs no due.
        var noDue = await user.CreateJsonAsync("""{"title": "Moment", "reminders": [{"at": "2026-11-26T10:00:00-05:00"}]}""");
        Assert.Equal([("2026-11-26T16:00:00+01:00", null)], RemindersOf(noDue));
    }

    [Fact]
    public async Task AReminderFiresOnceAsANotificationAndSignalsTheUser()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        await user.CreateJsonAsync("""{"title": "Call mom", "due_string": "today at 17:00", "reminders": [{"minutes_before": 30}]}""");
        var signals = new List<UserSignal>();
        using var subscription = api.Services.GetRequiredService<IUserSignals>().Subscribe(user.Id, s => { lock (signals) { signals.Add(s); } });

        await api.FireAsync();
        Assert.Equal(0, await api.StoredNotificationCountAsync(user.Id));

        fixture.Clock.Now = At("2026-11-25T15:30:10Z");
        await api.FireAsync();
        await api.FireAsync();

        var notification = Assert.Single(await user.NotificationItemsAsync());
        Assert.Equal("Call mom", notification.GetProperty("title").GetString());
        Assert.Equal(At("2026-11-25T15:30:00Z"), notification.GetProperty("due_at").GetDateTimeOffset());
        Assert.False(notification.GetProperty("late").GetBoolean());
        Assert.Equal(JsonValueKind.Null, notification.GetProperty("read_at").ValueKind);
        Assert.Equal("Call mom", notification.GetProperty("task").GetProperty("title").GetString());
        Assert.Equal(1, notification.GetProperty("task").GetProperty("number").GetInt32());
        lock (signals)
        {
            Assert.Equal([UserSignal.Notification], signals);
        }
    }

    [Fact]
    public async Task AReminderFiredWellAfterItsTimeIsMarkedLate()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        await user.CreateJsonAsync("""{"title": "Missed", "reminders": [{"at": "2026-11-25T16:00:00Z"}]}""");
        await user.CreateJsonAsync("""{"title": "Just now", "reminders": [{"at": "2026-11-25T17:59:30Z"}]}""");

        fixture.Clock.Now = At("2026-11-25T18:00:00Z"); // the servers were down for two hours
        await api.FireAsync();

        var items = await user.NotificationItemsAsync();
        Assert.Equal([("Just now", false), ("Missed", true)],
            items.Select(n => (n.GetProperty("title").GetString(), n.GetProperty("late").GetBoolean())).OrderBy(x => x.Item1));
    }

    [Fact]
    public async Task ARepeatingTasksRemindersMoveToEachOccurrenceAndFireOnceForEach()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        var task = await user.CreateJsonAsync("""
            {"title": "Standup", "due_string": "every day at 9am", "reminders": [{"minutes_before": 10}, {"at": "2026-11-26T08:00:00+01:00"}]}
            """);
        Assert.Equal([("2026-11-26T08:50:00+01:00", 10), ("2026-11-26T08:00:00+01:00", null)], RemindersOf(task));

        fixture.Clock.Now = At("2026-11-26T07:55:00Z");
        await api.FireAsync();
        await api.FireAsync();
        Assert.Equal(2, await api.StoredNotificationCountAsync(user.Id));

        var next = await user.OkTaskAsync(HttpMethod.Patch, $"/api/tasks/{IdOf(task)}/complete");
        Assert.Equal("2026-11-27", DueDateOf(next));
        Assert.Equal([("2026-11-27T08:50:00+01:00", 10), ("2026-11-27T08:00:00+01:00", null)], RemindersOf(next));
        await api.FireAsync();
        Assert.Equal(2, await api.StoredNotificationCountAsync(user.Id)); // not yet

        fixture.Clock.Now = At("2026-11-27T07:55:00Z");
        await api.FireAsync();
        await api.FireAsync();
        var dueTimes = (await user.NotificationItemsAsync()).Select(n => n.GetProperty("due_at").GetDateTimeOffset()).Order().ToList();
        Assert.Equal([At("2026-11-26T07:00:00Z"), At("2026-11-26T07:50:00Z"), At("2026-11-27T07:00:00Z"), At("2026-11-27T07:50:00Z")], dueTimes);
    }

    [Fact]
    public async Task NotificationsListUnreadNewestFirstAndAreMarkedReadByTheirOwnerOnly()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        var other = await api.UserInAsync(Berlin);
        await user.CreateJsonAsync("""{"title": "First", "reminders": [{"at": "2026-11-25T15:10:00Z"}]}""");
        fixture.Clock.Now = At("2026-11-25T15:10:00Z");
        await api.FireAsync();
        await user.CreateJsonAsync("""{"title": "Second", "reminders": [{"at": "2026-11-25T15:20:00Z"}]}""");
        fixture.Clock.Now = At("2026-11-25T15:20:00Z");
        await api.FireAsync();

        var all = await user.NotificationItemsAsync();
        Assert.Equal(["Second", "First"], all.Select(n => n.GetProperty("title").GetString()));
        var firstId = all[1].GetProperty("id").GetGuid();

        var read = await user.Client.PostAsync($"/api/notifications/{firstId}/read", null);
        Assert.True(read.StatusCode == HttpStatusCode.OK, await DescribeAsync(read));
        var body = await read.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json);
        Assert.Equal(At("2026-11-25T15:20:00Z"), body.GetProperty("read_at").GetDateTimeOffset());
        Assert.Equal(["Second"], (await user.NotificationItemsAsync("?unread=true")).Select(n => n.GetProperty("title").GetString()));
        Assert.Equal(2, (await user.NotificationItemsAsync()).Count);

        // Someone else's is not found, and never listed.
        await AssertProblemAsync(await other.Client.PostAsync($"/api/notifications/{firstId}/read", null), 404);
        await AssertProblemAsync(await other.Client.PostAsync($"/api/notifications/{Guid.NewGuid()}/read", null), 404);
        Assert.Empty(await other.NotificationItemsAsync());

        // A page at a time.
        var page = await user.NotificationsAsync("?limit=1");
        Assert.Equal("Second", page.GetProperty("items")[0].GetProperty("title").GetString());
        var cursor = page.GetProperty("next_cursor").GetString()!;
        var rest = await user.NotificationsAsync("?limit=1&cursor=" + Uri.EscapeDataString(cursor));
        Assert.Equal("First", rest.GetProperty("items")[0].GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("next_cursor").ValueKind);
        await AssertValidationProblemAsync(await user.Client.GetAsync("/api/notifications?cursor=nonsense"), "cursor");
        await AssertValidationProblemAsync(await user.Client.GetAsync("/api/notifications?limit=0"), "limit");
    }

    [Fact]
    public async Task AFiredReminderIsEmailedOnceToItsUser()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.UserInAsync(Berlin);
        await user.CreateJsonAsync("""{"title": "Water the plants", "reminders": [{"at": "2026-11-25T15:05:00Z"}]}""");

        fixture.Clock.Now = At("2026-11-25T15:05:00Z");
        await api.FireAsync();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        List<netDumbster.smtp.SmtpMessage> mine = [];
        while (DateTime.UtcNow < deadline)
        {
            mine = [.. fixture.Smtp.ReceivedEmail.Where(m => m.ToAddresses.Any(a => a.Address == user.Email))];
            if (mine.Count > 0 && await api.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == user.Id && n.EmailedAt != null)))
            {
                break;
            }

            await Task.Delay(100);
        }

        var mail = Assert.Single(mine);
        Assert.Equal("Reminder: Water the plants", mail.Headers["Subject"]);
        Assert.Contains("Water the plants", mail.MessageParts[0].BodyData, StringComparison.Ordinal);
        Assert.True(await api.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == user.Id && n.EmailedAt != null)));
    }
}

public sealed class SqliteReminderTests(ReminderSqliteApi api) : ReminderTests(api), IClassFixture<ReminderSqliteApi>;

public sealed class PostgresReminderTests(ReminderPostgresApi api) : ReminderTests(api), IClassFixture<ReminderPostgresApi>;
