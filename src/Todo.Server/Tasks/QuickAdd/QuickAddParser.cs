using Todo.Server.Dates;
using Todo.Server.Http;
using Todo.Server.Lists;
using Todo.Server.Text;

namespace Todo.Server.Tasks.QuickAdd;

/// <summary>
/// Reads quick-add text ("Buy milk #Groceries @errands !high") into a task's fields; pure, so the web page can show the
/// parts as the person types and the assistant can use it too. The rules:
/// <list type="bullet">
/// <item>Parts are whole words (separated by white space), punctuation attached to them included: <c>#Name</c> or <c>#"Name with spaces"</c> is the list;
/// <c>@label</c> a label (lower-cased, duplicates merged); <c>!high</c> <c>!medium</c> <c>!low</c> <c>!none</c>, or
/// <c>p1</c> <c>p2</c> <c>p3</c> <c>p4</c> (p4 is none), the priority. Keywords ignore case.</item>
/// <item>Words in double quotes (straight or curly) are only ever title, and lose their quotes: <c>"#1 fan" mug</c> is
/// the title <c>#1 fan mug</c>. An unclosed quote is an ordinary character.</item>
/// <item><c>#</c> or <c>@</c> inside a word is text (C#, issue#4, bob@example.com), as are a bare <c>#</c> or <c>@</c>,
/// words starting <c>##</c> or <c>@@</c>, <c>!</c> before any other word (!important) and p1 inside a word (mp3).</item>
/// <item>One list and one priority: two different ones is a problem, not a silent choice, so a task never lands in a list
/// its writer did not mean (the same one twice is fine; the first spelling names the list). Quotes keep such words in the title.</item>
/// <item>The rest is the title, white space collapsed. A problem (naming <see cref="Field"/>) when no title is left, the
/// title is over 100 characters, a label breaks the label rule (<c>@no!</c>), there are more than 20 labels, or a list
/// name breaks the list name rule.</item>
/// <item>A date phrase is read only with a <see cref="QuickAddDateFinder"/> (the date reader, which never reads quoted words,
/// tags or titles such as "The 5th Wave"): the unclaimed plain words its phrase covers become the
/// <see cref="QuickAddPartKind.Due"/> part; a phrase naming a day that does not exist ("feb 30") is a problem. Without a
/// finder, dates stay in the title.</item>
/// </list>
/// </summary>
public static class QuickAddParser
{
    /// <summary>The request field every quick-add problem names.</summary>
    public const string Field = "text";

    public const int MaxLength = 500;

    public static readonly TextRule Text = new() { Noun = "text", MaxLength = MaxLength };

    public const string EmptyTitle =
        "No title is left once the list, labels and priority are taken out; add words that say what the task is.";

    public static QuickAddResult Parse(string text) => Parse(text, null);

    public static QuickAddResult Parse(string text, QuickAddDateFinder? findDate)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<string>(); // the first one is told
        if (Text.Check(text) is { } textProblem)
        {
            problems.Add(textProblem);
        }

        var words = Split(text);
        var claimed = new bool[words.Count];
        var parts = new List<QuickAddPart>();
        var lists = new List<(string Written, string Name)>();
        var labels = new List<string>();
        var priorities = new List<(string Written, TaskPriority Priority)>();
        for (var index = 0; index < words.Count; index++)
        {
            var word = words[index];
            var written = text[word.Start..word.End];
            var part = word.Shape switch
            {
                WordShape.QuotedList => ReadList(text[word.ContentStart..word.ContentEnd]),
                WordShape.Plain => ReadPlain(written),
                _ => null,
            };
            if (part is not { } found)
            {
                continue;
            }

            claimed[index] = true;
            parts.Add(new QuickAddPart(found.Kind, word.Start, word.End - word.Start, found.Value));
            if (found.Problem is not null)
            {
                problems.Add(found.Problem);
                continue;
            }

            switch (found.Kind)
            {
                case QuickAddPartKind.List:
                    lists.Add((written, found.Value));
                    break;
                case QuickAddPartKind.Label when !labels.Contains(found.Value, StringComparer.Ordinal):
                    labels.Add(found.Value);
                    break;
                case QuickAddPartKind.Priority:
                    priorities.Add((written, found.Priority));
                    break;
            }
        }

        var date = findDate?.Invoke(text) ?? DateReadResult.None;
        if (date.Error is { } dateProblem)
        {
            problems.Add(dateProblem);
        }

        var due = date.Match is { } match ? ClaimDate(text, words, claimed, match) : null;
        if (due is not null)
        {
            parts.Add(due);
        }

        if (lists.DistinctBy(l => TodoList.Normalize(l.Name)).Count() > 1)
        {
            problems.Add($"Name one list only; this text names {Listed(lists.Select(l => l.Written))}. Put words in quotes to keep them in the title.");
        }

        if (priorities.DistinctBy(p => p.Priority).Count() > 1)
        {
            problems.Add($"Give one priority only; this text gives {Listed(priorities.Select(p => p.Written))}. Put words in quotes to keep them in the title.");
        }

        if (TaskLabels.TooMany(labels.Count) is { } tooMany)
        {
            problems.Add(tooMany);
        }

        var title = Title(text, words, claimed);
        if (title.Length == 0)
        {
            problems.Add(EmptyTitle);
        }
        else if (TaskText.Title.Check(title) is { } titleProblem)
        {
            problems.Add(titleProblem);
        }
        else
        {
            title = TaskText.Title.Normalize(title);
        }

