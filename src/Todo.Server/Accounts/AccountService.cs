using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Data;
using Todo.Server.Lists;
using Todo.Server.Text;

namespace Todo.Server.Accounts;

public enum RegistrationResult
{
    Created,
    EmailTaken,
}

/// <summary>Accounts: creating users and checking their passwords. The API, the web page and the users command share it.</summary>
public sealed class AccountService(TodoDbContext db, IPasswordHasher<User> hasher, TimeProvider time)
{
    // Verified against when the email is unknown, so that case costs what a wrong password does.
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<User>().HashPassword(new User { Email = "", HashedPassword = "" }, Guid.NewGuid().ToString()));

    public async Task<(RegistrationResult Result, User? User)> RegisterAsync(
        string email, string password, CancellationToken cancellationToken = default) =>
        await RegisterAsync(email, password, null, cancellationToken);

    /// <summary>Registers with a time zone (an IANA id; null: UTC). An unknown zone is an <see cref="InvalidTextException"/> naming time_zone.</summary>
    public async Task<(RegistrationResult Result, User? User)> RegisterAsync(
        string email, string password, string? timeZone, CancellationToken cancellationToken = default)
    {
        var zone = timeZone is null ? User.DefaultTimeZone
            : UserTimeZones.Canonical(timeZone) ?? throw new InvalidTextException("time_zone", UserTimeZones.Problem);
        ArgumentNullException.ThrowIfNull(email);
        if (Emails.Problem(email) is { } badEmail)
        {
            throw new InvalidTextException("email", badEmail);
        }

        Passwords.Rule.Require(password, "password");
        var normalized = Emails.Normalize(email);
        if (await db.Users.AnyAsync(u => u.Email == normalized, cancellationToken))
        {
            return (RegistrationResult.EmailTaken, null);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Email = normalized,
            HashedPassword = "",
            CreatedAt = now,
            UpdatedAt = now,
            IsActive = true,
            TimeZone = zone,
        };
        user.HashedPassword = hasher.HashPassword(user, password);

        db.Users.Add(user);
        db.Lists.Add(TodoList.NewInbox(user.Id, now)); // one SaveChanges: one transaction with the user
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Registered by a concurrent request between the check and the insert.
            return (RegistrationResult.EmailTaken, null);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return (RegistrationResult.Created, user);
    }

    /// <summary>The active user with this email and password, or null — the same null for every kind of failure.</summary>
    public async Task<User?> AuthenticateAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var normalized = Emails.Normalize(email);
        var user = Emails.IsValid(email)
            ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == normalized, cancellationToken)
            : null; // no account has an impossible email, and the database need not see it
        if (user is null)
        {
            hasher.VerifyHashedPassword(new User { Email = normalized, HashedPassword = "" }, DecoyHash.Value, password);
            return null;
        }

        var verification = hasher.VerifyHashedPassword(user, user.HashedPassword, password);
        if (verification == PasswordVerificationResult.Failed || !user.IsActive)
        {
            return null;
        }

        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            var rehashed = hasher.HashPassword(user, password);
            await db.Users.Where(u => u.Id == user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.HashedPassword, rehashed), cancellationToken);
        }

        return user;
    }

    public Task<User?> FindActiveAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.IsActive, cancellationToken);

    /// <summary>
    /// Activates or deactivates by email; false when no such user exists. Either way the security stamp is replaced,
    /// so no web session from before survives it (not even one from before a deactivation that is later undone).
    /// </summary>
    public async Task<bool> SetActiveAsync(string email, bool isActive, CancellationToken cancellationToken = default)
    {
        var normalized = Emails.Normalize(email);
        var now = time.GetUtcNow().UtcDateTime;
        var stamp = User.NewSecurityStamp();
        return await db.Users.Where(u => u.Email == normalized)
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.IsActive, isActive)
                .SetProperty(u => u.SecurityStamp, stamp)
                .SetProperty(u => u.UpdatedAt, now), cancellationToken) > 0;
    }

    /// <summary>Replaces the user's security stamp: every web session cookie the user holds stops working.</summary>
    public Task RotateSecurityStampAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var stamp = User.NewSecurityStamp();
        return db.Users.Where(u => u.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, stamp), cancellationToken);
    }

    /// <summary>
    /// Sets the user's time zone (an IANA id); the active user as now stored, or null when there is none. Dues keep their
    /// days and instants; "today", "overdue" and date phrases are reckoned in the new zone from now on.
    /// </summary>
    public async Task<User?> SetTimeZoneAsync(Guid id, string timeZone, CancellationToken cancellationToken = default)
    {
        var zone = UserTimeZones.Canonical(timeZone) ?? throw new InvalidTextException("time_zone", UserTimeZones.Problem);
        var now = time.GetUtcNow().UtcDateTime;
        var updated = await db.Users.Where(u => u.Id == id && u.IsActive)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZone, zone).SetProperty(u => u.UpdatedAt, now), cancellationToken);
        return updated == 0 ? null : await FindActiveAsync(id, cancellationToken);
    }

    public Task<List<User>> ListAsync(CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
}
