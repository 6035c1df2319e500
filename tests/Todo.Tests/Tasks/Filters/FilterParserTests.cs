using Todo.Server.Tasks;
using Todo.Server.Tasks.Filters;

namespace Todo.Tests.Tasks.Filters;

/// <summary>The filter language read without a database: every term, precedence, and the position of every kind of error.</summary>
public sealed class FilterParserTests
{
    [Theory]
    [InlineData("today", "today")]
    [InlineData("TOMORROW", "tomorrow")]
    [InlineData("Overdue", "overdue")]
    [InlineData("no date", "no date")]
    [InlineData("No   Date", "no date")]
    [InlineData("next 7 days", "next 7 days")]
    [InlineData("next 1 day", "next 1 days")]
    [InlineData("next 365 days", "next 365 days")]
    [InlineData("due before: 2026-12-24", "due before 2026-12-24")]
    [InlineData("due before 2026-12-24", "due before 2026-12-24")]
    [InlineData("due on: friday", "due on [friday]")]
    [InlineData("due after:today", "due after +0")]
    [InlineData("DUE AFTER: Tomorrow", "due after +1")]
    [InlineData("due before: next friday & p1", "(due before [next friday] & priority:high)")]
    [InlineData("(due after: dec 24)", "due after [dec 24]")]
    [InlineData("recurring", "recurring")]
    [InlineData("#Work", "#work")]
    [InlineData("#\"Weekly Shopping\"", "#weekly shopping")]
    [InlineData("#\"  Spaced  \"", "#spaced")]
    [InlineData("#C#", "#c#")]
    [InlineData("@Errands", "@errands")]
    [InlineData("@to-do_2", "@to-do_2")]
    [InlineData("no labels", "no labels")]
    [InlineData("priority:high", "priority:high")]
    [InlineData("Priority : Low", "priority:low")]
    [InlineData("priority:NONE", "priority:none")]
    [InlineData("p1", "priority:high")]
    [InlineData("P2", "priority:medium")]
    [InlineData("p3", "priority:low")]
    [InlineData("p4", "priority:none")]
    [InlineData("completed", "completed")]
    [InlineData("Pending", "pending")]
    [InlineData("search: Buy milk ", "search[Buy milk]")]
    [InlineData("search:\"a & b | (c)\"", "search[a & b | (c)]")]
    [InlineData("search: f(x) & p1", "(search[f(x)] & priority:high)")]
    [InlineData("(search: milk)", "search[milk]")]
    [InlineData("search: it's 100% done! | p1", "(search[it's 100% done!] | priority:high)")]
    public void EachTermReadsAsItsNode(string filter, string expected) =>
        Assert.Equal(expected, Show(FilterParser.Parse(filter)!));

    [Theory]
    [InlineData("p1 | p2 & p3", "(priority:high | (priority:medium & priority:low))")]
    [InlineData("p1 & p2 | p3", "((priority:high & priority:medium) | priority:low)")]
    [InlineData("!p1 & p2", "(!priority:high & priority:medium)")]
    [InlineData("!(p1 | p2)", "!(priority:high | priority:medium)")]
    [InlineData("!!completed", "!!completed")]
    [InlineData("(p1 | p2) & p3", "((priority:high | priority:medium) & priority:low)")]
    [InlineData("p1 | p2 | p3", "((priority:high | priority:medium) | priority:low)")]
    [InlineData("p1 & p2 & p3", "((priority:high & priority:medium) & priority:low)")]
    [InlineData("#a|@b&!@c-d", "(#a | (@b & !@c-d))")]
    [InlineData("((today))", "today")]
    [InlineData("!today | no date & !(@x | #y) & pending", "(!today | ((no date & !(@x | #y)) & pending))")]
    public void NotBindsTighterThanAndWhichBindsTighterThanOr(string filter, string expected) =>
        Assert.Equal(expected, Show(FilterParser.Parse(filter)!));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ABlankFilterIsNoFilter(string? filter) => Assert.Null(FilterParser.Parse(filter));

    [Fact]
    public void NodesKnowWhereTheyStart()
    {
        var or = Assert.IsType<FilterOr>(FilterParser.Parse("  p1 | !#Work"));
        Assert.Equal(3, or.Left.Position);
        var not = Assert.IsType<FilterNot>(or.Right);
        Assert.Equal(8, not.Position);
        Assert.Equal(9, not.Operand.Position);
    }

