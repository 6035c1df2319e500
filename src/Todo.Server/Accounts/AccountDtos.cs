using System.ComponentModel.DataAnnotations;
using Todo.Server.Data;

namespace Todo.Server.Accounts;

public sealed record UserDto(Guid Id, string Email, bool IsActive, DateTime CreatedAt)
{
    public static UserDto From(User user) => new(user.Id, user.Email, user.IsActive, user.CreatedAt);
}

public sealed record RegisterRequest(
    [property: Required, EmailAddressText] string Email,
    [property: Required, StringLength(Limits.PasswordMaxLength, MinimumLength = Limits.PasswordMinLength)] string Password);

public sealed record LoginRequest(
    [property: Required, StringLength(Limits.EmailMaxLength + 64)] string Email,
    [property: Required, StringLength(Limits.PasswordMaxLength)] string Password);

public sealed record LoginResponse(string AccessToken, string TokenType, int ExpiresIn, UserDto User);

/// <summary>An email address as people type it: validated after trimming, at most 255 characters.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class EmailAddressTextAttribute : ValidationAttribute
{
    public EmailAddressTextAttribute()
        : base($"Enter an email address like name@example.com, at most {Limits.EmailMaxLength} characters.")
    {
    }

    public override bool IsValid(object? value) => value is not string text || Emails.IsValid(text);
}

public static class Emails
{
    /// <summary>Trimmed and lower-cased: how emails are stored and compared.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValid(string email)
    {
        var text = email.Trim();
        var at = text.LastIndexOf('@');
        return text.Length is > 0 and <= Limits.EmailMaxLength
               && at > 0
               && at < text.Length - 1
               && text.IndexOf('@') == at
               && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
               && text[(at + 1)..] is var domain
               && domain.Contains('.', StringComparison.Ordinal)
               && !domain.StartsWith('.')
               && !domain.EndsWith('.');
    }
}
