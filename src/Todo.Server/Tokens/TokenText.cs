using Todo.Server.Data;
using Todo.Server.Text;

namespace Todo.Server.Tokens;

/// <summary>The rules of a token's name and expiry, shared by request validation, the settings page and the service.</summary>
public static class TokenText
{
    public const string NameRequired = "Give the token a name.";
    public const int MinExpiryDays = 1;
    public const int MaxExpiryDays = 365;
    public const string ExpiryProblem = "Choose an expiry of 1 to 365 days, or none.";

    public static readonly TextRule Name = new() { Noun = "token name", MaxLength = Limits.TokenNameMaxLength };
}

/// <summary>A token's name (<see cref="TokenText.Name"/>). Null passes (pair with [Required]).</summary>
public sealed class TokenNameAttribute() : TextRuleAttribute(TokenText.Name);
