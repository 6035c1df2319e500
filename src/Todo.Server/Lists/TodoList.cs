using System.Text.RegularExpressions;

namespace Todo.Server.Lists;

/// <summary>
/// One of a user's lists. Every user has exactly one Inbox (<see cref="IsInbox"/>), made at registration (or by
/// migration 007 for older accounts): it takes tasks created without a list and cannot be renamed or deleted.
/// </summary>
public sealed partial class TodoList
{
    public const string InboxName = "Inbox";

    public Guid Id { get; set; }
    public Guid UserId { get; set; }

    /// <summary>The name as the user wrote it (after the text rule).</summary>
    public required string Name { get; set; }

    /// <summary>
    /// <see cref="Name"/> folded to lower case (invariant culture): the unique index (user_id, normalized_name) makes names
    /// unique per user, case-insensitively, the same way on PostgreSQL and SQLite.
    /// </summary>
    public required string NormalizedName { get; set; }

    public bool IsInbox { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static string Normalize(string name) => name.ToLowerInvariant();

    /// <summary>
    /// A name as people say it: lower case, its words singular, "shopping" as "grocery", without a trailing "list" ("Groceries",
    /// "grocery list", "Shopping" are all "grocery"), for finding the list a spoken request means.
    /// </summary>
    public static string SpokenKey(string name)
    {
        var words = NameWords().Matches(name.ToLowerInvariant()).Select(match => Singular(match.Value)).Select(Synonym).ToList();
        if (words.Count > 1 && words[^1] == "list")
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words);
    }

    /// <summary>Words people use for the same list: a shopping list and a grocery list are one.</summary>
    private static string Synonym(string word) => word is "shopping" or "shop" ? "grocery" : word;

    private static string Singular(string word) => word switch
    {
        { Length: > 4 } when word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
        { Length: > 4 } when word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)
            || word.EndsWith("xes", StringComparison.Ordinal) || word.EndsWith("sses", StringComparison.Ordinal) => word[..^2],
        { Length: > 3 } when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) => word[..^1],
        _ => word,
    };

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex NameWords();

    public static TodoList NewInbox(Guid userId, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = userId,
        Name = InboxName,
        NormalizedName = Normalize(InboxName),
        IsInbox = true,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
