using Todo.Server.Components.Workspace;
using Todo.Server.Tasks;
using Todo.Server.Tasks.Filters;

namespace Todo.Tests.Web;

/// <summary>How a task's due reads on its row, reckoned in the user's zone: Wednesday 2 December 2026, 23:00 in Auckland.</summary>
public sealed class DueDisplayTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DueClock Auckland = DueClock.At(Now, TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland"));

    [Theory]
    [InlineData("2026-12-02", "Today")]
    [InlineData("2026-12-03", "Tomorrow")]
    [InlineData("2026-12-04", "Friday")]
    [InlineData("2026-12-08", "Tuesday")]
    [InlineData("2026-12-09", "Wed 9 Dec")]
    [InlineData("2027-01-05", "Tue 5 Jan 2027")]
    public void AnAllDayDueIsTodayTomorrowAWeekdayForTheNextSixDaysThenADate(string date, string expected)
    {
        var due = DueDisplay.For(Task(AllDay(date)), Auckland)!;

        Assert.Equal(expected, due.Text);
        Assert.False(due.IsOverdue);
    }

    [Fact]
    public void APastAllDayDueSaysOverdueInWords()
    {
        var due = DueDisplay.For(Task(AllDay("2026-12-01")), Auckland)!;

        Assert.True(due.IsOverdue);
        Assert.Equal("Overdue · Tue 1 Dec", due.Text);
    }

    [Fact]
    public void ATimedDueShowsItsDayAndTimeInTheUsersZone()
    {
        // 11:00 UTC on the 2nd is midnight on the 3rd in Auckland.
        var due = DueDisplay.For(Task(Timed("2026-12-02T11:00:00Z")), Auckland)!;

        Assert.Equal("Tomorrow, 00:00", due.Text);
        Assert.False(due.IsOverdue);
    }

    [Fact]
    public void ATimedDueEarlierTodayIsOverdue()
    {
        var due = DueDisplay.For(Task(Timed("2026-12-02T09:00:00Z")), Auckland)!;

        Assert.Equal("Overdue · Today, 22:00", due.Text);
    }

    [Fact]
    public void ACompletedTaskIsNeverOverdue()
    {
        var due = DueDisplay.For(Task(AllDay("2026-11-20"), completed: true), Auckland)!;

        Assert.False(due.IsOverdue);
        Assert.Equal("Fri 20 Nov", due.Text);
    }

    [Fact]
    public void ARepeatingDueCarriesItsRule()
    {
        var due = DueDisplay.For(Task(AllDay("2026-12-07") with { Text = "every Monday", IsRecurring = true, Recurrence = "FREQ=WEEKLY;BYDAY=MO" }), Auckland)!;

        Assert.Equal("every Monday", due.Repeats);
        Assert.Null(DueDisplay.For(Task(AllDay("2026-12-07")), Auckland)!.Repeats);
    }

    [Fact]
    public void NoDueShowsNothing() => Assert.Null(DueDisplay.For(Task(null), Auckland));

    private static TaskDueDto AllDay(string date) => new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), null, null, date, false, null);

    private static TaskDueDto Timed(string instant)
    {
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        return new(DateOnly.FromDateTime(at.UtcDateTime), at, "Pacific/Auckland", instant, false, null);
    }

    private static TaskDto Task(TaskDueDto? due, bool completed = false) => new(
        Guid.NewGuid(), 1, "Pay rent", null, completed, null, Now.UtcDateTime, Now.UtcDateTime,
        new TaskListRef(Guid.NewGuid(), "Inbox"), [], TaskPriority.None, due);
}
