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
    DateTime UpdatedAt)
{
    public static TaskDto From(TaskItem task) => new(
        task.Id, task.Number, task.Title, task.Description, task.IsCompleted, task.CompletedAt, task.CreatedAt, task.UpdatedAt);
}

/// <summary>A page of tasks; pass <see cref="NextCursor"/> as <c>cursor</c> for the next page (null on the last one).</summary>
public sealed record TaskListResponse(IReadOnlyList<TaskDto> Items, string? NextCursor);

/// <summary>A new task. The title is trimmed; a blank description is none.</summary>
public sealed record CreateTaskRequest(
    [property: Required(ErrorMessage = TaskText.TitleRequired), TaskTitle] string Title,
    [property: TaskDescription] string? Description = null);

/// <summary>The editable fields, replaced together: a missing or null description clears it.</summary>
public sealed record ReplaceTaskRequest(
    [property: Required(ErrorMessage = TaskText.TitleRequired), TaskTitle] string Title,
    [property: TaskDescription] string? Description = null);

/// <summary>
/// Only the fields sent change. <c>description: null</c> clears the description, while leaving it out keeps
/// it; <c>title</c> and <c>is_completed</c> cannot be null.
/// </summary>
public sealed class PatchTaskRequest : IValidatableObject
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

    public TaskChanges ToChanges() => HasDescription
        ? new TaskChanges { Title = title, Description = description, IsCompleted = isCompleted }
        : new TaskChanges { Title = title, IsCompleted = isCompleted };
}
