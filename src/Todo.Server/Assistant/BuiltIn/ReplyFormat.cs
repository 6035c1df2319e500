using System.Globalization;
using System.Text.RegularExpressions;

namespace Todo.Server.Assistant.BuiltIn;

/// <summary>A task as a numbered list line shows it: its position in the list, its number and title.</summary>
internal sealed record ListedTask(int Position, int Number, string Title);

/// <summary>What the engine's last reply asked, so the next message can be read as its answer.</summary>
internal enum PendingQuestion
{
    None,

    /// <summary>"Which one…?" / "Which task…?": the answer names a task for the action asked before.</summary>
    WhichTask,

    /// <summary>"What should the new task say?" / "What should the new title be?": the answer is a title.</summary>
    WhatTitle,
}

/// <summary>
/// The shapes of the engine's replies that it reads back from the stored history (the server keeps no other
/// memory): list lines "1. Buy milk (#3)", task mentions "task #3", and the questions it asks. Writing and
/// reading live together here so that they cannot drift apart.
/// </summary>
internal static partial class ReplyFormat
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

    public static string WhichTask(string verb) =>
        $"Which task do you want me to {verb}? Tell me its number or some words from its title.";

    public static IReadOnlyList<ListedTask> ListedTasks(string text)
    {
        List<ListedTask> tasks = [];
        foreach (Match match in ListLinePattern().Matches(text))
        {
            tasks.Add(new ListedTask(
                int.Parse(match.Groups["position"].ValueSpan, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["number"].ValueSpan, CultureInfo.InvariantCulture),
                match.Groups["title"].Value.Trim()));
        }

        return tasks;
    }

    /// <summary>The task numbers a reply names ("task #3", "(#3)"), in order of first mention.</summary>
    public static IReadOnlyList<int> MentionedNumbers(string text) =>
        [.. MentionPattern().Matches(text)
            .Select(match => int.Parse(match.Groups["number"].ValueSpan, CultureInfo.InvariantCulture))
            .Distinct()];

    public static PendingQuestion QuestionIn(string text) =>
        WhichQuestionPattern().IsMatch(text) ? PendingQuestion.WhichTask
        : TitleQuestionPattern().IsMatch(text) ? PendingQuestion.WhatTitle
        : PendingQuestion.None;

    [GeneratedRegex(@"^[ \t]*(?<position>\d{1,4})\.[ \t]+(?<title>.+)[ \t]\(#(?<number>\d{1,9})\)(?:[ \t]—[ \t]done)?[ \t]*\r?$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ListLinePattern();

    [GeneratedRegex(@"(?:\btask #|\(#)(?<number>\d{1,9})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"^Which (?:one|task) do you (?:want|mean)", RegexOptions.CultureInvariant)]
    private static partial Regex WhichQuestionPattern();

    [GeneratedRegex(@"^What should the new (?:task say|title be)\?", RegexOptions.CultureInvariant)]
    private static partial Regex TitleQuestionPattern();
}
