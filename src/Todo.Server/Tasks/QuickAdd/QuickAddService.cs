using System.ComponentModel.DataAnnotations;
using Todo.Server.Dates;
using Todo.Server.Lists;
using Todo.Server.Tasks.Filters;
using Todo.Server.Text;

namespace Todo.Server.Tasks.QuickAdd;

/// <summary>A task made by quick add, what the text was read as, and whether its list was made for it.</summary>
public sealed record QuickAddOutcome(TaskItem Task, QuickAddResult Parsed, bool ListCreated);

/// <summary>
/// Quick add for every entry point (REST, the web page, the assistant): the text read by <see cref="QuickAddParser"/>, the list it
/// names found ignoring case or made (<see cref="ListService.FindOrCreateAsync"/>, among the caller's lists only), the task created
/// by <see cref="TaskService"/> with the date phrase as its due (read in the user's zone); without a list, in the Inbox. Text that makes no task is an
/// <see cref="InvalidTextException"/> naming <c>text</c>, thrown before anything is written.
/// </summary>
public sealed class QuickAddService(ListService lists, TaskService tasks)
{
    public Task<QuickAddOutcome> AddAsync(Guid userId, string text, CancellationToken cancellationToken = default) =>
        AddAsync(userId, text, null, null, cancellationToken);

    /// <summary>
    /// The web page's quick add: the task gets <paramref name="description"/> (checked before anything is written), and goes in
    /// <paramref name="defaultListId"/> (the list the page shows; null: the Inbox) when the text names no list.
    /// </summary>
    public async Task<QuickAddOutcome> AddAsync(
        Guid userId, string text, string? description, Guid? defaultListId, CancellationToken cancellationToken = default)
    {
        var clock = await tasks.ClockAsync(userId, cancellationToken);
        var parsed = QuickAddParser.Parse(text, Dates(clock)).Require();
        if (description is not null)
        {
            TaskText.Description.Require(description, "description");
        }

        var listId = defaultListId;
        var listCreated = false;
        if (parsed.ListName is { } name)
        {
            (var list, listCreated) = await lists.FindOrCreateAsync(userId, name, cancellationToken: cancellationToken);
            listId = list.Id;
        }

        var task = await tasks.CreateAsync(userId, parsed.Title, description, new NewTaskOptions
        {
            ListId = listId,
            Labels = parsed.Labels,
            Priority = parsed.Priority ?? TaskPriority.None,
            Due = parsed.Due,
        }, cancellationToken);
        return new QuickAddOutcome(task, parsed, listCreated);
    }

    /// <summary>The date reader for quick-add text, reckoned from <paramref name="clock"/> (the user's now, today and zone).</summary>
    public static QuickAddDateFinder Dates(DueClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return text => DateReader.Find(text, new DateTimeOffset(clock.Now, TimeSpan.Zero), clock.Zone.Id);
    }
}

/// <summary>One line of quick-add text (<see cref="QuickAddParser"/>): 1–500 characters, one line.</summary>
public sealed record QuickAddRequest([property: Required(ErrorMessage = QuickAddRequest.TextRequired), QuickAddText] string Text)
{
    public const string TextRequired = "The text is required.";
}

/// <summary>Quick-add text (<see cref="QuickAddParser.Text"/>). Null passes (pair with [Required]).</summary>
public sealed class QuickAddTextAttribute() : TextRuleAttribute(QuickAddParser.Text);
