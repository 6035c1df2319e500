using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace Todo.Server.Tasks.Filters;

/// <summary>
/// Turns a filter's tree into one condition on a task that EF Core translates into the list query's WHERE clause: a list
/// is the joined list's normalized name; a label, a correlated EXISTS on task_labels (primary key (task_id, label));
/// <c>no labels</c>, NOT EXISTS; values travel as parameters. The query the condition joins is already limited to the
/// user's tasks; a task's list and its label rows are its owner's, so another user's lists and labels never match.
/// </summary>
public static class FilterCompiler
{
    public static Expression<Func<TaskItem, bool>> Compile(FilterNode filter, bool isPostgres)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var task = Expression.Parameter(typeof(TaskItem), "t");
        return Expression.Lambda<Func<TaskItem, bool>>(Body(filter, task, isPostgres), task);
    }

    private static Expression Body(FilterNode node, ParameterExpression task, bool isPostgres) => node switch
    {
        FilterAnd and => Expression.AndAlso(Body(and.Left, task, isPostgres), Body(and.Right, task, isPostgres)),
        FilterOr or => Expression.OrElse(Body(or.Left, task, isPostgres), Body(or.Right, task, isPostgres)),
        FilterNot not => Expression.Not(Body(not.Operand, task, isPostgres)),
        _ => Inline(Term(node, isPostgres), task),
    };

    private static Expression<Func<TaskItem, bool>> Term(FilterNode term, bool isPostgres) => term switch
    {
        ListTerm list => InList(list.NormalizedName),
        LabelTerm label => HasLabel(label.Label),
        NoLabelsTerm => t => !t.Labels.Any(),
        PriorityTerm priority => HasPriority(priority.Priority),
        CompletionTerm { Completed: true } => t => t.IsCompleted,
        CompletionTerm => t => !t.IsCompleted,
        SearchTerm search => TaskTextSearch.Contains(search.Text, isPostgres),
        DueTerm due => FilterDueDates.Condition(due),
        _ => throw new ArgumentException($"Unknown filter node {term.GetType().Name}.", nameof(term)),
    };

    // Each value is captured by a lambda so that EF Core sends it as a parameter, not as SQL text.
    private static Expression<Func<TaskItem, bool>> InList(string normalizedName) => t => t.List!.NormalizedName == normalizedName;

    // The probe is the primary key (task_id, label) alone: checking the label row's user_id too would read the row for
    // nothing (it is the task's owner, whose tasks these are), and it made a label filter measurably slower.
    private static Expression<Func<TaskItem, bool>> HasLabel(string label) => t => t.Labels.Any(l => l.Label == label);

    private static Expression<Func<TaskItem, bool>> HasPriority(TaskPriority priority) => t => t.Priority == priority;

    /// <summary>The condition's body, on the filter's own task parameter.</summary>
    private static Expression Inline(Expression<Func<TaskItem, bool>> condition, ParameterExpression task) =>
        ReplacingExpressionVisitor.Replace(condition.Parameters[0], task, condition.Body);
}
