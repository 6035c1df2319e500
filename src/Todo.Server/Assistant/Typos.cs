namespace Todo.Server.Assistant;

/// <summary>How far apart two spellings are, for reading words typed or heard a letter off.</summary>
internal static class Typos
{
    /// <summary>One letter added or dropped, two neighbours swapped, or (with <paramref name="substitution"/>) one changed.</summary>
    public static bool OneEditApart(string a, string b, bool substitution)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        if (a.Length == b.Length)
        {
            var differences = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
            return (differences.Count == 1 && substitution)
                || (differences.Count == 2 && differences[1] == differences[0] + 1 && a[differences[0]] == b[differences[1]] && a[differences[1]] == b[differences[0]]);
        }

        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        var i = 0;
        while (i < shorter.Length && shorter[i] == longer[i])
        {
            i++;
        }

        return string.Equals(shorter[i..], longer[(i + 1)..], StringComparison.Ordinal);
    }
}
