namespace Todo.Server.Text;

/// <summary>Rough English word forms, enough to compare what people say with what they wrote.</summary>
public static class EnglishWords
{
    /// <summary>A rough singular of a lower-case word: "groceries" → "grocery", "bills" → "bill", "boxes" → "box"; "glass" stays.</summary>
    public static string Singular(string word) => word switch
    {
        { Length: > 4 } when word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
        { Length: > 4 } when word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)
            || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) => word[..^2],
        { Length: > 3 } when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)
            && !word.EndsWith("us", StringComparison.Ordinal) => word[..^1],
        _ => word,
    };
}
