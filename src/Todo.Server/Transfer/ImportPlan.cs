using Todo.Server.Dates;
using Todo.Server.Reminders;
using Todo.Server.Tasks;

namespace Todo.Server.Transfer;

/// <summary>
/// One task read from an import, checked: every rule the task service applies has held. <see cref="Line"/> is where it
/// was read (a line of todo.txt or CSV, the task's place in our JSON); <see cref="ListName"/> null is the default list.
/// </summary>
public sealed record ImportedTask(
    int Line,
    string Title,
    string? Description,
    string? ListName,
    IReadOnlyList<string> Labels,
    TaskPriority Priority,
    DateTime? CreatedAt,
    DateTime? CompletedAt,
    DueReading? Due,
    IReadOnlyList<ReminderSpec> Reminders);

/// <summary>Something of a row that was not carried over, though its task was (a reminder already past, a sub-task's nesting).</summary>
public sealed record ImportNote(int Line, string Detail);

/// <summary>What an import will write: lists named (made when missing), tasks, and the rows it passed over.</summary>
public sealed record ImportPlan(IReadOnlyList<string> ListNames, IReadOnlyList<ImportedTask> Tasks, int Skipped, IReadOnlyList<ImportNote> Notes);

/// <summary>The answer of an import: tasks made, rows passed over on purpose (Todoist's section and note rows), and notes.</summary>
public sealed record ImportResult(int Created, int Skipped, IReadOnlyList<ImportNote> Errors);

/// <summary>An input that cannot be imported: <see cref="Line"/> names where (1-based; null when it is the whole input).</summary>
public sealed class ImportRejectedException(int? line, string detail) : Exception(detail)
{
    public int? Line { get; } = line;

    public string Detail { get; } = detail;

    /// <summary>Where the problem is, as people read it: "Line 4: …".</summary>
    public string Describe() => Line is { } line ? $"Line {line}: {Detail}" : Detail;
}

/// <summary>The whole input is over a limit (too many tasks): a 400 that names the limit.</summary>
public sealed class ImportTooLargeException(string detail) : Exception(detail);
