using System.Text.RegularExpressions;

namespace Todo.Server.Assistant.BuiltIn;

/// <summary>
/// The small text operations the parser needs: tidying a message (quotes, politeness, trailing punctuation),
/// turning the words after "remind me to" into a title, and recognising the status a question asks about.
/// </summary>
internal static partial class Utterance
{
    /// <summary>"Could you please add milk, thanks!" → "add milk"; curly quotes made straight; single spaces.</summary>
    public static string Clean(string text)
    {
        var cleaned = Whitespace().Replace(StraightenQuotes(text), " ").Trim();
        string before;
        do
        {
            before = cleaned;
            cleaned = LeadingFiller().Replace(cleaned, "");
            cleaned = TrailingFiller().Replace(cleaned, "");
            cleaned = cleaned.Trim().TrimEnd('.', '!', '?', ',', ';', ' ', '…');
        }
        while (!string.Equals(before, cleaned, StringComparison.Ordinal));

        return cleaned;
    }

    /// <summary>The words after "remind me to" as a task title: "call the plumber please." → "Call the plumber".</summary>
    public static string CleanTitle(string text)
    {
        var title = Clean(text);
        title = TitleLead().Replace(title, "");
        title = ItemArticle().Replace(title, "");
        title = TitleTail().Replace(title, "");
        title = Unquote(title).Trim().TrimEnd('.', '!', '?', ',', ';', ':');
        return Capitalize(title);
    }

    /// <summary>
    /// Splits "call mom: about her birthday" or "call mom with the description about her birthday" into a
    /// title and a description; without either marker the whole text is the title.
    /// </summary>
    public static (string Title, string? Description) TitleAndDescription(string text)
    {
        var clean = TitleLead().Replace(Clean(text), "");
        foreach (var pattern in new[] { WithDescription(), QuotedTitleThenDescription(), ColonDescription() })
        {
            var match = pattern.Match(clean);
            if (match.Success && match.Groups["title"].Value.Trim().Length > 0)
            {
                var description = CleanDescription(match.Groups["description"].Value);
                return (CleanTitle(match.Groups["title"].Value), description.Length == 0 ? null : description);
            }
        }

        return (CleanTitle(clean), null);
    }

    public static string CleanDescription(string text) => Capitalize(Unquote(text.Trim()).Trim());

