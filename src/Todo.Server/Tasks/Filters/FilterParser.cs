using System.Globalization;
using Todo.Server.Dates;
using Todo.Server.Lists;

namespace Todo.Server.Tasks.Filters;

/// <summary>
/// Reads the filter language (DESIGN.md "Filters") into a <see cref="FilterNode"/> tree, by recursive descent:
/// <code>
/// filter  := or
/// or      := and ( '|' and )*
/// and     := unary ( '&amp;' unary )*
/// unary   := '!' unary | primary
/// primary := '(' or ')' | term
/// term    := today | tomorrow | overdue | no date | next N days | due before[:] DATE | due after[:] DATE | recurring
///          | #List | #"List name" | @label | no labels | priority:(high|medium|low|none) | p1 | p2 | p3 | p4
///          | completed | pending | search: words
/// DATE    := YYYY-MM-DD | today | tomorrow | a day in words (friday, next monday, dec 24), to the next operator
/// </code>
/// Keywords ignore case. Anything else is a <see cref="FilterException"/> with the position at fault.
/// </summary>
public static class FilterParser
{
    /// <summary>Longest filter read, in UTF-16 code units.</summary>
    public const int MaxLength = 1000;

    /// <summary>Most terms in one filter.</summary>
    public const int MaxTerms = 50;

    /// <summary>Deepest nesting of parentheses and '!'.</summary>
    public const int MaxDepth = 20;

    public const int MaxDays = 365;

    private const string TermsHint = "Use terms such as today, overdue, no date, next 7 days, #List, @label, no labels, priority:high, p1, completed, pending or search: words, joined by &, | and !.";

    /// <summary>The filter's tree; null when the filter is null, empty or only spaces (no filter).</summary>
    public static FilterNode? Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        if (filter.Length > MaxLength)
        {
            throw FilterException.At(MaxLength + 1, FilterException.Format(
                $"The filter is {filter.Length} characters long; the limit is {MaxLength} (it goes past it at position {MaxLength + 1})."));
        }

