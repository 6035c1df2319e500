using System.Net.Http.Json;
using System.Text.Json;
using Todo.Server.Tasks;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Infrastructure.ProblemAssert;
using static Todo.Tests.Tasks.Due.DueTestSupport;
using static Todo.Tests.Tasks.TaskTestSupport;

namespace Todo.Tests.Tasks.Due;

/// <summary>One task of a seeded world: its title, one due field and value (none: no due), priority and completion.</summary>
public sealed record SeededTask(string Title, string? Field = null, string? Value = null, string Priority = "none", bool Completed = false);

/// <summary>
/// The date terms of filters, alone and with the other terms, sort=due with its cursors, and a user who changes time zone,
/// on each database. Each world is one user in one zone with tasks numbered 1, 2, 3… in the order listed, read at a moment
/// where the user's date differs from UTC's, or where a timed due earlier today has passed.
/// </summary>
public abstract class DueFilterTests(IDueApi fixture)
{
    private readonly ApiFixture api = fixture.Api;

    /// <summary>Berlin, Wednesday 25 November 2026, 16:00 (15:00 UTC).</summary>
    private static readonly DateTimeOffset BerlinNow = DueApiSettings.Wednesday;

    private static readonly SeededTask[] BerlinTasks =
    [
        new("Report earlier today", "due_datetime", "2026-11-25T09:00:00Z"),           // 1: 10:00 today, passed
        new("All day today", "due_date", "2026-11-25"),                                // 2
        new("Report this evening", "due_datetime", "2026-11-25T19:00:00Z", "high"),   // 3: 20:00 today
        new("Yesterday", "due_date", "2026-11-24"),                                    // 4
        new("Tomorrow all day", "due_date", "2026-11-26", "high"),                     // 5
        new("Just after midnight", "due_datetime", "2026-11-25T23:30:00Z"),            // 6: 00:30 tomorrow, still the 25th in UTC
        new("Next Tuesday", "due_date", "2026-12-01"),                                 // 7: the last of the next 7 days
        new("Next Wednesday", "due_date", "2026-12-02"),                               // 8
        new("Someday"),                                                                // 9
        new("Weekly", "due_string", "every monday"),                                   // 10: Monday 30 November
        new("Done last week", "due_date", "2026-11-20", Completed: true),              // 11
        new("Just after last midnight", "due_datetime", "2026-11-24T23:30:00Z"),       // 12: 00:30 today, still the 24th in UTC
    ];

    [Theory]
    [InlineData("today", new[] { 1, 2, 3, 12 })]
    [InlineData("tomorrow", new[] { 5, 6 })]
    [InlineData("overdue", new[] { 1, 4, 12 })]
    [InlineData("no date", new[] { 9 })]
    [InlineData("recurring", new[] { 10 })]
    [InlineData("next 1 days", new[] { 2, 3 })]
    [InlineData("next 2 days", new[] { 2, 3, 5, 6 })]
    [InlineData("next 7 days", new[] { 2, 3, 5, 6, 7, 10 })]
    [InlineData("next 8 days", new[] { 2, 3, 5, 6, 7, 8, 10 })]
    [InlineData("due before: 2026-11-25", new[] { 4, 11 })]
    [InlineData("due before: today", new[] { 4, 11 })]
    [InlineData("due before: tomorrow", new[] { 1, 2, 3, 4, 11, 12 })]
    [InlineData("due after: 2026-11-26", new[] { 7, 8, 10 })]
    [InlineData("due after: today", new[] { 5, 6, 7, 8, 10 })]
    [InlineData("due after: 2026-11-24 & due before: 2026-11-26", new[] { 1, 2, 3, 12 })]
    [InlineData("due on: 2026-11-25", new[] { 1, 2, 3, 12 })]
    [InlineData("due on: today", new[] { 1, 2, 3, 12 })]
    [InlineData("today | overdue", new[] { 1, 2, 3, 4, 12 })]
    [InlineData("today & !overdue", new[] { 2, 3 })]
    [InlineData("(today | tomorrow) & p1", new[] { 3, 5 })]
    [InlineData("today & search: report", new[] { 1, 3 })]
    [InlineData("overdue & search: report | recurring", new[] { 1, 10 })]
    [InlineData("no date | recurring", new[] { 9, 10 })]
    [InlineData("!no date & !recurring & pending & due after: tomorrow", new[] { 7, 8 })]
    [InlineData("completed & due before: today", new[] { 11 })]
    [InlineData("!(today | tomorrow | overdue | no date) & pending", new[] { 7, 8, 10 })]
    [InlineData("TODAY & #Inbox", new[] { 1, 2, 3, 12 })]
    public async Task DateTermsAreReckonedInTheUsersZone(string filter, int[] expected)
    {
        var user = await WorldAsync("berlin", Berlin, BerlinNow, BerlinTasks);

        Assert.Equal(expected, await user.FilteredAsync(filter));
        Assert.Equal(expected, await user.FilteredAsync(filter + " & !search: zzz"));
    }

