namespace Todo.Server.Components.Account;

public static class AccountLinks
{
    /// <summary><paramref name="path"/>, carrying the page to return to after signing in when there is one.</summary>
    public static string WithReturnUrl(string path, string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) ? path : $"{path}?returnUrl={Uri.EscapeDataString(returnUrl)}";
}
