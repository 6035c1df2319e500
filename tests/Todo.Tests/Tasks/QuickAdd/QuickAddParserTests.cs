using Todo.Server.Dates;
using Todo.Server.Tasks;
using Todo.Server.Tasks.QuickAdd;
using Todo.Server.Text;

namespace Todo.Tests.Tasks.QuickAdd;

/// <summary>The quick-add parser alone: titles, parts and their character ranges, and the problems it reports.</summary>
public sealed class QuickAddParserTests
{
    [Fact]
    public void PartsCarryTheirKindRangeAndValueInTextOrder()
    {
        const string text = "Buy milk #Groceries @Errands !HIGH";

        var result = QuickAddParser.Parse(text);

        Assert.Null(result.Problem);
        Assert.Equal("Buy milk", result.Title);
        Assert.Equal(
            [
                new QuickAddPart(QuickAddPartKind.List, 9, 10, "Groceries"),
                new QuickAddPart(QuickAddPartKind.Label, 20, 8, "errands"),
                new QuickAddPart(QuickAddPartKind.Priority, 29, 5, "high"),
            ],
            result.Parts);
        Assert.Equal(["#Groceries", "@Errands", "!HIGH"], result.Parts.Select(p => text[p.Start..p.End]));
    }

    [Fact]
    public void AQuotedListNameSpansItsQuotes()
    {
        const string text = "Pasta #\"Weekly shopping\" p2";

        var result = QuickAddParser.Parse(text);

        Assert.Equal(("Pasta", "Weekly shopping", TaskPriority.Medium), (result.Title, result.ListName, result.Priority));
        var list = result.Parts[0];
        Assert.Equal((QuickAddPartKind.List, "#\"Weekly shopping\""), (list.Kind, text[list.Start..list.End]));
        Assert.Equal((QuickAddPartKind.Priority, "p2"), (result.Parts[1].Kind, text[result.Parts[1].Start..result.Parts[1].End]));
    }

    [Fact]
    public void QuotedWordsAreTitleWithoutTheirQuotesAndNoParts()
    {
        var result = QuickAddParser.Parse("\"#1 fan\" mug @gift");

        Assert.Equal("#1 fan mug", result.Title);
        Assert.Equal(["gift"], result.Labels);
        Assert.Null(result.ListName);
        Assert.Equal(QuickAddPartKind.Label, Assert.Single(result.Parts).Kind);
    }

    [Fact]
    public void CurlyQuotesAsPhonesTypeThemWorkLikeStraightOnes()
    {
        var result = QuickAddParser.Parse("Read \u201Cp1 @home\u201D #\u201CBook club\u201D");

        Assert.Equal(("Read p1 @home", "Book club"), (result.Title, result.ListName));
        Assert.Null(result.Priority);
    }

    [Theory]
    [InlineData("Learn C# basics", "Learn C# basics")]
    [InlineData("Close issue#4", "Close issue#4")]
    [InlineData("Mail bob@example.com today", "Mail bob@example.com today")]
    [InlineData("Press # then @ then !", "Press # then @ then !")]
    [InlineData("## Heading @@handle", "## Heading @@handle")]
    [InlineData("Rip mp3 and sp1 files", "Rip mp3 and sp1 files")]
    [InlineData("p5 p0 pp1 p11", "p5 p0 pp1 p11")]
    [InlineData("It is !important", "It is !important")]
    [InlineData("An \"unclosed quote", "An \"unclosed quote")]
    [InlineData("  spaced \u00A0  out  ", "spaced out")]
    [InlineData("\"  keep  \"words", "keep words")]
    public void TextThatIsNoPartStaysInTheTitle(string text, string title)
    {
        var result = QuickAddParser.Parse(text);

        Assert.Null(result.Problem);
        Assert.Equal(title, result.Title);
        Assert.Empty(result.Parts);
        Assert.Equal((null, null), (result.ListName, result.Priority));
        Assert.Empty(result.Labels);
    }

    [Theory]
    [InlineData("p1", TaskPriority.High)]
    [InlineData("P2", TaskPriority.Medium)]
    [InlineData("p3", TaskPriority.Low)]
    [InlineData("p4", TaskPriority.None)]
    [InlineData("!high", TaskPriority.High)]
    [InlineData("!Medium", TaskPriority.Medium)]
    [InlineData("!LOW", TaskPriority.Low)]
    [InlineData("!none", TaskPriority.None)]
    public void PriorityWordsIgnoreCase(string word, TaskPriority priority)
    {
        var result = QuickAddParser.Parse($"Task {word}");

        Assert.Equal(("Task", priority), (result.Title, result.Priority));
        Assert.Equal(Todo.Server.Http.WireNames.Name(priority), Assert.Single(result.Parts).Value);
    }

    [Fact]
    public void LabelsAreLowerCasedAndMergedButEachOccurrenceIsAPart()
    {
        var result = QuickAddParser.Parse("Call @Phone mum @phone @été_2");

        Assert.Equal(["phone", "été_2"], result.Labels);
        Assert.Equal(3, result.Parts.Count);
        Assert.Null(result.Problem);
    }

    [Fact]
    public void TheSameListOrPriorityTwiceIsFine()
    {
        var result = QuickAddParser.Parse("Milk #Groceries p1 #groceries !high");

        Assert.Null(result.Problem);
        Assert.Equal(("Milk", TaskPriority.High), (result.Title, result.Priority));
        Assert.Equal("Groceries", result.ListName); // the first spelling
    }