    /// <summary>Auckland, Thursday 26 November 2026, 00:30 (NZDT, UTC+13): still Wednesday the 25th in UTC.</summary>
    private static readonly DateTimeOffset AucklandJustAfterMidnight = At("2026-11-25T11:30:00Z");

    private static readonly SeededTask[] AucklandTasks =
    [
        new("UTC's today", "due_date", "2026-11-25"),               // 1: yesterday in Auckland
        new("Auckland's today", "due_date", "2026-11-26"),          // 2
        new("At midnight", "due_datetime", "2026-11-25T11:00:00Z"), // 3: 00:00 today, passed
        new("At one", "due_datetime", "2026-11-25T12:00:00Z"),      // 4: 01:00 today
        new("Last minute", "due_datetime", "2026-11-26T10:59:00Z"), // 5: 23:59 today
        new("Next midnight", "due_datetime", "2026-11-26T11:00:00Z"), // 6: 00:00 tomorrow
        new("Friday", "due_date", "2026-11-27"),                     // 7
    ];

    [Theory]
    [InlineData("today", new[] { 2, 3, 4, 5 })]
    [InlineData("tomorrow", new[] { 6, 7 })]
    [InlineData("overdue", new[] { 1, 3 })]
    [InlineData("next 1 days", new[] { 2, 4, 5 })]
    [InlineData("next 2 days", new[] { 2, 4, 5, 6, 7 })]
    [InlineData("due before: today", new[] { 1 })]
    [InlineData("due after: today", new[] { 6, 7 })]
    [InlineData("due before: 2026-11-26", new[] { 1 })]
    [InlineData("due after: 2026-11-25", new[] { 2, 3, 4, 5, 6, 7 })]
    public async Task FarEastOfUtcJustAfterMidnightTodayIsTheUsersDay(string filter, int[] expected)
    {
        var user = await WorldAsync("auckland", Auckland, AucklandJustAfterMidnight, AucklandTasks);

        Assert.Equal(expected, await user.FilteredAsync(filter));
    }

    /// <summary>Los Angeles, Wednesday 25 November 2026, 23:30 (PST, UTC−8): already Thursday the 26th in UTC.</summary>
    private static readonly DateTimeOffset LosAngelesJustBeforeMidnight = At("2026-11-26T07:30:00Z");

    private static readonly SeededTask[] LosAngelesTasks =
    [
        new("Los Angeles' today", "due_date", "2026-11-25"),       // 1
        new("UTC's today", "due_date", "2026-11-26"),              // 2: tomorrow in Los Angeles
        new("At eleven", "due_datetime", "2026-11-26T07:00:00Z"),  // 3: 23:00 today, passed
        new("At a quarter to", "due_datetime", "2026-11-26T07:45:00Z"), // 4: 23:45 today
        new("At midnight", "due_datetime", "2026-11-26T08:00:00Z"), // 5: 00:00 tomorrow
        new("Tuesday", "due_date", "2026-11-24"),                  // 6
    ];

    [Theory]
    [InlineData("today", new[] { 1, 3, 4 })]
    [InlineData("tomorrow", new[] { 2, 5 })]
    [InlineData("overdue", new[] { 3, 6 })]
    [InlineData("next 1 days", new[] { 1, 4 })]
    [InlineData("due before: today", new[] { 6 })]
    [InlineData("due after: today", new[] { 2, 5 })]
    [InlineData("today & !overdue | tomorrow", new[] { 1, 2, 4, 5 })]
    public async Task FarWestOfUtcJustBeforeMidnightTodayIsTheUsersDay(string filter, int[] expected)
    {
        var user = await WorldAsync("los-angeles", LosAngeles, LosAngelesJustBeforeMidnight, LosAngelesTasks);

        Assert.Equal(expected, await user.FilteredAsync(filter));
    }

