using Todo.Server.Dates;
using Todo.Server.Text;

namespace Todo.Server.Tasks.QuickAdd;

/// <summary>What a recognised part of quick-add text sets. On the wire: "list", "label", "priority", "due".</summary>
public enum QuickAddPartKind
{
    List,
    Label,
    Priority,

    /// <summary>A date phrase; recognised only when <see cref="QuickAddParser.Parse(string, QuickAddDateFinder?)"/> is given a date reader.</summary>
    Due,
}

/// <summary>
/// One recognised part: where it is in the text (UTF-16 offsets, as an input element reports its selection) and what it
/// sets: the list name as written (quotes removed, trimmed), the label lower-cased, the priority's wire name, the date phrase.
/// </summary>
public sealed record QuickAddPart(QuickAddPartKind Kind, int Start, int Length, string Value)
{
    public int End => Start + Length;
}

/// <summary>
/// Quick-add text read into a task's fields. Always complete as far as the text allows, so a page can show it while the
/// person types; <see cref="Problem"/> says why no task can be made from it (null when one can).
/// </summary>
public sealed record QuickAddResult
{
    /// <summary>The words that are not parts, quotes removed, white space collapsed; empty when none are left.</summary>
    public required string Title { get; init; }

    /// <summary>The list named with <c>#</c>; null for the Inbox.</summary>
    public string? ListName { get; init; }

    /// <summary>Lower-cased, duplicates merged, in the order first written.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The priority named; null when none was (a task then has none).</summary>
    public TaskPriority? Priority { get; init; }

    /// <summary>The date phrase, as written; null when none was read.</summary>
    public string? DueString { get; init; }

    /// <summary>The due <see cref="DueString"/> reads as; null without a date phrase.</summary>
    public DueReading? Due { get; init; }

    /// <summary>The recognised parts in text order.</summary>
    public IReadOnlyList<QuickAddPart> Parts { get; init; } = [];

    /// <summary>Why the text makes no task, in words for a person; null when it makes one.</summary>
    public string? Problem { get; init; }

    /// <summary>This result, or an <see cref="InvalidTextException"/> naming <c>text</c> with <see cref="Problem"/>.</summary>
    public QuickAddResult Require() => Problem is null ? this : throw new InvalidTextException(QuickAddParser.Field, Problem);
}

/// <summary>The date phrase in quick-add text, as <see cref="DateReader.Find"/> reads it in the user's zone.</summary>
public delegate DateReadResult QuickAddDateFinder(string text);
