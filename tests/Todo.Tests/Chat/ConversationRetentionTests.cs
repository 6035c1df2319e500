using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Todo.Server.Chat;
using Todo.Tests.Data;
using Todo.Tests.Infrastructure;
using Todo.Tests.Tasks;
using static Todo.Tests.Chat.ChatTestSupport;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Chat;

/// <summary>
/// Retention: conversations idle longer than Chat:InactiveDays (30) are soft-deleted, and those deleted longer than
/// Chat:PurgeAfterDays (30) are removed with their messages; on PostgreSQL one server at a time (an advisory lock),
/// also through <c>db purge</c>. The fixture leaves out the hourly job, so only the tests run rounds.
/// </summary>
public abstract class ConversationRetentionTests(ScriptedChatHost host)
{
    protected ScriptedChatHost Host => host;

    protected IServiceProvider Services => host.Services;

    /// <summary>One conversation of each kind for a new user, each with two messages.</summary>
    protected sealed record Arrangement(TestUser User, Guid Fresh, Guid IdleLong, Guid IdleShort, Guid DeletedLongAgo, Guid DeletedRecently);

    protected async Task<Arrangement> ArrangeAsync()
    {
        var user = await host.CreateUserAsync();
        var now = DateTime.UtcNow;
        var fresh = (await user.ChatOkAsync("Remind me to call the plumber")).ConversationId;
        return new Arrangement(
            user,
            fresh,
            IdleLong: await ConversationAsync(user.Id, "idle 31 days", now.AddDays(-31)),
            IdleShort: await ConversationAsync(user.Id, "idle 29 days", now.AddDays(-29)),
            DeletedLongAgo: await ConversationAsync(user.Id, "deleted 31 days ago", now.AddDays(-40), deletedAt: now.AddDays(-31)),
            DeletedRecently: await ConversationAsync(user.Id, "deleted 10 days ago", now.AddDays(-40), deletedAt: now.AddDays(-10)));
    }

