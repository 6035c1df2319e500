using Todo.Server.History;

namespace Todo.Server.Webhooks;

/// <summary>The event types a webhook can ask for: the activity kinds prefixed with <c>task.</c>, or <c>*</c> for all.</summary>
public static class WebhookEvents
{
    public const string All = "*";

    public const int MaxStoredLength = 200;

    public static readonly IReadOnlyList<string> Types = [.. Enum.GetValues<ActivityKind>().Select(TypeOf)];

    public static string TypeOf(ActivityKind kind) => "task." + kind.ToString().ToLowerInvariant();

    /// <summary>The requested types, de-duplicated in the order of <see cref="Types"/> (just "*" when it is among them); null when one is unknown or none given.</summary>
    public static IReadOnlyList<string>? Normalize(IEnumerable<string?>? requested, out string? unknown)
    {
        unknown = null;
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in requested ?? [])
        {
            var name = type?.Trim() ?? "";
            if (name != All && !Types.Contains(name, StringComparer.Ordinal))
            {
                unknown = name;
                return null;
            }

            wanted.Add(name);
        }

        if (wanted.Count == 0)
        {
            return null;
        }

        return wanted.Contains(All) ? [All] : [.. Types.Where(wanted.Contains)];
    }

    public static string Store(IReadOnlyList<string> types) => string.Join(' ', types);

    public static IReadOnlyList<string> Read(string stored) => stored.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static bool Wants(string stored, string type) => stored == All || Read(stored).Contains(type, StringComparer.Ordinal);
}
