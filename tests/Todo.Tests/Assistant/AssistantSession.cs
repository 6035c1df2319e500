using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Assistant;
using Todo.Server.Assistant.BuiltIn;
using Todo.Server.Chat;
using Todo.Server.Data;
using Todo.Server.Dates;
using Todo.Server.History;
using Todo.Server.Lists;
using Todo.Server.Tasks;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Assistant;

/// <summary>One finished turn: the reply text and the tools that ran, in order.</summary>
public sealed record AssistantTurn(string Reply, IReadOnlyList<FunctionCallContent> Calls, IReadOnlyList<FunctionResultContent> Results);

/// <summary>
/// A conversation with the built-in engine for one user, driven as the chat drives it: each turn runs in its
/// own DI scope with that user's tools, through <c>UseFunctionInvocation()</c>, given the stored history
/// plus the new message; the turn's user message and final reply are then appended to the history as the chat
/// stores and loads them: the reply with its tool calls and results (through the stored JSON), as
/// <see cref="ChatService.ToChatMessages"/> gives them back.
/// </summary>
/// <remarks>With a <c>clock</c>, the engine and the tools read dates as of its instant (the user's zone set by <see cref="StartAsync"/>).</remarks>
public sealed class AssistantSession(ApiFixture api, Guid userId, TimeProvider? clock = null)
{
    private readonly List<ChatMessage> history = [];

    public Guid UserId => userId;

    public IReadOnlyList<ChatMessage> History => history;

    public static async Task<AssistantSession> StartAsync(ApiFixture api) => new(api, (await api.CreateUserAsync()).Id);