        return new Reader(filter).ReadFilter();
    }

    private sealed class Reader
    {
        private readonly FilterLexer lexer;
        private FilterToken current;
        private FilterToken previous;
        private int depth;
        private int terms;

        public Reader(string filter)
        {
            lexer = new FilterLexer(filter);
            current = lexer.Next();
        }

        public FilterNode ReadFilter()
        {
            var node = ReadOr(after: null);
            switch (current.Kind)
            {
                case FilterTokenKind.End:
                    return node;
                case FilterTokenKind.RightParenthesis:
                    throw Error(current.Position, $"The ')' at position {current.Position} closes no '(': remove it or add a '(' before it.");
                default:
                    throw MissingOperator();
            }
        }

        private FilterNode ReadOr(FilterToken? after)
        {
            var left = ReadAnd(after);
            while (current.Kind == FilterTokenKind.Or)
            {
                var operation = Advance();
                left = new FilterOr(left, ReadAnd(operation), left.Position);
            }

            return left;
        }

        private FilterNode ReadAnd(FilterToken? after)
        {
            var left = ReadUnary(after);
            while (current.Kind == FilterTokenKind.And)
            {
                var operation = Advance();
                left = new FilterAnd(left, ReadUnary(operation), left.Position);
            }

            return left;
        }

        /// <summary>'!' operand, or a primary; <paramref name="after"/> is the token before it, for messages (null at the start).</summary>
        private FilterNode ReadUnary(FilterToken? after)
        {
            ExpectTerm(after);
            if (current.Kind == FilterTokenKind.Not)
            {
                var not = Advance();
                Enter(not);
                var operand = ReadUnary(not);
                depth--;
                return new FilterNot(operand, not.Position);
            }

            if (current.Kind == FilterTokenKind.LeftParenthesis)
            {
                var open = Advance();
                if (current.Kind == FilterTokenKind.RightParenthesis)
                {
                    throw Error(open.Position, $"The parentheses at position {open.Position} are empty: put a term between them.");
                }

                Enter(open);
                var inner = ReadOr(open);
                depth--;
                if (current.Kind == FilterTokenKind.End)
                {
                    throw Error(open.Position, $"The '(' at position {open.Position} is not closed: add a ')'.");
                }

                if (current.Kind != FilterTokenKind.RightParenthesis)
                {
                    throw MissingOperator();
                }

                Advance();
                return inner;
            }

            if (++terms > MaxTerms)
            {
                throw Error(current.Position, $"The filter has more than {MaxTerms} terms; the one at position {current.Position} is one too many.");
            }

            return ReadTerm();
        }

        /// <summary>A term, '!' or '(' must come next.</summary>
        private void ExpectTerm(FilterToken? after)
        {
            if (current.Kind is not (FilterTokenKind.End or FilterTokenKind.RightParenthesis or FilterTokenKind.And or FilterTokenKind.Or))
            {
                return;
            }

            if (after is not { } before)
            {
                throw Error(current.Position, $"Expected a term at position {current.Position}, found {current.Describe()}. {TermsHint}");
            }

            // At the end, the position is the operator's: "today &" is wrong at the '&'.
            throw current.Kind == FilterTokenKind.End
                ? Error(before.Position, $"Expected a term after {before.DescribeAt()}, found the end of the filter.")
                : Error(current.Position, $"Expected a term after {before.DescribeAt()}, found {current.DescribeAt()}.");
        }

        private FilterException MissingOperator()
        {
            var hint = previous.Kind is FilterTokenKind.Word or FilterTokenKind.Quoted && current.Kind == FilterTokenKind.Word
                ? " A list name with spaces is written #\"Weekly shopping\"."
                : "";
            return Error(current.Position,
                $"Expected '&', '|' or the end after {previous.DescribeAt()}, found {current.DescribeAt()}.{hint}");
        }

        private void Enter(FilterToken token)
        {
            if (++depth > MaxDepth)
            {
                throw Error(token.Position, $"The filter nests deeper than {MaxDepth} levels at position {token.Position}.");
            }
        }

        private FilterNode ReadTerm()
        {
            var token = Advance();
            switch (token.Kind)
            {
                case FilterTokenKind.Hash:
                    return ReadList(token);
                case FilterTokenKind.At:
                    return ReadLabel(token);
                case FilterTokenKind.Word:
                    break;
                default:
                    throw UnknownTerm(token);
            }

            var position = token.Position;
            switch (token.Text.ToLowerInvariant())
            {
                case "today":
                    return new DueTerm(DueCondition.Today, position);
                case "tomorrow":
                    return new DueTerm(DueCondition.Tomorrow, position);
                case "overdue":
                    return new DueTerm(DueCondition.Overdue, position);
                case "recurring":
                    return new DueTerm(DueCondition.Recurring, position);
                case "completed":
                    return new CompletionTerm(true, position);
                case "pending":
                    return new CompletionTerm(false, position);
                case "p1":
                    return new PriorityTerm(TaskPriority.High, position);
                case "p2":
                    return new PriorityTerm(TaskPriority.Medium, position);
                case "p3":
                    return new PriorityTerm(TaskPriority.Low, position);
                case "p4":
                    return new PriorityTerm(TaskPriority.None, position);
                case "no":
                    return ReadNo(token);
                case "next":
                    return ReadNextDays(token);
                case "due":
                    return ReadDue(token);
                case "priority":
                    return ReadPriority(token);
                case "search":
                    return ReadSearch(token);
                default:
                    throw UnknownTerm(token);
            }
        }

        private ListTerm ReadList(FilterToken hash)
        {
            var name = ReadAdjacentName(hash, "a list name", "#Groceries or #\"Weekly shopping\"");
            if (ListText.Name.Check(name.Text) is { } problem)
            {
                throw Error(name.Position, $"The list name at position {name.Position} is not valid: {problem}");
            }

            return new ListTerm(TodoList.Normalize(ListText.Name.Normalize(name.Text)), hash.Position);
        }

        private LabelTerm ReadLabel(FilterToken at)
        {
            var name = ReadAdjacentName(at, "a label", "@errands");
            if (TaskLabels.Check(name.Text, out var label) is { } problem)
            {
                throw Error(name.Position, $"The label at position {name.Position} is not valid: {problem}");
            }

            return new LabelTerm(label, at.Position);
        }

        /// <summary>The word or quoted text right after '#' or '@' (no space between).</summary>
        private FilterToken ReadAdjacentName(FilterToken sign, string what, string example)
        {
            if (current.Kind is not (FilterTokenKind.Word or FilterTokenKind.Quoted) || current.Position != sign.Position + 1)
            {
                throw Error(sign.Position, $"Expected {what} right after the '{sign.Text}' at position {sign.Position}, as in {example}.");
            }

            return Advance();
        }

        private FilterNode ReadNo(FilterToken no)
        {
            var next = current;
            if (next.Kind == FilterTokenKind.Word)
            {
                switch (next.Text.ToLowerInvariant())
                {
                    case "date":
                        Advance();
                        return new DueTerm(DueCondition.NoDate, no.Position);
                    case "labels":
                        Advance();
                        return new NoLabelsTerm(no.Position);
                }
            }

            throw Error(next.Position, $"Expected 'date' or 'labels' after 'no' at position {no.Position}, found {next.DescribeAt()}.");
        }

        private DueTerm ReadNextDays(FilterToken next)
        {
            var count = current;
            if (count.Kind != FilterTokenKind.Word || !count.Text.All(char.IsAsciiDigit))
            {
                throw Error(count.Position, $"Expected a number of days after 'next' at position {next.Position}, as in 'next 7 days', found {count.DescribeAt()}.");
            }

            Advance();
            if (!int.TryParse(count.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > MaxDays)
            {
                throw Error(count.Position, $"The number of days at position {count.Position} must be 1 to {MaxDays}; it is {count.Text}.");
            }

            if (current.Kind != FilterTokenKind.Word || !(Is(current, "days") || Is(current, "day")))
            {
                throw Error(current.Position, $"Expected 'days' after 'next {count.Text}' at position {next.Position}, found {current.DescribeAt()}.");
            }

            Advance();
            return new DueTerm(DueCondition.NextDays, next.Position, Days: days);
        }

        private DueTerm ReadDue(FilterToken due)
        {
            var which = current;
            var condition = which.Kind != FilterTokenKind.Word ? (DueCondition?)null
                : Is(which, "before") ? DueCondition.Before
                : Is(which, "after") ? DueCondition.After
                : Is(which, "on") ? DueCondition.On
                : null;
            if (condition is null)
            {
                throw Error(which.Position, $"Expected 'before:', 'after:' or 'on:' after 'due' at position {due.Position}, found {which.DescribeAt()}.");
            }

            Advance();
            string text;
            int position;
            if (current.Kind == FilterTokenKind.Colon)
            {
                // The date is free text ("next friday", "dec 24"), up to the next operator: read from just after the colon.
                (text, position) = lexer.ReadText();
            }
            else if (current.Kind == FilterTokenKind.Word)
            {
                position = current.Position;
                text = (current.Text + " " + lexer.ReadText().Text).Trim();
            }
            else
            {
                throw Error(current.Position, $"Expected a date after 'due {which.Text}:' at position {due.Position}, found {current.DescribeAt()}.");
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                throw Error(due.Position, $"Expected a date (YYYY-MM-DD, today, tomorrow, friday, dec 24…) after 'due {which.Text}:' at position {due.Position}.");
            }

            previous = new FilterToken(FilterTokenKind.Quoted, text, position);
            current = lexer.Next();
            return new DueTerm(condition.Value, due.Position, Date: ReadDate(text, position));
        }

        /// <summary>
        /// A day: YYYY-MM-DD, today, tomorrow, or any day the date reader reads ("friday", "next monday", "dec 24"), which is
        /// resolved in the user's zone when the filter runs. A rule ("every monday") or words that are not a day are an error.
        /// </summary>
        private static FilterDate ReadDate(string text, int position)
        {
            if (text.Equals("today", StringComparison.OrdinalIgnoreCase))
            {
                return FilterDate.FromToday(0);
            }

            if (text.Equals("tomorrow", StringComparison.OrdinalIgnoreCase))
            {
                return FilterDate.FromToday(1);
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return FilterDate.On(day);
            }

            var read = DateReader.ReadWhole(text, DateTimeOffset.UtcNow, "UTC");
            if (read.Match is null)
            {
                throw Error(position, $"'{text}' at position {position} is not a date: {read.Error} Write YYYY-MM-DD (2026-12-24), today, tomorrow or a day such as friday.");
            }

            if (read.Match.Reading.IsRecurring)
            {
                throw Error(position, $"'{text}' at position {position} is a repeating rule; due before:, due after: and due on: take one day.");
            }

            return FilterDate.Phrase(text);
        }

        private PriorityTerm ReadPriority(FilterToken priority)
        {
            if (current.Kind != FilterTokenKind.Colon)
            {
                throw Error(current.Position, $"Expected ':' after 'priority' at position {priority.Position}, as in priority:high, found {current.DescribeAt()}.");
            }

            Advance();
            var level = current;
            TaskPriority? value = level.Kind != FilterTokenKind.Word ? null : level.Text.ToLowerInvariant() switch
            {
                "high" => TaskPriority.High,
                "medium" => TaskPriority.Medium,
                "low" => TaskPriority.Low,
                "none" => TaskPriority.None,
                _ => null,
            };
            if (value is null)
            {
                throw Error(level.Position, $"Expected high, medium, low or none after 'priority:' at position {priority.Position}, found {level.DescribeAt()}.");
            }

            Advance();
            return new PriorityTerm(value.Value, priority.Position);
        }

        private SearchTerm ReadSearch(FilterToken search)
        {
            if (current.Kind != FilterTokenKind.Colon)
            {
                throw Error(current.Position, $"Expected ':' after 'search' at position {search.Position}, as in search: milk, found {current.DescribeAt()}.");
            }

            // The words are free text, not tokens: read from just after the colon.
            var (text, position) = lexer.ReadText();
            if (string.IsNullOrWhiteSpace(text))
            {
                throw Error(search.Position, $"Expected words after 'search:' at position {search.Position}.");
            }

            if (TaskText.Search.Check(text) is { } problem)
            {
                throw Error(position, $"The words of 'search:' at position {position} are not valid: {problem}");
            }

            previous = new FilterToken(FilterTokenKind.Quoted, text, position);
            current = lexer.Next();
            return new SearchTerm(TaskText.Search.Normalize(text), search.Position);
        }

        private static FilterException UnknownTerm(FilterToken token) =>
            Error(token.Position, $"Unknown term {token.DescribeAt()}. {TermsHint}");

        private FilterToken Advance()
        {
            previous = current;
            current = lexer.Next();
            return previous;
        }

        private static bool Is(FilterToken token, string keyword) =>
            token.Kind == FilterTokenKind.Word && string.Equals(token.Text, keyword, StringComparison.OrdinalIgnoreCase);

        private static FilterException Error(int position, FormattableString message) =>
            FilterException.At(position, FilterException.Format(message));
    }
}