    [Theory]
    [InlineData("#Groceries @errands", "No title is left")]
    [InlineData("   ", "can't be empty")]
    [InlineData("Tea #Work #Home", "Name one list only; this text names #Work and #Home.")]
    [InlineData("Tea p1 !low", "Give one priority only; this text gives p1 and !low.")]
    [InlineData("Tea @no!", "The label \"no!\" may hold only letters, digits, '-' and '_'; \"!\" is not allowed.")]
    [InlineData("Tea @a.b", "\".\" is not allowed")]
    [InlineData("Line\nbreak", "control characters")]
    public void TextThatMakesNoTaskHasAProblem(string text, string problem)
    {
        var result = QuickAddParser.Parse(text);

        Assert.Contains(problem, result.Problem, StringComparison.Ordinal);
        var error = Assert.Throws<InvalidTextException>(() => result.Require());
        Assert.Equal(("text", result.Problem), (error.Field, error.Reason));
    }

    [Fact]
    public void LimitsOfLabelsListNamesTitleAndTextAreProblems()
    {
        var labels = string.Join(' ', Enumerable.Range(1, 21).Select(i => $"@l{i}"));
        Assert.Equal("A task has at most 20 labels; 21 were given.", QuickAddParser.Parse("T " + labels).Problem);
        Assert.Null(QuickAddParser.Parse("T " + string.Join(' ', Enumerable.Range(1, 20).Select(i => $"@l{i}")) + " @L1").Problem);

        Assert.Contains("\"aaaaaaaaaaaaaaaaaaa…\" is 51 characters long", QuickAddParser.Parse("T @" + new string('a', 51)).Problem, StringComparison.Ordinal);
        Assert.Null(QuickAddParser.Parse("T @" + new string('a', 50)).Problem);

        Assert.Equal("The list name is 101 characters long; the limit is 100.", QuickAddParser.Parse("T #" + new string('x', 101)).Problem);
        Assert.Equal(new string('x', 100), QuickAddParser.Parse("T #" + new string('x', 100)).ListName);

        Assert.Equal("The title is 101 characters long; the limit is 100.", QuickAddParser.Parse(new string('t', 101) + " #List").Problem);
        Assert.Equal("The text is 501 characters long; the limit is 500.", QuickAddParser.Parse("T " + new string('x', 499)).Problem);
    }

    [Fact]
    public void AProblemStillReportsWhatWasRead()
    {
        var result = QuickAddParser.Parse("@errands !high");

        Assert.NotNull(result.Problem);
        Assert.Equal(("", TaskPriority.High), (result.Title, result.Priority));
        Assert.Equal(["errands"], result.Labels);
        Assert.Equal(2, result.Parts.Count);
    }

    [Fact]
    public void DatesStayInTheTitleWithoutADateReader()
    {
        var result = QuickAddParser.Parse("Dentist tomorrow at 5pm #Health");

        Assert.Equal("Dentist tomorrow at 5pm", result.Title);
        Assert.Null(result.DueString);
    }

    [Fact]
    public void TheDateReaderTakesItsPhraseOutOfTheTitleAndLeavesQuotesAndTags()
    {
        const string text = "Dentist \"tomorrow\" #Health tomorrow at 5pm bring x-rays";
        var now = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero); // a Wednesday

        var result = QuickAddParser.Parse(text, t => DateReader.Find(t, now, "Europe/Berlin"));

        Assert.Null(result.Problem);
        Assert.Equal(("Dentist tomorrow bring x-rays", "tomorrow at 5pm"), (result.Title, result.DueString));
        Assert.Equal((new DateOnly(2026, 12, 3), new TimeOnly(17, 0)), (result.Due!.Date, result.Due.Time));
        var due = Assert.Single(result.Parts, p => p.Kind == QuickAddPartKind.Due);
        Assert.Equal("tomorrow at 5pm", text[due.Start..due.End]);
        Assert.Equal([QuickAddPartKind.List, QuickAddPartKind.Due], result.Parts.Select(p => p.Kind));
    }

    [Theory]
    [InlineData("Read The 5th Wave #Books", "Read The 5th Wave")]
    [InlineData("Buy 2 tickets @errands", "Buy 2 tickets")]
    [InlineData("\"Friday\" poster", "Friday poster")]
    public void WordsThatOnlyLookLikeDatesStayTitle(string text, string title)
    {
        var result = QuickAddParser.Parse(text, t => DateReader.Find(t, DateTimeOffset.UnixEpoch.AddYears(56), "UTC"));

        Assert.Equal((title, null), (result.Title, result.DueString));
    }

    [Fact]
    public void ADayThatDoesNotExistIsAProblem()
    {
        var result = QuickAddParser.Parse("Party feb 30", t => DateReader.Find(t, DateTimeOffset.UnixEpoch.AddYears(56), "UTC"));

        Assert.Contains("feb 30", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ARepeatingPhraseWithAListReadsTheRule()
    {
        var now = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

        var result = QuickAddParser.Parse("Pay rent every 1st #Home", t => DateReader.Find(t, now, "UTC"));

        Assert.Equal(("Pay rent", "Home"), (result.Title, result.ListName));
        Assert.Equal(new DateOnly(2026, 12, 1), result.Due!.Date);
        Assert.Equal("FREQ=MONTHLY;BYMONTHDAY=1", result.Due.Recurrence);
    }
}