    private async Task<Guid> ConversationAsync(Guid userId, string title, DateTime updatedAt, DateTime? deletedAt = null)
    {
        var id = await Services.CreateConversationAsync(userId, title);
        await Services.SeedMessagesAsync(id, 2, title.Replace(' ', '-'));
        await Services.InDbAsync(db => db.Conversations.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.CreatedAt, updatedAt.AddDays(-1))
            .SetProperty(c => c.UpdatedAt, updatedAt)
            .SetProperty(c => c.IsDeleted, deletedAt != null)
            .SetProperty(c => c.DeletedAt, deletedAt)));
        return id;
    }

    protected async Task<RetentionResult?> RoundAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConversationRetention>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>Asserts the state after one round: idle-too-long soft-deleted now, deleted-too-long gone with its messages, the rest as they were.</summary>
    protected async Task AssertRetainedAsync(Arrangement arranged, DateTime roundStarted)
    {
        var fresh = (await Services.StoredConversationAsync(arranged.Fresh))!;
        Assert.False(fresh.IsDeleted);
        Assert.Null(fresh.DeletedAt);

        var idleLong = (await Services.StoredConversationAsync(arranged.IdleLong))!;
        Assert.True(idleLong.IsDeleted);
        Assert.NotNull(idleLong.DeletedAt);
        Assert.InRange(idleLong.DeletedAt.Value, roundStarted.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(2, (await Services.StoredMessagesAsync(arranged.IdleLong)).Count);

        Assert.False((await Services.StoredConversationAsync(arranged.IdleShort))!.IsDeleted);

        Assert.Null(await Services.StoredConversationAsync(arranged.DeletedLongAgo));
        Assert.Empty(await Services.StoredMessagesAsync(arranged.DeletedLongAgo));

        var deletedRecently = (await Services.StoredConversationAsync(arranged.DeletedRecently))!;
        Assert.True(deletedRecently.IsDeleted);
        Assert.InRange(deletedRecently.DeletedAt!.Value, roundStarted.AddDays(-10).AddMinutes(-5), roundStarted.AddDays(-10).AddMinutes(5));
        Assert.Equal(2, (await Services.StoredMessagesAsync(arranged.DeletedRecently)).Count);

        Assert.Equal(4, (await Services.StoredConversationsAsync(arranged.User.Id)).Count);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task RoundRemovesTasksInTheTrashLongerThanTrashDaysAndKeepsTheRest()
    {
        var user = await host.CreateUserAsync();
        var old = await user.CreateTaskAsync("Deleted long ago");
        var recent = await user.CreateTaskAsync("Deleted recently");
        await user.CreateTaskAsync("Not deleted");
        foreach (var task in new[] { old, recent })
        {
            Assert.Equal(System.Net.HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/tasks/{task.Id}")).StatusCode);
        }

        await Services.InDbAsync(db => db.Tasks.IgnoreQueryFilters().Where(t => t.Id == old.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.DeletedAt, DateTime.UtcNow.AddDays(-31))));

        var result = await RoundAsync();

        Assert.NotNull(result);
        Assert.True(result.PurgedTasks >= 1, result.ToString());
        var rows = await Services.InDbAsync(db => db.Tasks.IgnoreQueryFilters().Where(t => t.UserId == user.Id).Select(t => t.Title).ToListAsync());
        Assert.Equal(["Deleted recently", "Not deleted"], rows.Order());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await user.Client.PostAsync($"/api/trash/{recent.Id}/restore", null)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await user.Client.PostAsync($"/api/trash/{old.Id}/restore", null)).StatusCode);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task RoundSoftDeletesIdleConversationsAndPurgesLongDeletedOnesWithTheirMessages()
    {
        var arranged = await ArrangeAsync();
        var started = DateTime.UtcNow;

        var result = await RoundAsync();

        Assert.NotNull(result);
        Assert.True(result.SoftDeleted >= 1, result.ToString());
        Assert.True(result.Purged >= 1, result.ToString());
        await AssertRetainedAsync(arranged, started);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ConversationSoftDeletedByRetentionIsGoneFromTheApi()
    {
        var arranged = await ArrangeAsync();

        Assert.NotNull(await RoundAsync());

        var client = arranged.User.Client;
        await AssertProblemAsync(await client.GetAsync($"/api/conversations/{arranged.IdleLong}/messages"), 404);
        await AssertProblemAsync(await client.PostChatAsync("what's pending?", arranged.IdleLong), 404);
        await AssertProblemAsync(await client.GetAsync($"/api/conversations/{arranged.DeletedLongAgo}/messages"), 404);
        var listed = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(client, "/api/conversations", Json);
        Assert.Equal(
            new[] { arranged.Fresh, arranged.IdleShort }.Order(),
            listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Order());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task SecondRoundChangesNothingMore()
    {
        var arranged = await ArrangeAsync();
        Assert.NotNull(await RoundAsync());
        var idleDeletedAt = (await Services.StoredConversationAsync(arranged.IdleLong))!.DeletedAt;

        var again = await RoundAsync();

        Assert.NotNull(again);
        Assert.Equal(idleDeletedAt, (await Services.StoredConversationAsync(arranged.IdleLong))!.DeletedAt);
        Assert.Equal(4, (await Services.StoredConversationsAsync(arranged.User.Id)).Count);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task RoundExpiresIdempotencyKeysOlderThanTheirLifetime()
    {
        var user = await host.CreateUserAsync();
        var oldKey = "old-" + Guid.NewGuid().ToString("N");
        var newKey = "new-" + Guid.NewGuid().ToString("N");
        await user.ChatOkAsync("add a task to buy stamps", idempotencyKey: oldKey);
        await user.ChatOkAsync("add a task to buy envelopes", idempotencyKey: newKey);
        await Services.InDbAsync(db => db.IdempotencyKeys.Where(k => k.Key == oldKey)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.CreatedAt, DateTime.UtcNow.AddHours(-25))));

        var result = await RoundAsync();

        Assert.NotNull(result);
        Assert.True(result.ExpiredIdempotencyKeys >= 1, result.ToString());
        var keys = await Services.InDbAsync(db => db.IdempotencyKeys.Where(k => k.UserId == user.Id).Select(k => k.Key).ToListAsync());
        Assert.Equal([newKey], keys);
    }
}

public sealed class SqliteConversationRetentionTests(SqliteScriptedChatHost host)
    : ConversationRetentionTests(host), IClassFixture<SqliteScriptedChatHost>;

/// <summary>On PostgreSQL also: <c>db purge</c>, and the advisory lock that keeps rounds to one server at a time.</summary>
public sealed class PostgresConversationRetentionTests(PostgresScriptedChatHost host)
    : ConversationRetentionTests(host), IClassFixture<PostgresScriptedChatHost>
{
    private static readonly long AdvisoryLockKey = (long)typeof(ConversationRetention)
        .GetField("AdvisoryLockKey", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

    private static readonly Regex PurgeSummary = new(@"Soft-deleted (?<soft>\d+) idle conversation\(s\), purged (?<purged>\d+)", RegexOptions.CultureInvariant);

    private async Task<NpgsqlConnection> HoldLockAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Host.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", AdvisoryLockKey);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task<bool> ReleaseLockAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
        command.Parameters.AddWithValue("key", AdvisoryLockKey);
        return await command.ExecuteScalarAsync() is true;
    }

    [Fact(Timeout = 180_000)]
    public async Task DbPurgeSoftDeletesIdleConversationsAndPurgesLongDeletedOnes()
    {
        var arranged = await ArrangeAsync();
        var started = DateTime.UtcNow;

        var result = await ServerEnvironment.Cli(Host.ConnectionString).RunAsync("db", "purge");

        Assert.True(result.ExitCode == 0, result.ToString());
        var summary = PurgeSummary.Match(result.StdOut);
        Assert.True(summary.Success, result.ToString());
        Assert.True(int.Parse(summary.Groups["soft"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1, result.ToString());
        Assert.True(int.Parse(summary.Groups["purged"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1, result.ToString());
        await AssertRetainedAsync(arranged, started);
    }

    [Fact(Timeout = 180_000)]
    public async Task WhileAnotherServerHoldsTheLockRoundsAndDbPurgeDoNothingThenRunOnceReleased()
    {
        var arranged = await ArrangeAsync();
        await using var holder = await HoldLockAsync();

        var whileHeld = await Task.WhenAll(RoundAsync(), RoundAsync());
        var cliWhileHeld = await ServerEnvironment.Cli(Host.ConnectionString).RunAsync("db", "purge");

        Assert.All(whileHeld, Assert.Null);
        Assert.True(cliWhileHeld.ExitCode == 1, cliWhileHeld.ToString());
        Assert.Contains("Another server is running the retention job", cliWhileHeld.StdErr, StringComparison.Ordinal);
        Assert.False((await Services.StoredConversationAsync(arranged.IdleLong))!.IsDeleted);
        Assert.NotNull(await Services.StoredConversationAsync(arranged.DeletedLongAgo));

        Assert.True(await ReleaseLockAsync(holder));
        var started = DateTime.UtcNow;
        var released = await Task.WhenAll(RoundAsync(), RoundAsync());

        Assert.Contains(released, r => r is not null);
        await AssertRetainedAsync(arranged, started);
        var cliReleased = await ServerEnvironment.Cli(Host.ConnectionString).RunAsync("db", "purge");
        Assert.True(cliReleased.ExitCode == 0, cliReleased.ToString());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ARoundHoldsTheLockOnlyWhileItRuns()
    {
        Assert.NotNull(await RoundAsync());
        Assert.NotNull(await RoundAsync());

        // Nobody holds it now: an outside session can take it at once.
        await using var probe = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Host.ConnectionString) { Pooling = false }.ConnectionString);
        await probe.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", probe);
        command.Parameters.AddWithValue("key", AdvisoryLockKey);
        Assert.True(await command.ExecuteScalarAsync() is true);
        Assert.True(await ReleaseLockAsync(probe));
    }
}
