using System.Text.Json;
using Todo.Server.Http;
using Todo.Server.Reminders;
using Todo.Server.Tasks;

namespace Todo.Server.Transfer;

/// <summary>
/// Reads our export (<see cref="ExportDocument"/>) for import. A task that breaks a rule is named by its place
/// ("tasks[3]") and the line of the input it starts on; malformed JSON by the line the parser stopped at.
/// </summary>
public static class JsonImport
{
    public static ImportPlan Read(string text, ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ImportDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ImportDocument>(text, ApiConventions.Json);
        }
        catch (JsonException e)
        {
            throw new ImportRejectedException(
                e.LineNumber is { } line ? (int)line + 1 : null, $"This is not our export's JSON ({e.Path ?? "$"} could not be read).");
        }

        if (document is null || document.Format != ExportDocument.FormatName)
        {
            throw new ImportRejectedException(null, $"The JSON is not an export of this service: \"format\" must be \"{ExportDocument.FormatName}\".");
        }

        if (document.Version != ExportDocument.CurrentVersion)
        {
            throw new ImportRejectedException(null, $"This server reads version {ExportDocument.CurrentVersion} of the export, not {document.Version}.");
        }

        var tasks = document.Tasks ?? [];
        if (tasks.Count > context.MaxTasks)
        {
            throw new ImportTooLargeException($"The export has {tasks.Count} tasks; one import takes at most {context.MaxTasks}.");
        }

        var lines = TaskLines(text);
        var lists = new List<string>();
        foreach (var list in document.Lists ?? [])
        {
            if (list is { IsInbox: false })
            {
                lists.Add(ImportRules.ListName(null, list.Name) ?? throw new ImportRejectedException(null, "A list has no name."));
            }
        }

        var inboxName = document.Lists?.FirstOrDefault(l => l is { IsInbox: true })?.Name;
        var notes = new List<ImportNote>();
        var read = new List<ImportedTask>();
        for (var i = 0; i < tasks.Count; i++)
        {
            var line = i < lines.Count ? lines[i] : 1;
            try
            {
                read.Add(ReadTask(tasks[i] ?? throw new ImportRejectedException(line, "A task is null."), line, inboxName, context, notes));
            }
            catch (ImportRejectedException e)
            {
                throw new ImportRejectedException(e.Line, $"tasks[{i}]: {e.Detail}");
            }
        }

        return new ImportPlan(lists, read, 0, notes);
    }

    private static ImportedTask ReadTask(ImportDocumentTask task, int line, string? inboxName, ImportContext context, List<ImportNote> notes)
    {
        var title = ImportRules.Title(line, task.Title);
        var description = ImportRules.Description(line, task.Description);
        // The exporting account's Inbox is this account's Inbox, whatever either is called.
        var list = task.List is null || task.List == inboxName ? null : ImportRules.ListName(line, task.List);
        var labels = ImportRules.Labels(line, task.Labels ?? []);
        var priority = task.Priority switch
        {
            null or "none" => TaskPriority.None,
            "low" => TaskPriority.Low,
            "medium" => TaskPriority.Medium,
            "high" => TaskPriority.High,
            _ => throw new ImportRejectedException(line, $"The priority \"{task.Priority}\" is not none, low, medium or high."),
        };
        var due = task.Due is { } d
            ? ImportRules.Due(line, d.Date ?? throw new ImportRejectedException(line, "A due needs its date."), d.Time, d.Timezone, d.Recurrence, d.FromCompletion, context)
            : null;
        DateTime? completedAt = task.IsCompleted ? ImportRules.Stored(task.CompletedAt ?? context.Now.UtcDateTime) : null;
        var reminders = ImportRules.Reminders(line, [.. (task.Reminders ?? []).Select(r => r switch
        {
            { At: { } at, MinutesBefore: null } => ReminderSpec.AtMoment(new DateTimeOffset(ImportRules.Stored(at), TimeSpan.Zero)),
            { At: null, MinutesBefore: { } minutes } => ReminderSpec.Before(minutes),
            _ => throw new ImportRejectedException(line, "A reminder has either at or minutes_before."),
        })], due, context, notes);
        return new ImportedTask(line, title, description, list, labels, priority,
            task.CreatedAt is { } created ? ImportRules.Stored(created) : null, completedAt, due, reminders);
    }

    /// <summary>The line each element of "tasks" starts on (1-based), found by reading the JSON once more as tokens.</summary>
    private static List<int> TaskLines(string text)
    {
        var starts = new List<int>();
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var inTasks = false;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                inTasks = reader.ValueTextEquals("tasks");
            }
            else if (inTasks && reader.CurrentDepth == 2 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.Null)
            {
                starts.Add(LineOf(bytes, (int)reader.TokenStartIndex));
            }
        }

        return starts;
    }

    private static int LineOf(byte[] bytes, int index) => bytes.AsSpan(0, index).Count((byte)'\n') + 1;

    private sealed record ImportDocument(string? Format, int Version, IReadOnlyList<ImportDocumentList?>? Lists, IReadOnlyList<ImportDocumentTask?>? Tasks);

    private sealed record ImportDocumentList(string? Name, bool IsInbox);

    private sealed record ImportDocumentTask(
        string? Title,
        string? Description,
        string? List,
        IReadOnlyList<string?>? Labels,
        string? Priority,
        bool IsCompleted,
        DateTime? CompletedAt,
        DateTime? CreatedAt,
        ImportDocumentDue? Due,
        IReadOnlyList<ExportReminder>? Reminders);

    private sealed record ImportDocumentDue(DateOnly? Date, TimeOnly? Time, string? Timezone, string? Recurrence, bool FromCompletion);
}
