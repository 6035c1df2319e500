using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Todo.Server.Tasks;

/// <summary>
/// "The title or the description contains these words, ignoring case": the condition of <c>q</c> and of the filter term
/// <c>search:</c>. LIKE with the wildcards escaped; ILIKE on PostgreSQL, which folds case for all of Unicode, where SQLite's
/// LIKE folds ASCII letters only.
/// </summary>
public static class TaskTextSearch
{
    private const string LikeEscape = "\\";

    /// <summary>The condition for <paramref name="words"/>, which have passed <see cref="TaskText.Search"/>.</summary>
    public static Expression<Func<TaskItem, bool>> Contains(string words, bool isPostgres)
    {
        ArgumentNullException.ThrowIfNull(words);
        var pattern = "%" + EscapeLike(words) + "%";
        return isPostgres
            ? t => EF.Functions.ILike(t.Title, pattern, LikeEscape) || EF.Functions.ILike(t.Description!, pattern, LikeEscape)
            : t => EF.Functions.Like(t.Title, pattern, LikeEscape) || EF.Functions.Like(t.Description, pattern, LikeEscape);
    }

    /// <summary>"The title is <paramref name="title"/>, ignoring case", folded the same way as <see cref="Contains"/>.</summary>
    public static Expression<Func<TaskItem, bool>> TitleIs(string title, bool isPostgres)
    {
        ArgumentNullException.ThrowIfNull(title);
        var pattern = EscapeLike(title);
        return isPostgres
            ? t => EF.Functions.ILike(t.Title, pattern, LikeEscape)
            : t => EF.Functions.Like(t.Title, pattern, LikeEscape);
    }

    private static string EscapeLike(string text) => text
        .Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
        .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
        .Replace("_", LikeEscape + "_", StringComparison.Ordinal);
}
