using Microsoft.Extensions.Caching.Memory;
using Todo.Server.Dates;

namespace Todo.Server.Accounts;

/// <summary>
/// The users' time zones as this server last read them, kept for <see cref="Keep"/> so a list filtered by "today" costs no
/// read of its own. The server that changes a user's zone replaces its copy at once; another server sees it within
/// <see cref="Keep"/>.
/// </summary>
public sealed class UserTimeZones(IMemoryCache cache)
{
    public static readonly TimeSpan Keep = TimeSpan.FromSeconds(30);

    public bool TryGet(Guid userId, out string zone) => cache.TryGetValue(Key(userId), out zone!);

    public void Remember(Guid userId, string zone) =>
        cache.Set(Key(userId), zone, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Keep });

    private static (string, Guid) Key(Guid userId) => (nameof(UserTimeZones), userId);

    /// <summary>
    /// The IANA id of the zone <paramref name="id"/> names, or null. Only IANA ids are taken (not Windows names), at most <see cref="Data.Limits.TimeZoneMaxLength"/> characters.
    /// </summary>
    public static string? Canonical(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > Data.Limits.TimeZoneMaxLength)
        {
            return null;
        }

        var zone = ZonedTime.FindZone(id);
        return zone is { HasIanaId: true } ? zone.Id : null;
    }

    public const string Problem = "Enter an IANA time zone, such as Europe/Berlin, America/New_York or UTC.";
}
