using static Todo.Tests.Dates.DateTestClock;

namespace Todo.Tests.Dates;

/// <summary>Whole date phrases (due_string, filters) read against the fixed Wednesday in six zones.</summary>
public sealed class DatePhraseTests
{
    [Theory]
    // relative days, UTC (Wednesday 25 November 2026, 15:00)
    [InlineData(Utc, "today", "2026-11-25", null)]
    [InlineData(Utc, "Today.", "2026-11-25", null)]
    [InlineData(Utc, "tonight", "2026-11-25", "20:00")]
    [InlineData(Utc, "tomorrow", "2026-11-26", null)]
    [InlineData(Utc, "TOMORROW", "2026-11-26", null)]
    [InlineData(Utc, "  tomorrow  ", "2026-11-26", null)]
    [InlineData(Utc, "tmrw", "2026-11-26", null)]
    [InlineData(Utc, "tmr", "2026-11-26", null)]
    [InlineData(Utc, "tomorow", "2026-11-26", null)]
    [InlineData(Utc, "yesterday", "2026-11-24", null)]
    [InlineData(Utc, "the day after tomorrow", "2026-11-27", null)]
    [InlineData(Utc, "day after tomorrow", "2026-11-27", null)]
    // weekdays: the next one after today
    [InlineData(Utc, "friday", "2026-11-27", null)]
    [InlineData(Utc, "fri", "2026-11-27", null)]
    [InlineData(Utc, "Friday!", "2026-11-27", null)]
    [InlineData(Utc, "monday", "2026-11-30", null)]
    [InlineData(Utc, "mon", "2026-11-30", null)]
    [InlineData(Utc, "tue", "2026-12-01", null)]
    [InlineData(Utc, "tues", "2026-12-01", null)]
    [InlineData(Utc, "tuesday", "2026-12-01", null)]
    [InlineData(Utc, "wednesday", "2026-12-02", null)]
    [InlineData(Utc, "wed", "2026-12-02", null)]
    [InlineData(Utc, "thu", "2026-11-26", null)]
    [InlineData(Utc, "thur", "2026-11-26", null)]
    [InlineData(Utc, "thurs", "2026-11-26", null)]
    [InlineData(Utc, "thursday", "2026-11-26", null)]
    [InlineData(Utc, "sat", "2026-11-28", null)]
    [InlineData(Utc, "saturday", "2026-11-28", null)]
    [InlineData(Utc, "sun", "2026-11-29", null)]
    [InlineData(Utc, "sunday", "2026-11-29", null)]
    [InlineData(Utc, "on friday", "2026-11-27", null)]
    [InlineData(Utc, "by friday", "2026-11-27", null)]
    [InlineData(Utc, "this friday", "2026-11-27", null)]
    [InlineData(Utc, "this wednesday", "2026-11-25", null)]
    [InlineData(Utc, "next friday", "2026-12-04", null)]
    [InlineData(Utc, "next monday", "2026-11-30", null)]
    [InlineData(Utc, "next wednesday", "2026-12-02", null)]
    [InlineData(Utc, "next sunday", "2026-12-06", null)]
    // weeks, weekends, months
    [InlineData(Utc, "next week", "2026-11-30", null)]
    [InlineData(Utc, "this weekend", "2026-11-28", null)]
    [InlineData(Utc, "next weekend", "2026-12-05", null)]
    [InlineData(Utc, "end of the month", "2026-11-30", null)]
    [InlineData(Utc, "end of month", "2026-11-30", null)]
    [InlineData(Utc, "by the end of the month", "2026-11-30", null)]
    [InlineData(Utc, "end of the week", "2026-11-29", null)]
    [InlineData(Utc, "end of the year", "2026-12-31", null)]
    [InlineData(Utc, "next month", "2026-12-01", null)]
    [InlineData(Utc, "next year", "2027-01-01", null)]
    // counted from now
    [InlineData(Utc, "in 3 days", "2026-11-28", null)]
    [InlineData(Utc, "in 1 day", "2026-11-26", null)]
    [InlineData(Utc, "in 2 weeks", "2026-12-09", null)]
    [InlineData(Utc, "in a week", "2026-12-02", null)]
    [InlineData(Utc, "in two weeks", "2026-12-09", null)]
    [InlineData(Utc, "in 3 months", "2027-02-25", null)]
    [InlineData(Utc, "in a year", "2027-11-25", null)]
    [InlineData(Utc, "in an hour", "2026-11-25", "16:00")]
    [InlineData(Utc, "in 2 hours", "2026-11-25", "17:00")]
    [InlineData(Utc, "in 30 minutes", "2026-11-25", "15:30")]
    [InlineData(Utc, "in half an hour", "2026-11-25", "15:30")]
    [InlineData(Utc, "in 10 hours", "2026-11-26", "01:00")]
    [InlineData(Utc, "3 days from now", "2026-11-28", null)]
    [InlineData(Utc, "a week from today", "2026-12-02", null)]
    [InlineData(Utc, "2 hours from now", "2026-11-25", "17:00")]
    // calendar dates, forward
    [InlineData(Utc, "dec 24", "2026-12-24", null)]
    [InlineData(Utc, "Dec 24", "2026-12-24", null)]
    [InlineData(Utc, "december 24", "2026-12-24", null)]
    [InlineData(Utc, "december 24th", "2026-12-24", null)]
    [InlineData(Utc, "24 december", "2026-12-24", null)]
    [InlineData(Utc, "24 dec", "2026-12-24", null)]
    [InlineData(Utc, "24th of december", "2026-12-24", null)]
    [InlineData(Utc, "the 24th of december", "2026-12-24", null)]
    [InlineData(Utc, "on the 24th of dec", "2026-12-24", null)]
    [InlineData(Utc, "dec 24, 2027", "2027-12-24", null)]
    [InlineData(Utc, "24 december 2027", "2027-12-24", null)]
    [InlineData(Utc, "jan 5", "2027-01-05", null)]
    [InlineData(Utc, "nov 25", "2026-11-25", null)]
    [InlineData(Utc, "nov 24", "2027-11-24", null)]
    [InlineData(Utc, "sept 1", "2027-09-01", null)]
    [InlineData(Utc, "may 5", "2027-05-05", null)]
    [InlineData(Utc, "march 3", "2027-03-03", null)]
    [InlineData(Utc, "feb 29", "2028-02-29", null)]
    [InlineData(Utc, "on the 3rd", "2026-12-03", null)]
    [InlineData(Utc, "the 3rd", "2026-12-03", null)]
    [InlineData(Utc, "on the 25th", "2026-11-25", null)]
    [InlineData(Utc, "on the 30th", "2026-11-30", null)]
    [InlineData(Utc, "on the 31st", "2026-12-31", null)]
    [InlineData(Utc, "2026-12-24", "2026-12-24", null)]
    [InlineData(Utc, "2026-12-24 17:30", "2026-12-24", "17:30")]
    [InlineData(Utc, "2026-12-24T17:30", "2026-12-24", "17:30")]
    [InlineData(Utc, "2025-01-02", "2025-01-02", null)]
    [InlineData(Utc, "Friday, 4 December", "2026-12-04", null)]
    [InlineData(Utc, "Friday, 4 December, 17:00", "2026-12-04", "17:00")]
    [InlineData(Utc, "Friday, 24 December 2027", "2027-12-24", null)]
    [InlineData(Utc, "Tuesday, 24 November", "2026-11-24", null)] // a past due written back
    [InlineData(Utc, "Sunday, 30 November 2025", "2025-11-30", null)]
    // times alone: today while ahead, else tomorrow
    [InlineData(Utc, "at 5", "2026-11-25", "17:00")]
    [InlineData(Utc, "at 5pm", "2026-11-25", "17:00")]
    [InlineData(Utc, "5pm", "2026-11-25", "17:00")]
    [InlineData(Utc, "5 pm", "2026-11-25", "17:00")]
    [InlineData(Utc, "5 p.m.", "2026-11-25", "17:00")]
    [InlineData(Utc, "5:30pm", "2026-11-25", "17:30")]
    [InlineData(Utc, "5.30pm", "2026-11-25", "17:30")]
    [InlineData(Utc, "5:30", "2026-11-25", "17:30")]
    [InlineData(Utc, "17:30", "2026-11-25", "17:30")]
    [InlineData(Utc, "07:30", "2026-11-26", "07:30")]
    [InlineData(Utc, "at 9am", "2026-11-26", "09:00")]
    [InlineData(Utc, "at 9", "2026-11-25", "21:00")] // a bare hour without a date: the next time it strikes, 07:00–22:59
    [InlineData(Utc, "at 8", "2026-11-25", "20:00")]
    [InlineData(Utc, "at 10", "2026-11-25", "22:00")]
    [InlineData(Utc, "at 11", "2026-11-26", "11:00")]
    [InlineData(Utc, "at 2", "2026-11-26", "14:00")]
    [InlineData(Utc, "at 5:30", "2026-11-25", "17:30")]
    [InlineData(Utc, "at 8pm", "2026-11-25", "20:00")]
    [InlineData(Utc, "at 12am", "2026-11-26", "00:00")]
    [InlineData(Utc, "at 12pm", "2026-11-26", "12:00")]
    [InlineData(Utc, "at noon", "2026-11-26", "12:00")]
    [InlineData(Utc, "noon", "2026-11-26", "12:00")]
    [InlineData(Utc, "midnight", "2026-11-25", "23:59")]
    [InlineData(Utc, "at 6 o'clock", "2026-11-25", "18:00")]
    [InlineData(Utc, "in the morning", "2026-11-26", "09:00")]
    [InlineData(Utc, "in the evening", "2026-11-25", "19:00")]
    [InlineData(Utc, "in the afternoon", "2026-11-26", "15:00")]
    // dates with times, both orders
    [InlineData(Utc, "tomorrow at 5pm", "2026-11-26", "17:00")]
    [InlineData(Utc, "tomorrow at 5", "2026-11-26", "17:00")]
    [InlineData(Utc, "tomorrow at 8", "2026-11-26", "08:00")]
    [InlineData(Utc, "tomorrow 5pm", "2026-11-26", "17:00")]
    [InlineData(Utc, "tomorrow, 17:00", "2026-11-26", "17:00")]
    [InlineData(Utc, "at 5pm tomorrow", "2026-11-26", "17:00")]
    [InlineData(Utc, "5pm on friday", "2026-11-27", "17:00")]
    [InlineData(Utc, "noon tomorrow", "2026-11-26", "12:00")]
    [InlineData(Utc, "friday 17:30", "2026-11-27", "17:30")]
    [InlineData(Utc, "friday at 5", "2026-11-27", "17:00")]
    [InlineData(Utc, "fri @ 7pm", "2026-11-27", "19:00")]
    [InlineData(Utc, "dec 24 at noon", "2026-12-24", "12:00")]
    [InlineData(Utc, "dec 24 at midnight", "2026-12-24", "23:59")]
    [InlineData(Utc, "today at 10", "2026-11-25", "10:00")]
    [InlineData(Utc, "tomorrow morning", "2026-11-26", "09:00")]
    [InlineData(Utc, "tomorrow morning at 8", "2026-11-26", "08:00")]
    [InlineData(Utc, "tomorrow evening", "2026-11-26", "19:00")]
    [InlineData(Utc, "tomorrow evening at 7", "2026-11-26", "19:00")]
    [InlineData(Utc, "tomorrow night", "2026-11-26", "20:00")]
    [InlineData(Utc, "friday in the morning", "2026-11-27", "09:00")]
    [InlineData(Utc, "tonight at 9", "2026-11-25", "21:00")]
    [InlineData(Utc, "this evening", "2026-11-25", "19:00")]
    [InlineData(Utc, "this morning", "2026-11-25", "09:00")]
    [InlineData(Utc, "next monday at 9am", "2026-11-30", "09:00")]
    [InlineData(Utc, "in 3 days at 9am", "2026-11-28", "09:00")]
    [InlineData(Utc, "on dec 24 at 5:30pm", "2026-12-24", "17:30")]
    [InlineData(Utc, "due friday", "2026-11-27", null)]
    // New York, Wednesday 10:00
    [InlineData(NewYork, "today", "2026-11-25", null)]
    [InlineData(NewYork, "tomorrow", "2026-11-26", null)]
    [InlineData(NewYork, "at 9am", "2026-11-26", "09:00")]
    [InlineData(NewYork, "at 9", "2026-11-25", "21:00")]
    [InlineData(NewYork, "at noon", "2026-11-25", "12:00")]
    [InlineData(NewYork, "in 2 hours", "2026-11-25", "12:00")]
    [InlineData(NewYork, "friday", "2026-11-27", null)]
    [InlineData(NewYork, "next week", "2026-11-30", null)]
    [InlineData(NewYork, "in the morning", "2026-11-26", "09:00")]
    [InlineData(NewYork, "end of the month", "2026-11-30", null)]
    // Los Angeles, Wednesday 07:00
    [InlineData(LosAngeles, "at 9am", "2026-11-25", "09:00")]
    [InlineData(LosAngeles, "in the morning", "2026-11-25", "09:00")]
    [InlineData(LosAngeles, "at 7am", "2026-11-26", "07:00")]
    [InlineData(LosAngeles, "at 7", "2026-11-25", "19:00")]
    [InlineData(LosAngeles, "at 8", "2026-11-25", "08:00")]
    [InlineData(LosAngeles, "tonight", "2026-11-25", "20:00")]
    [InlineData(LosAngeles, "in 20 hours", "2026-11-26", "03:00")]
    [InlineData(LosAngeles, "this wednesday", "2026-11-25", null)]
    // Berlin, Wednesday 16:00
    [InlineData(Berlin, "today", "2026-11-25", null)]
    [InlineData(Berlin, "at 5", "2026-11-25", "17:00")]
    [InlineData(Berlin, "at 3pm", "2026-11-26", "15:00")]
    [InlineData(Berlin, "in 9 hours", "2026-11-26", "01:00")]
    [InlineData(Berlin, "24 dec 18:00", "2026-12-24", "18:00")]
    [InlineData(Berlin, "next friday", "2026-12-04", null)]
    // Kolkata, Wednesday 20:30
    [InlineData(Kolkata, "tonight", "2026-11-25", "20:00")]
    [InlineData(Kolkata, "tonight at 9", "2026-11-25", "21:00")]
    [InlineData(Kolkata, "at 8pm", "2026-11-26", "20:00")]
    [InlineData(Kolkata, "at 9", "2026-11-25", "21:00")]
    [InlineData(Kolkata, "at 8", "2026-11-26", "08:00")]
    [InlineData(Kolkata, "in an hour", "2026-11-25", "21:30")]
    [InlineData(Kolkata, "in 4 hours", "2026-11-26", "00:30")]
    [InlineData(Kolkata, "midnight", "2026-11-25", "23:59")]
    // Auckland, already Thursday 26 November 04:00 while UTC is Wednesday
    [InlineData(Auckland, "today", "2026-11-26", null)]
    [InlineData(Auckland, "tomorrow", "2026-11-27", null)]
    [InlineData(Auckland, "yesterday", "2026-11-25", null)]
    [InlineData(Auckland, "friday", "2026-11-27", null)]
    [InlineData(Auckland, "thursday", "2026-12-03", null)]
    [InlineData(Auckland, "this thursday", "2026-11-26", null)]
    [InlineData(Auckland, "next friday", "2026-12-04", null)]
    [InlineData(Auckland, "next week", "2026-11-30", null)]
    [InlineData(Auckland, "end of the week", "2026-11-29", null)]
    [InlineData(Auckland, "at 5", "2026-11-26", "17:00")]
    [InlineData(Auckland, "in 2 hours", "2026-11-26", "06:00")]
    [InlineData(Auckland, "in 3 days", "2026-11-29", null)]
    [InlineData(Auckland, "nov 25", "2027-11-25", null)]
    [InlineData(Auckland, "on the 26th", "2026-11-26", null)]
    public void ReadsOneOffDates(string zone, string text, string date, string? time) =>
        AssertReading(ReadWhole(text, zone), date, time);

