using Todo.Server.Dates;
using static Todo.Tests.Dates.DateTestClock;

namespace Todo.Tests.Dates;

/// <summary>Date phrases found inside quick-add titles and chat sentences, and titles that hold no date.</summary>
public sealed class DateFindTests
{
    [Theory]
    [InlineData("Buy milk tomorrow at 5pm #Groceries", "tomorrow at 5pm", "2026-11-26", "17:00", null)]
    [InlineData("remind me to call mom tomorrow at 5", "tomorrow at 5", "2026-11-26", "17:00", null)]
    [InlineData("call mom at 5pm tomorrow", "at 5pm tomorrow", "2026-11-26", "17:00", null)]
    [InlineData("Pay rent every 1st #Home", "every 1st", "2026-12-01", null, "FREQ=MONTHLY;BYMONTHDAY=1")]
    [InlineData("pay rent every 1st of the month", "every 1st of the month", "2026-12-01", null, "FREQ=MONTHLY;BYMONTHDAY=1")]
    [InlineData("Submit report by friday", "by friday", "2026-11-27", null, null)]
    [InlineData("Finish report friday", "friday", "2026-11-27", null, null)]
    [InlineData("Finish report friday. @work !high", "friday", "2026-11-27", null, null)]
    [InlineData("Dentist on dec 24 at noon", "on dec 24 at noon", "2026-12-24", "12:00", null)]
    [InlineData("Water plants every day", "every day", "2026-11-25", null, "FREQ=DAILY")]
    [InlineData("Water plants daily", "daily", "2026-11-25", null, "FREQ=DAILY")]
    [InlineData("yoga every mon and thu at 7am", "every mon and thu at 7am", "2026-11-26", "07:00", "FREQ=WEEKLY;BYDAY=MO,TH")]
    [InlineData("Buy sun cream on sun", "on sun", "2026-11-29", null, null)]
    [InlineData("Meeting on the 3rd", "on the 3rd", "2026-12-03", null, null)]
    [InlineData("Call grandma in 2 weeks", "in 2 weeks", "2026-12-09", null, null)]
    [InlineData("Send invoice end of the month", "end of the month", "2026-11-30", null, null)]
    [InlineData("Party may 5", "may 5", "2027-05-05", null, null)]
    [InlineData("Read \"Tomorrow and Tomorrow\" by friday", "by friday", "2026-11-27", null, null)]
    [InlineData("Standup at 9:30am every weekday", "at 9:30am every weekday", "2026-11-26", "09:30", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")]
    [InlineData("Pick up kids at 4", "at 4", "2026-11-25", "16:00", null)]
    [InlineData("Pick up kids at 3", "at 3", "2026-11-26", "15:00", null)] // 15:00 is now: the next one
    [InlineData("Fix bug tmrw", "tmrw", "2026-11-26", null, null)]
    [InlineData("Lunch with Ann next friday at 1pm", "next friday at 1pm", "2026-12-04", "13:00", null)]
    [InlineData("Read The 5th Wave on friday", "on friday", "2026-11-27", null, null)]
    [InlineData("buy 2 tickets for dec 24", "dec 24", "2026-12-24", null, null)]
    [InlineData("Move meeting from monday to friday", "friday", "2026-11-27", null, null)]
    [InlineData("Sat exam prep on sat", "on sat", "2026-11-28", null, null)]
    [InlineData("Renew passport 2026-12-24 17:30 #Admin", "2026-12-24 17:30", "2026-12-24", "17:30", null)]
    [InlineData("gym tonight", "tonight", "2026-11-25", "20:00", null)]
    [InlineData("call the bank mon 9am", "mon 9am", "2026-11-30", "09:00", null)]
    [InlineData("Clean the garage this weekend", "this weekend", "2026-11-28", null, null)]
    [InlineData("Clean the garage over the weekend", "over the weekend", "2026-11-28", null, null)]
    [InlineData("Finish the deck by the weekend", "by the weekend", "2026-11-28", null, null)]
    [InlineData("Take out the bins every! 3 days", "every! 3 days", "2026-11-25", null, "FREQ=DAILY;INTERVAL=3")]
    [InlineData("Report due by the end of the month", "due by the end of the month", "2026-11-30", null, null)]
    [InlineData("Pay rent on the 1st of every month", "on the 1st of every month", "2026-12-01", null, "FREQ=MONTHLY;BYMONTHDAY=1")]
    [InlineData("Pay rent on the last day of every month", "on the last day of every month", "2026-11-30", null, "FREQ=MONTHLY;BYMONTHDAY=-1")]
    [InlineData("Submit the form by eod", "by eod", "2026-11-25", null, null)]
    [InlineData("Journal each morning", "each morning", "2026-11-26", "09:00", "FREQ=DAILY")]
    [InlineData("Book club every 1st and 3rd tuesday", "every 1st and 3rd tuesday", "2026-12-01", null, "FREQ=MONTHLY;BYDAY=1TU,3TU")]
    [InlineData("Haircut a week from friday", "a week from friday", "2026-12-04", null, null)]
    [InlineData("Dentist thursday after next", "thursday after next", "2026-12-03", null, null)]
    [InlineData("Mom's birthday on march 3rd every year", "on march 3rd every year", "2027-03-03", null, "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3")]
    [InlineData("Pay rent the 15th every month", "the 15th every month", "2026-12-15", null, "FREQ=MONTHLY;BYMONTHDAY=15")]
    [InlineData("Call dad sunday at 6pm every week", "sunday at 6pm every week", "2026-11-29", "18:00", "FREQ=WEEKLY;BYDAY=SU")]
    [InlineData("Stretch tomorrow, every morning", "tomorrow, every morning", "2026-11-26", "09:00", "FREQ=DAILY")]
    [InlineData("Visit grandma the week after next", "the week after next", "2026-12-07", null, null)]
    [InlineData("Standup weekdays at 9am", "weekdays at 9am", "2026-11-26", "09:00", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")]
    [InlineData("Call mom on Sunday at 3pm", "on Sunday at 3pm", "2026-11-29", "15:00", null)]
    [InlineData("Team sync every other tuesday at 10am #Work", "every other tuesday at 10am", "2026-12-01", "10:00", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU")]
    [InlineData("Book club every last thursday", "every last thursday", "2026-11-26", null, "FREQ=MONTHLY;BYDAY=-1TH")]
    [InlineData("Submit taxes by april 15", "by april 15", "2027-04-15", null, null)]
    [InlineData("Check oven in 45 minutes", "in 45 minutes", "2026-11-25", "15:45", null)]
    [InlineData("dinner tonight at 8", "tonight at 8", "2026-11-25", "20:00", null)]
    [InlineData("gym every mon wed fri at 7am", "every mon wed fri at 7am", "2026-11-27", "07:00", "FREQ=WEEKLY;BYDAY=MO,WE,FR")]
    [InlineData("Party on 24th december at 7pm", "on 24th december at 7pm", "2026-12-24", "19:00", null)]
    [InlineData("what's due today?", "due today", "2026-11-25", null, null)]
    [InlineData("push the dentist task to friday", "friday", "2026-11-27", null, null)]
    [InlineData("move it to next monday", "next monday", "2026-11-30", null, null)]
    [InlineData("Library books due tomorrow", "due tomorrow", "2026-11-26", null, null)]
    [InlineData("Dinner with Sam at 8", "at 8", "2026-11-25", "20:00", null)]
    [InlineData("Prepare weekly report every monday at 9am", "every monday at 9am", "2026-11-30", "09:00", "FREQ=WEEKLY;BYDAY=MO")]
    public void FindsTheDateInsideText(string text, string words, string date, string? time, string? rule)
    {
        var result = DateReader.Find(text, Now, Utc);

        Assert.Null(result.Error);
        var match = Assert.IsType<DateMatch>(result.Match);
        Assert.Equal(words, match.Text);
        Assert.Equal(words, text.Substring(match.Start, match.Length));
        AssertReading(match.Reading, date, time, rule, fromCompletion: words.StartsWith("every!", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsWhereThePhraseIsSoQuickAddCanTakeItOut()
    {
        var match = DateReader.Find("Buy milk tomorrow at 5pm #Groceries", Now, Utc).Match!;

        Assert.Equal(9, match.Start);
        Assert.Equal(15, match.Length);
    }

    [Theory]
    [InlineData("The 5th Wave")]
    [InlineData("Read The 5th Wave")]
    [InlineData("buy 2 tickets")]
    [InlineData("call 911")]
    [InlineData("read chapter 3")]
    [InlineData("Mon Cheri chocolates")]
    [InlineData("I may need to call the plumber")]
    [InlineData("march in the parade")]
    [InlineData("March madness bracket")]
    [InlineData("buy sun cream")]
    [InlineData("sun cream")]
    [InlineData("go out in the sun")]
    [InlineData("second hand shop")]
    [InlineData("Read \"See you tomorrow\"")]
    [InlineData("Watch 'Friday Night Lights'")]
    [InlineData("Watch “Tomorrow Never Dies”")]
    [InlineData("Friday Night Lights tickets")]
    [InlineData("Black Friday deals")]
    [InlineData("shop on Black Friday")]
    [InlineData("Cyber Monday sale")]
    [InlineData("Good Friday service planning")]
    [InlineData("Sat down with the team notes")]
    [InlineData("Wed planner pages")]
    [InlineData("Buy a new sat nav")]
    [InlineData("Buy 3 apples and 2 pears")]
    [InlineData("Room 101 cleanup")]
    [InlineData("Fix issue #12")]
    [InlineData("Email bob@example.com")]
    [InlineData("Prepare weekly report")]
    [InlineData("Daily standup notes")]
    [InlineData("Monthly budget review")]
    [InlineData("Top 10 movies")]
    [InlineData("Order 24 eggs")]
    [InlineData("Listen to Mayday")]
    [InlineData("Read 1984")]
    [InlineData("Jan's birthday gift")]
    [InlineData("May the force be with you")]
    [InlineData("Mon-Fri schedule")]
    [InlineData("Sunday school lesson plan")]
    [InlineData("pick the 3rd option")]
    [InlineData("Win 1st prize")]
    [InlineData("Call 555-1234")]
    [InlineData("Take 5")]
    [InlineData("Plan the weekend trip")]
    [InlineData("Plan the weekend")]
    [InlineData("The weekend bag")]
    [InlineData("Update v2.5 notes")]
    [InlineData("Midnight Express review")]
    [InlineData("Work on it")]
    [InlineData("Pay 30 dollars to Dec")]
    [InlineData("remove the date from task 4")]
    [InlineData("Doctor appointment 3/15")]
    [InlineData("Read pages 24-30")]
    [InlineData("Call 1-800-555-0199")]
    [InlineData("stop repeating the rent task")]
    [InlineData("Read the second chapter")]
    [InlineData("Every second counts poster")]
    public void TitlesWithoutADateHaveNone(string text)
    {
        var result = DateReader.Find(text, Now, Utc);

        Assert.Null(result.Error);
        Assert.Null(result.Match);
    }

    [Fact]
    public void AnImpossibleDateInsideTextIsAnErrorNotAMovedDate()
    {
        var result = DateReader.Find("party on feb 30", Now, Utc);

        Assert.Null(result.Match);
        Assert.Equal("'on feb 30' is not a date: February has no 30th day.", result.Error);
    }

    [Theory]
    [InlineData("feb 30", "February has no 30th day")]
    [InlineData("apr 31", "April has no 31st day")]
    [InlineData("31 june", "June has no 31st day")]
    [InlineData("feb 29 2027", "February 2027 has no 29th day")]
    [InlineData("2026-02-30", "that day does not exist")]
    [InlineData("2026-13-01", "that day does not exist")]
    [InlineData("2026-12-24T25:00", "that time does not exist")]
    [InlineData("Monday, 4 December", "4 December 2026 is a Friday, not a Monday")]
    [InlineData("Monday, 24 November", "24 November 2027 is a Wednesday, not a Monday")]
    [InlineData("Friday, 24 December 2026", "24 December 2026 is a Thursday, not a Friday")]
    [InlineData("dec 24 banana", "'banana' in 'dec 24 banana' is not understood")]
    [InlineData("tomorrow at 5pm please", "'please' in")]
    [InlineData("banana", "'banana' is not a date")]
    [InlineData("12/24", "'12/24' is not a date")]
    [InlineData("13pm", "is not a date")]
    [InlineData("25:00", "is not a date")]
    [InlineData("at 25", "is not a date")]
    [InlineData("every hour", "is not a date")]
    [InlineData("\"tomorrow\"", "is not a date")]
    [InlineData("", "There is no date to read.")]
    [InlineData(" , ", "There is no date to read.")]
    public void WholeTextThatIsNotADateSaysWhatWasNotUnderstood(string text, string expected)
    {
        var result = DateReader.ReadWhole(text, Now, Utc);

        Assert.Null(result.Match);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownZoneIsRefused() =>
        Assert.Throws<ArgumentException>(() => DateReader.ReadWhole("today", Now, "Mars/Olympus_Mons"));
}
