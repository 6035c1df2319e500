using Todo.Server.Dates;

namespace Todo.Server.Tasks.Filters;

/// <summary>A parsed filter: operators over terms. <see cref="Position"/> is where the node starts in the filter (1-based).</summary>
public abstract record FilterNode(int Position)
{
    /// <summary>Whether <paramref name="node"/> or any node under it is a <typeparamref name="T"/>.</summary>
    public static bool Any<T>(FilterNode node) where T : FilterNode => node switch
    {
        T => true,
        FilterAnd and => Any<T>(and.Left) || Any<T>(and.Right),
        FilterOr or => Any<T>(or.Left) || Any<T>(or.Right),
        FilterNot not => Any<T>(not.Operand),
        _ => false,
    };
}

public sealed record FilterAnd(FilterNode Left, FilterNode Right, int Position) : FilterNode(Position);

public sealed record FilterOr(FilterNode Left, FilterNode Right, int Position) : FilterNode(Position);

public sealed record FilterNot(FilterNode Operand, int Position) : FilterNode(Position);

/// <summary><c>#Name</c> or <c>#"Name with spaces"</c>: the list's name as lists store it normalized (lower-case, invariant).</summary>
public sealed record ListTerm(string NormalizedName, int Position) : FilterNode(Position);

/// <summary><c>@label</c>, lower-cased as labels are stored.</summary>
public sealed record LabelTerm(string Label, int Position) : FilterNode(Position);

/// <summary><c>no labels</c>.</summary>
public sealed record NoLabelsTerm(int Position) : FilterNode(Position);

/// <summary><c>priority:high</c> … <c>priority:none</c>, or <c>p1</c> (high) … <c>p4</c> (none).</summary>
public sealed record PriorityTerm(TaskPriority Priority, int Position) : FilterNode(Position);

/// <summary><c>completed</c> (true) or <c>pending</c> (false).</summary>
public sealed record CompletionTerm(bool Completed, int Position) : FilterNode(Position);

/// <summary><c>search: words</c>: the words in the title or the description, ignoring case (as <c>q</c>).</summary>
public sealed record SearchTerm(string Text, int Position) : FilterNode(Position);

/// <summary>
/// The terms about the due date: <c>today</c>, <c>tomorrow</c>, <c>overdue</c>, <c>no date</c>, <c>next N days</c>
/// (<see cref="Days"/>), <c>due before: DATE</c> and <c>due after: DATE</c> (<see cref="Date"/>), <c>recurring</c>.
/// </summary>
public sealed record DueTerm(DueCondition Condition, int Position, int Days = 0, FilterDate? Date = null) : FilterNode(Position);

public enum DueCondition
{
    Today,
    Tomorrow,
    Overdue,
    NoDate,
    NextDays,
    Before,
    After,
    On,
    Recurring,
}

/// <summary>
/// A day in a filter: a fixed date, a number of days from the user's today (today 0, tomorrow 1), or a day in words
/// ("friday", "dec 24") read by the date reader in the user's zone when the filter runs.
/// </summary>
public readonly record struct FilterDate(DateOnly? Day, int DaysFromToday, string? Words = null)
{
    public static FilterDate On(DateOnly day) => new(day, 0);

    public static FilterDate FromToday(int days) => new(null, days);

    public static FilterDate Phrase(string words) => new(null, 0, words);

    /// <summary>The day it names on <paramref name="clock"/>'s today, in its zone.</summary>
    public DateOnly Resolve(DueClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (Day is { } day)
        {
            return day;
        }

        if (Words is { } words && DateReader.ReadWhole(words, new DateTimeOffset(clock.Now, TimeSpan.Zero), clock.Zone.Id).Match is { } match)
        {
            return match.Reading.Date;
        }

        return clock.Today.AddDays(DaysFromToday);
    }
}
