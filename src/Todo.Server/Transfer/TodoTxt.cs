using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Todo.Server.Tasks;

namespace Todo.Server.Transfer;

/// <summary>
/// todo.txt (github.com/todotxt/todo.txt), one task a line: <c>x</c> and a completion date for a completed task,
/// <c>(A)</c>–<c>(Z)</c> the priority, a creation date, the text with <c>+project</c> (the task's list: the first one;
/// later ones stay words of the title), <c>@context</c> (a label) and <c>key:value</c> tags, of which <c>due:YYYY-MM-DD</c>
/// (an all-day due) and <c>pri:X</c> (a completed task's priority, as todo.txt tools keep it) are read; other tags stay
/// in the title. Priorities: (A) high, (B) medium, (C) low, (D) to (Z) none. Dates are days in the user's zone.
/// </summary>
public static partial class TodoTxt
{
    public static ImportPlan Read(string text, ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        var lines = text.Split('\n');
        var tasks = new List<ImportedTask>();
        var lists = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue; // blank lines separate nothing
            }

            if (tasks.Count == context.MaxTasks)
            {
                throw new ImportTooLargeException($"The file has more than {context.MaxTasks} tasks; one import takes at most {context.MaxTasks}.");
            }

            var task = ReadLine(line.Trim(), i + 1, context);
            if (task.ListName is { } list)
            {
                lists.Add(list);
            }

            tasks.Add(task);
        }

        return new ImportPlan(lists, tasks, 0, []);
    }

    private static ImportedTask ReadLine(string text, int line, ImportContext context)
    {
        var rest = text;
        DateOnly? completedOn = null;
        DateOnly? createdOn = null;
        var completed = false;
        var priority = TaskPriority.None;
        if (rest.StartsWith("x ", StringComparison.Ordinal))
        {
            completed = true;
            rest = rest[2..].TrimStart();
            if (LeadingDate(ref rest, line) is { } done)
            {
                completedOn = done;
                createdOn = LeadingDate(ref rest, line);
            }
        }
        else
        {
            if (PriorityPrefix().Match(rest) is { Success: true } match)
            {
                priority = PriorityOf(match.Groups[1].Value[0]);
                rest = rest[match.Length..].TrimStart();
            }

            createdOn = LeadingDate(ref rest, line);
        }

        string? list = null;
        var labels = new List<string>();
        DateOnly? due = null;
        var words = new List<string>();
        foreach (var word in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length > 1 && word[0] == '+' && list is null)
            {
                list = ImportRules.ListName(line, word[1..]);
            }
            else if (word.Length > 1 && word[0] == '@')
            {
                labels.Add(word[1..]);
            }
            else if (word.StartsWith("due:", StringComparison.OrdinalIgnoreCase))
            {
                due = ParseDate(word[4..], line) ?? throw new ImportRejectedException(line, $"\"{word}\" is not a date; write due:YYYY-MM-DD.");
            }
            else if (word.StartsWith("pri:", StringComparison.OrdinalIgnoreCase) && word.Length == 5 && char.IsAsciiLetterUpper(word[4]))
            {
                priority = PriorityOf(word[4]);
            }
            else
            {
                words.Add(word);
            }
        }

        var title = ImportRules.Title(line, string.Join(' ', words));
        DateTime? completedAt = completed ? completedOn is { } day ? context.StartOf(day) : ImportRules.Stored(context.Now.UtcDateTime) : null;
        return new ImportedTask(
            line, title, null, list, ImportRules.Labels(line, labels), priority,
            createdOn is { } created ? context.StartOf(created) : null, completedAt,
            due is { } dueDay ? ImportRules.Due(line, dueDay, null, null, null, false, context) : null, []);
    }

    /// <summary>(A) high, (B) medium, (C) low; (D) and after have no counterpart and are none.</summary>
    public static TaskPriority PriorityOf(char letter) => letter switch
    {
        'A' => TaskPriority.High,
        'B' => TaskPriority.Medium,
        'C' => TaskPriority.Low,
        _ => TaskPriority.None,
    };

    private static DateOnly? LeadingDate(ref string rest, int line)
    {
        if (LeadingDatePattern().Match(rest) is not { Success: true } match)
        {
            return null;
        }

        var date = ParseDate(match.Groups[1].Value, line) ?? throw new ImportRejectedException(line, $"\"{match.Groups[1].Value}\" is not a day that exists.");
        rest = rest[match.Length..].TrimStart();
        return date;
    }

    private static DateOnly? ParseDate(string text, int line) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.Year < 9999 ? date : throw new ImportRejectedException(line, "A date must be before the year 9999.")
            : null;

    /// <summary>
    /// The user's tasks as todo.txt, in number order: completion, priority (high (A), medium (B), low (C)), creation date,
    /// title, +list (spaces written as _; the Inbox is left out), @labels, due:YYYY-MM-DD. A description, a due's time and
    /// rule, and reminders have no place in todo.txt and are left out.
    /// </summary>
    public static string Write(UserExport export, ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(context);
        var inbox = export.Lists.FirstOrDefault(l => l.IsInbox)?.Name;
        var text = new StringBuilder();
        foreach (var task in export.Tasks.Select(t => t.Task))
        {
            var parts = new List<string>();
            if (task.IsCompleted)
            {
                parts.Add("x");
                parts.Add(Day(context.DayOf(task.CompletedAt ?? task.CreatedAt)));
            }
            else if (task.Priority != TaskPriority.None)
            {
                parts.Add(task.Priority switch { TaskPriority.High => "(A)", TaskPriority.Medium => "(B)", _ => "(C)" });
            }

            parts.Add(Day(context.DayOf(task.CreatedAt)));
            parts.Add(string.Join(' ', task.Title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
            if (task.List != inbox)
            {
                parts.Add("+" + task.List.Replace(' ', '_'));
            }

            parts.AddRange(task.Labels.Select(label => "@" + label));
            if (task.Due is { } due)
            {
                parts.Add("due:" + Day(due.Date));
            }

            if (task.IsCompleted && task.Priority != TaskPriority.None)
            {
                parts.Add("pri:" + task.Priority switch { TaskPriority.High => "A", TaskPriority.Medium => "B", _ => "C" });
            }

            text.Append(string.Join(' ', parts)).Append('\n');
        }

        return text.ToString();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\(([A-Z])\)(?= )")]
    private static partial Regex PriorityPrefix();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})(?= |$)")]
    private static partial Regex LeadingDatePattern();
}
