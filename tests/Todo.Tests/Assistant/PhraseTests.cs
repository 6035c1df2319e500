using System.Globalization;
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
        var phrase = PhraseTable.Find(name);
        var session = await AssistantSession.StartAsync(api);
        await session.SeedAsync(phrase.Seed);

        AssistantTurn? last = null;
        foreach (var message in phrase.Turns)
        {
            last = await session.SendAsync(message);
        }

        var transcript = string.Join("\n", session.History.Select(m => $"{m.Role}: {m.Text}"));
        var expected = ExpectedState(phrase.Seed, phrase.Effects);
        var actual = (await session.StoredTasksAsync()).Select(t => Describe(t.Number, t.Title, t.IsCompleted, t.Description)).ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"Tasks after the turns:\n  expected: {string.Join(" · ", expected)}\n  actual:   {string.Join(" · ", actual)}\n{transcript}");

        foreach (var word in phrase.Reply)
        {
            var absent = word.StartsWith('!');
            var text = absent ? word[1..] : word;
            var found = last!.Reply.Contains(text, StringComparison.OrdinalIgnoreCase);
            Assert.True(found != absent, $"The reply should {(absent ? "not " : "")}contain \"{text}\".\n{transcript}");
        }
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

    /// <summary>The tasks as the seed makes them, with the effects applied in order.</summary>
    private static List<string> ExpectedState(string[] seed, string[] effects)
    {
        var tasks = new SortedDictionary<int, (string Title, bool Done, string? Description)>();
        var next = 1;
        foreach (var spec in seed)
        {
            var (title, description, completed) = AssistantSession.ParseSeed(spec);
            tasks[next++] = (title, completed, description);
        }

        foreach (var effect in effects)
        {
            switch (effect[0])
            {
                case '+':
                    var (title, description, _) = AssistantSession.ParseSeed(effect[1..]);
                    tasks[next++] = (title, false, description);
                    break;
                case 'x':
                    tasks[Number(effect[1..])] = tasks[Number(effect[1..])] with { Done = true };
                    break;
                case 'o':
                    tasks[Number(effect[1..])] = tasks[Number(effect[1..])] with { Done = false };
                    break;
                case '-':
                    Assert.True(tasks.Remove(Number(effect[1..])), $"Effect {effect} names no seeded task.");
                    break;
                default:
                    var split = effect.IndexOfAny(['=', '|']);
                    var number = Number(effect[..split]);
                    var value = effect[(split + 1)..];
                    tasks[number] = effect[split] == '='
                        ? tasks[number] with { Title = value }
                        : tasks[number] with { Description = value.Length == 0 ? null : value };
                    break;
            }
        }

        return [.. tasks.Select(pair => Describe(pair.Key, pair.Value.Title, pair.Value.Done, pair.Value.Description))];
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string Describe(int number, string title, bool done, string? description) =>
        $"#{number} {(done ? "[x] " : "")}{title}{(description is null ? "" : $" | {description}")}";
}

public sealed class SqlitePhraseTests(SqliteApi api) : PhraseTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresPhraseTests(PostgresApi api) : PhraseTests(api), IClassFixture<PostgresApi>;