    /// <summary>Search words from "the dentist", "'dentist' in the title" → "dentist".</summary>
    public static string? CleanQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var query = QueryTail().Replace(text.Trim(), "");
        query = Unquote(query.Trim().TrimEnd('?', '.', '!'));
        query = QueryLead().Replace(query, "").Trim();
        return query.Length == 0 || ToDo().IsMatch(query) ? null : query;
    }

    /// <summary>pending, completed, or null (all / not said) for a question about tasks.</summary>
    public static string? StatusAskedFor(string text)
    {
        if (NotDone().IsMatch(text))
        {
            return "pending";
        }

        var pending = PendingWords().IsMatch(text);
        var completed = CompletedWords().IsMatch(text);
        return (pending, completed) switch
        {
            (true, false) => "pending",
            (false, true) => "completed",
            _ => null,
        };
    }

    public static string Unquote(string text) =>
        text.Length >= 2 && text[0] is '"' or '\'' && text[^1] == text[0] ? text[1..^1] : text;

    private static string Capitalize(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    public static string StraightenQuotes(string text) => text
        .Replace('‘', '\'').Replace('’', '\'').Replace('“', '"').Replace('”', '"').Replace('«', '"').Replace('»', '"');

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?:(?:please|pls|plz|kindly|ok(?:ay)?|so|now|and|also|oh|ah|um+|uh+|well|alright|all right|right|hey|hi|hello|yo|assistant|bot|actually|then|great|cool|perfect|thanks|thank you|nice|good|awesome|wait|sorry|oops|hmm+|no\s+(?:wait|actually|sorry))\b[,!.:]?\s+" +
        @"|(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|kindly\s+)?" +
        @"|(?:can|could|may)\s+i\s+(?:please\s+)?(?=\w)" +
        @"|would\s+you\s+mind\s+" +
        @"|i(?:'d|\s+would)\s+like\s+you\s+to\s+|i\s+(?:want|need)\s+you\s+to\s+|go\s+ahead\s+and\s+|let'?s\s+" +
        @"|i(?:'d|\s+would)?\s+(?:like|want)\s+to\s+(?=(?:add|create|make|see|view|list|show|know|delete|remove|rename|change|update|edit|reopen|mark|complete|tick|check|cancel|get\s+rid|erase|find|search)\b)" +
        @"|i\s+(?:need|have)\s+to\s+(?=(?:see|view|know|check)\b)" +
        @"|i\s+(?:need|want|have|would\s+like|'d\s+like)\s+to\s+(?=(?:create|make|start|set\s+up)\s+(?:me\s+)?(?:a\s+|an\s+|another\s+)?(?:new\s+)?(?:[\w'-]+\s+){0,2}list\b))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingFiller();

    [GeneratedRegex(@"(?:[,\s]+(?:please|pls|plz|thanks|thank you|thx|ty|for me|right now|asap|if you can|if you could|if possible|mate|buddy|ok|okay" +
        @"|(?:if\s+(?:it'?s|it\s+is|they'?re|they\s+are)\s+not|if\s+(?:it\s+isn'?t|they\s+aren'?t|it'?s\s+missing|not)|unless\s+(?:it'?s|it\s+is|they'?re|they\s+are))" +
        @"(?:\s+(?:there|on\s+(?:it|there|the\s+list|my\s+list)|already|yet))*))+[.!?\s]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingFiller();

    /// <summary>
    /// "a restaurant reservation", "some more eggs", "the milk": the item without the article or amount said before it ("the"
    /// only before one or two plain words, so "the Hobbit" and "the report for Sam" keep it).
    /// </summary>
    [GeneratedRegex(@"^(?:an?|another|some(?:\s+more)?|more|a\s+few\s+more)\s+(?=[a-z])|^(?-i:the)\s+(?=[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ItemArticle();

    /// <summary>"milk again", "eggs too": words about the add, not the item.</summary>
    [GeneratedRegex(@"(?<=\S)[\s,]+(?:again|as\s+well|too|also)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitleTail();

    [GeneratedRegex(@"^(?:(?:to|on|onto)\s+)?(?:my|the)\s+(?:todo\s+|to-do\s+|task\s+)?list\s*[:\-—]?\s+(?=\S)|^(?:that\s+)?(?:i\s+(?:need|have|must|should|ought)\s+to|to)\s+(?=\S)|^(?:probably|maybe|perhaps|definitely|actually|really|seriously)\s+(?=\S)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitleLead();

    [GeneratedRegex(@"^(?<title>.+?)\s*,?\s+(?:with|and)\s+(?:a\s+|the\s+)?(?:description|note|notes|details)\s*(?:of|saying|that says|:|-)?\s+(?<description>.+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WithDescription();

    [GeneratedRegex(@"^(?<q>[""'])(?<title>.+?)\k<q>\s*(?::|-|—|,)\s*(?<description>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedTitleThenDescription();

    [GeneratedRegex(@"^(?<title>(?:[^:]|(?<=\d):(?=\d))+?)\s*(?<!\d):(?!\d)\s*(?<description>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ColonDescription();

    [GeneratedRegex(@"\s+(?:in\s+(?:it|them|the\s+(?:title|name|description))|(?:task|tasks|todos?|items?|ones?))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QueryTail();

    [GeneratedRegex(@"^(?:(?:the|a|an|my|any|some)\s+)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QueryLead();

    [GeneratedRegex(@"\b(?:not\s+(?:yet\s+)?(?:done|finished|completed?)|(?:isn'?t|aren'?t|is\s+not|are\s+not|wasn'?t|weren'?t)\s+(?:yet\s+)?(?:done|finished|completed?|checked\s+off|ticked\s+off)|(?:haven'?t|have\s+not|hasn'?t|didn'?t|did\s+not)\s+(?:yet\s+)?(?:done|finished|finish|completed?|do|got\s+to))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotDone();

    [GeneratedRegex(@"\b(?:pending|open|incomplete|unfinished|outstanding|remaining|left|to\s+do(?!\s+list)|undone|active|still|need\s+to|have\s+to|got\s+to|next|due|uncompleted|unchecked|yet\s+to|upcoming|waiting)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PendingWords();

    [GeneratedRegex(@"\b(?:completed?|finished|finish|done|did|accomplished|ticked|checked\s+off|crossed\s+off|achieved|closed|wrapped\s+up)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CompletedWords();

    /// <summary>"to do", "todo", "to-do": what every task is, so no search.</summary>
    [GeneratedRegex(@"^(?:to[\s-]?do|todo)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ToDo();
}
