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
        ["sewn"] = "sew", ["done"] = "do", ["taken"] = "take", ["written"] = "write", ["given"] = "give", ["driven"] = "drive",
        ["eaten"] = "eat", ["chosen"] = "choose",
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

    /// <summary>
    /// The verb of a past participle as a title starts with ("submitted" → "submit", "filed" → "file", "paid" → "pay"); null
    /// when it is no verb's.
    /// </summary>
    public static string? BaseForm(string participle)
    {
        if (Irregular.TryGetValue(participle, out var irregular))
        {
            return irregular;
        }

        var lower = participle.ToLowerInvariant();
        var present = lower.Length >= 5 && lower.EndsWith("ed", StringComparison.Ordinal) && !EdWords.Contains(lower) ? PresentOf(lower) ?? lower[..^2] : null;
        // "emptied" → "empty", "submitted" → "submit" (a doubled letter dropped): no "e" to put back.
        if (present is null || lower.EndsWith("ied", StringComparison.Ordinal) || present.Length < lower.Length - 2)
        {
            return present;
        }

        // "filed", "moved", "replaced", "updated": the "e" the "ed" took.
        var takesE = present.EndsWith('v') || present.EndsWith('c') || present.EndsWith('z') || present.EndsWith("at", StringComparison.Ordinal)
            || present.EndsWith("ur", StringComparison.Ordinal) || present.EndsWith("ang", StringComparison.Ordinal) && present != "hang"
            || present.EndsWith("ar", StringComparison.Ordinal) || present.EndsWith("ul", StringComparison.Ordinal) || present.EndsWith("iz", StringComparison.Ordinal)
            || present.EndsWith("is", StringComparison.Ordinal) && present.Length > 4
            || (present.Length <= 4 && !IsVowel(present[0]) && !IsVowel(present[^1]) && IsVowel(present[^2]) && !IsVowel(present[^3]) && present[^1] is not ('w' or 'x' or 'y'));
        return takesE ? present + "e" : present;
    }

    private static bool IsVowel(char letter) => letter is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>Verbs of getting ("bought", "got", "picked up"): a shopping item is named without them ("the milk" is "Milk").</summary>
    public static bool IsGetting(string present) =>
        present is "buy" or "get" or "pick" or "grab" or "shop" or "fetch" or "collect" or "order" or "purchas";
}
