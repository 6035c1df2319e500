using Todo.Server.Data;
using Todo.Server.Text;

namespace Todo.Server.Tasks;

/// <summary>
/// The text rules of a task, shared by request validation (the attributes below), <see cref="TaskService"/> and the
/// tools, so every entry point accepts exactly the same titles, descriptions and search words (see <see cref="TextRule"/>).
/// </summary>
public static class TaskText
{
    public const int SearchMaxLength = Limits.TaskDescriptionMaxLength;

    public const string TitleRequired = "A title is required.";

    public static readonly TextRule Title = new() { Noun = "title", MaxLength = Limits.TaskTitleMaxLength };

    /// <summary>Kept as written (not trimmed); blank is no description.</summary>
    public static readonly TextRule Description = new()
    {
        Noun = "description", MaxLength = Limits.TaskDescriptionMaxLength, MinLength = 0, Multiline = true, Trim = false,
    };

    public static readonly TextRule Search = new() { Noun = "query", MaxLength = SearchMaxLength, MinLength = 0 };

    /// <summary>How a tool names a task: its number or words from its title.</summary>
    public static readonly TextRule Reference = new() { Noun = "task reference", MaxLength = 2 * Limits.TaskTitleMaxLength };

    /// <summary>One label, before the label's own characters are checked (<see cref="TaskLabels"/>).</summary>
    public static readonly TextRule Label = new() { Noun = "label", MaxLength = Limits.LabelMaxLength };

    public static string TitleRule => Title.Description;

    public static string DescriptionRule => Description.Description;

    public static string SearchRule => Search.Description;
}

/// <summary>A task title (<see cref="TaskText.Title"/>). Null passes (pair with [Required] where it is required).</summary>
public sealed class TaskTitleAttribute() : TextRuleAttribute(TaskText.Title);

/// <summary>A task description (<see cref="TaskText.Description"/>). Null passes (no description).</summary>
public sealed class TaskDescriptionAttribute() : TextRuleAttribute(TaskText.Description);

/// <summary>The list's search text (<c>q</c>).</summary>
public sealed class TaskSearchAttribute() : TextRuleAttribute(TaskText.Search);

/// <summary>
/// The label rule: each label keeps <see cref="TaskText.Label"/>, is lower-cased (invariant culture) and may hold only
/// letters, digits, '-' and '_'; 1–50 characters; at most 20 per task. Duplicates (also those that differ only in case)
/// are removed, not refused: "Errands" and "errands" are one label once lower-cased, so refusing would punish the writer
/// for our own folding. Labels come back in alphabetical order.
/// </summary>
public static class TaskLabels
{
    public const string Field = "labels";

    public static string Rule => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"Labels are lower-case letters, digits, '-' and '_', 1 to {Limits.LabelMaxLength} characters, at most {Limits.LabelsPerTask} per task; duplicates are removed.");

    /// <summary>The labels as stored, or an <see cref="InvalidTextException"/> naming <c>labels</c> that says which label and why.</summary>
    public static IReadOnlyList<string> Require(IEnumerable<string?> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            if (label is null)
            {
                throw new InvalidTextException(Field, "A label cannot be null.");
            }

            result.Add(Check(label, out var normalized) is { } problem ? throw new InvalidTextException(Field, problem) : normalized);
        }

        return TooMany(result.Count) is { } tooMany ? throw new InvalidTextException(Field, tooMany) : [.. result];
    }

    /// <summary>What is wrong with one label, naming it (null when it keeps the rule); <paramref name="normalized"/> is the label as stored.</summary>
    public static string? Check(string label, out string normalized)
    {
        ArgumentNullException.ThrowIfNull(label);
        normalized = label.Trim().ToLowerInvariant();
        if (TaskText.Label.Check(label) is { } problem)
        {
            // Too long: say which label (shortened), unless it holds characters that cannot be shown.
            var length = TextElements.Count(normalized);
            return length > Limits.LabelMaxLength && TextElements.Sanitize(normalized) == normalized
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"The label \"{TextElements.Shorten(normalized, 20)}\" is {length} characters long; the limit is {Limits.LabelMaxLength}.")
                : problem;
        }

        normalized = TaskText.Label.Normalize(label).ToLowerInvariant();
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (!System.Text.Rune.IsLetterOrDigit(rune) && rune.Value is not ('-' or '_'))
            {
                var shown = System.Text.Rune.IsWhiteSpace(rune) ? "a space" : $"\"{rune}\"";
                return $"The label \"{normalized}\" may hold only letters, digits, '-' and '_'; {shown} is not allowed.";
            }
        }

        return null;
    }

    /// <summary>The message when a task would have more labels than it may (distinct labels counted); null when not.</summary>
    public static string? TooMany(int count) => count > Limits.LabelsPerTask
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"A task has at most {Limits.LabelsPerTask} labels; {count} were given.")
        : null;
}
