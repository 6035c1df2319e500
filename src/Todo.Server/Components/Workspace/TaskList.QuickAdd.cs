namespace Todo.Server.Components.Workspace;

/// <summary>Quick add in the "New task" field: what it reads shows as the person types.</summary>
public sealed partial class TaskList
{
    private QuickAddPreview? quickAdd;

    private void PreviewQuickAdd() => quickAdd = null;
}
