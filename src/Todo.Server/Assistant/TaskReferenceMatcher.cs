using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Todo.Server.Text;

namespace Todo.Server.Assistant;

/// <summary>A task as the reference matcher sees it: enough to match and to list as a candidate.</summary>
public sealed record TaskSnapshot(int Number, string Title, bool IsCompleted);

/// <summary>Which tasks win when words match several: pending ones (to complete), completed ones (to reopen), or neither.</summary>
public enum TaskPreference
{
    None,
    Pending,
    Completed,
}

/// <summary>The outcome of matching a reference: exactly one task, several (nothing may change), or none.</summary>
public sealed record TaskMatch(TaskSnapshot? Task, IReadOnlyList<TaskSnapshot> Candidates)
{
    public static readonly TaskMatch None = new(null, []);

    public bool IsUnique => Task is not null;

    public bool IsAmbiguous => Task is null && Candidates.Count > 1;
}

/// <summary>
/// Turns what a person or a model calls a task ("3", "#3", "task 3", "the meeting task", "groceries") into
/// that task. A number names the task with that number. Words are normalised (case, punctuation, quotes,
/// and filler such as "the", "task", "about" dropped) and matched in three steps, the first step with any
/// match deciding: the exact title; titles containing the phrase; titles containing every significant word
/// (plurals and word beginnings count: "grocery" finds "Buy groceries", "meet" finds "Team meeting").
/// </summary>
public static partial class TaskReferenceMatcher
{
    private static readonly HashSet<string> LeadingFiller = new(StringComparer.Ordinal)
    {
        "the", "my", "a", "an", "that", "this", "task", "tasks", "todo", "todos", "item", "one", "entry",
        "about", "called", "named", "titled", "regarding", "re", "concerning", "for", "with", "labelled", "labeled",
        "reminder", "reminders", "note", "to", "of",
    };

