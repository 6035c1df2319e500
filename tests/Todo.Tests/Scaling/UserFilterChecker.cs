using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Todo.Tests.Scaling;

/// <summary>A statement allowed to span users, found by a stable fragment of its SQL, and why it may.</summary>
public sealed record CrossUserStatement(string Fragment, string Reason);

/// <summary>What the checker concluded about one statement.</summary>
public enum StatementVerdict
{
    /// <summary>It touches no user-keyed table (users, OAuth, data-protection keys, LISTEN, advisory locks...).</summary>
    NoUserData,

    /// <summary>Every user-keyed table in it is constrained by user.</summary>
    FilteredByUser,

    /// <summary>It creates or changes the schema (a migration), reading no user's rows by itself.</summary>
    Schema,

    /// <summary>It spans users on purpose and is on the allow-list.</summary>
    AllowedAcrossUsers,

    /// <summary>Some user-keyed table in it is not constrained by user.</summary>
    Unfiltered,
}

/// <summary>The check of one statement: its verdict, the user-keyed tables it leaves open, and the allowance that lets it.</summary>
public sealed record StatementCheck(string Sql, StatementVerdict Verdict, IReadOnlyList<string> UnfilteredTables, CrossUserStatement? Allowance = null);

/// <summary>
/// Tells whether a SQL statement constrains every user-keyed table it touches by user. A table (by its alias) is
/// constrained when the statement says <c>alias.user_id = value</c> (or <c>IN (values)</c>, <c>= ANY (value)</c>; a
/// value is a parameter or a literal), when it is the table an INSERT writes with a <c>user_id</c> column, or when it is
/// joined by an equality (<c>a.x = b.y</c>) to a table that is constrained. Schema statements are reported apart;
/// statements that span users on purpose are matched against the allow-list. A heuristic over the SQL EF Core and the
/// server write, not a parser: what it cannot place, it reports.
/// </summary>
public sealed partial class UserFilterChecker(IReadOnlySet<string> userKeyedTables, IReadOnlyList<CrossUserStatement> allowedAcrossUsers)
{
    private const string Value = @"(?:@\w+|\$\d+|:\w+|'\?'(?:::\w+)?|\d+)";

    private static readonly HashSet<string> NotAnAlias = new(StringComparer.Ordinal)
    {
        "where", "on", "set", "inner", "left", "right", "full", "cross", "join", "order", "group", "limit", "offset", "for",
        "returning", "values", "select", "as", "using", "union", "except", "intersect", "having", "window", "natural",
        "lateral", "default", "and", "or", "when", "then", "end", "do", "overriding", "from", "is", "not", "in", "else",
        "asc", "desc", "nulls", "filter", "over", "with",
    };

    private static readonly HashSet<string> SchemaCommands = new(StringComparer.Ordinal)
    {
        "create", "alter", "drop", "comment", "grant", "revoke",
    };

    private readonly IReadOnlyList<(CrossUserStatement Entry, string Fragment)> allowed =
        [.. allowedAcrossUsers.Select(a => (a, Normalize(a.Fragment)))];

    /// <summary>Checks every statement of every command.</summary>
    public UserFilterReport Check(IEnumerable<string> commands)
    {
        var checks = commands.SelectMany(SplitStatements).Select(CheckStatement).ToList();
        return new UserFilterReport(checks, allowedAcrossUsers);
    }

    /// <summary>Checks one statement (a command may hold several, separated by semicolons: see <see cref="Check"/>).</summary>
    public StatementCheck CheckStatement(string sql)
    {
        var text = Normalize(sql);
        var command = FirstWord().Match(text).Value;
        if (SchemaCommands.Contains(command))
        {
            return new StatementCheck(sql, StatementVerdict.Schema, []);
        }

        var references = TableReferences(text);
        if (references.Count == 0)
        {
            return new StatementCheck(sql, StatementVerdict.NoUserData, []);
        }

        var constrained = ConstrainedNames(text, references);
        var open = references.Where(r => !constrained.Contains(r.Name)).Select(r => r.Describe()).Distinct().ToList();
        if (open.Count == 0)
        {
            return new StatementCheck(sql, StatementVerdict.FilteredByUser, []);
        }

        var allowance = allowed.FirstOrDefault(a => text.Contains(a.Fragment, StringComparison.Ordinal)).Entry;
        return allowance is null
            ? new StatementCheck(sql, StatementVerdict.Unfiltered, open)
            : new StatementCheck(sql, StatementVerdict.AllowedAcrossUsers, open, allowance);
    }

