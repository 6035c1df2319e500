using Microsoft.JSInterop;

namespace Todo.Server.Components;

/// <summary>
/// The page's address holds what it shows, so a reload or Back shows the same: the conversation (<c>c</c>), the list
/// (<c>list</c>) and the filter (<c>filter</c>). app.js edits the current address part by part, so one panel's change
/// keeps the others' parts.
/// </summary>
public static class PageAddress
{
    public const string ConversationPart = "c";
    public const string ListPart = "list";
    public const string FilterPart = "filter";

    /// <summary>Sets each part to its value (null: removed); <paramref name="newEntry"/> adds a history entry, for Back.</summary>
    public static async Task SetAsync(IJSRuntime js, IReadOnlyDictionary<string, string?> parts, bool newEntry)
    {
        ArgumentNullException.ThrowIfNull(js);
        await js.InvokeVoidAsync("todo.address.set", parts, newEntry);
    }

    /// <summary>Sets one part in place (no history entry).</summary>
    public static Task SetAsync(IJSRuntime js, string part, string? value) =>
        SetAsync(js, new Dictionary<string, string?> { [part] = value }, newEntry: false);
}
