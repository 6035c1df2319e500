using System.Text.Json.Serialization;
using Todo.Server.Dates;

namespace Todo.Server.Tasks;

/// <summary>Which of the user's tasks a list holds.</summary>
public enum TaskStatusFilter
{
    All,
    Pending,
    Completed,
}

/// <summary>A list's order. Ties are broken by the task's number, in the same direction, so every order is total.</summary>
public enum TaskSort
{
    Number,
    CreatedAt,
    [JsonStringEnumMemberName("-created_at")]
    CreatedAtDescending,
    Title,
    UpdatedAt,
    [JsonStringEnumMemberName("-updated_at")]
    UpdatedAtDescending,

    /// <summary>High first, then medium, low and none; ties by number, ascending (ix_tasks_user_priority).</summary>
    [JsonStringEnumMemberName("priority")]
    Priority,

    /// <summary>Earliest due first, tasks without a due date last; ties by number, ascending.</summary>
    [JsonStringEnumMemberName("due")]
    Due,
}

/// <summary>One of the user's tasks, named by id (REST, the UI) or by its per-user number (chat, MCP: "task 3").</summary>
public readonly record struct TaskKey
{
    private TaskKey(Guid? id, int? number)
    {
        Id = id;
        Number = number;
    }

    public Guid? Id { get; }
    public int? Number { get; }

    public static TaskKey ById(Guid id) => new(id, null);

    public static TaskKey ByNumber(int number) => new(null, number);

    public override string ToString() => Id is { } id ? id.ToString() : $"#{Number}";
}

/// <summary>A page request: filters, order, size and where to continue (null: the first page).</summary>
public sealed record TaskListQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    public TaskStatusFilter Status { get; init; } = TaskStatusFilter.All;

    /// <summary>Case-insensitive substring of the title or the description; null or empty: no filter.</summary>
    public string? Search { get; init; }

    /// <summary>Only the tasks of this list (one of the user's; another's matches nothing).</summary>
    public Guid? ListId { get; init; }

    /// <summary>
    /// An expression of the filter language (DESIGN.md "Filters"), ANDed with the other fields; null or blank: none.
    /// A bad one is an <see cref="Todo.Server.Text.InvalidTextException"/> naming <c>filter</c> and the position.
    /// </summary>
    public string? Filter { get; init; }

    public TaskSort Sort { get; init; } = TaskSort.Number;

    public int Limit { get; init; } = DefaultLimit;

    /// <summary>From the previous page's <see cref="TaskPage.Next"/>; its sort must equal <see cref="Sort"/>.</summary>
    public TaskCursor? After { get; init; }
}

/// <summary>One page of tasks, and where the next page starts (null on the last page).</summary>
public sealed record TaskPage(IReadOnlyList<TaskItem> Items, TaskCursor? Next);

/// <summary>
/// The fields a partial update changes; anything not set is kept. Setting <see cref="Description"/> to null
/// clears it, which is different from not setting it.
/// </summary>
public sealed record TaskChanges
{
    private readonly string? description;
    private readonly Guid? listId;
    private readonly IReadOnlyList<string>? labels;
    private readonly DueReading? due;

    /// <summary>The new title (trimmed when stored); null keeps the current one.</summary>
    public string? Title { get; init; }

    /// <summary>The new description; set it to null to clear it. Leaving it unset keeps the current one.</summary>
    public string? Description
    {
        get => description;
        init
        {
            description = value;
            ChangesDescription = true;
        }
    }

    public bool ChangesDescription { get; private init; }

    /// <summary>Complete (true) or reopen (false) the task; null keeps its state.</summary>
    public bool? IsCompleted { get; init; }

    /// <summary>Move the task to this list (one of the user's); null with <see cref="ChangesList"/> moves it to the Inbox.</summary>
    public Guid? ListId
    {
        get => listId;
        init
        {
            listId = value;
            ChangesList = true;
        }
    }

    public bool ChangesList { get; private init; }

    /// <summary>The new priority; null keeps the current one.</summary>
    public TaskPriority? Priority { get; init; }

    /// <summary>The new labels, replacing the old; null with <see cref="ChangesLabels"/> removes them all.</summary>
    public IReadOnlyList<string>? Labels
    {
        get => labels;
        init
        {
            labels = value;
            ChangesLabels = true;
        }
    }

    public bool ChangesLabels { get; private init; }

    /// <summary>
    /// The new due; null with <see cref="ChangesDue"/> clears it (and ends its recurrence). A new date without a rule of
    /// its own, for a repeating task, moves this occurrence and keeps the rule.
    /// </summary>
    public DueReading? Due
    {
        get => due;
        init
        {
            due = value;
            ChangesDue = true;
        }
    }

    public bool ChangesDue { get; private init; }

    /// <summary>The task stops repeating and keeps its current date and time (a due without a rule is left as it is).</summary>
    public bool StopsRecurrence { get; init; }

    /// <summary>Only the first wave's fields (title, description, completion) change.</summary>
    public bool OnlyFirstWave => !ChangesList && Priority is null && !ChangesLabels && !ChangesDue && !StopsRecurrence;

    public bool IsEmpty => Title is null && !ChangesDescription && IsCompleted is null && OnlyFirstWave;
}

/// <summary>The second wave's fields of a new task: its list (null: the Inbox), labels and priority.</summary>
public sealed record NewTaskOptions
{
    public Guid? ListId { get; init; }

    public IReadOnlyList<string>? Labels { get; init; }

    public TaskPriority Priority { get; init; } = TaskPriority.None;

    /// <summary>The due, as read from due_string, due_date or due_datetime; null: none.</summary>
    public DueReading? Due { get; init; }

    /// <summary>When the task was made, for a task brought in from elsewhere (an import); null: now.</summary>
    public DateTime? CreatedAt { get; init; }

    /// <summary>When the task was completed, for a task imported as done; null: the task is open.</summary>
    public DateTime? CompletedAt { get; init; }
}