    /// <summary>The statements of a command: split at semicolons outside literals and quoted names.</summary>
    public static IEnumerable<string> SplitStatements(string command)
    {
        var start = 0;
        var masked = MaskLiterals(command);
        for (var i = 0; i < masked.Length; i++)
        {
            if (masked[i] == ';')
            {
                if (command[start..i].Trim() is { Length: > 0 } statement)
                {
                    yield return statement;
                }

                start = i + 1;
            }
        }

        if (command[start..].Trim() is { Length: > 0 } last)
        {
            yield return last;
        }
    }

    /// <summary>
    /// The statement in one form for matching: literals replaced by <c>'?'</c>, comments dropped, quoted names unquoted,
    /// whitespace collapsed, lower case.
    /// </summary>
    public static string Normalize(string sql)
    {
        var text = MaskLiterals(sql);
        text = LineComment().Replace(text, " ");
        text = BlockComment().Replace(text, " ");
        text = QuotedName().Replace(text, "$1");
        text = Whitespace().Replace(text, " ");
        return text.Trim().ToLowerInvariant();
    }

    private List<TableReference> TableReferences(string text)
    {
        var references = new List<TableReference>();
        foreach (Match match in TableAfterKeyword().Matches(text))
        {
            var table = match.Groups["table"].Value;
            if (!userKeyedTables.Contains(table))
            {
                continue;
            }

            var alias = match.Groups["alias"].Success && !NotAnAlias.Contains(match.Groups["alias"].Value) ? match.Groups["alias"].Value : null;
            var insertsUserId = match.Groups["keyword"].Value == "into"
                                && InsertColumns().Match(text, match.Index + match.Length) is { Success: true } columns
                                && columns.Index == match.Index + match.Length
                                && columns.Groups["columns"].Value.Split(',').Any(c => c.Trim() == "user_id");
            references.Add(new TableReference(table, alias ?? table, insertsUserId));
        }

        return references;
    }

    private HashSet<string> ConstrainedNames(string text, List<TableReference> references)
    {
        var constrained = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            if (reference.InsertsUserId || ComparesUserIdToValue(text, reference.Name + @"\."))
            {
                constrained.Add(reference.Name);
            }
        }

        // A table named without an alias may be filtered without a qualifier (raw SQL: WHERE user_id = @p).
        if (ComparesUserIdToValue(text, @"(?<![\w.])"))
        {
            constrained.UnionWith(references.Where(r => r.Name == r.Table).Select(r => r.Name));
        }

        // A subquery in FROM or JOIN, "(SELECT ...) AS x": x is constrained when every user-keyed table inside is, and
        // when x is constrained by a join, so are the tables inside (only their rows that meet the join come out).
        var intoDerived = new List<(string Alias, string Inner)>();
        foreach (var (alias, inner) in DerivedTables(text))
        {
            var innerReferences = TableReferences(inner);
            if (innerReferences.Count > 0 && ConstrainedNames(inner, innerReferences) is var innerConstrained
                                          && innerReferences.All(r => innerConstrained.Contains(r.Name)))
            {
                constrained.Add(alias);
            }

            intoDerived.AddRange(innerReferences.Select(r => (alias, r.Name)));
        }

        var joins = JoinEquality().Matches(text)
            .Select(m => (m.Groups["left"].Value, m.Groups["right"].Value))
            .Concat(InSubquery().Matches(text).Select(m => (m.Groups["left"].Value, m.Groups["right"].Value)))
            .Where(j => j.Item1 != j.Item2)
            .ToList();
        for (var added = true; added;)
        {
            added = false;
            foreach (var (left, right) in joins)
            {
                if (constrained.Contains(left) != constrained.Contains(right))
                {
                    constrained.Add(left);
                    constrained.Add(right);
                    added = true;
                }
            }

            foreach (var (alias, inside) in intoDerived)
            {
                if (constrained.Contains(alias) && constrained.Add(inside))
                {
                    added = true;
                }
            }
        }

