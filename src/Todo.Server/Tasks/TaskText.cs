using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Todo.Server.Data;

namespace Todo.Server.Tasks;

/// <summary>
/// The rules for task text, shared by request validation (the attributes below) and <see cref="TaskService"/>,
/// so every entry point accepts exactly the same titles and descriptions. Lengths count Unicode characters
/// (as the database's varchar and CHECK constraints do), and text the database cannot store or a person
/// cannot see (NUL and other control characters, unpaired surrogates) is refused.
/// </summary>
public static class TaskText
{
    public const int SearchMaxLength = Limits.TaskDescriptionMaxLength;

    public const string TitleRequired = "A title is required.";

    public static readonly string TitleRule =
        $"The title must be 1–{Limits.TaskTitleMaxLength} characters after trimming, without control characters.";

    public static readonly string DescriptionRule =
        $"The description must be at most {Limits.TaskDescriptionMaxLength} characters, without control characters other than tabs and line breaks.";

    public static readonly string SearchRule =
        $"The search text must be at most {SearchMaxLength} characters, without control characters.";

    /// <summary>How a title is stored: trimmed.</summary>
    public static string NormalizeTitle(string title) => title.Trim();

    public static bool IsValidTitle(string title) =>
        IsValidText(NormalizeTitle(title), 1, Limits.TaskTitleMaxLength, allowLineBreaks: false);

    public static bool IsValidDescription(string description) =>
        IsValidText(description, 0, Limits.TaskDescriptionMaxLength, allowLineBreaks: true);

    public static bool IsValidSearch(string search) =>
        IsValidText(search, 0, SearchMaxLength, allowLineBreaks: false);

    private static bool IsValidText(string text, int minLength, int maxLength, bool allowLineBreaks)
    {
        if (text.Length > maxLength * 2)
        {
            return false; // even all surrogate pairs could not fit; no need to look further
        }

        var length = 0;
        var remaining = text.AsSpan();
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(remaining, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return false; // an unpaired surrogate
            }

            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control
                && !(allowLineBreaks && rune.Value is '\t' or '\n' or '\r'))
            {
                return false;
            }

            length++;
            remaining = remaining[consumed..];
        }

        return length >= minLength && length <= maxLength;
    }
}

/// <summary>A task title: 1–100 characters after trimming. Null passes (pair with [Required] where it is required).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class TaskTitleAttribute : ValidationAttribute
{
    public TaskTitleAttribute()
        : base(TaskText.TitleRule)
    {
    }

    public override bool IsValid(object? value) => value is null || (value is string text && TaskText.IsValidTitle(text));
}

/// <summary>A task description: at most 1000 characters. Null passes (no description).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class TaskDescriptionAttribute : ValidationAttribute
{
    public TaskDescriptionAttribute()
        : base(TaskText.DescriptionRule)
    {
    }

    public override bool IsValid(object? value) => value is null || (value is string text && TaskText.IsValidDescription(text));
}

/// <summary>The list's search text (<c>q</c>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class TaskSearchAttribute : ValidationAttribute
{
    public TaskSearchAttribute()
        : base(TaskText.SearchRule)
    {
    }

    public override bool IsValid(object? value) => value is null || (value is string text && TaskText.IsValidSearch(text));
}

/// <summary>A title or description a caller of <see cref="TaskService"/> passed that breaks the rules in <see cref="TaskText"/>.</summary>
public sealed class TaskValidationException(string field, string message) : ArgumentException(message, field)
{
    /// <summary>The field at fault, as it is named on the wire: <c>title</c> or <c>description</c>.</summary>
    public string Field { get; } = field;
}
