using Microsoft.EntityFrameworkCore;
using Todo.Server.Data;

namespace Todo.Tests.Scaling;

/// <summary>The checker on sample SQL: what it lets through, what it reports, and the tables it takes from the model.</summary>
public sealed class UserFilterCheckerTests
{
    private static readonly HashSet<string> Tables = new(StringComparer.Ordinal) { "tasks", "lists", "task_labels" };

    private static readonly CrossUserStatement Sweep = new("delete from tasks as t where t.deleted_at < @before", "a sweep of every user's trash");

    private readonly UserFilterChecker checker = new(Tables, [Sweep]);

    [Theory]
    [InlineData("""SELECT t.id, t.title FROM tasks AS t WHERE t.user_id = @userId AND t.number = @number LIMIT 1""")]
    [InlineData("""SELECT "t"."id" FROM "tasks" AS "t" WHERE "t"."user_id" = @__userId_0""")]
    [InlineData("""SELECT * FROM tasks WHERE id = @p0 AND user_id = @p1 FOR UPDATE""")]
    [InlineData("""INSERT INTO tasks (id, user_id, title) VALUES (@p0, @p1, @p2)""")]
    [InlineData("""UPDATE lists SET name = @p0 WHERE id = @p1 AND user_id = @p2""")]
    [InlineData("""DELETE FROM task_labels AS t WHERE t.user_id = @userId AND t.task_id = ANY (@ids)""")]
    [InlineData("""SELECT t.id, l.name FROM tasks AS t INNER JOIN lists AS l ON t.list_id = l.id WHERE t.user_id = @userId""")]
    [InlineData("""SELECT t.id, (SELECT string_agg(t0.label, ',') FROM task_labels AS t0 WHERE t0.task_id = t.id) FROM tasks AS t WHERE t.user_id = @u""")]
    [InlineData("""SELECT t0.id, l.name FROM (SELECT t.id, t.list_id FROM tasks AS t WHERE t.user_id = @u LIMIT 50) AS t0 JOIN lists AS l ON t0.list_id = l.id""")]
    [InlineData("""SELECT u.email FROM users AS u WHERE u.email = @email""")]
    public void AStatementThatConstrainsEveryUserKeyedTableByUserPasses(string sql) =>
        Assert.Contains(checker.CheckStatement(sql).Verdict, new[] { StatementVerdict.FilteredByUser, StatementVerdict.NoUserData });

    [Theory]
    [InlineData("""SELECT t.id, t.title FROM tasks AS t WHERE t.id = @id""", "tasks AS t")]
    [InlineData("""UPDATE lists SET name = @p0 WHERE id = @p1""", "lists")]
    [InlineData("""INSERT INTO task_labels (task_id, label) VALUES (@p0, @p1)""", "task_labels")]
    [InlineData("""SELECT t.id, l.name FROM tasks AS t INNER JOIN lists AS l ON t.list_id = l.id WHERE t.title = @title""", "tasks AS t")]
    [InlineData("""SELECT t.id FROM tasks AS t JOIN lists AS l ON t.list_id = l.id WHERE l.user_id = t.user_id""", "tasks AS t")]
    [InlineData("""SELECT t.id, (SELECT count(*) FROM task_labels AS x WHERE x.label = @label) FROM tasks AS t WHERE t.user_id = @u""", "task_labels AS x")]
    public void AStatementThatLeavesAUserKeyedTableOpenIsReportedWithThatTable(string sql, string openTable)
    {
        var check = checker.CheckStatement(sql);

        Assert.Equal(StatementVerdict.Unfiltered, check.Verdict);
        Assert.Contains(openTable, check.UnfilteredTables);
    }

    [Fact]
    public void TheReportListsTheOffendingSqlAndPassesTheFilteredOne()
    {
        var report = checker.Check(
        [
            "SELECT t.id FROM tasks AS t WHERE t.user_id = @userId;\nSELECT t.id FROM tasks AS t WHERE t.title = @title",
            "UPDATE tasks SET title = @p0 WHERE id = @p1 AND user_id = @p2",
        ]);

        var violation = Assert.Single(report.Violations);
        Assert.Equal("SELECT t.id FROM tasks AS t WHERE t.title = @title", violation.Sql);
        Assert.Equal(3, report.CheckedStatements);
        Assert.Contains("WHERE t.title = @title", report.Describe(), StringComparison.Ordinal);
        Assert.Contains("tasks AS t", report.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void AStatementOnTheAllowListIsAllowedWithItsReasonAndUsesItsEntry()
    {
        var report = checker.Check(["""DELETE FROM "tasks" AS t WHERE t.deleted_at < @before"""]);

        var check = Assert.Single(report.Checks);
        Assert.Equal(StatementVerdict.AllowedAcrossUsers, check.Verdict);
        Assert.Same(Sweep, check.Allowance);
        Assert.Empty(report.Violations);
        Assert.Empty(report.UnusedAllowances);
    }

    [Fact]
    public void SchemaStatementsAndLiteralsAreNotMistakenForQueries()
    {
        Assert.Equal(StatementVerdict.Schema, checker.CheckStatement("CREATE INDEX ix_tasks_user_id ON tasks (user_id)").Verdict);
        Assert.Equal(StatementVerdict.NoUserData, checker.CheckStatement("SELECT pg_notify(@channel, 'from tasks where')").Verdict);
        Assert.Equal(["SELECT 'a;b'", "SELECT 2"], UserFilterChecker.SplitStatements("SELECT 'a;b'; SELECT 2;"));
    }

    [Fact]
    public void UserKeyedTablesComeFromTheModelAndIncludeEveryTableWithAUserIdColumn()
    {
        using var db = new PostgresTodoDbContext((DbContextOptions<PostgresTodoDbContext>)DatabaseRegistration
            .UsePostgres(new DbContextOptionsBuilder<PostgresTodoDbContext>(), "Host=localhost;Database=model_only").Options);

        var tables = UserKeyedTables.Of(db.Model);

        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "tasks", "lists", "task_labels", "conversations", "activity", "reminders", "webhooks" }, (ISet<string>)tables);
        Assert.DoesNotContain("users", tables);
        Assert.DoesNotContain("oauth_tokens", tables);
    }

    [Fact]
    public void EveryWriteOfATrackedUserKeyedRowNamesItsOwner()
    {
        using var db = new PostgresTodoDbContext((DbContextOptions<PostgresTodoDbContext>)DatabaseRegistration
            .UsePostgres(new DbContextOptionsBuilder<PostgresTodoDbContext>(), "Host=localhost;Database=model_only").Options);

        var withoutOwner = db.Model.GetEntityTypes()
            .Select(e => (Entity: e, Owner: e.GetProperties().FirstOrDefault(p => p.GetColumnName() == UserKeyedTables.Column)))
            .Where(x => x.Owner is not null && !x.Owner.IsPrimaryKey() && !x.Owner.IsConcurrencyToken)
            .Select(x => x.Entity.GetTableName())
            .ToList();

        Assert.Empty(withoutOwner);
    }
}