    [Fact]
    public void DatesResolveAgainstTheUsersToday()
    {
        var before = Assert.IsType<DueTerm>(FilterParser.Parse("due before: tomorrow"));
        var after = Assert.IsType<DueTerm>(FilterParser.Parse("due after: 2024-02-29"));
        var words = Assert.IsType<DueTerm>(FilterParser.Parse("due before: friday"));
        // 23:30 on Thursday 31 December 2026 in UTC is already Friday 1 January 2027 in Auckland.
        var clock = DueClock.At(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland"));
        var utcClock = DueClock.At(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero), TimeZoneInfo.Utc);

        Assert.Equal(new DateOnly(2027, 1, 2), before.Date!.Value.Resolve(clock));
        Assert.Equal(new DateOnly(2024, 2, 29), after.Date!.Value.Resolve(clock));
        Assert.Equal(new DateOnly(2027, 1, 8), words.Date!.Value.Resolve(clock));
        Assert.Equal(new DateOnly(2027, 1, 1), words.Date!.Value.Resolve(utcClock));
    }

    [Theory]
    [InlineData("today &", 7, "Expected a term after '&' at position 7")]
    [InlineData("today |", 7, "Expected a term after '|' at position 7")]
    [InlineData("!", 1, "Expected a term after '!' at position 1")]
    [InlineData("& today", 1, "Expected a term at position 1, found '&'")]
    [InlineData("p1 | | p2", 6, "Expected a term after '|' at position 4, found '|' at position 6")]
    [InlineData("p1 & (p2 | )", 12, "Expected a term after '|' at position 10, found ')' at position 12")]
    [InlineData("foo", 1, "Unknown term 'foo' at position 1")]
    [InlineData("p1 & p5", 6, "Unknown term 'p5' at position 6")]
    [InlineData("today tomorrow", 7, "Expected '&', '|' or the end after 'today' at position 1, found 'tomorrow' at position 7")]
    [InlineData("(p1 | p2", 1, "The '(' at position 1 is not closed")]
    [InlineData("p1 & ((p2)", 6, "The '(' at position 6 is not closed")]
    [InlineData("p1)", 3, "The ')' at position 3 closes no '('")]
    [InlineData("()", 1, "The parentheses at position 1 are empty")]
    [InlineData("p1 & ( )", 6, "The parentheses at position 6 are empty")]
    [InlineData("(& p1)", 2, "Expected a term after '(' at position 1, found '&' at position 2")]
    [InlineData("no", 3, "Expected 'date' or 'labels' after 'no' at position 1")]
    [InlineData("no dates", 4, "Expected 'date' or 'labels' after 'no' at position 1, found 'dates' at position 4")]
    [InlineData("next days", 6, "Expected a number of days after 'next' at position 1")]
    [InlineData("next 0 days", 6, "The number of days at position 6 must be 1 to 365")]
    [InlineData("next 366 days", 6, "The number of days at position 6 must be 1 to 365")]
    [InlineData("next 99999999999 days", 6, "The number of days at position 6 must be 1 to 365")]
    [InlineData("next -1 days", 6, "Expected a number of days after 'next' at position 1")]
    [InlineData("next 3 weeks", 8, "Expected 'days' after 'next 3' at position 1, found 'weeks' at position 8")]
    [InlineData("due soon", 5, "Expected 'before:', 'after:' or 'on:' after 'due' at position 1")]
    [InlineData("due before:", 1, "Expected a date (YYYY-MM-DD, today, tomorrow, friday, dec 24")]
    [InlineData("due before: every monday", 13, "'every monday' at position 13 is a repeating rule")]
    [InlineData("due before: 2026-02-30", 13, "'2026-02-30' at position 13 is not a date")]
    [InlineData("due after: 24/12/2026", 12, "'24/12/2026' at position 12 is not a date")]
    [InlineData("due after: someday", 12, "'someday' at position 12 is not a date")]
    [InlineData("priority high", 10, "Expected ':' after 'priority' at position 1")]
    [InlineData("priority:urgent", 10, "Expected high, medium, low or none after 'priority:' at position 1, found 'urgent' at position 10")]
    [InlineData("priority:", 10, "found the end of the filter")]
    [InlineData("#", 1, "Expected a list name right after the '#' at position 1")]
    [InlineData("# Work", 1, "Expected a list name right after the '#' at position 1")]
    [InlineData("#\"\"", 2, "The list name at position 2 is not valid: The list name can't be empty.")]
    [InlineData("#Weekly shopping", 9, "A list name with spaces is written #\"Weekly shopping\"")]
    [InlineData("@", 1, "Expected a label right after the '@' at position 1")]
    [InlineData("p1 | @foo.bar", 7, "The label at position 7 is not valid: The label \"foo.bar\" may hold only letters, digits, '-' and '_'; \".\" is not allowed.")]
    [InlineData("@\"two words\"", 2, "The label at position 2 is not valid")]
    [InlineData("search:", 1, "Expected words after 'search:' at position 1")]
    [InlineData("search:   | p1", 1, "Expected words after 'search:' at position 1")]
    [InlineData("search milk", 8, "Expected ':' after 'search' at position 1")]
    [InlineData("search: a\u0001b", 10, "control character at position 10")]
    [InlineData("\"quoted", 1, "The quote at position 1 is not closed")]
    [InlineData("#\"Work", 2, "The quote at position 2 is not closed")]
    [InlineData(":", 1, "Unknown term ':' at position 1")]
    public void AFilterThatCannotBeReadNamesThePosition(string filter, int position, string message)
    {
        var error = Assert.Throws<FilterException>(() => FilterParser.Parse(filter));

        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains($"position {position}", error.Message, StringComparison.Ordinal);
        Assert.Equal("filter", error.Field);
    }

