namespace Todo.Server.Components.Account;

/// <summary>What the settings page's "Add webhook" form posts.</summary>
public sealed class WebhookForm
{
    public string? Url { get; set; }

    public string[]? Events { get; set; }
}
