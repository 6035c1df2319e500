using Todo.Server.Dates;
using static Todo.Tests.Dates.DateTestClock;

namespace Todo.Tests.Dates;

/// <summary>Assorted text, half date words, never makes the reader throw, and what it reports is consistent.</summary>
public sealed class DateReaderRobustnessTests
{
    private static readonly string[] Words =
    [
        "every", "every!", "on", "the", "at", "in", "by", "due", "next", "this", "end", "of", "month", "week", "weekend",
        "day", "days", "year", "hours", "a", "an", "other", "last", "starting", "from", "now", "and", ",", ".", "!", "@",
        "tomorrow", "today", "tonight", "yesterday", "friday", "mon", "sun", "may", "march", "dec", "feb", "24", "31st",
        "3rd", "0", "00", "99999999999", "2026-02-30", "0000-01-01", "9999-12-31", "9999-12-31T23:59", "5pm", "13pm",
        "12am", "24:00", "23:59", "5:30", "noon", "midnight", "morning", "evening", "\"", "'", "“", "#Home", "@work", "p1",
        "buy", "milk", "chapter", "911", "the 5th", "second", "half", "o'clock", "feb 29", "1000", "1001", "weekday",
    ];

    [Fact]
    public void AssortedTextNeverThrowsAndMatchesPointAtTheirWords()
    {
        var random = new Random(20261125);
        string[] zones = [Utc, NewYork, LosAngeles, Berlin, Kolkata, Auckland];
        for (var i = 0; i < 3000; i++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 8)).Select(_ => Words[random.Next(Words.Length)]));
            var zone = zones[i % zones.Length];
            var now = Now.AddHours(random.Next(-20000, 20000));

            foreach (var result in new[] { DateReader.Find(text, now, zone), DateReader.ReadWhole(text, now, zone) })
            {
                if (result.Match is not { } match)
                    continue;
                Assert.Null(result.Error);
                Assert.Equal(match.Text, text.Substring(match.Start, match.Length));
                Assert.Equal(zone, match.Reading.TimeZone);
                Assert.NotEmpty(match.Reading.Describe());
                if (match.Reading.Recurrence is { } rule)
                {
                    Assert.True(RecurrenceRule.TryParse(rule, out _, out var error), error);
                    Assert.True(DueSchedule.Advance(match.Reading, now).Date > match.Reading.Date || match.Reading.FromCompletion, text);
                }
            }
        }
    }

    [Fact]
    public void LongTextIsReadQuickly()
    {
        var text = string.Join(' ', Enumerable.Repeat("buy milk on the way home and then", 60)) + " tomorrow at 5pm";
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = DateReader.Find(text, Now, Utc);

        Assert.Equal("tomorrow at 5pm", result.Match?.Text);
        Assert.True(clock.ElapsedMilliseconds < 3000, $"took {clock.ElapsedMilliseconds} ms");
    }
}
