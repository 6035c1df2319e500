namespace Todo.Server.Assistant.BuiltIn;

/// <summary>
/// The present of a verb said in the past tense, for "I paid the bill" (a task done): irregular verbs by table, the
/// regular ones by their ending ("mopped" → "mop", "emptied" → "empty", "reserved" → "reserv", which still begins
/// "Reserve"). Verbs about the assistant, the mind or plans ("added", "forgot", "wanted", "started") are no task done.
/// </summary>
internal static class PastTense
{
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.OrdinalIgnoreCase)
    {
        ["paid"] = "pay", ["bought"] = "buy", ["got"] = "get", ["did"] = "do", ["made"] = "make", ["sent"] = "send",
        ["took"] = "take", ["went"] = "go", ["wrote"] = "write", ["fed"] = "feed", ["gave"] = "give", ["found"] = "find",
        ["brought"] = "bring", ["hung"] = "hang", ["ran"] = "run", ["swept"] = "sweep", ["kept"] = "keep", ["sold"] = "sell",
        ["met"] = "meet", ["ate"] = "eat", ["drank"] = "drink", ["rang"] = "ring", ["spoke"] = "speak", ["built"] = "build",
        ["taught"] = "teach", ["caught"] = "catch", ["drove"] = "drive", ["threw"] = "throw", ["won"] = "win", ["swam"] = "swim",
        ["sewn"] = "sew", ["done"] = "do",
    };

    /// <summary>Past tenses that report no task done: about the assistant, the mind, plans, feelings.</summary>
    private static readonly HashSet<string> NotDone = new(StringComparer.OrdinalIgnoreCase)
    {
        "added", "created", "deleted", "removed", "renamed", "moved", "changed", "updated", "scheduled", "asked", "said", "told",
        "forgot", "forgotten", "wanted", "needed", "meant", "decided", "planned", "hoped", "tried", "started", "begun", "began",
        "missed", "used", "liked", "loved", "hated", "wondered", "noticed", "realized", "realised", "thought", "heard", "saw",
        "felt", "knew", "supposed", "guessed", "listed", "typed", "entered", "mentioned", "completed", "finished", "marked",
        "checked", "ticked", "crossed", "undid", "restored", "reopened", "tagged", "labelled", "labeled", "prioritized",
        "prioritised", "postponed", "rescheduled", "delayed", "skipped", "failed", "couldn", "should", "would", "could",
        "expected", "worried", "seemed", "happened",
    };

    /// <summary>Words ending in "ed" that are no past tense.</summary>
    private static readonly HashSet<string> EdWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "need", "feed", "seed", "bleed", "breed", "speed", "shed", "shred", "embed", "exceed", "proceed", "succeed", "weed",
        "heed", "red", "bed", "wed", "bred", "fled", "sped", "led", "indeed", "greed", "tweed", "steed", "sacred", "hundred",
        "naked", "wicked", "rugged", "ragged", "beloved", "crooked",
    };

    /// <summary>The verb's present ("paid" → "pay"); null when <paramref name="word"/> is no past tense of a thing done.</summary>
    public static string? PresentOf(string word)
    {
        if (NotDone.Contains(word))
        {
            return null;
        }

        if (Irregular.TryGetValue(word, out var present))
        {
            return present;
        }

        var lower = word.ToLowerInvariant();
        if (lower.Length < 5 || !lower.EndsWith("ed", StringComparison.Ordinal) || EdWords.Contains(lower))
        {
            return null;
        }

        if (lower.EndsWith("ied", StringComparison.Ordinal))
        {
            return lower[..^3] + "y";
        }

        var stem = lower[..^2];
        return stem.Length >= 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'f' or 'z' or 'e')
            ? stem[..^1]
            : stem;
    }

    /// <summary>Verbs of getting ("bought", "got", "picked up"): a shopping item is named without them ("the milk" is "Milk").</summary>
    public static bool IsGetting(string present) =>
        present is "buy" or "get" or "pick" or "grab" or "shop" or "fetch" or "collect" or "order" or "purchas";
}
