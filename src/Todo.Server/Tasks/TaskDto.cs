using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Todo.Server.Tasks;

/// <summary>A task on the wire.</summary>
public sealed record TaskDto(
    Guid Id,
    int Number,
    string Title,
    string? Description,
    bool IsCompleted,
    DateTime? CompletedAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    TaskListRef List,
    IReadOnlyList<string> Labels,
    TaskPriority Priority)
{
    /// <summary>The task as sent; <paramref name="task"/> comes from <see cref="TaskService"/>, which loads its list and labels.</summary>
    public static TaskDto From(TaskItem task) => new(
        task.Id, task.Number, task.Title, task.Description, task.IsCompleted, task.CompletedAt, task.CreatedAt, task.UpdatedAt,
        new TaskListRef(task.ListId, task.List?.Name ?? ""),
        [.. task.LabelNames.Order(StringComparer.Ordinal)],
        task.Priority);

    /// <summary>Equal field by field, the labels by their sequence (a record would compare the lists' references).</summary>
    public bool Equals(TaskDto? other) =>
        other is not null && Id == other.Id && Number == other.Number && Title == other.Title && Description == other.Description
        && IsCompleted == other.IsCompleted && CompletedAt == other.CompletedAt && CreatedAt == other.CreatedAt
        && UpdatedAt == other.UpdatedAt && List == other.List && Labels.SequenceEqual(other.Labels) && Priority == other.Priority;

    public override int GetHashCode() => HashCode.Combine(Id, Number, Title, UpdatedAt, IsCompleted);
}

/// <summary>The list a task is in, as a task names it.</summary>
public sealed record TaskListRef(Guid Id, string Name);

/// <summary>A page of tasks; pass <see cref="NextCursor"/> as <c>cursor</c> for the next page (null on the last one).</summary>
public sealed record TaskListResponse(IReadOnlyList<TaskDto> Items, string? NextCursor);

/// <summary>
/// A new task. The title is trimmed; a blank description is none. Without list_id (or with null) it goes in the Inbox;
/// a list_id that is not one of the caller's lists is a 400 naming list_id (not a 404: the route's resource is the task).
/// </summary>
public sealed record CreateTaskRequest(
    [property: Required(ErrorMessage = TaskText.TitleRequired), TaskTitle] string Title,
    [property: TaskDescription] string? Description = null,
    Guid? ListId = null,
    IReadOnlyList<string>? Labels = null,
    TaskPriority? Priority = null)
{
    public NewTaskOptions ToOptions() => new() { ListId = ListId, Labels = Labels, Priority = Priority ?? TaskPriority.None };
}

/// <summary>
/// PUT: the first wave's editable fields replaced together (a missing or null description clears it). list_id, labels and
/// priority change only when sent, as in PATCH: left out, each is kept.
/// </summary>
public sealed class ReplaceTaskRequest : ListLabelsPriorityFields
{
    /// <summary>Null only when left out of the body, which [Required] answers with a 400 naming it.</summary>
    [Required(ErrorMessage = TaskText.TitleRequired)]
    [TaskTitle]
    public string Title { get; init; } = null!;

    [TaskDescription]
    public string? Description { get; init; }

    public TaskChanges ToChanges() => AddTo(new TaskChanges { Title = Title, Description = Description });
}

/// <summary>
/// A task's list, labels and priority in a PUT or PATCH body, each changed only when sent: <c>list_id: null</c> moves the task to
/// the Inbox, <c>labels: null</c> removes every label and <c>priority: null</c> is "none".
/// </summary>
public abstract class ListLabelsPriorityFields
{
    private readonly Guid? listId;
    private readonly IReadOnlyList<string>? labels;
    private readonly TaskPriority? priority;

    public Guid? ListId
    {
        get => listId;
        init
        {
            listId = value;
            HasListId = true;
        }
    }

    public IReadOnlyList<string>? Labels
    {
        get => labels;
        init
        {
            labels = value;
            HasLabels = true;
        }
    }

    public TaskPriority? Priority
    {
        get => priority;
        init
        {
            priority = value;
            HasPriority = true;
        }
    }

    [JsonIgnore]
    public bool HasListId { get; private init; }

    [JsonIgnore]
    public bool HasLabels { get; private init; }

    [JsonIgnore]
    public bool HasPriority { get; private init; }

    /// <summary><paramref name="changes"/> with the fields sent.</summary>
    protected TaskChanges AddTo(TaskChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (HasListId)
        {
            changes = changes with { ListId = listId };
        }

        if (HasLabels)
        {
            changes = changes with { Labels = labels ?? [] };
        }

        if (HasPriority)
        {
            changes = changes with { Priority = priority ?? TaskPriority.None };
        }

        return changes;
    }
}

/// <summary>
/// Only the fields sent change. <c>description: null</c> clears the description, while leaving it out keeps
/// it; <c>title</c> and <c>is_completed</c> cannot be null. <c>list_id: null</c> moves the task to the Inbox,
/// <c>priority: null</c> is "none" and <c>labels: null</c> removes every label; left out, each is kept.
/// </summary>
public sealed class PatchTaskRequest : ListLabelsPriorityFields, IValidatableObject
{
    private readonly string? title;
    private readonly string? description;
    private readonly bool? isCompleted;

    [TaskTitle]
    public string? Title
    {
        get => title;
        init
        {
            title = value;
            HasTitle = true;
        }
    }

    [TaskDescription]
    public string? Description
    {
        get => description;
        init
        {
            description = value;
            HasDescription = true;
        }
    }

    public bool? IsCompleted
    {
        get => isCompleted;
        init
        {
            isCompleted = value;
            HasIsCompleted = true;
        }
    }

    [JsonIgnore]
    public bool HasTitle { get; private init; }

    [JsonIgnore]
    public bool HasDescription { get; private init; }

    [JsonIgnore]
    public bool HasIsCompleted { get; private init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HasTitle && title is null)
        {
            yield return new ValidationResult("The title cannot be null; leave it out to keep the current title.", [nameof(Title)]);
        }

        if (HasIsCompleted && isCompleted is null)
        {
            yield return new ValidationResult("is_completed cannot be null; send true or false, or leave it out.", [nameof(IsCompleted)]);
        }
    }

    public TaskChanges ToChanges()
    {
        var changes = HasDescription
            ? new TaskChanges { Title = title, Description = description, IsCompleted = isCompleted }
            : new TaskChanges { Title = title, IsCompleted = isCompleted };
        return AddTo(changes);
    }
}