    [Fact]
    public void ALabelLongerThanFiftyCharactersIsRefused()
    {
        Assert.Equal("@" + new string('a', 50), Show(FilterParser.Parse("@" + new string('A', 50))!));

        var error = Assert.Throws<FilterException>(() => FilterParser.Parse("@" + new string('a', 51)));

        Assert.Equal(2, error.Position);
        Assert.Contains("51 characters long; the limit is 50", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AListNameLongerThanAHundredCharactersIsRefused()
    {
        var error = Assert.Throws<FilterException>(() => FilterParser.Parse($"#\"{new string('x', 101)}\""));

        Assert.Equal(2, error.Position);
        Assert.Contains("101 characters long; the limit is 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooLongTooManyTermsAndTooDeepAreRefusedWithAPosition()
    {
        var tooLong = Assert.Throws<FilterException>(() => FilterParser.Parse(new string(' ', FilterParser.MaxLength) + "p1"));
        Assert.Equal(FilterParser.MaxLength + 1, tooLong.Position);

        var fifty = string.Join(" | ", Enumerable.Repeat("p1", FilterParser.MaxTerms));
        Assert.NotNull(FilterParser.Parse(fifty));
        var tooMany = Assert.Throws<FilterException>(() => FilterParser.Parse(fifty + " | p2"));
        Assert.Equal(fifty.Length + 4, tooMany.Position);
        Assert.Contains("more than 50 terms", tooMany.Message, StringComparison.Ordinal);

        var deep = new string('(', FilterParser.MaxDepth) + "p1" + new string(')', FilterParser.MaxDepth);
        Assert.NotNull(FilterParser.Parse(deep));
        var tooDeep = Assert.Throws<FilterException>(() => FilterParser.Parse("!" + deep));
        Assert.Equal(FilterParser.MaxDepth + 1, tooDeep.Position);
        Assert.Throws<FilterException>(() => FilterParser.Parse(new string('!', 500) + "p1"));
    }

    [Fact]
    public void TheLexerGivesEachTokenItsPosition()
    {
        var lexer = new FilterLexer("!(#\"A b\" & @x)|p1");
        var tokens = new List<FilterToken>();
        for (var token = lexer.Next(); token.Kind != FilterTokenKind.End; token = lexer.Next())
        {
            tokens.Add(token);
        }

        Assert.Equal(
            [
                (FilterTokenKind.Not, "!", 1), (FilterTokenKind.LeftParenthesis, "(", 2), (FilterTokenKind.Hash, "#", 3),
                (FilterTokenKind.Quoted, "A b", 4), (FilterTokenKind.And, "&", 10), (FilterTokenKind.At, "@", 12),
                (FilterTokenKind.Word, "x", 13), (FilterTokenKind.RightParenthesis, ")", 14), (FilterTokenKind.Or, "|", 15),
                (FilterTokenKind.Word, "p1", 16),
            ],
            tokens.Select(t => (t.Kind, t.Text, t.Position)));
        Assert.Equal(18, lexer.Next().Position);
    }

    /// <summary>The tree as text: binary operators in parentheses, terms in a canonical spelling.</summary>
    private static string Show(FilterNode node) => node switch
    {
        FilterOr or => $"({Show(or.Left)} | {Show(or.Right)})",
        FilterAnd and => $"({Show(and.Left)} & {Show(and.Right)})",
        FilterNot not => "!" + Show(not.Operand),
        ListTerm list => "#" + list.NormalizedName,
        LabelTerm label => "@" + label.Label,
        NoLabelsTerm => "no labels",
        PriorityTerm priority => "priority:" + priority.Priority.ToString().ToLowerInvariant(),
        CompletionTerm completion => completion.Completed ? "completed" : "pending",
        SearchTerm search => $"search[{search.Text}]",
        DueTerm due => due.Condition switch
        {
            DueCondition.NoDate => "no date",
            DueCondition.NextDays => $"next {due.Days} days",
            DueCondition.Before or DueCondition.After or DueCondition.On => $"due {due.Condition.ToString().ToLowerInvariant()} {ShowDate(due.Date!.Value)}",
            _ => due.Condition.ToString().ToLowerInvariant(),
        },
        _ => throw new ArgumentException(node.GetType().Name, nameof(node)),
    };

    private static string ShowDate(FilterDate date) =>
        date.Day is { } day ? day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        : date.Words is { } words ? $"[{words}]" : $"+{date.DaysFromToday}";
}
