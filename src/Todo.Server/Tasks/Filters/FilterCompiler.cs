using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Todo.Server.Lists;

namespace Todo.Server.Tasks.Filters;

/// <summary>
/// Turns a filter's tree into one condition on a task that EF Core translates into the list query's WHERE clause: a list
/// is <c>list_id = (the id of the user's list of that normalized name)</c>, an uncorrelated subquery on
/// ix_lists_user_normalized_name that the database runs once, so the page can come from ix_tasks_list_number in number
/// order (a join on lists made PostgreSQL walk all the user's tasks instead); a label, an EXISTS on
/// ix_task_labels_user_label_number (user_id, label, task_number), which lists the label's tasks in number order, so
/// PostgreSQL merges it with the user's tasks instead of probing once per task; <c>no labels</c>, NOT EXISTS; values travel as parameters. The query is
/// already limited to the user's tasks and the list subquery to the user's lists; a task's label rows are its owner's.
/// So another user's lists and labels never match, and a list the user does not have matches nothing.
/// </summary>
public static class FilterCompiler
{
    /// <summary>The condition for <paramref name="filter"/>, for the tasks of <paramref name="userId"/>, whose lists are in <paramref name="lists"/>.</summary>
    public static Expression<Func<TaskItem, bool>> Compile(
        FilterNode filter, IQueryable<TodoList> lists, IQueryable<TaskLabel> labels, Guid userId, bool isPostgres, DueClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(labels);
        var task = Expression.Parameter(typeof(TaskItem), "t");
        return Expression.Lambda<Func<TaskItem, bool>>(new Compiler(lists, labels, userId, isPostgres, clock).Body(filter, task), task);
    }

    private sealed class Compiler(IQueryable<TodoList> lists, IQueryable<TaskLabel> labels, Guid userId, bool isPostgres, DueClock clock)
    {
        public Expression Body(FilterNode node, ParameterExpression task) => node switch
        {
            FilterAnd and => Expression.AndAlso(Body(and.Left, task), Body(and.Right, task)),
            FilterOr or => Expression.OrElse(Body(or.Left, task), Body(or.Right, task)),
            FilterNot not => Expression.Not(Body(not.Operand, task)),
            _ => Inline(Term(node), task),
        };

        private Expression<Func<TaskItem, bool>> Term(FilterNode term) => term switch
        {
            ListTerm list => InList(list.NormalizedName),
            LabelTerm label => HasLabel(label.Label),
            NoLabelsTerm => t => !t.Labels.Any(),
            PriorityTerm priority => HasPriority(priority.Priority),
            CompletionTerm { Completed: true } => t => t.IsCompleted,
            CompletionTerm => t => !t.IsCompleted,
            SearchTerm search => TaskTextSearch.Contains(search.Text, isPostgres),
            DueTerm due => FilterDueDates.Condition(due, clock),
            _ => throw new ArgumentException($"Unknown filter node {term.GetType().Name}.", nameof(term)),
        };

        // Each value is captured by a lambda so that EF Core sends it as a parameter, not as SQL text. No such list: the
        // subquery gives the empty id, which no task has.
        private Expression<Func<TaskItem, bool>> InList(string normalizedName)
        {
            var owner = userId;
            var named = lists.Where(l => l.UserId == owner && l.NormalizedName == normalizedName).Select(l => l.Id);
            return t => t.ListId == named.FirstOrDefault();
        }

        // By the owner, the label and the task's number: the index's own order, so no probe per task.
        private Expression<Func<TaskItem, bool>> HasLabel(string label)
        {
            var owner = userId;
            return t => labels.Any(l => l.UserId == owner && l.Label == label && l.TaskNumber == t.Number);
        }

        private static Expression<Func<TaskItem, bool>> HasPriority(TaskPriority priority) => t => t.Priority == priority;
    }

    /// <summary>The condition's body, on the filter's own task parameter.</summary>
    private static Expression Inline(Expression<Func<TaskItem, bool>> condition, ParameterExpression task) =>
        ReplacingExpressionVisitor.Replace(condition.Parameters[0], task, condition.Body);
}
