using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Todo.Server.Dates;
using Todo.Server.Reminders;
using Todo.Server.Tasks.Filters;

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
    TaskPriority Priority,
    TaskDueDto? Due,
    IReadOnlyList<ReminderDto>? Reminders = null)
{
    /// <summary>The task as sent; <paramref name="task"/> comes from <see cref="TaskService"/>, which loads its list and labels.</summary>
    public static TaskDto From(TaskItem task) => From(task, []);

    /// <summary>The task with its reminders (<see cref="ReminderService"/> reads them).</summary>
    public static TaskDto From(TaskItem task, IReadOnlyList<ReminderDto> reminders)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new(
            task.Id, task.Number, task.Title, task.Description, task.IsCompleted, task.CompletedAt, task.CreatedAt, task.UpdatedAt,
            new TaskListRef(task.ListId, task.List?.Name ?? ""),
            [.. task.LabelNames.Order(StringComparer.Ordinal)],
            task.Priority,
            TaskDueDto.From(task),
            reminders);
    }

    /// <summary>Equal field by field, the labels by their sequence (a record would compare the lists' references).</summary>
    public bool Equals(TaskDto? other) =>
        other is not null && Id == other.Id && Number == other.Number && Title == other.Title && Description == other.Description
        && IsCompleted == other.IsCompleted && CompletedAt == other.CompletedAt && CreatedAt == other.CreatedAt
        && UpdatedAt == other.UpdatedAt && List == other.List && Labels.SequenceEqual(other.Labels) && Priority == other.Priority
        && Due == other.Due && (Reminders ?? []).SequenceEqual(other.Reminders ?? []);

    public override int GetHashCode() => HashCode.Combine(Id, Number, Title, UpdatedAt, IsCompleted);
}

/// <summary>
/// A task's due, in the owner's time zone: <c>date</c> the day; <c>datetime</c> the moment with the zone's offset when a time
/// is set (else null); <c>timezone</c> the IANA zone of that time (null for an all-day due, which is the same day
/// everywhere); <c>string</c> how it reads back ("Friday, 4 December, 17:00", "every Monday at 09:00", the year only when
/// it is not the owner's current year); <c>recurrence</c> the RFC 5545 RRULE. A timed due set before the owner changed
/// zone keeps its moment, shown in the new zone.
/// </summary>
public sealed record TaskDueDto(
    DateOnly Date, DateTimeOffset? Datetime, string? Timezone, [property: JsonPropertyName("string")] string Text, bool IsRecurring, string? Recurrence)
{
    public static TaskDueDto? From(TaskItem task)
    {
        var ownerZone = ZonedTime.FindZone(task.OwnerTimeZone) is { HasIanaId: true } known ? known.Id : null;
        if (task.DueIn(ownerZone ?? Accounts.User.DefaultTimeZone) is not { } due)
        {
            return null;
        }

        if (task.DueAt is { } at && ownerZone is not null && ownerZone != due.TimeZone)
        {
            due = DueReading.AtInstant(new DateTimeOffset(at, TimeSpan.Zero), ownerZone) with
            {
                Recurrence = due.Recurrence,
                FromCompletion = due.FromCompletion,
            };
        }

        var year = task.ReadAt == default ? (int?)null
            : ZonedTime.TodayAt(new DateTimeOffset(task.ReadAt, TimeSpan.Zero), ZonedTime.RequireZone(ownerZone ?? due.TimeZone)).Year;
        var timeZone = due.Time is null ? null : due.TimeZone;
        return new TaskDueDto(due.Date, due.ToZonedDateTime(), timeZone, due.Describe(year), due.IsRecurring, due.Recurrence);
    }
}

/// <summary>The list a task is in, as a task names it.</summary>
public sealed record TaskListRef(Guid Id, string Name);

/// <summary>A page of tasks; pass <see cref="NextCursor"/> as <c>cursor</c> for the next page (null on the last one).</summary>
public sealed record TaskListResponse(IReadOnlyList<TaskDto> Items, string? NextCursor);

/// <summary>
/// A new task. The title is trimmed; a blank description is none. Without list_id (or with null) it goes in the Inbox;
/// a list_id that is not one of the caller's lists is a 400 naming list_id (not a 404: the route's resource is the task).
/// The due comes from one of due_string, due_date and due_datetime.
/// </summary>
public sealed class CreateTaskRequest : OptionalTaskFields
{
    /// <summary>Null only when left out of the body, which [Required] answers with a 400 naming it.</summary>
    [Required(ErrorMessage = TaskText.TitleRequired)]
    [TaskTitle]
    public string Title { get; init; } = null!;

