namespace Todo.Server.Tasks.Filters;

/// <summary>
/// Splits a filter into tokens on demand: the operators <c>&amp; | !</c>, parentheses, <c>#</c> and <c>@</c> where a term
/// starts, <c>:</c>, words and "quoted text". <see cref="ReadText"/> reads the free text of <c>search:</c>, which is not
/// made of tokens.
/// </summary>
public sealed class FilterLexer(string filter)
{
    private int index;

    public string Filter { get; } = filter;

    public FilterToken Next()
    {
        SkipSpace();
        if (index >= Filter.Length)
        {
            return new(FilterTokenKind.End, "", Filter.Length + 1);
        }

        var start = index;
        var character = Filter[index];
        FilterTokenKind? single = character switch
        {
            '(' => FilterTokenKind.LeftParenthesis,
            ')' => FilterTokenKind.RightParenthesis,
            '&' => FilterTokenKind.And,
            '|' => FilterTokenKind.Or,
            '!' => FilterTokenKind.Not,
            '#' => FilterTokenKind.Hash,
            '@' => FilterTokenKind.At,
            ':' => FilterTokenKind.Colon,
            _ => null,
        };
        if (single is { } kind)
        {
            index++;
            return new(kind, character.ToString(), start + 1);
        }

        if (character == '"')
        {
            var (text, _) = ReadQuoted();
            return new(FilterTokenKind.Quoted, text, start + 1);
        }

        CheckCharacter(start);
        while (index < Filter.Length && IsWordCharacter(Filter[index]))
        {
            CheckCharacter(index);
            index++;
        }

        return new(FilterTokenKind.Word, Filter[start..index], start + 1);
    }

    /// <summary>
    /// The text from here to the next <c>&amp;</c> or <c>|</c>, or to the <c>)</c> that closes a group (parentheses inside the
    /// text are kept when they pair up); or one "quoted text", which may hold anything but a quote. Trimmed; with the
    /// 1-based position of its first character. Empty when nothing but spaces comes before the stop.
    /// </summary>
    public (string Text, int Position) ReadText()
    {
        SkipSpace();
        var start = index;
        if (index < Filter.Length && Filter[index] == '"')
        {
            var (quoted, _) = ReadQuoted();
            return (quoted, start + 2);
        }

        var depth = 0;
        while (index < Filter.Length)
        {
            var character = Filter[index];
            if (character is '&' or '|' || (character == ')' && depth == 0))
            {
                break;
            }

            depth += character switch
            {
                '(' => 1,
                ')' => -1,
                _ => 0,
            };
            CheckCharacter(index);
            index++;
        }

        return (Filter[start..index].TrimEnd(), start + 1);
    }

    private (string Text, int End) ReadQuoted()
    {
        var open = index;
        var close = Filter.IndexOf('"', open + 1);
        if (close < 0)
        {
            throw FilterException.At(open + 1, FilterException.Format($"The quote at position {open + 1} is not closed: add a '\"' after the quoted text."));
        }

        for (var i = open + 1; i < close; i++)
        {
            CheckCharacter(i);
        }

        index = close + 1;
        return (Filter[(open + 1)..close], close + 1);
    }

    private void SkipSpace()
    {
        while (index < Filter.Length && char.IsWhiteSpace(Filter[index]))
        {
            index++;
        }
    }

    private void CheckCharacter(int at)
    {
        if (char.IsControl(Filter[at]))
        {
            throw FilterException.At(at + 1, FilterException.Format($"The filter holds a control character at position {at + 1}."));
        }
    }

    private static bool IsWordCharacter(char character) =>
        !char.IsWhiteSpace(character) && character is not ('(' or ')' or '&' or '|' or '!' or ':' or '"');
}
