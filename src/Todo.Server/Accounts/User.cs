using System.Security.Cryptography;

namespace Todo.Server.Accounts;

public sealed class User
{
    public Guid Id { get; set; }
    public required string Email { get; set; }
    public required string HashedPassword { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>The last per-user task number handed out; taken atomically by TaskService, never decreased.</summary>
    public int TaskNumberSeq { get; set; }

    /// <summary>The number of the user's latest activity event; the next change takes the one after it.</summary>
    public long ActivitySeq { get; set; }

    /// <summary>The IANA zone every "today", "overdue" and date phrase of the user is reckoned in.</summary>
    public string TimeZone { get; set; } = DefaultTimeZone;

    public const string DefaultTimeZone = "UTC";

    /// <summary>
    /// Carried by every web session cookie; a cookie whose stamp is not the current one is refused. Replaced on
    /// sign-out and on (de)activation, which ends every session of the user.
    /// </summary>
    public string SecurityStamp { get; set; } = NewSecurityStamp();

    public static string NewSecurityStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
