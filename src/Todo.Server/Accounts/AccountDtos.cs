using System.ComponentModel.DataAnnotations;
using Todo.Server.Data;
using Todo.Server.Text;

namespace Todo.Server.Accounts;

public sealed record UserDto(Guid Id, string Email, bool IsActive, DateTime CreatedAt, string TimeZone)
{
    public static UserDto From(User user) => new(user.Id, user.Email, user.IsActive, user.CreatedAt, user.TimeZone);
}

/// <summary>A new account; without time_zone the user's days are reckoned in UTC until they choose one.</summary>
public sealed record RegisterRequest(
    [property: Required(ErrorMessage = "Enter an email address."), EmailAddressText] string Email,
    [property: Required(AllowEmptyStrings = true, ErrorMessage = "Choose a password."), PasswordText] string Password,
    [property: TimeZoneId] string? TimeZone = null);

/// <summary>The account's settings a user changes: today, its time zone.</summary>
public sealed record UpdateMeRequest(
    [property: Required(ErrorMessage = UserTimeZones.Problem), TimeZoneId] string TimeZone);

/// <summary>An IANA time zone id (<see cref="UserTimeZones.Canonical"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class TimeZoneIdAttribute() : ValidationAttribute(UserTimeZones.Problem)
{
    public override bool IsValid(object? value) => value is null || (value is string id && UserTimeZones.Canonical(id) is not null);
}

/// <summary>Sign-in takes any password (a wrong one is a 401 like any other), but not an impossible email.</summary>
public sealed record LoginRequest(
    [property: Required(ErrorMessage = "Enter your email address."), EmailAddressText] string Email,
    [property: Required(AllowEmptyStrings = true, ErrorMessage = "Enter your password."),
               MinLength(1, ErrorMessage = "Enter your password."),
               MaxLength(Passwords.MaxInputLength, ErrorMessage = "This is longer than any password can be.")] string Password);

public sealed record LoginResponse(string AccessToken, string TokenType, int ExpiresIn, UserDto User);

/// <summary>An email address as people type it (<see cref="Emails.Rule"/>, then the shape name@domain.tld).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class EmailAddressTextAttribute : ValidationAttribute
{
    public EmailAddressTextAttribute()
        : base(Emails.Shape)
    {
    }

    public override bool IsValid(object? value) => value is not string text || Emails.Problem(text) is null;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        return value is string text && Emails.Problem(text) is { } problem
            ? new ValidationResult(problem, validationContext.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;
    }
}

/// <summary>A new password (<see cref="Passwords.Rule"/>).</summary>
public sealed class PasswordTextAttribute() : TextRuleAttribute(Passwords.Rule);

public static class Passwords
{
    /// <summary>
    /// 8–128 characters counted as a reader sees them (text elements), not only spaces, no control characters;
    /// kept exactly as typed (not trimmed or normalised): only its hash is stored.
    /// </summary>
    public static readonly TextRule Rule = new()
    {
        Noun = "password",
        MinLength = Limits.PasswordMinLength,
        MaxLength = Limits.PasswordMaxLength,
        StorageLength = 4 * Limits.PasswordMaxLength,
        Trim = false,
    };

    /// <summary>The longest password sign-in reads (UTF-16 units), so hashing stays cheap whatever is sent.</summary>
    public const int MaxInputLength = 8 * Limits.PasswordMaxLength;
}

public static class Emails
{
    public const string Shape = "Enter an email address like name@example.com.";

    /// <summary>Visible characters only; compatibility forms fold (NFKC), so "ａlice@…" is "alice@…".</summary>
    public static readonly TextRule Rule = new() { Noun = "email address", MaxLength = Limits.EmailMaxLength, Compatibility = true };

    /// <summary>How emails are stored and compared: trimmed, NFKC, lower-cased. Text that breaks the rule is only trimmed and lower-cased.</summary>
    public static string Normalize(string email) =>
        (Rule.Check(email) is null ? Rule.Normalize(email) : email.Trim()).ToLowerInvariant();

    public static bool IsValid(string email) => Problem(email) is null;

    /// <summary>What is wrong with <paramref name="email"/>, or null.</summary>
    public static string? Problem(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (Rule.Check(email) is { } problem)
        {
            return problem.EndsWith("can't be empty.", StringComparison.Ordinal) ? "Enter an email address." : problem;
        }

        var text = Rule.Normalize(email);
        var at = text.LastIndexOf('@');
        var wellFormed = at > 0
                         && at < text.Length - 1
                         && text.IndexOf('@') == at
                         && !text.EnumerateRunes().Any(IsInvisible)
                         && text[(at + 1)..] is var domain
                         && domain.Contains('.', StringComparison.Ordinal)
                         && !domain.StartsWith('.')
                         && !domain.EndsWith('.');
        return wellFormed ? null : Shape;
    }

    private static bool IsInvisible(System.Text.Rune rune) => System.Text.Rune.IsWhiteSpace(rune)
        || System.Text.Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.Format
            or System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.EnclosingMark
            or System.Globalization.UnicodeCategory.OtherNotAssigned or System.Globalization.UnicodeCategory.PrivateUse;
}
