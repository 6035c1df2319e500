namespace Todo.Server.Components.Account;

/// <summary>What the sign-in and sign-up forms post.</summary>
public sealed class AccountForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}
