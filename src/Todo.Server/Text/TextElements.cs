using System.Globalization;

namespace Todo.Server.Text;

/// <summary>
/// Counting and cutting text by text elements (extended grapheme clusters), so a cut never splits an emoji, a
/// surrogate pair or a letter from its accents.
/// </summary>
public static class TextElements
{
    public const string Ellipsis = "…";

    public static int Count(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>
    /// The longest start of <paramref name="text"/> of whole text elements with at most <paramref name="count"/> of
    /// them and at most <paramref name="count"/> code points, so it also fits a column of that many characters.
    /// </summary>
    public static string Take(string text, int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        var end = 0;
        var codePoints = 0;
        for (var taken = 0; taken < count && end < text.Length; taken++)
        {
            var element = text.AsSpan(end, StringInfo.GetNextTextElementLength(text.AsSpan(end)));
            var size = CodePoints(element);
            if (codePoints + size > count)
            {
                break;
            }

            codePoints += size;
            end += element.Length;
        }

        return text[..end];
    }

    private static int CodePoints(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static bool Fits(string text, int maxLength) => Count(text) <= maxLength && CodePoints(text) <= maxLength;

    /// <summary>
    /// <paramref name="text"/> when it has at most <paramref name="maxLength"/> text elements and code points, else cut to fit with
    /// "…" at the end, at a word boundary when one lies in the second half.
    /// </summary>
    public static string Shorten(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (Fits(text, maxLength))
        {
            return text;
        }

        var cut = Take(text, maxLength - 1);
        var lastSpace = cut.LastIndexOfAny([' ', '\n', '\t']);
        if (lastSpace > 0 && Count(cut[..lastSpace]) > maxLength / 2)
        {
            cut = cut[..lastSpace];
        }

        return cut.TrimEnd() + Ellipsis;
    }

    /// <summary>Like <see cref="Shorten"/>, but cut exactly at the limit, for one-line titles.</summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Fits(text, maxLength) ? text : Take(text, maxLength - 1).TrimEnd() + Ellipsis;
    }

    /// <summary>
    /// Text from outside the user's hands (a model's reply) made storable: control characters other than tab and
    /// line breaks are dropped and unpaired surrogates become U+FFFD.
    /// </summary>
    public static string Sanitize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new System.Text.StringBuilder(text.Length);
        var index = 0;
        while (index < text.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed);
            index += consumed;
            if (status != System.Buffers.OperationStatus.Done)
            {
                builder.Append(System.Text.Rune.ReplacementChar.ToString());
            }
            else if (!System.Text.Rune.IsControl(rune) || rune.Value is '\t' or '\n' or '\r')
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }
}