    [Fact]
    public async Task AFilteredDatePageIsOneRoundTrip()
    {
        var user = await WorldAsync("berlin", Berlin, BerlinNow, BerlinTasks);
        await user.ListAsync("?filter=today"); // the user's zone and active flag are kept from here on

        foreach (var filter in new[] { "today | overdue", "next 7 days", "due before: 2026-12-01 & !completed", "recurring | no date" })
        {
            var response = await user.Client.GetAsync("/api/tasks?sort=due&limit=2&filter=" + Uri.EscapeDataString(filter));
            Assert.True(response.IsSuccessStatusCode, await DescribeAsync(response));
            Assert.Equal(1, CommandsOf(response));
        }
    }

    /// <summary>The Berlin world in due order: earliest first, all-day before timed on the same day, ties by number, no date last.</summary>
    private static readonly int[] BerlinByDue = [11, 4, 2, 12, 1, 3, 5, 6, 10, 7, 8, 9];

    [Fact]
    public async Task SortByDueIsEarliestFirstAllDayBeforeTimedAndNoDateLast()
    {
        var user = await WorldAsync("berlin", Berlin, BerlinNow, BerlinTasks);

        Assert.Equal(BerlinByDue, (await user.ListAsync("?sort=due&limit=100")).Items.Select(t => t.Number));
    }

    [Fact]
    public async Task SortByDueBreaksTiesByNumber()
    {
        fixture.Clock.Now = BerlinNow;
        var user = await api.UserInAsync(Berlin);
        var tasks = new SeededTask[]
        {
            new("No date"),                                           // 1
            new("Nine", "due_datetime", "2026-11-26T08:00:00Z"),      // 2: 09:00 on the 26th
            new("All day", "due_date", "2026-11-26"),                 // 3
            new("Earlier day", "due_date", "2026-11-25"),             // 4
            new("No date again"),                                     // 5
            new("Nine again", "due_string", "tomorrow at 9"),         // 6
            new("All day again", "due_string", "tomorrow"),           // 7
            new("Half past midnight", "due_datetime", "2026-11-25T23:30:00Z"), // 8: 00:30 on the 26th
        };
        await SeedAsync(user, tasks);

        Assert.Equal([4, 3, 7, 8, 2, 6, 1, 5], (await user.ListAsync("?sort=due&limit=100")).Items.Select(t => t.Number));
        Assert.Equal([4, 3, 7, 8, 2, 6, 1, 5], await PagedAsync(user, "sort=due", 3));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(11)]
    [InlineData(12)]
    public async Task PagingByDueGivesEveryTaskOnceInOrder(int limit)
    {
        var user = await WorldAsync("berlin", Berlin, BerlinNow, BerlinTasks);

        Assert.Equal(BerlinByDue, await PagedAsync(user, "sort=due", limit));
        Assert.Equal(BerlinByDue.Where(n => n is not (9 or 11)), await PagedAsync(user, "sort=due&status=pending&filter=" + Uri.EscapeDataString("!no date"), limit));
        Assert.Equal([2, 12, 1, 3, 5, 6], await PagedAsync(user, "sort=due&filter=" + Uri.EscapeDataString("today | tomorrow"), limit));
    }

    [Fact]
    public async Task ACursorOfTheDueSortOnlyWorksWithIt()
    {
        var user = await WorldAsync("berlin", Berlin, BerlinNow, BerlinTasks);
        var first = await user.ListAsync("?sort=due&limit=2");

        var response = await user.Client.GetAsync($"/api/tasks?sort=number&limit=2&cursor={Uri.EscapeDataString(first.NextCursor!)}");

        await AssertValidationProblemAsync(response, "cursor");
    }

