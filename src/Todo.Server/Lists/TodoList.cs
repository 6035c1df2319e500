using System.Text.RegularExpressions;
using Todo.Server.Text;

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
    /// A name as people say it: lower case, its words singular, without a trailing "list" ("Groceries", "grocery list" and
    /// "Grocery" are all "grocery"), for finding the list a spoken request means.
    /// </summary>
    public static string SpokenKey(string name)
    {
        var words = NameWords().Matches(name.ToLowerInvariant()).Select(match => EnglishWords.Singular(match.Value)).ToList();
        if (words.Count > 1 && words[^1] == "list")
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words);
    }

    /// <summary>Names people use for the same kind of list: a "shopping list" is the one called Groceries when there is no Shopping list.</summary>
    private static readonly Dictionary<string, string> SameKind = new(StringComparer.Ordinal)
    {
        ["shopping"] = "grocery", ["grocery shopping"] = "grocery", ["food shopping"] = "grocery", ["food"] = "grocery",
        ["supermarket"] = "grocery", ["shop"] = "grocery", ["store"] = "grocery", ["grocery store"] = "grocery",
        ["job"] = "work", ["office"] = "work",
        ["house"] = "home", ["household"] = "home",
    };

    /// <summary>The list a generic name said means, as a <see cref="SpokenKey"/>: "shopping" → "grocery", "office" → "work".</summary>
    public static string KindKey(string name)
    {
        var key = SpokenKey(name);
        return SameKind.GetValueOrDefault(key, key);
    }

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
