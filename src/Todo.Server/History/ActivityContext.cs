namespace Todo.Server.History;

/// <summary>
/// Where the changes of this scope come from and the batch they belong to: one per request, chat turn or page action
/// (each is a scope), so undo takes back what one of them did.
/// </summary>
public sealed class ActivityContext
{
    public ActivitySource Source { get; set; } = ActivitySource.Api;

    public Guid BatchId { get; set; } = Guid.CreateVersion7();

    /// <summary>Set while an undo writes: the batch being taken back.</summary>
    public Guid? UndoesBatchId { get; set; }
}