    [Fact]
    public async Task AUserWhoChangesZoneGetsTheNewZonesTodayAtOnceAndKeepsTheirDues()
    {
        // 23:30 UTC on Wednesday 25 November: already Thursday 00:30 in Berlin, still Wednesday 18:30 in New York.
        fixture.Clock.Now = At("2026-11-25T23:30:00Z");
        var user = await api.UserInAsync(Berlin);
        var wednesday = await user.CreateDueAsync("Wednesday", "due_date", "2026-11-25");
        var thursday = await user.CreateDueAsync("Thursday", "due_date", "2026-11-26");
        var timed = await user.CreateDueAsync("Eleven in Berlin", "due_datetime", "2026-11-25T22:00:00Z");
        var later = await user.CreateDueAsync("Ten in Berlin", "due_string", "today at 10:00");

        Assert.Equal([2, 4], await user.FilteredAsync("today"));
        Assert.Equal([1, 3], await user.FilteredAsync("overdue"));
        Assert.Empty(await user.FilteredAsync("tomorrow"));

        var me = await user.Client.PatchAsJsonAsync("/api/auth/me", new { time_zone = NewYork }, Json);
        Assert.True(me.IsSuccessStatusCode, await DescribeAsync(me));
        Assert.Equal(NewYork, (await me.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("time_zone").GetString());

        Assert.Equal([1, 3], await user.FilteredAsync("today"));
        Assert.Equal([3], await user.FilteredAsync("overdue"));
        Assert.Equal([2, 4], await user.FilteredAsync("tomorrow"));

        // All-day dues keep their date; timed ones keep their instant.
        AssertDue(await user.GetJsonAsync(IdOf(wednesday)), "2026-11-25", null, null, "Wednesday, 25 November");
        AssertDue(await user.GetJsonAsync(IdOf(thursday)), "2026-11-26", null, null, "Thursday, 26 November");
        Assert.Equal(At("2026-11-25T22:00:00Z"), (await user.GetJsonAsync(IdOf(timed))).GetProperty("due").GetProperty("datetime").GetDateTimeOffset());
        Assert.Equal(At("2026-11-26T09:00:00Z"), (await user.GetJsonAsync(IdOf(later))).GetProperty("due").GetProperty("datetime").GetDateTimeOffset());

        // New words are read in the new zone.
        AssertDue(await user.CreateDueAsync("New", "due_string", "today"), "2026-11-25", null, null, "Wednesday, 25 November");
        AssertDue(await user.CreateDueAsync("New timed", "due_string", "tomorrow at 9am"),
            "2026-11-26", "2026-11-26T09:00:00-05:00", NewYork, "Thursday, 26 November, 09:00");
        AssertDue(await user.CreateDueAsync("New instant", "due_datetime", "2026-11-27T12:00:00Z"),
            "2026-11-27", "2026-11-27T07:00:00-05:00", NewYork, "Friday, 27 November, 07:00");
    }

    /// <summary>Every page of <paramref name="query"/> at <paramref name="limit"/> a page, following the cursors: the numbers in order.</summary>
    private static async Task<List<int>> PagedAsync(TestUser user, string query, int limit)
    {
        var numbers = new List<int>();
        string? cursor = null;
        for (var page = 0; page < 50; page++)
        {
            var list = await user.ListAsync($"?{query}&limit={limit}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.True(list.Items.Count <= limit);
            numbers.AddRange(list.Items.Select(t => t.Number));
            cursor = list.NextCursor;
            if (cursor is null)
            {
                return numbers;
            }
        }

        throw new InvalidOperationException("The pages never ended.");
    }

    /// <summary>A user in <paramref name="zone"/> with <paramref name="tasks"/>, made once per fixture; the clock is set to <paramref name="now"/>.</summary>
    private async Task<TestUser> WorldAsync(string name, string zone, DateTimeOffset now, SeededTask[] tasks)
    {
        fixture.Clock.Now = now;
        return await fixture.OnceAsync(name, async () =>
        {
            var user = await api.UserInAsync(zone);
            await SeedAsync(user, tasks);
            return user;
        });
    }

    private static async Task SeedAsync(TestUser user, SeededTask[] tasks)
    {
        foreach (var (task, number) in tasks.Select((task, i) => (task, i + 1)))
        {
            var created = await user.CreateDueAsync(task.Title, task.Field, task.Value, task.Priority);
            Assert.Equal(number, NumberOf(created));
            if (task.Completed)
            {
                await user.OkTaskAsync(HttpMethod.Patch, $"/api/tasks/{IdOf(created)}", """{"is_completed": true}""");
            }
        }
    }
}

public sealed class SqliteDueFilterTests(DueSqliteApi api) : DueFilterTests(api), IClassFixture<DueSqliteApi>;

public sealed class PostgresDueFilterTests(DuePostgresApi api) : DueFilterTests(api), IClassFixture<DuePostgresApi>;