    /// <summary>A session for a new user living in <paramref name="timeZone"/>, with the engine and tools at <paramref name="clock"/>'s instant.</summary>
    public static async Task<AssistantSession> StartAsync(ApiFixture api, TimeProvider clock, string timeZone)
    {
        var user = await api.CreateUserAsync();
        await api.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.TimeZone, timeZone)));
        return new AssistantSession(api, user.Id, clock);
    }

    public async Task<AssistantTurn> SendAsync(string message, bool streaming = false)
    {
        await using var scope = api.Factory.Services.CreateAsyncScope();
        var tools = CreateTools(scope.ServiceProvider, userId, clock);
        using var engine = new BuiltInChatClient(clock);
        using var client = new ChatClientBuilder(engine).UseFunctionInvocation().Build();
        var options = new ChatOptions { Tools = tools.AsAIFunctions() };
        List<ChatMessage> messages = [.. history, new ChatMessage(ChatRole.User, message)];

        ChatResponse response;
        if (streaming)
        {
            response = await client.GetStreamingResponseAsync(messages, options).ToChatResponseAsync();
        }
        else
        {
            response = await client.GetResponseAsync(messages, options);
        }

        var reply = response.Messages.LastOrDefault(m => m.Role == ChatRole.Assistant && !string.IsNullOrEmpty(m.Text))?.Text ?? "";
        var contents = response.Messages.SelectMany(m => m.Contents).ToList();
        history.Add(new ChatMessage(ChatRole.User, message));
        history.AddRange(ChatService.ToChatMessages(Stored(reply, contents)));
        return new AssistantTurn(reply, [.. contents.OfType<FunctionCallContent>()], [.. contents.OfType<FunctionResultContent>()]);
    }

    /// <summary>Replaces the text of every stored reply (the tool calls stay), as if the engine had worded them differently.</summary>
    public void RewordReplies(string text)
    {
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].Role == ChatRole.Assistant && !string.IsNullOrEmpty(history[i].Text))
            {
                history[i] = new ChatMessage(ChatRole.Assistant, text);
            }
        }
    }

    /// <summary>The reply as ChatService stores it: its text and the calls of the turn with their results.</summary>
    private static Message Stored(string reply, List<AIContent> contents)
    {
        var results = contents.OfType<FunctionResultContent>().ToDictionary(result => result.CallId, StringComparer.Ordinal);
        var calls = contents.OfType<FunctionCallContent>()
            .Where(call => results.ContainsKey(call.CallId))
            .Select(call => new StoredToolCall(call.CallId, call.Name, ChatService.ToJson(call.Arguments), ChatService.ToJson(results[call.CallId].Result)))
            .ToList();
        return new Message { Role = MessageRole.Assistant, Content = reply, ToolCalls = StoredToolCalls.Write(calls) };
    }

    /// <summary>
    /// Creates tasks through TaskService, numbered 1, 2, 3… in order (see <see cref="SeedTask"/>): "[x] Title" is completed,
    /// "Title | notes" has a description, and trailing "#List", "#\"Two words\"", "@label" and "!high" put it in a list
    /// (created when missing), label it and give it a priority. "list:Name" makes an empty list and takes no number; "[del] Title"
    /// is then moved to the trash. The seeding is one batch of its own, from the API.
    /// </summary>
    public async Task SeedAsync(params string[] tasks)
    {
        await using var scope = api.Factory.Services.CreateAsyncScope();
        var service = CreateTaskService(scope.ServiceProvider, clock);
        var lists = CreateListService(scope.ServiceProvider, clock);
        scope.ServiceProvider.GetRequiredService<ActivityContext>().Source = ActivitySource.Api;
        var zone = await service.TimeZoneOfAsync(userId);
        foreach (var entry in tasks)
        {
            var trashed = entry.StartsWith(SeedTask.TrashPrefix, StringComparison.Ordinal);
            var spec = trashed ? entry[SeedTask.TrashPrefix.Length..] : entry;
            if (spec.StartsWith(SeedTask.ListPrefix, StringComparison.Ordinal))
            {
                await lists.FindOrCreateAsync(userId, spec[SeedTask.ListPrefix.Length..]);
                continue;
            }

            var seed = SeedTask.Parse(spec);
            var list = seed.List is null ? null : (await lists.FindOrCreateAsync(userId, seed.List)).List;
            var options = new NewTaskOptions { ListId = list?.Id, Labels = seed.Labels, Priority = seed.Priority, Due = seed.DueIn(zone) };
            var task = await service.CreateAsync(userId, seed.Title, seed.Description, options);
            if (seed.Completed)
            {
                await service.SetCompletedAsync(userId, TaskKey.ByNumber(task.Number), completed: true);
            }

            if (trashed)
            {
                await service.DeleteAsync(userId, TaskKey.ByNumber(task.Number));
            }
        }
    }

    /// <summary>The user's tasks with their list and labels, in number order.</summary>
    public Task<List<TaskItem>> StoredTasksWithPartsAsync() =>
        api.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.UserId == userId)
            .Include(t => t.List).Include(t => t.Labels).OrderBy(t => t.Number).ToListAsync());

    /// <summary>The names of the user's lists, ordered ignoring case.</summary>
    public async Task<List<string>> StoredListNamesAsync() =>
        [.. (await api.WithDbAsync(db => db.Lists.AsNoTracking().Where(l => l.UserId == userId).Select(l => l.Name).ToListAsync()))
            .Order(StringComparer.OrdinalIgnoreCase)];

    public Task<List<TaskItem>> StoredTasksAsync() =>
        api.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.Number).ToListAsync());

    /// <summary>
    /// The tools for one turn, as the chat makes them: one scope, its changes one batch from the assistant. With a
    /// <paramref name="clock"/> the services read the time from it.
    /// </summary>
    public static TaskTools CreateTools(IServiceProvider scoped, Guid userId, TimeProvider? clock = null)
    {
        var (tasks, lists, activity) = CreateServices(scoped, clock);
        return new(tasks, lists, activity, userId,
            new Todo.Server.Reminders.ReminderService(scoped.GetRequiredService<TodoDbContext>(), clock ?? TimeProvider.System));
    }

    /// <summary>The services of one scope sharing its activity writer (the server's, or with a <paramref name="clock"/>, ones that read the time from it).</summary>
    public static (TaskService Tasks, ListService Lists, ActivityService Activity) CreateServices(IServiceProvider scoped, TimeProvider? clock = null)
    {
        var context = scoped.GetRequiredService<ActivityContext>();
        context.Source = ActivitySource.Assistant;
        if (clock is null)
        {
            return (scoped.GetRequiredService<TaskService>(), scoped.GetRequiredService<ListService>(), scoped.GetRequiredService<ActivityService>());
        }

        var db = scoped.GetRequiredService<TodoDbContext>();
        var writer = new ActivityWriter(db, context, clock);
        var tasks = new TaskService(db, clock, writer: writer);
        return (tasks, new ListService(db, tasks, clock), new ActivityService(db, writer, tasks, clock));
    }

    /// <summary>Each of the user's reminders by task number: its minutes_before ("30"), or "@" and its moment in the user's zone ("@2026-11-27T09:00").</summary>
    public async Task<Dictionary<int, List<string>>> StoredRemindersAsync()
    {
        var rows = await api.WithDbAsync(db => (
            from r in db.Reminders
            join t in db.Tasks on r.TaskId equals t.Id
            where r.UserId == userId
            select new { t.Number, r.MinutesBefore, r.At }).ToListAsync());
        var zone = ZonedTime.RequireZone(await api.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.TimeZone).SingleAsync()));
        string Mark(int? minutesBefore, DateTime? at) => minutesBefore is { } minutes
            ? minutes.ToString(CultureInfo.InvariantCulture)
            : "@" + ZonedTime.LocalAt(new DateTimeOffset(DateTime.SpecifyKind(at!.Value, DateTimeKind.Utc)), zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        return rows.GroupBy(r => r.Number).ToDictionary(g => g.Key, g => g.Select(r => Mark(r.MinutesBefore, r.At)).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The server's service, or, with a <paramref name="clock"/>, one that reads the time from it.</summary>
    public static ListService CreateListService(IServiceProvider scoped, TimeProvider? clock = null) =>
        CreateServices(scoped, clock).Lists;

    /// <summary>The server's service, or, with a <paramref name="clock"/>, one that reads the time from it.</summary>
    public static TaskService CreateTaskService(IServiceProvider scoped, TimeProvider? clock = null) =>
        CreateServices(scoped, clock).Tasks;

    public static (string Title, string? Description, bool Completed) ParseSeed(string spec)
    {
        var seed = SeedTask.Parse(spec);
        return (seed.Title, seed.Description, seed.Completed);
    }
}

/// <summary>
/// A task as a phrase case writes it: "[x] Title | notes #List @label !high ^due". The list, labels, priority and due are
/// the trailing marks; "#\"Two words\"" names a list with a space. The due mark is "^2026-11-27" (all day),
/// "^2026-11-27T17:00" (timed, in the user's zone), then for a repeating task ";every!" when it counts from completion and
/// ";" with its RRULE: "^2026-12-01;FREQ=MONTHLY;BYMONTHDAY=1".
/// </summary>
public sealed record SeedTask(string Title, string? Description, bool Completed, string? List, IReadOnlyList<string> Labels, TaskPriority Priority)
{
    public const string ListPrefix = "list:";

    /// <summary>"[del] Title": the task is made, then deleted (in the trash, with its number).</summary>
    public const string TrashPrefix = "[del] ";

    /// <summary>The due mark without its "^", or null.</summary>
    public string? Due { get; init; }

    /// <summary>The due the mark writes, in <paramref name="timeZone"/>; null without one.</summary>
    public DueReading? DueIn(string timeZone)
    {
        if (Due is null)
        {
            return null;
        }

        var parts = Due.Split(';', 2);
        var moment = parts[0].Split('T');
        var date = DateOnly.ParseExact(moment[0], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        TimeOnly? time = moment.Length > 1 ? TimeOnly.ParseExact(moment[1], "HH:mm", System.Globalization.CultureInfo.InvariantCulture) : null;
        var rule = parts.Length > 1 ? parts[1] : null;
        var fromCompletion = rule is not null && rule.StartsWith("every!;", StringComparison.Ordinal);
        return new DueReading(date, time, timeZone, fromCompletion ? rule![7..] : rule, fromCompletion);
    }

    /// <summary>The mark (without "^") of a stored due: the form <see cref="Due"/> is written in.</summary>
    public static string? Mark(DateOnly? date, TimeOnly? time, string? recurrence, bool fromCompletion) =>
        date is not { } day ? null
            : day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
              + (time is { } at ? "T" + at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "")
              + (fromCompletion ? ";every!" : "") + (recurrence is null ? "" : ";" + recurrence);

    public static SeedTask Parse(string spec)
    {
        var completed = spec.StartsWith("[x] ", StringComparison.Ordinal);
        var text = completed ? spec[4..] : spec;
        string? list = null;
        List<string> labels = [];
        var priority = TaskPriority.None;
        string? due = null;
        while (System.Text.RegularExpressions.Regex.Match(text, @"\s+(?<mark>#""[^""]+""|#\S+|@\S+|!(?:high|medium|low|none)|\^\S+)$") is { Success: true } mark)
        {
            var value = mark.Groups["mark"].Value;
            switch (value[0])
            {
                case '^':
                    due = value[1..];
                    break;
                case '#':
                    list = value[1..].Trim('"');
                    break;
                case '@':
                    labels.Insert(0, value[1..]);
                    break;
                default:
                    priority = Enum.Parse<TaskPriority>(value[1..], ignoreCase: true);
                    break;
            }

            text = text[..mark.Index];
        }

        var bar = text.IndexOf(" | ", StringComparison.Ordinal);
        return bar < 0
            ? new SeedTask(text, null, completed, list, labels, priority) { Due = due }
            : new SeedTask(text[..bar], text[(bar + 3)..], completed, list, labels, priority) { Due = due };
    }
}
