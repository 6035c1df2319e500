using System.Linq.Expressions;

namespace Todo.Server.Tasks.Filters;

/// <summary>
/// What the due-date terms mean, in one place. Tasks have no due date yet, so today each term has its true meaning for
/// a task without one: <c>no date</c> matches every task; <c>today</c>, <c>tomorrow</c>, <c>overdue</c>, <c>next N days</c>,
/// <c>due before:</c>, <c>due after:</c> and <c>recurring</c> match none. When tasks gain a due date, this is the code that
/// compares it (in the user's time zone).
/// </summary>
public static class FilterDueDates
{
    public static Expression<Func<TaskItem, bool>> Condition(DueTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return term.Condition switch
        {
            DueCondition.NoDate => t => true,
            _ => t => false,
        };
    }
}
