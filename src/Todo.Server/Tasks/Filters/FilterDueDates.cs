using System.Linq.Expressions;
using Todo.Server.Dates;

namespace Todo.Server.Tasks.Filters;

/// <summary>
/// What the due-date terms mean, in the user's time zone (<see cref="DueClock"/>). An all-day due floats, so its day is
/// compared as a date; a timed due is an instant, compared with the instants at which the user's days begin. A timed due
/// earlier today is overdue, an all-day due today is not; <c>next N days</c> is today and the N−1 days after it, without
/// what is overdue; <c>due before:</c> and <c>due after:</c> are strict; <c>due on:</c> is that one day. Completed tasks are never overdue.
/// <para>
/// Each condition also bounds <see cref="TaskItem.DueOrder"/> (the due's wall-clock time in its own zone), a superset
/// <see cref="ZoneSlack"/> wider on each side, so the database reads one range of ix_tasks_user_due_order instead of
/// every dated task.
/// </para>
/// </summary>
public static class FilterDueDates
{
    /// <summary>Wider than the largest difference between two zones' wall clocks (26 hours: UTC−12 to UTC+14).</summary>
    private static readonly TimeSpan ZoneSlack = TimeSpan.FromHours(27);

    /// <summary>
    /// Whether <paramref name="filter"/> picks tasks by days ahead only (today, tomorrow, next N days): a short range of
    /// ix_tasks_user_due_order. Overdue, due before and due after span all the past or all the future.
    /// </summary>
    public static bool IsNarrow(FilterNode filter) =>
        FilterNode.Any<DueTerm>(filter) && !HasWideTerm(filter);

    private static bool HasWideTerm(FilterNode node) => node switch
    {
        DueTerm due => due.Condition is DueCondition.Overdue or DueCondition.Before or DueCondition.After
            or DueCondition.NoDate or DueCondition.Recurring,
        FilterAnd and => HasWideTerm(and.Left) || HasWideTerm(and.Right),
        FilterOr or => HasWideTerm(or.Left) || HasWideTerm(or.Right),
        FilterNot not => FilterNode.Any<DueTerm>(not.Operand),
        _ => false,
    };

    public static Expression<Func<TaskItem, bool>> Condition(DueTerm term, DueClock clock)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(clock);
        var today = clock.Today;
        return term.Condition switch
        {
            DueCondition.NoDate => t => t.DueOrder == TaskDue.NoDueOrder,
            DueCondition.Recurring => t => t.DueRecurrence != null,
            DueCondition.Today => Between(clock, today, today.AddDays(1)),
            DueCondition.Tomorrow => Between(clock, today.AddDays(1), today.AddDays(2)),
            DueCondition.NextDays => Coming(clock, today.AddDays(term.Days)),
            DueCondition.Overdue => Overdue(clock),
            DueCondition.Before => Before(clock, term.Date!.Value.Resolve(clock)),
            DueCondition.After => After(clock, term.Date!.Value.Resolve(clock).AddDays(1)),
            DueCondition.On => On(clock, term.Date!.Value.Resolve(clock)),
            _ => throw new ArgumentException($"Unknown due condition {term.Condition}.", nameof(term)),
        };
    }

    private static Expression<Func<TaskItem, bool>> On(DueClock clock, DateOnly day) => Between(clock, day, day.AddDays(1));

    /// <summary>Due on a day from <paramref name="first"/> up to (not including) <paramref name="end"/>.</summary>
    private static Expression<Func<TaskItem, bool>> Between(DueClock clock, DateOnly first, DateOnly end)
    {
        var (firstDay, endDay) = (Key(first), Key(end));
        var (low, high) = (firstDay - ZoneSlack, endDay + ZoneSlack);
        var (from, until) = (clock.StartOf(first), clock.StartOf(end));
        return t => t.DueOrder >= low && t.DueOrder < high
            && (t.DueAt == null ? t.DueOrder >= firstDay && t.DueOrder < endDay : t.DueAt >= from && t.DueAt < until);
    }

    /// <summary>Due from now (timed) or today (all-day) up to the start of <paramref name="end"/>: not overdue.</summary>
    private static Expression<Func<TaskItem, bool>> Coming(DueClock clock, DateOnly end)
    {
        var (firstDay, endDay) = (Key(clock.Today), Key(end));
        var (low, high) = (firstDay - ZoneSlack, endDay + ZoneSlack);
        var (now, until) = (clock.Now, clock.StartOf(end));
        return t => t.DueOrder >= low && t.DueOrder < high
            && (t.DueAt == null ? t.DueOrder >= firstDay && t.DueOrder < endDay : t.DueAt >= now && t.DueAt < until);
    }

    private static Expression<Func<TaskItem, bool>> Overdue(DueClock clock)
    {
        var today = Key(clock.Today);
        var high = today + ZoneSlack;
        var now = clock.Now;
        return t => !t.IsCompleted && t.DueOrder < high && (t.DueAt == null ? t.DueOrder < today : t.DueAt < now);
    }

    /// <summary>Due on a day before <paramref name="day"/>.</summary>
    private static Expression<Func<TaskItem, bool>> Before(DueClock clock, DateOnly day)
    {
        var dayKey = Key(day);
        var high = dayKey + ZoneSlack;
        var start = clock.StartOf(day);
        return t => t.DueOrder < high && (t.DueAt == null ? t.DueOrder < dayKey : t.DueAt < start);
    }

    /// <summary>Due on <paramref name="day"/> or later.</summary>
    private static Expression<Func<TaskItem, bool>> After(DueClock clock, DateOnly day)
    {
        var dayKey = Key(day);
        var low = dayKey - ZoneSlack;
        var start = clock.StartOf(day);
        return t => t.DueOrder >= low && t.DueOrder < TaskDue.NoDueOrder
            && (t.DueAt == null ? t.DueOrder >= dayKey : t.DueAt >= start);
    }

    private static DateTime Key(DateOnly day) => TaskDue.OrderOf(day, null);
}

/// <summary>The user's now and today, and the zone their days begin in: what the date terms are reckoned from.</summary>
public sealed record DueClock(DateTime Now, DateOnly Today, TimeZoneInfo Zone)
{
    public static DueClock At(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new DueClock(now.UtcDateTime, ZonedTime.TodayAt(now, zone), zone);
    }

    /// <summary>The instant (UTC) at which <paramref name="day"/> begins in the user's zone.</summary>
    public DateTime StartOf(DateOnly day) => ZonedTime.ToInstant(day, TimeOnly.MinValue, Zone).UtcDateTime;
}
