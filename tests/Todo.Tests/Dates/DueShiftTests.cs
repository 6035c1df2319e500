using Todo.Server.Dates;

namespace Todo.Tests.Dates;

public sealed class DueShiftTests
{
    [Theory]
    [InlineData("2 days", 2, DueShiftUnit.Days)]
    [InlineData("1 week", 1, DueShiftUnit.Weeks)]
    [InlineData("-1 day", -1, DueShiftUnit.Days)]
    [InlineData("+3 hours", 3, DueShiftUnit.Hours)]
    [InlineData("30 minutes", 30, DueShiftUnit.Minutes)]
    [InlineData("30m", 30, DueShiftUnit.Minutes)]
    [InlineData("1 month", 1, DueShiftUnit.Months)]
    [InlineData("2mo", 2, DueShiftUnit.Months)]
    [InlineData(" 4 WEEKS ", 4, DueShiftUnit.Weeks)]
    public void ReadsAnAmountAndAUnit(string text, int amount, DueShiftUnit unit)
    {
        Assert.True(DueShift.TryParse(text, out var shift));
        Assert.Equal(new DueShift(amount, unit), shift);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0 days")]
    [InlineData("a week")]
    [InlineData("2 fortnights")]
    [InlineData("3651 days")]
    [InlineData("121 months")]
    [InlineData("2 days 3 hours")]
    [InlineData("99999999 days")]
    public void RefusesAnythingElse(string? text) => Assert.False(DueShift.TryParse(text, out _));

    [Fact]
    public void DaysWeeksAndMonthsMoveTheDateAndKeepTimeZoneAndRule()
    {
        var due = new DueReading(new DateOnly(2026, 1, 31), new TimeOnly(9, 30), "Europe/Berlin", "FREQ=WEEKLY;BYDAY=SA");
        Assert.Equal(due with { Date = new DateOnly(2026, 2, 2) }, new DueShift(2, DueShiftUnit.Days).Apply(due));
        Assert.Equal(due with { Date = new DateOnly(2026, 1, 24) }, new DueShift(-1, DueShiftUnit.Weeks).Apply(due));
        Assert.Equal(due with { Date = new DateOnly(2026, 2, 28) }, new DueShift(1, DueShiftUnit.Months).Apply(due));
    }

    [Fact]
    public void HoursMoveATimedDueAcrossMidnightAndNeverAnAllDayOne()
    {
        var timed = new DueReading(new DateOnly(2026, 12, 31), new TimeOnly(23, 0), "UTC");
        Assert.Equal(new DueReading(new DateOnly(2027, 1, 1), new TimeOnly(1, 30), "UTC"), new DueShift(150, DueShiftUnit.Minutes).Apply(timed));
        Assert.Null(new DueShift(1, DueShiftUnit.Hours).Apply(new DueReading(new DateOnly(2026, 12, 31), null, "UTC")));
    }

    [Fact]
    public void AnUndatedTaskMovesFromNowOnlyLater()
    {
        Assert.Equal("in 2 days", new DueShift(2, DueShiftUnit.Days).FromNowWords());
        Assert.Null(new DueShift(-2, DueShiftUnit.Days).FromNowWords());
        Assert.Equal("1 week", new DueShift(1, DueShiftUnit.Weeks).ToString());
        Assert.Equal("-3 hours", new DueShift(-3, DueShiftUnit.Hours).ToString());
    }
}
