namespace Todo.Server.Components.Workspace;

/// <summary>
/// The date views of the navigation. Each is a filter of the filter language, so it is addressed like any filter
/// (<c>/?filter=today</c>): Today is <c>today</c>, Upcoming <c>next 7 days</c> (today and the six days after),
/// Overdue <c>overdue</c>. They show the tasks of every list, earliest due first.
/// </summary>
public sealed record TaskView(string Name, string Filter, string Empty)
{
    public static readonly TaskView Today = new("Today", "today", "Nothing is due today.");
    public static readonly TaskView Upcoming = new("Upcoming", "next 7 days", "Nothing is due in the next 7 days.");
    public static readonly TaskView Overdue = new("Overdue", "overdue", "Nothing is overdue.");

    public static readonly IReadOnlyList<TaskView> All = [Today, Upcoming, Overdue];

    /// <summary>The view <paramref name="filter"/> is (compared ignoring case and spacing); null when it is another filter.</summary>
    public static TaskView? Named(string? filter) =>
        filter is null ? null : All.FirstOrDefault(view => string.Equals(Squeezed(view.Filter), Squeezed(filter), StringComparison.OrdinalIgnoreCase));

    public string Address => $"/?{PageAddress.FilterPart}={Uri.EscapeDataString(Filter)}";

    private static string Squeezed(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
