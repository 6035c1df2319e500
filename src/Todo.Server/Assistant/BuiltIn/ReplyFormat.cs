using System.Globalization;

namespace Todo.Server.Assistant.BuiltIn;

/// <summary>A task as a list shows it: its position in the list, its number and title.</summary>
internal sealed record ListedTask(int Position, int Number, string Title);

/// <summary>What a reply of the engine asked, so the next message can be read as its answer.</summary>
internal enum PendingQuestion
{
    None,

    /// <summary>"Which one…?" / "Which task…?": the answer names a task for the action asked before.</summary>
    WhichTask,

    /// <summary>"What should the new task say?" / "What should the new title be?": the answer is a title.</summary>
    WhatTitle,

    /// <summary>"Should I move its tasks to the Inbox or delete them?": the answer finishes a list's deletion.</summary>
    TasksOnDelete,

    /// <summary>"Complete all 3? Say yes to go ahead": yes carries out the bulk change or empties the trash; anything else cancels it.</summary>
    Confirm,

    /// <summary>"Which day do you mean?" after a date that names no day or two: the answer is the date.</summary>
    WhatDate,
}

/// <summary>
/// The shapes of the engine's replies: list lines "1. Buy milk (#3)", task mentions "task #3", and the questions it
/// asks. They are written for people only: the engine never reads them back (it remembers by the stored tool calls
/// and by planning earlier messages again, see <see cref="ConversationView"/>).
/// </summary>
internal static class ReplyFormat
{
    public const string DoneMark = " — done";

    public const string AskTitle = "What should the new task say?";

    public const string AskNewTitle = "What should the new title be?";

    public static string ListLine(int position, int number, string title, bool showDone) =>
        string.Create(CultureInfo.InvariantCulture, $"{position}. {title} (#{number}){(showDone ? DoneMark : "")}");

    public static string Task(int number, string title) =>
        string.Create(CultureInfo.InvariantCulture, $"task #{number} \"{title}\"");

    /// <summary>The "Which…" question for an action, listing the candidates so the next message can pick one.</summary>
    public static string WhichOne(string verb) => $"Which one do you want me to {verb}?";

    /// <summary>"first" … "tenth", then "11th", "12th", "21st".</summary>
    public static string Ordinal(int position) => position switch
    {
        >= 1 and <= 10 => OrdinalWords[position - 1],
        _ when position % 100 is 11 or 12 or 13 => position.ToString(CultureInfo.InvariantCulture) + "th",
        _ => position.ToString(CultureInfo.InvariantCulture) + (position % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" },
    };

    /// <summary>The ordinals said in words, as people pick a line ("the third one") and as replies name one.</summary>
    public static readonly string[] OrdinalWords = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    public static string WhichTask(string verb) =>
        $"Which task do you want me to {verb}? Tell me its number or some words from its title.";
}