        return new QuickAddResult
        {
            Title = title,
            ListName = lists.Count > 0 ? lists[0].Name : null,
            Labels = labels,
            Priority = priorities.Count > 0 ? priorities[^1].Priority : null,
            DueString = due?.Value,
            Due = due is null ? null : date.Match!.Reading,
            Parts = [.. parts.OrderBy(p => p.Start)],
            Problem = problems.Count > 0 ? problems[0] : null,
        };
    }

    private enum WordShape
    {
        /// <summary>Anything up to the next white space.</summary>
        Plain,

        /// <summary>A quoted phrase at the start of a word, and whatever follows its closing quote up to white space.</summary>
        Quoted,

        /// <summary><c>#"Name with spaces"</c>, ending at white space or the end.</summary>
        QuotedList,
    }

    /// <summary>A word's place in the text; for quoted shapes, its content is what lies between the quotes.</summary>
    private readonly record struct Word(int Start, int End, WordShape Shape, int ContentStart, int ContentEnd);

    private readonly record struct Recognised(QuickAddPartKind Kind, string Value, TaskPriority Priority = TaskPriority.None, string? Problem = null);

    private static List<Word> Split(string text)
    {
        var words = new List<Word>();
        var index = 0;
        while (index < text.Length)
        {
            if (char.IsWhiteSpace(text[index]))
            {
                index++;
                continue;
            }

            var start = index;
            if (IsQuote(text[index]) && ClosingQuote(text, index + 1) is var close and >= 0)
            {
                index = EndOfWord(text, close + 1);
                words.Add(new Word(start, index, WordShape.Quoted, start + 1, close));
            }
            else if (text[index] == '#' && index + 1 < text.Length && IsQuote(text[index + 1])
                     && ClosingQuote(text, index + 2) is var listClose and >= 0 && EndOfWord(text, listClose + 1) == listClose + 1)
            {
                index = listClose + 1;
                words.Add(new Word(start, index, WordShape.QuotedList, start + 2, listClose));
            }
            else
            {
                index = EndOfWord(text, index);
                words.Add(new Word(start, index, WordShape.Plain, start, index));
            }
        }

        return words;
    }

    private static Recognised? ReadPlain(string word)
    {
        if (word.Length > 1 && word[0] == '#' && word[1] != '#' && !IsQuote(word[1]))
        {
            return ReadList(word[1..]);
        }

        if (word.Length > 1 && word[0] == '@' && word[1] != '@')
        {
            return TaskLabels.Check(word[1..], out var label) is { } problem
                ? new Recognised(QuickAddPartKind.Label, label, Problem: problem)
                : new Recognised(QuickAddPartKind.Label, label);
        }

        return ReadPriority(word) is { } priority
            ? new Recognised(QuickAddPartKind.Priority, WireNames.Name(priority), priority)
            : null;
    }

    private static Recognised ReadList(string name) => ListText.Name.Check(name) is { } problem
        ? new Recognised(QuickAddPartKind.List, name.Trim(), Problem: problem)
        : new Recognised(QuickAddPartKind.List, ListText.Name.Normalize(name));

    private static TaskPriority? ReadPriority(string word)
    {
        if (word.Length == 2 && word[0] is 'p' or 'P' && word[1] is >= '1' and <= '4')
        {
            return word[1] switch
            {
                '1' => TaskPriority.High,
                '2' => TaskPriority.Medium,
                '3' => TaskPriority.Low,
                _ => TaskPriority.None,
            };
        }

        if (word.Length < 2 || word[0] != '!')
        {
            return null;
        }

        return WireNames.TryParse<TaskPriority>(word[1..].ToLowerInvariant(), out var named) ? named : null;
    }

    /// <summary>The unclaimed plain words <paramref name="match"/> covers, claimed as the due part; null when it covers none.</summary>
    private static QuickAddPart? ClaimDate(string text, List<Word> words, bool[] claimed, DateMatch match)
    {
        var (start, end) = (match.Start, match.Start + match.Length);
        var covered = Enumerable.Range(0, words.Count)
            .Where(i => !claimed[i] && words[i].Shape == WordShape.Plain && words[i].Start < end && words[i].End > start)
            .ToList();
        if (covered.Count == 0)
        {
            return null;
        }

        foreach (var index in covered)
        {
            claimed[index] = true;
        }

        var (first, last) = (words[covered[0]], words[covered[^1]]);
        return new QuickAddPart(QuickAddPartKind.Due, first.Start, last.End - first.Start, match.Text);
    }

    /// <summary>The unclaimed words, quotes removed, joined by single spaces.</summary>
    private static string Title(string text, List<Word> words, bool[] claimed)
    {
        var pieces = new List<string>();
        for (var index = 0; index < words.Count; index++)
        {
            var word = words[index];
            if (claimed[index])
            {
                continue;
            }

            pieces.Add(word.Shape == WordShape.Plain
                ? text[word.Start..word.End]
                : text[word.ContentStart..word.ContentEnd] + text[(word.ContentEnd + 1)..word.End]);
        }

        return string.Join(' ', string.Join(' ', pieces).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Listed(IEnumerable<string> written)
    {
        var items = written.Distinct(StringComparer.Ordinal).ToList();
        return string.Join(", ", items[..^1]) + " and " + items[^1];
    }

    private static bool IsQuote(char c) => c is '"' or '\u201C' or '\u201D';

    private static int ClosingQuote(string text, int from)
    {
        for (var index = from; index < text.Length; index++)
        {
            if (IsQuote(text[index]))
            {
                return index;
            }
        }

        return -1;
    }

    private static int EndOfWord(string text, int from)
    {
        var index = from;
        while (index < text.Length && !char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }
}
