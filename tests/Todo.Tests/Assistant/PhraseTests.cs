using System.Globalization;
using Todo.Server.Tasks;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Assistant;

/// <summary>
/// The phrase table, run against the built-in engine the way the chat runs it, each case checked by its
/// effect on the stored tasks (every task's number, title, completion and description, so an unintended
/// change fails too) and by words in the final reply.
/// </summary>
public abstract class PhraseTests(ApiFixture api)
{
    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var phrase in PhraseTable.All)
        {
            names.Add(phrase.Name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task PhrasingHasItsEffect(string name)
    {
        if (await FailureAsync(api, PhraseTable.Find(name)) is { } failure)
        {
            Assert.Fail(failure);
        }
    }

    /// <summary>
    /// Runs <paramref name="phrase"/> for a new user and checks its effect on the stored tasks and lists and the words of
    /// its last reply; null when all hold, else what differed, with the transcript.
    /// </summary>
    public static async Task<string?> FailureAsync(ApiFixture api, PhraseCase phrase) => (await JudgeAsync(api, phrase)).Failure;

    /// <summary>
    /// Runs <paramref name="phrase"/> as <see cref="FailureAsync"/> does, and says also whether a failure was harmful: the
    /// tasks or lists after the turns differ from the expected state, from the seed's (nothing changed) and, for several
    /// turns, from the state the last turn started from (the last turn changed something, and not what was meant).
    /// </summary>
    public static async Task<PhraseJudgement> JudgeAsync(ApiFixture api, PhraseCase phrase)
    {
        var session = await AssistantSession.StartAsync(api, PhraseTable.Clock, PhraseTable.TimeZone);
        await session.SeedAsync(phrase.Seed);

        AssistantTurn? last = null;
        (List<string> Tasks, List<string> Lists)? beforeLast = null;
        for (var turn = 0; turn < phrase.Turns.Length; turn++)
        {
            if (turn > 0 && turn == phrase.Turns.Length - 1)
            {
                beforeLast = await StoredStateAsync(session);
            }

            last = await session.SendAsync(phrase.Turns[turn]);
        }

        var transcript = string.Join("\n", session.History.Select(m => $"{m.Role}: {m.Text}"));
        var (expected, expectedLists) = ExpectedState(phrase.Seed, phrase.Effects);
        var (actual, actualLists) = await StoredStateAsync(session);
        bool Is((List<string> Tasks, List<string> Lists) state) =>
            state.Tasks.SequenceEqual(actual) && state.Lists.SequenceEqual(actualLists, StringComparer.Ordinal);
        var harmful = !Is((expected, expectedLists)) && !Is(ExpectedState(phrase.Seed, [])) && !(beforeLast is { } before && Is(before));
        if (!expected.SequenceEqual(actual))
        {
            return new($"Tasks after the turns:\n  expected: {string.Join(" · ", expected)}\n  actual:   {string.Join(" · ", actual)}\n{transcript}", harmful);
        }

        if (!expectedLists.SequenceEqual(actualLists, StringComparer.Ordinal))
        {
            return new($"Lists after the turns:\n  expected: {string.Join(", ", expectedLists)}\n  actual:   {string.Join(", ", actualLists)}\n{transcript}", harmful);
        }

        foreach (var word in phrase.Reply)
        {
            var absent = word.StartsWith('!');
            var text = absent ? word[1..] : word;
            var found = last!.Reply.Contains(text, StringComparison.OrdinalIgnoreCase);
            if (found == absent)
            {
                return new($"The reply should {(absent ? "not " : "")}contain \"{text}\".\n{transcript}", false);
            }
        }

        return new(null, false);
    }

    /// <summary>The stored tasks (described as <see cref="ExpectedState"/> describes them) and list names.</summary>
    private static async Task<(List<string> Tasks, List<string> Lists)> StoredStateAsync(AssistantSession session)
    {
        var reminders = await session.StoredRemindersAsync();
        var tasks = (await session.StoredTasksWithPartsAsync())
            .Select(t => Describe(t.Number, new ExpectedTask(t.Title, t.IsCompleted, t.Description, t.List!.Name,
                [.. t.Labels.Select(l => l.Label)], t.Priority, SeedTask.Mark(t.DueDate, t.DueTime, t.DueRecurrence, t.DueFromCompletion))
                { Reminders = reminders.GetValueOrDefault(t.Number, []) }))
            .ToList();
        return (tasks, await session.StoredListNamesAsync());
    }

    [Fact]
    public void TheTableHasTheOriginalEightAndAtLeast150More()
    {
        string[] originals =
        [
            "Add a task to buy groceries", "Show me all my tasks", "What's pending?", "Mark task 3 as complete",
            "Delete the meeting task", "Change task 1 to 'Call mom tonight'", "I need to remember to pay bills", "What have I completed?",
        ];
        Assert.All(originals, original => Assert.Contains(PhraseTable.Original, c => c.Turns[^1] == original));
        Assert.True(PhraseTable.Further.Length >= 150, $"{PhraseTable.Further.Length} further phrasings");
        Assert.Equal(PhraseTable.All.Count(), PhraseTable.All.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void TheTableHasAtLeast80DatePhrasingsJudgedByTheDue()
    {
        var judgedByDue = PhraseTable.Dates.Count(c => c.Effects.Any(effect => effect.Contains('^', StringComparison.Ordinal)));
        Assert.True(judgedByDue >= 80, $"{judgedByDue} date phrasings judged by the resulting due");
    }

    [Fact]
    public void TheTableHasAtLeast60UndoTrashActivityAndBulkPhrasingsWithConfirmAndCancel()
    {
        Assert.True(PhraseTable.History.Length >= 60, $"{PhraseTable.History.Length} undo, trash, activity and bulk phrasings");
        Assert.Contains(PhraseTable.History, c => c.Turns.Length >= 2 && c.Turns[^1] == "yes" && c.Effects.Length > 0);
        Assert.Contains(PhraseTable.History, c => c.Turns.Length >= 2 && c.Turns[^1] == "no" && c.Effects.Length == 0);
    }

    [Fact]
    public void TheTableHasAtLeast80ListLabelAndPriorityPhrasings() =>
        Assert.True(PhraseTable.ListsLabelsPriority.Length >= 80, $"{PhraseTable.ListsLabelsPriority.Length} list, label and priority phrasings");

    /// <summary>A task as the effects expect it.</summary>
    private sealed record ExpectedTask(string Title, bool Done, string? Description, string List, IReadOnlyList<string> Labels, TaskPriority Priority, string? Due)
    {
        /// <summary>Its reminders, in order: minutes_before ("30") or the moment ("@2026-11-27T09:00").</summary>
        public IReadOnlyList<string> Reminders { get; init; } = [];
    }

    /// <summary>The tasks and list names as the seed makes them, with the effects applied in order.</summary>
    private static (List<string> Tasks, List<string> Lists) ExpectedState(string[] seed, string[] effects)
    {
        var tasks = new SortedDictionary<int, ExpectedTask>();
        var trash = new Dictionary<int, ExpectedTask>();
        var lists = new List<string> { "Inbox" };
        var next = 1;

        string List(string? name)
        {
            name ??= "Inbox";
            var known = lists.FirstOrDefault(list => string.Equals(list, name, StringComparison.OrdinalIgnoreCase));
            if (known is not null)
            {
                return known;
            }

            lists.Add(name);
            return name;
        }

        ExpectedTask New(SeedTask spec) =>
            new(spec.Title, spec.Completed, spec.Description, List(spec.List), [.. spec.Labels.Distinct().Order(StringComparer.Ordinal)], spec.Priority, spec.Due);

        foreach (var spec in seed)
        {
            if (spec.StartsWith(SeedTask.ListPrefix, StringComparison.Ordinal))
            {
                List(spec[SeedTask.ListPrefix.Length..]);
                continue;
            }

            if (spec.StartsWith(SeedTask.TrashPrefix, StringComparison.Ordinal))
            {
                trash[next++] = New(SeedTask.Parse(spec[SeedTask.TrashPrefix.Length..]));
                continue;
            }

            tasks[next++] = New(SeedTask.Parse(spec));
        }

        foreach (var effect in effects)
        {
            if (effect.StartsWith("list", StringComparison.Ordinal))
            {
                // list+Name: created; list-Name: deleted (its tasks' effects are written separately); list=Old>New: renamed.
                var name = effect[5..];
                switch (effect[4])
                {
                    case '+':
                        Assert.DoesNotContain(name, lists, StringComparer.OrdinalIgnoreCase);
                        lists.Add(name);
                        break;
                    case '-':
                        Assert.True(lists.RemoveAll(list => string.Equals(list, name, StringComparison.OrdinalIgnoreCase)) == 1, $"Effect {effect} names no list.");
                        break;
                    default:
                        var (old, renamed) = (name[..name.IndexOf('>', StringComparison.Ordinal)], name[(name.IndexOf('>', StringComparison.Ordinal) + 1)..]);
                        var at = lists.FindIndex(list => string.Equals(list, old, StringComparison.OrdinalIgnoreCase));
                        Assert.True(at >= 0, $"Effect {effect} names no list.");
                        var oldName = lists[at];
                        lists[at] = renamed;
                        foreach (var key in tasks.Keys.ToList().Where(key => tasks[key].List == oldName))
                        {
                            tasks[key] = tasks[key] with { List = renamed };
                        }

                        break;
                }

                continue;
            }

            switch (effect[0])
            {
                case '+':
                    tasks[next++] = New(SeedTask.Parse(effect[1..]));
                    break;
                case 'x':
                    tasks[Number(effect[1..])] = tasks[Number(effect[1..])] with { Done = true };
                    break;
                case 'o':
                    tasks[Number(effect[1..])] = tasks[Number(effect[1..])] with { Done = false };
                    break;
                case '-':
                    Assert.True(tasks.Remove(Number(effect[1..]), out var deleted), $"Effect {effect} names no seeded task.");
                    trash[Number(effect[1..])] = deleted;
                    break;
                case 'r':
                    Assert.True(trash.Remove(Number(effect[1..]), out var restored), $"Effect {effect} names no task in the trash.");
                    tasks[Number(effect[1..])] = restored;
                    break;
                default:
                    var split = effect.AsSpan().IndexOfAnyExceptInRange('0', '9');
                    var number = Number(effect[..split]);
                    var value = effect[(split + 1)..];
                    var task = tasks[number];
                    tasks[number] = effect[split] switch
                    {
                        '=' => task with { Title = value },
                        '|' => task with { Description = value.Length == 0 ? null : value },
                        '#' => task with { List = List(value) },
                        '!' => task with { Priority = Enum.Parse<TaskPriority>(value, ignoreCase: true) },
                        '^' => task with { Due = value == "-" ? null : value },
                        '~' => task with { Reminders = [.. task.Reminders.Append(value).Order(StringComparer.Ordinal)] },
                        '@' when value == "-" => task with { Labels = [] },
                        '@' when value.StartsWith('-') => task with { Labels = [.. task.Labels.Where(label => label != value[1..])] },
                        '@' => task with { Labels = [.. task.Labels.Append(value).Distinct().Order(StringComparer.Ordinal)] },
                        _ => throw new InvalidOperationException($"Effect {effect} is not in the grammar."),
                    };
                    break;
            }
        }

        return ([.. tasks.Select(pair => Describe(pair.Key, pair.Value))], [.. lists.Order(StringComparer.OrdinalIgnoreCase)]);
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string Describe(int number, ExpectedTask task) =>
        $"#{number} {(task.Done ? "[x] " : "")}{task.Title}{(task.Description is null ? "" : $" | {task.Description}")} #{task.List}" +
        string.Concat(task.Labels.Order(StringComparer.Ordinal).Select(label => $" @{label}")) +
        (task.Priority == TaskPriority.None ? "" : $" !{task.Priority.ToString().ToLowerInvariant()}") +
        (task.Due is null ? "" : $" ^{task.Due}") +
        string.Concat(task.Reminders.Select(reminder => $" ~{reminder}"));
}

/// <summary>What running a phrase case found: null when it held, else what differed; harmful when it changed the tasks or lists, and not as meant.</summary>
public sealed record PhraseJudgement(string? Failure, bool Harmful);

public sealed class SqlitePhraseTests(SqliteApi api) : PhraseTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresPhraseTests(PostgresApi api) : PhraseTests(api), IClassFixture<PostgresApi>;
