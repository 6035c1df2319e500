using Todo.Server.Assistant.BuiltIn;

namespace Todo.Tests.Assistant;

/// <summary>
/// The built-in engine's ordered rule table: every rule carries the phrasings it exists for, and for each of them
/// that rule is the first to read the message, so no earlier rule takes it (the rule is not shadowed).
/// </summary>
public sealed class IntentRuleTests
{
    public static TheoryData<int, string> RuleExamples()
    {
        var data = new TheoryData<int, string>();
        for (var rule = 0; rule < IntentParser.Table.Count; rule++)
        {
            foreach (var example in IntentParser.Table[rule].Examples)
            {
                data.Add(rule, example);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleExamples))]
    public void EachExampleIsReadByItsOwnRuleAndByNoEarlierOne(int rule, string example)
    {
        var first = IntentParser.FirstRule(example);

        Assert.True(first == rule,
            $"\"{example}\" is an example of rule {rule}, {Name(rule)}, but " +
            (first is { } other ? $"rule {other}, {Name(other)}, reads it first." : "no rule reads it."));
    }

    [Fact]
    public void EveryRuleHasExamplesAndAName()
    {
        Assert.All(IntentParser.Table, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Name));
            Assert.NotEmpty(rule.Examples);
        });
        Assert.Equal(IntentParser.Table.Count, IntentParser.Table.Select(rule => rule.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("what's the weather like?")]
    [InlineData("asdfgh qwerty")]
    [InlineData("bread and butter")]
    public void NoRuleReadsAMessageThatAsksForNothing(string message) =>
        Assert.Null(IntentParser.FirstRule(message));

    private static string Name(int rule) => IntentParser.Table[rule].Name;
}
