using Todo.Server.Tasks;

namespace Todo.Server.Components.Workspace;

/// <summary>How the page names a priority: its word, its marker (one to three "!", as quick add writes it) and its wire name.</summary>
public static class PriorityNames
{
    public static readonly TaskPriority[] All = [TaskPriority.None, TaskPriority.Low, TaskPriority.Medium, TaskPriority.High];

    public static string Label(TaskPriority priority) => priority switch
    {
        TaskPriority.High => "High",
        TaskPriority.Medium => "Medium",
        TaskPriority.Low => "Low",
        _ => "None",
    };

    public static string Marker(TaskPriority priority) => priority switch
    {
        TaskPriority.High => "!!!",
        TaskPriority.Medium => "!!",
        TaskPriority.Low => "!",
        _ => "",
    };

    public static string Wire(TaskPriority priority) => Label(priority).ToLowerInvariant();
}
