using Todo.Server.Accounts;
using Todo.Server.Tasks;
using Todo.Server.Text;

namespace Todo.Tests.Hardening;

/// <summary>The text rule and the cuts on text elements, without a server.</summary>
public sealed class TextRuleTests
{
    private const string Family = "👨‍👩‍👧‍👦"; // one text element of seven code points

    [Theory]
    [InlineData("a\0b", "control characters")]
    [InlineData("\u200b", "visible characters")]
    [InlineData("\u202e\ufeff", "visible characters")]
    [InlineData("\u0301", "visible characters")]
    [InlineData("   ", "can't be empty")]
    public void TitleRuleNamesWhatIsWrong(string title, string reason) =>
        Assert.Contains(reason, TaskText.Title.Check(title), StringComparison.Ordinal);

    [Fact]
    public void UnpairedSurrogateIsNamed() =>
        Assert.Contains("unpaired surrogate", TaskText.Title.Check("a\ud800"), StringComparison.Ordinal);

    [Fact]
    public void LengthsCountTextElementsSoEmojiAndAccentsCountOnce()
    {
        var hundredEmoji = string.Concat(Enumerable.Repeat("😀", 100));
        var hundredDecomposed = string.Concat(Enumerable.Repeat("e\u0301", 100));

        Assert.Null(TaskText.Title.Check(hundredEmoji));
        Assert.Equal("The title is 101 characters long; the limit is 100.", TaskText.Title.Check(hundredEmoji + "😀"));
        Assert.Null(TaskText.Title.Check(hundredDecomposed));
        Assert.Equal(string.Concat(Enumerable.Repeat("é", 100)), TaskText.Title.Normalize(hundredDecomposed));
        Assert.Null(Passwords.Rule.Check("😀😀😀😀😀😀😀😀"));
        Assert.NotNull(Passwords.Rule.Check("😀😀😀😀😀😀😀"));
    }

    [Fact]
    public void TextThatCannotBeStoredIsRefusedEvenWhenItIsFewCharacters()
    {
        var fifteenFamilies = string.Concat(Enumerable.Repeat(Family, 15)); // 15 characters, 105 code points

        Assert.Contains("too long to store", TaskText.Title.Check(fifteenFamilies), StringComparison.Ordinal);
        Assert.Null(TaskText.Title.Check(string.Concat(Enumerable.Repeat(Family, 14))));
    }

    [Theory]
    [InlineData("ａlice@Example.COM", "alice@example.com")]
    [InlineData("  Bob@Example.com ", "bob@example.com")]
    [InlineData("ｃａｒｏｌ＠ｅｘａｍｐｌｅ．ｃｏｍ", "carol@example.com")]
    public void EmailsFoldCompatibilityFormsAndCase(string typed, string stored)
    {
        Assert.True(Emails.IsValid(typed));
        Assert.Equal(stored, Emails.Normalize(typed));
    }

    [Theory]
    [InlineData("\u200b@example.com")]
    [InlineData("bo\u200bb@example.com")]
    [InlineData("bob\u202e@example.com")]
    [InlineData("\ufeffbob@example.com")]
    [InlineData("bob@exa\0mple.com")]
    [InlineData("\u0301@example.com")]
    public void EmailsWithInvisibleOrControlCharactersAreRefused(string email) => Assert.False(Emails.IsValid(email));

    [Fact]
    public void NormalizingAnImpossibleEmailDoesNotThrow() => Assert.Equal("\ud800@x.com", Emails.Normalize(" \ud800@X.com"));

    [Theory]
    [InlineData(49)]
    [InlineData(48)]
    [InlineData(47)]
    public void CutsNeverSplitAnEmojiWhereverItFalls(int before)
    {
        var text = new string('a', before) + Family + "😀 and more words after it";

        foreach (var cut in new[] { TextElements.Truncate(text, 50), TextElements.Shorten(text, 50) })
        {
            Assert.EndsWith(TextElements.Ellipsis, cut, StringComparison.Ordinal);
            Assert.Null(TaskText.Description.Check(cut)); // well-formed, no unpaired surrogate
            Assert.True(cut.EnumerateRunes().Count() <= 50, cut);
            Assert.DoesNotContain('\ufffd', cut);
            var kept = cut[..^1];
            Assert.StartsWith(kept, text, StringComparison.Ordinal);
            Assert.True(kept.Length == before || kept.EndsWith(Family, StringComparison.Ordinal) || kept.EndsWith('a'), kept);
        }
    }

    [Fact]
    public void ACutKeepsAStackOfMarksWholeOrDropsIt()
    {
        var stacked = "a" + string.Concat(Enumerable.Repeat("\u0301", 60));

        Assert.Equal("x…", TextElements.Truncate("x" + stacked, 50));
        Assert.Equal("short", TextElements.Shorten("short", 50));
    }

    [Fact]
    public void SanitizeDropsControlCharactersAndMendsSurrogates() =>
        Assert.Equal("ab\tc\n\ufffdd", TextElements.Sanitize("a\0b\tc\n\ud800d\u0007"));
}
