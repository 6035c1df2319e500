using System.Text.RegularExpressions;

namespace Todo.Tests.Docs;

/// <summary>
/// The documentation stands alone for someone who clones only this repository: every link in the README, the
/// developer guide and docs/ resolves to a file inside the repository (the README links to nothing else), and each
/// anchor names a heading of its file.
/// </summary>
public sealed partial class DocumentationLinkTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string> Documents =>
    [
        "README.md", "DEVELOPERS.md", "bench/README.md",
        .. Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/')),
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryRelativeLinkResolvesInsideTheRepository(string document)
    {
        var path = Path.Combine(Root, document);
        var broken = new List<string>();
        foreach (var target in Links(File.ReadAllText(path)))
        {
            if (target.StartsWith("http://", StringComparison.Ordinal) || target.StartsWith("https://", StringComparison.Ordinal)
                || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var (file, anchor) = Split(target);
            var resolved = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Uri.UnescapeDataString(file)));
            if (!resolved.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !(File.Exists(resolved) || Directory.Exists(resolved)))
            {
                broken.Add($"{target}: no such file in the repository");
            }
            else if (anchor is not null && File.Exists(resolved) && !Anchors(File.ReadAllText(resolved)).Contains(anchor))
            {
                broken.Add($"{target}: no heading #{anchor}");
            }
        }

        Assert.True(broken.Count == 0, $"{document}:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void ReadmeLinksOnlyToFilesInTheRepository()
    {
        var outside = Links(File.ReadAllText(Path.Combine(Root, "README.md")))
            .Where(target => target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("http://localhost", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(outside);
        Assert.DoesNotContain("../", File.ReadAllText(Path.Combine(Root, "README.md")), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Links(string markdown) =>
        MarkdownLink().Matches(markdown).Select(m => m.Groups["target"].Value)
            .Concat(AngleLink().Matches(markdown).Select(m => m.Groups["target"].Value));

    private static (string File, string? Anchor) Split(string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (target, null) : (target[..hash], target[(hash + 1)..]);
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.</summary>
    private static HashSet<string> Anchors(string markdown) =>
    [
        .. Heading().Matches(markdown).Select(m =>
            AnchorPunctuation().Replace(m.Groups["text"].Value.Trim().ToLowerInvariant(), "").Replace(' ', '-')),
    ];

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Todo.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Todo.slnx) was not found above the test's folder.");
    }

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"<(?<target>https?://[^>\s]+)>")]
    private static partial Regex AngleLink();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{N}\s_-]")]
    private static partial Regex AnchorPunctuation();
}