    private static readonly HashSet<string> TrailingFiller = new(StringComparer.Ordinal)
    {
        "task", "tasks", "todo", "todos", "item", "one", "entry", "please", "thing", "on", "my", "the", "list", "reminder", "reminders",
    };

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "my", "to", "of", "and", "or", "for", "with", "on", "in", "at", "about", "task", "tasks",
        "todo", "one", "that", "this", "it", "is", "i", "me", "from", "by", "up",
    };

    /// <summary>The task number in "3", "#3", "task 3", "task #3", "number 3", "no. 3"; null for anything else.</summary>
    public static int? ParseNumber(string reference)
    {
        var match = NumberReference().Match(reference);
        return match.Success && int.TryParse(match.Groups["number"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : null;
    }

    /// <summary>Finds the task <paramref name="reference"/> names by its title among <paramref name="tasks"/>.</summary>
    public static TaskMatch Match(string reference, IReadOnlyList<TaskSnapshot> tasks, TaskPreference preference = TaskPreference.None)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(tasks);

        var full = Normalize(reference);
        var phrase = Phrase(full);
        if (phrase.Length == 0)
        {
            return TaskMatch.None;
        }

        var titles = tasks.Select(task => (Task: task, Title: Normalize(task.Title))).ToList();

        var exact = titles.Where(t => t.Title == phrase || t.Title == full).Select(t => t.Task).ToList();
        if (exact.Count > 0)
        {
            return Decide(exact, preference);
        }

        var containing = titles.Where(t => $" {t.Title} ".Contains($" {phrase} ", StringComparison.Ordinal)).Select(t => t.Task).ToList();
        if (containing.Count > 0)
        {
            return Decide(containing, preference);
        }

        var words = phrase.Split(' ').Where(word => !StopWords.Contains(word)).Select(Stem).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count == 0)
        {
            return TaskMatch.None;
        }

        var titleWords = titles.Select(t => (t.Task, Words: t.Title.Split(' '))).ToList();
        List<TaskSnapshot> Having(Func<string, string, bool> matches) =>
            [.. titleWords.Where(t => words.All(word => t.Words.Any(titleWord => matches(word, titleWord)))).Select(t => t.Task)];

        // Last, a long word a letter off ("mop kichen"): added, dropped, changed or two swapped.
        var found = Having(WordMatches) is { Count: > 0 } all ? all : Having((word, titleWord) => WordMatches(word, titleWord) || IsMisspelt(word, titleWord));
        if (found.Count > 0)
        {
            return Decide(found, preference);
        }

        // "buy milk" for a task "Milk": the errand's verb is no part of a shopping item's name.
        return ShoppingVerb().Match(phrase) is { Success: true } errand ? Match(errand.Groups["item"].Value, tasks, preference) : TaskMatch.None;
    }

    [GeneratedRegex(@"^(?:buy|get|grab|pick\s+up|order|purchase)\s+(?<item>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ShoppingVerb();

    private static bool IsMisspelt(string stemmedWord, string titleWord) =>
        stemmedWord.Length >= 5
        && (Typos.OneEditApart(stemmedWord, Stem(titleWord), substitution: true) || Typos.OneEditApart(stemmedWord, titleWord, substitution: true));

    /// <summary>Lower case, letters and digits only, single spaces: "Call Mom!" and "call mom" compare equal.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var lower = text.Replace("to-do", "todo", StringComparison.OrdinalIgnoreCase).ToLowerInvariant();
        foreach (var character in lower)
        {
            var keep = char.IsLetterOrDigit(character) || char.GetUnicodeCategory(character) is UnicodeCategory.NonSpacingMark;
            if (keep)
            {
                builder.Append(character);
            }
            else if (character is not '\'' and not '’' && builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' '); // apostrophes join ("mom's" → "moms"); anything else separates words
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>The normalised reference without its filler words ("the task about the dentist" → "dentist").</summary>
    private static string Phrase(string normalized)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var start = 0;
        while (start < words.Count && LeadingFiller.Contains(words[start]))
        {
            start++;
        }

        var end = words.Count;
        while (end > start && TrailingFiller.Contains(words[end - 1]))
        {
            end--;
        }

        return start < end ? string.Join(' ', words[start..end]) : normalized;
    }

    private static TaskMatch Decide(List<TaskSnapshot> matches, TaskPreference preference)
    {
        if (matches.Count == 1)
        {
            return new TaskMatch(matches[0], matches);
        }

        var preferred = preference switch
        {
            TaskPreference.Pending => matches.Where(task => !task.IsCompleted).ToList(),
            TaskPreference.Completed => matches.Where(task => task.IsCompleted).ToList(),
            _ => matches,
        };

        return preferred.Count switch
        {
            1 => new TaskMatch(preferred[0], preferred),
            0 => new TaskMatch(null, matches),
            _ => new TaskMatch(null, preferred),
        };
    }

    private static bool WordMatches(string stemmedWord, string titleWord)
    {
        var title = Stem(titleWord);
        return string.Equals(stemmedWord, title, StringComparison.Ordinal)
            || (stemmedWord.Length >= 3 && title.StartsWith(stemmedWord, StringComparison.Ordinal));
    }

    /// <summary>
    /// A rough English stem, enough for "groceries"/"grocery", "bills"/"bill", "calling"/"call", "meetings"/"meet",
    /// "reservation"/"reserve", "appointment"/"appoint", "renewal"/"renew", "painted"/"paint".
    /// </summary>
    private static string Stem(string word)
    {
        var stem = WithoutIng(EnglishWords.Singular(word));
        foreach (var suffix in (ReadOnlySpan<string>)["ation", "ment", "al"])
        {
            if (stem.Length >= Math.Max(suffix.Length + 4, 7) && stem.EndsWith(suffix, StringComparison.Ordinal))
            {
                stem = stem[..^suffix.Length];
                break;
            }
        }

        if (stem.Length > 5 && stem.EndsWith("ed", StringComparison.Ordinal) && !stem.EndsWith("eed", StringComparison.Ordinal))
        {
            stem = stem[..^2];
        }

        return stem.Length > 4 && stem.EndsWith('e') && !stem.EndsWith("ee", StringComparison.Ordinal) ? stem[..^1] : stem;
    }

    private static string WithoutIng(string word) =>
        word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal)
            ? word[^4] == word[^5] && word[^4] is not ('l' or 's' or 'f' or 'z') ? word[..^4] : word[..^3]
            : word;

    [GeneratedRegex(@"^\s*(?:(?:task|todo|to-do|item|number|num|no\.?)\s*)*#?\s*(?<number>\d{1,9})\s*[.!?]?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberReference();
}