    [TaskDescription]
    public string? Description { get; init; }

    public NewTaskOptions ToOptions(DueReading? due) =>
        new() { ListId = ListId, Labels = Labels, Priority = Priority ?? TaskPriority.None, Due = due };
}

/// <summary>
/// PUT: the first wave's editable fields replaced together (a missing or null description clears it). list_id, labels and
/// priority change only when sent, as in PATCH: left out, each is kept.
/// </summary>
public sealed class ReplaceTaskRequest : OptionalTaskFields
{
    /// <summary>Null only when left out of the body, which [Required] answers with a 400 naming it.</summary>
    [Required(ErrorMessage = TaskText.TitleRequired)]
    [TaskTitle]
    public string Title { get; init; } = null!;

    [TaskDescription]
    public string? Description { get; init; }

    public TaskChanges ToChanges(DueReading? due) => AddTo(new TaskChanges { Title = Title, Description = Description }, due);
}

/// <summary>
/// A task's list, labels, priority and due in a body, each changed only when sent: <c>list_id: null</c> moves the task to
/// the Inbox, <c>labels: null</c> removes every label, <c>priority: null</c> is "none" and <c>due: null</c> clears the due
/// (and ends its recurrence). A new date for a repeating task moves this occurrence and keeps the rule.
/// </summary>
public abstract class OptionalTaskFields : IValidatableObject
{
    private JsonElement? due;
    private JsonElement? reminders;

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

    /// <summary>The due in English ("tomorrow at 5pm", "every monday at 9am", "every! 3 days"), read in your time zone.</summary>
    public string? DueString { get; init; }

    /// <summary>An all-day due, YYYY-MM-DD.</summary>
    public string? DueDate { get; init; }

    /// <summary>A timed due, RFC 3339 with its offset (2026-12-24T17:30:00+01:00).</summary>
    public string? DueDatetime { get; init; }

    /// <summary>null clears the due (and ends its recurrence); a string is read as due_string.</summary>
    public JsonElement? Due
    {
        get => due;
        init
        {
            due = value;
            HasDue = true;
        }
    }

    [JsonIgnore]
    public bool HasDue { get; private init; }

    /// <summary>
    /// The task's reminders, replacing any it had: <c>{"at": RFC 3339 with offset}</c> or <c>{"minutes_before": 0–40320}</c>
    /// (before the due; an all-day due counts back from 09:00 in your time zone), at most 10; null or [] for none.
    /// </summary>
    public JsonElement? Reminders
    {
        get => reminders;
        init
        {
            reminders = value;
            HasReminders = true;
        }
    }

    [JsonIgnore]
    public bool HasReminders { get; private init; }

    /// <summary>What the body says about reminders (read once it has passed validation).</summary>
    [JsonIgnore]
    public ReminderInput ReminderInput => ReminderInput.Read(HasReminders, reminders);

    /// <summary>What the body says about the due.</summary>
    [JsonIgnore]
    public DueInput DueInput => new(DueString, DueDate, DueDatetime, due, HasDue);

    [JsonIgnore]
    public bool HasListId { get; private init; }

    [JsonIgnore]
    public bool HasLabels { get; private init; }

    [JsonIgnore]
    public bool HasPriority { get; private init; }

    public virtual IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var problem in DueInput.Check())
        {
            yield return problem;
        }

        if (global::Todo.Server.Reminders.ReminderInput.Problem(HasReminders, reminders) is { } reminderProblem)
        {
            yield return new ValidationResult(reminderProblem, [nameof(Reminders)]);
        }
    }

    /// <summary><paramref name="changes"/> with the fields sent; <paramref name="due"/> is the body's due as read.</summary>
    protected TaskChanges AddTo(TaskChanges changes, DueReading? due)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (DueInput.Changes)
        {
            changes = changes with { Due = due };
        }

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
public sealed class PatchTaskRequest : OptionalTaskFields
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

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var problem in base.Validate(validationContext))
        {
            yield return problem;
        }

        if (HasTitle && title is null)
        {
            yield return new ValidationResult("The title cannot be null; leave it out to keep the current title.", [nameof(Title)]);
        }

        if (HasIsCompleted && isCompleted is null)
        {
            yield return new ValidationResult("is_completed cannot be null; send true or false, or leave it out.", [nameof(IsCompleted)]);
        }
    }

    public TaskChanges ToChanges(DueReading? due)
    {
        var changes = HasDescription
            ? new TaskChanges { Title = title, Description = description, IsCompleted = isCompleted }
            : new TaskChanges { Title = title, IsCompleted = isCompleted };
        return AddTo(changes, due);
    }
}
