using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;

namespace Todo.Server.Text;

/// <summary>
/// The one rule for text that enters the service (titles, descriptions, messages, conversation titles, emails,
/// search words, tool arguments), whichever entry point it comes through:
/// <list type="bullet">
/// <item>well-formed Unicode (no unpaired surrogates), with no control characters except tab and line breaks
/// where <see cref="Multiline"/> allows them;</item>
/// <item>stored in Unicode normalization form C (form KC for emails), trimmed where <see cref="Trim"/> says;</item>
/// <item>when it is required, at least one visible character: text of only spaces, invisible or formatting
/// characters (U+200B, U+202E, U+FEFF) or a lone combining mark is empty;</item>
/// <item>its length counted in text elements, the characters a reader sees (an emoji, a letter with its accents),
/// as passwords are; and, because the database counts code points, at most <see cref="StorageLength"/> of them,
/// which only text of many multi-part characters (emoji sequences, stacked marks) reaches.</item>
/// </list>
/// </summary>
public sealed record TextRule
{
    /// <summary>How the text is named in messages: "title", "message".</summary>
    public required string Noun { get; init; }

    public required int MaxLength { get; init; }

    /// <summary>0 for optional text; 1 or more makes blank or invisible text a violation.</summary>
    public int MinLength { get; init; } = 1;

    /// <summary>Code points the database column holds; <see cref="MaxLength"/> unless set.</summary>
    public int? StorageLength { get; init; }

    /// <summary>Tab, line feed and carriage return are allowed.</summary>
    public bool Multiline { get; init; }

    /// <summary>Leading and trailing white space is removed before the text is checked and stored.</summary>
    public bool Trim { get; init; } = true;

    /// <summary>Emails: compatibility characters fold to their plain forms (fullwidth "ａ" is "a").</summary>
    public bool Compatibility { get; init; }

    /// <summary>The whole rule in one sentence, for documentation and tool descriptions.</summary>
    public string Description => MinLength > 0
        ? string.Create(CultureInfo.InvariantCulture,
            $"The {Noun} must be {MinLength} to {MaxLength} characters{(Trim ? " after trimming" : "")}, with visible characters and no control characters{(Multiline ? " other than tabs and line breaks" : "")}.")
        : string.Create(CultureInfo.InvariantCulture,
            $"The {Noun} must be at most {MaxLength} characters, without control characters{(Multiline ? " other than tabs and line breaks" : "")}.");

    /// <summary>What is wrong with <paramref name="text"/>, or null when it keeps the rule.</summary>
    public string? Check(string text) => Inspect(text).Problem;

    /// <summary>The text as it is stored: trimmed where the rule trims, normalised. Call only on text that keeps the rule.</summary>
    public string Normalize(string text) =>
        Inspect(text) is { Problem: null, Normalized: var normalized } ? normalized : throw new InvalidTextException(Noun, Check(text)!);

    /// <summary><paramref name="text"/> as stored, or an <see cref="InvalidTextException"/> naming <paramref name="field"/>.</summary>
    public string Require(string text, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (problem, normalized) = Inspect(text);
        return problem is null ? normalized : throw new InvalidTextException(field, problem);
    }

    private (string? Problem, string Normalized) Inspect(string text)
    {
        var storage = StorageLength ?? MaxLength;
        if (text.Length > (storage * 2) + 4096)
        {
            return (TooLong(null), text); // longer than any text that could fit, whatever it is made of
        }

        var visible = false;
        foreach (var status in Runes(text))
        {
            switch (status)
            {
                case RuneKind.Unpaired:
                    return ($"The {Noun} contains an invalid character (an unpaired surrogate).", text);
                case RuneKind.Control:
                    return ($"The {Noun} cannot contain control characters{(Multiline ? " other than tabs and line breaks" : " or line breaks")}.", text);
                case RuneKind.Visible:
                    visible = true;
                    break;
            }
        }

        var normalized = text.Normalize(Compatibility ? NormalizationForm.FormKC : NormalizationForm.FormC);
        if (Trim)
        {
            normalized = normalized.Trim();
        }

        if (MinLength > 0 && !visible)
        {
            return (normalized.Length == 0
                ? $"The {Noun} can't be empty."
                : $"The {Noun} must contain visible characters, not only spaces, invisible or formatting characters.", text);
        }

        var length = TextElements.Count(normalized);
        if (length < MinLength)
        {
            return (string.Create(CultureInfo.InvariantCulture, $"The {Noun} must be at least {MinLength} characters."), text);
        }

        if (length > MaxLength)
        {
            return (TooLong(length), text);
        }

        if (normalized.EnumerateRunes().Count() > storage)
        {
            return (string.Create(CultureInfo.InvariantCulture,
                $"The {Noun} is too long to store: its characters are made of more than {storage} Unicode code points (emoji sequences and stacked accents count each part)."), text);
        }

        return (null, normalized);
    }

    private string TooLong(int? length) => length is { } count
        ? string.Create(CultureInfo.InvariantCulture, $"The {Noun} is {count} characters long; the limit is {MaxLength}.")
        : string.Create(CultureInfo.InvariantCulture, $"The {Noun} is longer than the limit of {MaxLength} characters.");

    private enum RuneKind
    {
        Visible,
        Invisible,
        Control,
        Unpaired,
    }

    private IEnumerable<RuneKind> Runes(string text)
    {
        var index = 0;
        while (index < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                yield return RuneKind.Unpaired;
                yield break;
            }

            index += consumed;
            yield return Rune.GetUnicodeCategory(rune) switch
            {
                UnicodeCategory.Control when Multiline && rune.Value is '\t' or '\n' or '\r' => RuneKind.Invisible,
                UnicodeCategory.Control => RuneKind.Control,
                UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
                    or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate => RuneKind.Invisible,
                _ => RuneKind.Visible,
            };
        }
    }
}

/// <summary>Text a caller passed that breaks its <see cref="TextRule"/>: answered as a 400 naming <see cref="Field"/>, everywhere.</summary>
public class InvalidTextException(string field, string message) : ArgumentException(message)
{
    /// <summary>The field at fault, as it is named on the wire (<c>title</c>, <c>message</c>, <c>q</c>).</summary>
    public string Field { get; } = field;

    /// <summary>What is wrong, in words for a person.</summary>
    public string Reason { get; } = message;
}

/// <summary>Validates a request property against a <see cref="TextRule"/>, reporting the rule's own reason. Null passes.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public abstract class TextRuleAttribute(TextRule rule) : ValidationAttribute(rule.Description)
{
    public TextRule Rule { get; } = rule;

    public override bool IsValid(object? value) => value is not string text || Rule.Check(text) is null;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is not string text || Rule.Check(text) is not { } problem)
        {
            return ValidationResult.Success;
        }

        return new ValidationResult(problem, validationContext.MemberName is { } member ? [member] : null);
    }
}
