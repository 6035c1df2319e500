namespace Todo.Server.Components.Account;

/// <summary>What the settings form posts.</summary>
public sealed class SettingsForm
{
    public string? TimeZone { get; set; }
}
