using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Todo.Tests.Data;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Reminders;

/// <summary>
/// Two real server processes on one PostgreSQL database, 10,000 reminders due in the same moment; one server is killed
/// (SIGKILL) once the firing is under way. Every reminder still becomes exactly one notification, within 60 s.
/// </summary>
public sealed class ReminderKillTests(PostgresServer postgres)
{
    private const int Count = 10_000;
    private const int Timeout = 120_000;

    [Fact(Timeout = Timeout)]
    public async Task KillingOneOfTwoServersMidWayStillFiresEveryReminderExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await postgres.CreateDatabaseAsync("reminders-kill");
        var environment = ServerEnvironment.For(connectionString);
        environment["Reminders__PollInterval"] = "00:00:00.200";
        environment["Reminders__Lease"] = "00:00:05";
        environment["Reminders__BatchSize"] = "200";
        await using var first = await TodoServerProcess.StartAsync(environment, cancellationToken: ct);
        await using var second = await TodoServerProcess.StartAsync(environment, cancellationToken: ct);

        var userId = await RegisterAsync(first.HttpClient, ct);
        await using var data = NpgsqlDataSource.Create(connectionString);
        var due = await SeedAsync(data, userId, ct);

        // Kill one as soon as the firing is under way.
        while (await CountAsync(data, "SELECT count(*) FROM notifications", ct) < Count / 20)
        {
            Assert.True(DateTime.UtcNow < due + TimeSpan.FromSeconds(60), "no reminder fired within a minute of its time");
            await Task.Delay(20, ct);
        }

        first.Kill();
        await first.WaitForExitAsync(TimeSpan.FromSeconds(10));
        var atKill = await CountAsync(data, "SELECT count(*) FROM notifications", ct);

        while (await CountAsync(data, "SELECT count(*) FROM reminders WHERE fired_at IS NULL", ct) > 0)
        {
            Assert.True(DateTime.UtcNow < due + TimeSpan.FromSeconds(60),
                $"unfired reminders left 60 s after they were due ({atKill} fired when the first server was killed)\n{second}");
            await Task.Delay(100, ct);
        }

        var lastAt = await ScalarAsync<DateTime>(data, "SELECT max(created_at) FROM notifications", ct);
        Assert.Equal(Count, await CountAsync(data, "SELECT count(*) FROM notifications", ct));
        Assert.Equal(Count, await CountAsync(data, "SELECT count(DISTINCT reminder_id) FROM notifications", ct));
        Assert.True(atKill < Count, "the first server was killed before every reminder had fired");
        Assert.True(lastAt - due < TimeSpan.FromSeconds(60), $"the last fired {lastAt - due} after its time");
        Assert.False(second.HasExited, second.ToString());
    }

    private static async Task<Guid> RegisterAsync(HttpClient client, CancellationToken ct)
    {
        var email = $"kill-{Guid.NewGuid():N}@example.com";
        var response = await client.PostAsJsonAsync("/api/auth/register", new { email, password = "correct horse battery" }, ApiFixture.Json, ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json, ct)).GetProperty("id").GetGuid();
    }

    /// <summary>1,000 tasks in the user's Inbox with ten reminders each, all due two seconds from now; when they are due.</summary>
    private static async Task<DateTime> SeedAsync(NpgsqlDataSource data, Guid userId, CancellationToken ct)
    {
        var due = DateTime.UtcNow.AddSeconds(2);
        string[] statements =
        [
            """
            INSERT INTO tasks (id, user_id, number, title, description, is_completed, created_at, updated_at, completed_at, list_id, priority,
                               due_date, due_time, due_at, due_time_zone, due_recurrence, due_from_completion, due_order)
            SELECT gen_random_uuid(), l.user_id, g, 'Task ' || g, NULL, FALSE, now(), now(), NULL, l.id, 0,
                   NULL, NULL, NULL, NULL, NULL, FALSE, '9999-12-31'
            FROM lists l, generate_series(1, $2 / 10) g
            WHERE l.user_id = $1 AND l.is_inbox AND $3 IS NOT NULL
            """,
            "UPDATE users SET task_number_seq = $2 / 10 WHERE id = $1 AND $3 IS NOT NULL",
            """
            INSERT INTO reminders (id, user_id, task_id, at, minutes_before, fire_at, fired_at, claimed_until, created_at)
            SELECT gen_random_uuid(), t.user_id, t.id, $3, NULL, $3, NULL, NULL, now()
            FROM tasks t, generate_series(1, 10) k
            WHERE t.user_id = $1 AND $2 > 0
            """,
        ];
        foreach (var sql in statements)
        {
            await using var command = data.CreateCommand(sql);
            command.Parameters.AddWithValue(userId);
            command.Parameters.AddWithValue(Count);
            command.Parameters.AddWithValue(due);
            await command.ExecuteNonQueryAsync(ct);
        }

        Assert.Equal(Count, await CountAsync(data, "SELECT count(*) FROM reminders", ct));
        return due;
    }

    private static Task<long> CountAsync(NpgsqlDataSource data, string sql, CancellationToken ct) => ScalarAsync<long>(data, sql, ct);

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource data, string sql, CancellationToken ct)
    {
        await using var command = data.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}