    [Theory]
    [InlineData(Utc, "every day", "2026-11-25", null, "FREQ=DAILY")]
    [InlineData(Utc, "daily", "2026-11-25", null, "FREQ=DAILY")]
    [InlineData(Utc, "everyday", "2026-11-25", null, "FREQ=DAILY")]
    [InlineData(Utc, "every weekday", "2026-11-25", null, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")]
    [InlineData(Utc, "every workday", "2026-11-25", null, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")]
    [InlineData(Utc, "every weekend", "2026-11-28", null, "FREQ=WEEKLY;BYDAY=SA,SU")]
    [InlineData(Utc, "every monday", "2026-11-30", null, "FREQ=WEEKLY;BYDAY=MO")]
    [InlineData(Utc, "every mondays", "2026-11-30", null, "FREQ=WEEKLY;BYDAY=MO")]
    [InlineData(Utc, "every wednesday", "2026-11-25", null, "FREQ=WEEKLY;BYDAY=WE")]
    [InlineData(Utc, "every mon and thu", "2026-11-26", null, "FREQ=WEEKLY;BYDAY=MO,TH")]
    [InlineData(Utc, "every thu, mon", "2026-11-26", null, "FREQ=WEEKLY;BYDAY=MO,TH")]
    [InlineData(Utc, "every mon, wed and fri", "2026-11-25", null, "FREQ=WEEKLY;BYDAY=MO,WE,FR")]
    [InlineData(Utc, "every week", "2026-11-25", null, "FREQ=WEEKLY;BYDAY=WE")]
    [InlineData(Utc, "weekly", "2026-11-25", null, "FREQ=WEEKLY;BYDAY=WE")]
    [InlineData(Utc, "every 2 weeks", "2026-11-25", null, "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE")]
    [InlineData(Utc, "every other week", "2026-11-25", null, "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE")]
    [InlineData(Utc, "every 2 weeks on monday", "2026-11-30", null, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO")]
    [InlineData(Utc, "every other monday", "2026-11-30", null, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO")]
    [InlineData(Utc, "every 3 days", "2026-11-25", null, "FREQ=DAILY;INTERVAL=3")]
    [InlineData(Utc, "every three days", "2026-11-25", null, "FREQ=DAILY;INTERVAL=3")]
    [InlineData(Utc, "every other day", "2026-11-25", null, "FREQ=DAILY;INTERVAL=2")]
    [InlineData(Utc, "every second week", "2026-11-25", null, "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE")]
    [InlineData(Utc, "every third day", "2026-11-25", null, "FREQ=DAILY;INTERVAL=3")]
    [InlineData(Utc, "every monday starting next week", "2026-11-30", null, "FREQ=WEEKLY;BYDAY=MO")]
    [InlineData(Utc, "every 2 weeks starting friday", "2026-11-27", null, "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR")]
    [InlineData(Utc, "every week starting dec 1", "2026-12-01", null, "FREQ=WEEKLY;BYDAY=TU")]
    [InlineData(Utc, "monthly starting next month", "2026-12-01", null, "FREQ=MONTHLY;BYMONTHDAY=1")]
    [InlineData(Utc, "every day at 9am starting friday", "2026-11-27", "09:00", "FREQ=DAILY")]
    [InlineData(Utc, "monthly", "2026-11-25", null, "FREQ=MONTHLY;BYMONTHDAY=25")]
    [InlineData(Utc, "every month", "2026-11-25", null, "FREQ=MONTHLY;BYMONTHDAY=25")]
    [InlineData(Utc, "every 2 months", "2026-11-25", null, "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=25")]
    [InlineData(Utc, "every month on the 1st", "2026-12-01", null, "FREQ=MONTHLY;BYMONTHDAY=1")]
    [InlineData(Utc, "every 1st of the month", "2026-12-01", null, "FREQ=MONTHLY;BYMONTHDAY=1")]
    [InlineData(Utc, "every 1st", "2026-12-01", null, "FREQ=MONTHLY;BYMONTHDAY=1")]
    [InlineData(Utc, "every 15th", "2026-12-15", null, "FREQ=MONTHLY;BYMONTHDAY=15")]
    [InlineData(Utc, "every 31st", "2026-12-31", null, "FREQ=MONTHLY;BYMONTHDAY=31")]
    [InlineData(Utc, "every month on the 1st and 15th", "2026-12-01", null, "FREQ=MONTHLY;BYMONTHDAY=1,15")]
    [InlineData(Utc, "every last day of the month", "2026-11-30", null, "FREQ=MONTHLY;BYMONTHDAY=-1")]
    [InlineData(Utc, "every month on the last day", "2026-11-30", null, "FREQ=MONTHLY;BYMONTHDAY=-1")]
    [InlineData(Utc, "every year", "2026-11-25", null, "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=25")]
    [InlineData(Utc, "yearly", "2026-11-25", null, "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=25")]
    [InlineData(Utc, "annually", "2026-11-25", null, "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=25")]
    [InlineData(Utc, "every dec 24", "2026-12-24", null, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24")]
    [InlineData(Utc, "every 24th of december", "2026-12-24", null, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24")]
    [InlineData(Utc, "every year on 24 december", "2026-12-24", null, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24")]
    [InlineData(Utc, "every monday at 9am", "2026-11-30", "09:00", "FREQ=WEEKLY;BYDAY=MO")]
    [InlineData(Utc, "every day at 9am", "2026-11-26", "09:00", "FREQ=DAILY")]
    [InlineData(Utc, "every day at 5pm", "2026-11-25", "17:00", "FREQ=DAILY")]
    [InlineData(Utc, "daily at 17:30", "2026-11-25", "17:30", "FREQ=DAILY")]
    [InlineData(Utc, "at 9am every day", "2026-11-26", "09:00", "FREQ=DAILY")]
    [InlineData(Utc, "every wed at 9am", "2026-12-02", "09:00", "FREQ=WEEKLY;BYDAY=WE")]
    [InlineData(Utc, "every morning", "2026-11-26", "09:00", "FREQ=DAILY")]
    [InlineData(Utc, "every evening", "2026-11-25", "19:00", "FREQ=DAILY")]
    [InlineData(Utc, "every weekday at 8:30am", "2026-11-26", "08:30", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")]
    [InlineData(NewYork, "every day at 9am", "2026-11-26", "09:00", "FREQ=DAILY")]
    [InlineData(LosAngeles, "every day at 9am", "2026-11-25", "09:00", "FREQ=DAILY")]
    [InlineData(Berlin, "every mon and thu at 18:00", "2026-11-26", "18:00", "FREQ=WEEKLY;BYDAY=MO,TH")]
    [InlineData(Kolkata, "every evening", "2026-11-26", "19:00", "FREQ=DAILY")]
    [InlineData(Auckland, "every thursday", "2026-11-26", null, "FREQ=WEEKLY;BYDAY=TH")]
    [InlineData(Auckland, "every week", "2026-11-26", null, "FREQ=WEEKLY;BYDAY=TH")]
    [InlineData(Auckland, "monthly", "2026-11-26", null, "FREQ=MONTHLY;BYMONTHDAY=26")]
    public void ReadsRecurrences(string zone, string text, string date, string? time, string rule) =>
        AssertReading(ReadWhole(text, zone), date, time, rule);

    [Theory]
    [InlineData("every! 3 days", "2026-11-25", null, "FREQ=DAILY;INTERVAL=3")]
    [InlineData("every! day", "2026-11-25", null, "FREQ=DAILY")]
    [InlineData("every! week", "2026-11-25", null, "FREQ=WEEKLY")]
    [InlineData("every! week starting friday", "2026-11-27", null, "FREQ=WEEKLY")]
    [InlineData("every! 2 weeks at 9am", "2026-12-02", "09:00", "FREQ=WEEKLY;INTERVAL=2")] // 09:00 today has passed: the next step
    public void ReadsRecurrencesCountedFromCompletion(string text, string date, string? time, string rule) =>
        AssertReading(ReadWhole(text, Utc), date, time, rule, fromCompletion: true);

    [Theory]
    // month ends and leap day: Saturday 31 January 2026 and Monday 28 February 2028
    [InlineData("2026-01-31T12:00:00Z", "in a month", "2026-02-28", null)]
    [InlineData("2026-01-31T12:00:00Z", "next month", "2026-02-01", null)]
    [InlineData("2026-01-31T12:00:00Z", "on the 31st", "2026-01-31", null)]
    [InlineData("2026-01-31T12:00:00Z", "on the 30th", "2026-03-30", null)]
    [InlineData("2026-01-31T12:00:00Z", "tomorrow", "2026-02-01", null)]
    [InlineData("2026-01-31T12:00:00Z", "end of the month", "2026-01-31", null)]
    [InlineData("2028-02-28T12:00:00Z", "tomorrow", "2028-02-29", null)]
    [InlineData("2028-02-28T12:00:00Z", "end of the month", "2028-02-29", null)]
    [InlineData("2028-02-28T12:00:00Z", "feb 29", "2028-02-29", null)]
    [InlineData("2028-02-28T12:00:00Z", "in 2 days", "2028-03-01", null)]
    [InlineData("2026-12-31T12:00:00Z", "tomorrow", "2027-01-01", null)]
    [InlineData("2026-12-31T12:00:00Z", "next week", "2027-01-04", null)]
    [InlineData("2026-12-31T12:00:00Z", "dec 24", "2027-12-24", null)]
    [InlineData("2027-01-10T12:00:00Z", "dec 24", "2027-12-24", null)]
    public void ReadsAcrossMonthEndsYearEndsAndLeapDays(string now, string text, string date, string? time) =>
        AssertReading(ReadWhole(text, Utc, Instant(now)), date, time);

    [Fact]
    public void LastDayOfFebruaryInALeapYearIsTheTwentyNinth() =>
        AssertReading(ReadWhole("every last day of the month", Utc, Instant("2028-02-10T12:00:00Z")), "2028-02-29", null, "FREQ=MONTHLY;BYMONTHDAY=-1");

    [Fact]
    public void NewYorkLateEveningIsStillWednesdayWhileUtcIsThursday()
    {
        var lateWednesday = Instant("2026-11-26T03:00:00Z"); // 22:00 on Wednesday in New York

        AssertReading(ReadWhole("today", NewYork, lateWednesday), "2026-11-25", null);
        AssertReading(ReadWhole("tomorrow", NewYork, lateWednesday), "2026-11-26", null);
        AssertReading(ReadWhole("thursday", NewYork, lateWednesday), "2026-11-26", null);
        AssertReading(ReadWhole("today", Utc, lateWednesday), "2026-11-26", null);
        AssertReading(ReadWhole("at 11pm", NewYork, lateWednesday), "2026-11-25", "23:00");
    }

    [Fact]
    public void DaysAheadAreCalendarDaysInTheZoneEvenAcrossTheSpringChange()
    {
        var saturdayInBerlin = Instant("2026-03-28T12:00:00Z"); // 13:00 CET, the night before summer time

        var tomorrowAtNine = ReadWhole("tomorrow at 9am", Berlin, saturdayInBerlin);
        var inADay = ReadWhole("in 24 hours", Berlin, saturdayInBerlin);

        AssertReading(tomorrowAtNine, "2026-03-29", "09:00");
        Assert.Equal(Instant("2026-03-29T07:00:00Z"), tomorrowAtNine.ToInstant());
        AssertReading(inADay, "2026-03-29", "14:00"); // 24 hours later the clock says 14:00 CEST
    }

    [Fact]
    public void ReportsTheZoneItReckonedIn()
    {
        var reading = ReadWhole("tomorrow at 5pm", Kolkata);

        Assert.Equal(Kolkata, reading.TimeZone);
        Assert.Equal(Instant("2026-11-26T11:30:00Z"), reading.ToInstant());
        Assert.Equal(TimeSpan.FromHours(5.5), reading.ToZonedDateTime()!.Value.Offset);
    }
}
