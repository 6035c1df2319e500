using System.Globalization;
using System.Text.RegularExpressions;

namespace Todo.Server.Dates;

internal enum DateTokenKind { Word, Number, Ordinal, Clock, IsoDate, Tag, Punctuation }

/// <summary>One piece of a text as the date reader sees it. Words are lower case; <see cref="Quoted"/> pieces are never read.</summary>
internal sealed record DateToken(DateTokenKind Kind, string Text, int Start, int End, bool Quoted)
{
    /// <summary>A number's or ordinal's value; an ISO date's year.</summary>
    public int Value { get; init; }
    public int Month { get; init; }
    public int Day { get; init; }
    /// <summary>A clock's or an ISO date's time; -1 when there is none.</summary>
    public int Hour { get; init; } = -1;
    public int Minute { get; init; }
    /// <summary>"am" or "pm" when the clock says so.</summary>
    public string? Meridiem { get; init; }
    /// <summary>"07:30": a 24-hour clock, read as written.</summary>
    public bool ZeroPadded { get; init; }
}

internal static partial class DateTokenizer
{
    [GeneratedRegex("""
        (?<iso>(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:T(?<ih>\d{1,2}):(?<im>\d{2}))?)(?![\p{L}\d])
        |(?<mh>\d{1,2})(?:[:.](?<mm>\d{2}))?\ ?(?<mer>a\.m\.|p\.m\.|am|pm)(?![\p{L}\d])
        |(?<ch>\d{1,2}):(?<cm>\d{2})(?![\d:\p{L}])
        |(?<ord>\d{1,2})(?:st|nd|rd|th)(?![\p{L}\d])
        |(?<num>\d+)(?![\p{L}\d])
        |(?<every>every!)
        |(?<tag>(?<![\p{L}\d])[#@!+][^\s]+)
        |(?<word>[\p{L}\d]+(?:['’]\p{L}+)*)
        |(?<punct>\S)
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex TokenPattern();

    /// <summary>Double quotes (straight or curly, an unclosed one runs to the end) and single quotes around words.</summary>
    [GeneratedRegex("""
        "[^"]*(?:"|$)|“[^”]*(?:”|$)|‘[^’]*(?:’|$)|(?<![\p{L}\d])'[^']*'(?![\p{L}\d])
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex QuotePattern();

    [GeneratedRegex("^p[1-4]$", RegexOptions.CultureInvariant)]
    private static partial Regex PriorityPattern();

    public static List<DateToken> Tokenize(string text)
    {
        var quoted = QuotePattern().Matches(text).Select(m => (m.Index, End: m.Index + m.Length)).ToList();
        bool InQuotes(int position) => quoted.Any(q => position >= q.Index && position < q.End);

        var tokens = new List<DateToken>();
        foreach (Match match in TokenPattern().Matches(text))
        {
            var groups = match.Groups;
            var (start, end) = (match.Index, match.Index + match.Length);
            var lower = match.Value.ToLowerInvariant();
            var isQuoted = InQuotes(start);
            DateToken token;
            if (groups["iso"].Success)
                token = new DateToken(DateTokenKind.IsoDate, lower, start, end, isQuoted)
                {
                    Value = Number(groups["y"]), Month = Number(groups["mo"]), Day = Number(groups["d"]),
                    Hour = groups["ih"].Success ? Number(groups["ih"]) : -1, Minute = groups["im"].Success ? Number(groups["im"]) : 0,
                    ZeroPadded = true,
                };
            else if (groups["mh"].Success)
                token = new DateToken(DateTokenKind.Clock, lower, start, end, isQuoted)
                {
                    Hour = Number(groups["mh"]), Minute = groups["mm"].Success ? Number(groups["mm"]) : 0,
                    Meridiem = groups["mer"].Value.ToLowerInvariant().StartsWith('a') ? "am" : "pm",
                };
            else if (groups["ch"].Success)
                token = new DateToken(DateTokenKind.Clock, lower, start, end, isQuoted)
                {
                    Hour = Number(groups["ch"]), Minute = Number(groups["cm"]),
                    ZeroPadded = groups["ch"].Value.Length == 2 && groups["ch"].Value[0] == '0',
                };
            else if (groups["ord"].Success)
                token = new DateToken(DateTokenKind.Ordinal, lower, start, end, isQuoted) { Value = Number(groups["ord"]) };
            else if (groups["num"].Success)
                token = new DateToken(DateTokenKind.Number, lower, start, end, isQuoted)
                    { Value = groups["num"].Length <= 9 ? Number(groups["num"]) : int.MaxValue, ZeroPadded = lower.Length > 1 && lower[0] == '0' };
            else if (groups["every"].Success)
                token = new DateToken(DateTokenKind.Word, lower, start, end, isQuoted);
            else if (groups["tag"].Success || (groups["word"].Success && PriorityPattern().IsMatch(lower)))
                token = new DateToken(DateTokenKind.Tag, lower, start, end, isQuoted);
            else if (groups["word"].Success)
                token = new DateToken(DateTokenKind.Word, lower.Replace('’', '\''), start, end, isQuoted);
            else
                token = new DateToken(DateTokenKind.Punctuation, lower, start, end, isQuoted);
            tokens.Add(token);
        }
        return tokens;
    }

    private static int Number(Group group) => int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);
}
