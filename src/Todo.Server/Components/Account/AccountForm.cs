namespace Todo.Server.Components.Account;

/// <summary>What the sign-in and sign-up forms post.</summary>
public sealed class AccountForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    /// <summary>Sign-up only: the IANA zone the browser reports (app.js fills it in), or one the person picked.</summary>
    public string? TimeZone { get; set; }
}
