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
