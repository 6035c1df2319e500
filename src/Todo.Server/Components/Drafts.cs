using Microsoft.JSInterop;

namespace Todo.Server.Components;

/// <summary>
/// What a person types into fields marked <c>data-draft</c> is kept in the tab's sessionStorage by app.js, so a
/// page reloaded after the server went away shows it again. A field's draft is cleared once what it held is saved.
/// </summary>
public static class Drafts
{
    public static async Task<string?> ReadAsync(IJSRuntime js, string key)
    {
        ArgumentNullException.ThrowIfNull(js);
        var draft = await js.InvokeAsync<string?>("todo.drafts.read", key);
        return string.IsNullOrEmpty(draft) ? null : draft;
    }

    public static async Task ClearAsync(IJSRuntime js, params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(js);
        await js.InvokeVoidAsync("todo.drafts.clear", [keys]);
    }
}
