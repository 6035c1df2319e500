namespace Todo.Server.Tasks;

public sealed class TaskSettings
{
    public const string Section = "Tasks";

    /// <summary>Tasks in the trash longer than this are removed for good by the retention job.</summary>
    public int TrashDays { get; set; } = 30;
}
