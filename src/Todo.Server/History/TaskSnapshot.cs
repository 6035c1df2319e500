using System.Text.Json.Nodes;
using Todo.Server.Accounts;
using Todo.Server.Dates;
using Todo.Server.Tasks;

namespace Todo.Server.History;

/// <summary>
/// The fields of a task a change can touch, as an event records them: before and after each change, so the activity
/// shows what changed and undo can put it back exactly (a due keeps its stored form: date, time, zone and rule).
/// </summary>
public sealed record TaskSnapshot(
    string Title,
    string? Description,
    bool IsCompleted,
    DateTime? CompletedAt,
    Guid ListId,
    string ListName,
    IReadOnlyList<string> Labels,
    TaskPriority Priority,
    DueReading? Due,
    bool InTrash)
{
    public const string TitleField = "title";
    public const string DescriptionField = "description";
    public const string CompletedField = "is_completed";
    public const string CompletedAtField = "completed_at";
    public const string ListField = "list";
    public const string LabelsField = "labels";
    public const string PriorityField = "priority";
    public const string DueField = "due";

    /// <summary>The task as read by <see cref="TaskService"/> (its list name, labels and owner's zone filled in).</summary>
    public static TaskSnapshot Of(TaskItem task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new(
            task.Title,
            task.Description,
            task.IsCompleted,
            task.CompletedAt,
            task.ListId,
            task.List?.Name ?? "",
            task.LabelNames,
            task.Priority,
            task.DueIn(task.DueTimeZone ?? User.DefaultTimeZone),
            task.DeletedAt is not null);
    }

    /// <summary>What an event of this change is: created, deleted, restored, completed, reopened, moved or updated.</summary>
    public static ActivityKind KindOf(TaskSnapshot? before, TaskSnapshot after, IReadOnlyCollection<string> changed)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(changed);
        if (before is null)
        {
            return ActivityKind.Created;
        }

        if (before.InTrash != after.InTrash)
        {
            return after.InTrash ? ActivityKind.Deleted : ActivityKind.Restored;
        }

        if (before.IsCompleted != after.IsCompleted)
        {
            return after.IsCompleted ? ActivityKind.Completed : ActivityKind.Reopened;
        }

        return changed.Count == 1 && changed.Contains(ListField) ? ActivityKind.Moved : ActivityKind.Updated;
    }

    /// <summary>Field → [before, after] for every field that differs (every field that is set, for a new task).</summary>
    public static JsonObject Changes(TaskSnapshot? before, TaskSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var changes = new JsonObject();
        var was = before?.Fields();
        foreach (var (field, value) in after.Fields())
        {
            var old = was?[field];
            if (before is null ? value is null || IsDefault(field, value) : JsonNode.DeepEquals(old, value))
            {
                continue;
            }

            changes[field] = new JsonArray(old?.DeepClone(), value?.DeepClone());
        }

        return changes;
    }

    private static bool IsDefault(string field, JsonNode value) => field switch
    {
        CompletedField => value.GetValue<bool>() == false,
        PriorityField => value.GetValue<string>() == PriorityName(TaskPriority.None),
        LabelsField => value.AsArray().Count == 0,
        _ => false,
    };

    /// <summary>The recorded fields in the API's names and shapes (due in its stored form).</summary>
    public Dictionary<string, JsonNode?> Fields() => new()
    {
        [TitleField] = Title,
        [DescriptionField] = Description,
        [CompletedField] = IsCompleted,
        [CompletedAtField] = CompletedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
        [ListField] = new JsonObject { ["id"] = ListId, ["name"] = ListName },
        [LabelsField] = new JsonArray([.. Labels.Order(StringComparer.Ordinal).Select(l => (JsonNode?)l)]),
        [PriorityField] = PriorityName(Priority),
        [DueField] = DueNode(Due),
    };

    public static string PriorityName(TaskPriority priority) => priority.ToString().ToLowerInvariant();

    public static TaskPriority PriorityFrom(JsonNode? node) =>
        node is null ? TaskPriority.None : Enum.Parse<TaskPriority>(node.GetValue<string>(), ignoreCase: true);

    public static JsonObject? DueNode(DueReading? due) => due is null ? null : new JsonObject
    {
        ["date"] = due.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["time"] = due.Time?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        ["time_zone"] = due.Time is null ? null : due.TimeZone,
        ["recurrence"] = due.Recurrence,
        ["from_completion"] = due.FromCompletion,
    };

    /// <summary>The due <see cref="DueNode"/> wrote; an all-day due takes <paramref name="allDayZone"/>.</summary>
    public static DueReading? DueFrom(JsonNode? node, string allDayZone)
    {
        if (node is not JsonObject due)
        {
            return null;
        }

        var time = due["time"]?.GetValue<string>();
        return new DueReading(
            DateOnly.ParseExact(due["date"]!.GetValue<string>(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            time is null ? null : TimeOnly.ParseExact(time, "HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            due["time_zone"]?.GetValue<string>() ?? allDayZone,
            due["recurrence"]?.GetValue<string>(),
            due["from_completion"]?.GetValue<bool>() ?? false);
    }

}