        return constrained;
    }

    /// <summary>Each "(SELECT ...) [AS] alias" in the text: the alias and the text between the parentheses.</summary>
    private static IEnumerable<(string Alias, string Inner)> DerivedTables(string text)
    {
        foreach (Match open in SubqueryStart().Matches(text))
        {
            var depth = 0;
            for (var i = open.Index; i < text.Length; i++)
            {
                depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
                if (depth == 0)
                {
                    if (AliasAfter().Match(text, i + 1) is { Success: true } alias && alias.Index == i + 1
                        && !NotAnAlias.Contains(alias.Groups["alias"].Value))
                    {
                        yield return (alias.Groups["alias"].Value, text[(open.Index + 1)..i]);
                    }

                    break;
                }
            }
        }
    }

    private static bool ComparesUserIdToValue(string text, string qualifier) =>
        Regex.IsMatch(text, $@"{qualifier}user_id\s*(?:=\s*(?:any\s*\(\s*)?|in\s*\(\s*){Value}", RegexOptions.CultureInvariant)
        || Regex.IsMatch(text, $@"{Value}\s*=\s*{qualifier}user_id\b", RegexOptions.CultureInvariant);

    private static string MaskLiterals(string sql)
    {
        var result = new StringBuilder(sql.Length);
        for (var i = 0; i < sql.Length; i++)
        {
            if (sql[i] == '\'')
            {
                var end = i + 1;
                while (end < sql.Length && !(sql[end] == '\'' && (end + 1 >= sql.Length || sql[end + 1] != '\'')))
                {
                    end += sql[end] == '\'' ? 2 : 1;
                }

                result.Append("'?'");
                result.Append(' ', Math.Max(0, Math.Min(end, sql.Length - 1) - i - 2));
                i = end;
            }
            else if (sql[i] == '$' && DollarQuoteTag().Match(sql, i) is { Success: true } tag && tag.Index == i)
            {
                var close = sql.IndexOf(tag.Value, i + tag.Length, StringComparison.Ordinal);
                var end = close < 0 ? sql.Length - 1 : close + tag.Length - 1;
                result.Append("'?'");
                result.Append(' ', Math.Max(0, end - i - 2));
                i = end;
            }
            else
            {
                result.Append(sql[i]);
            }
        }

        return result.ToString();
    }

    [GeneratedRegex(@"^\w+")]
    private static partial Regex FirstWord();

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex("\"(\\w+)\"")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\$(?:[A-Za-z_]\w*)?\$")]
    private static partial Regex DollarQuoteTag();

    [GeneratedRegex(@"\b(?<keyword>from|join|update|into)\s+(?:only\s+)?(?:public\.)?(?<table>\w+)\b(?:\s+(?:as\s+)?(?<alias>\w+))?")]
    private static partial Regex TableAfterKeyword();

    [GeneratedRegex(@"\(\s*select\b")]
    private static partial Regex SubqueryStart();

    [GeneratedRegex(@"\s+(?:as\s+)?(?<alias>\w+)")]
    private static partial Regex AliasAfter();

    [GeneratedRegex(@"\s*\((?<columns>[^)]*)\)")]
    private static partial Regex InsertColumns();

    [GeneratedRegex(@"\b(?<left>\w+)\.\w+\s*=\s*(?<right>\w+)\.\w+\b")]
    private static partial Regex JoinEquality();

    [GeneratedRegex(@"\b(?<left>\w+)\.\w+\s+in\s*\(\s*select\s+(?:distinct\s+)?(?<right>\w+)\.\w+")]
    private static partial Regex InSubquery();

    private sealed record TableReference(string Table, string Name, bool InsertsUserId)
    {
        public string Describe() => Name == Table ? Table : string.Create(CultureInfo.InvariantCulture, $"{Table} AS {Name}");
    }
}

/// <summary>The checks of a run, and a description of what failed for the test's message.</summary>
public sealed class UserFilterReport(IReadOnlyList<StatementCheck> checks, IReadOnlyList<CrossUserStatement> allowList)
{
    public IReadOnlyList<StatementCheck> Checks { get; } = checks;

    public IReadOnlyList<StatementCheck> Violations => [.. Checks.Where(c => c.Verdict == StatementVerdict.Unfiltered)];

    /// <summary>Statements that touch a user-keyed table and were held to the rule (filtered, allowed or not).</summary>
    public int CheckedStatements => Checks.Count(c => c.Verdict is StatementVerdict.FilteredByUser or StatementVerdict.AllowedAcrossUsers or StatementVerdict.Unfiltered);

    /// <summary>Allow-list entries that matched no statement of the run.</summary>
    public IReadOnlyList<CrossUserStatement> UnusedAllowances =>
        [.. allowList.Where(a => !Checks.Any(c => ReferenceEquals(c.Allowance, a)))];

    public string Describe()
    {
        var text = new StringBuilder();
        var distinct = Violations.GroupBy(v => UserFilterChecker.Normalize(v.Sql), StringComparer.Ordinal).ToList();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{distinct.Count} distinct statement(s) touch a user-keyed table without constraining it by user_id. Add the user's id to the query, or, if it must span users (a background job), add it to CrossUserStatements with the reason:");
        foreach (var group in distinct)
        {
            var first = group.First();
            text.AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"- not filtered by user: {string.Join(", ", first.UnfilteredTables)} (sent {group.Count()} time(s))")
                .AppendLine(first.Sql.Trim());
        }

        return text.ToString();
    }
}
