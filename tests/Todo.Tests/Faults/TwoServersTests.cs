using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Todo.Tests.Data;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Faults;

/// <summary>
/// Two copies of the server on different ports against one PostgreSQL database, as behind a load balancer:
/// they share everything through the database, and starting both at once on a fresh database migrates it once.
/// </summary>
public sealed class TwoServersTests(PostgresServer postgres)
{
    private const int Timeout = 240_000;
    private const string AppliedLog = "Applied migrations:";

    [Fact(Timeout = Timeout)]
    public async Task TwoServersStartedAtTheSameMomentOnAFreshDatabaseMigrateItExactlyOnceAndBothServe()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ScratchDatabase.CreateAsync(postgres, "twostart");
        var environment = FaultTestSupport.Environment(db.ConnectionString);
        Assert.Empty(await PgCatalog.TablesAsync(db.ConnectionString, ct));

        var (a, b) = await StartTwoAtOnceAsync(environment, ct);
        await using var disposeA = a;
        await using var disposeB = b;

        // One server applied the migrations (under the advisory lock); the other found nothing to do.
        var outputs = $"--- A ---\n{a}\n--- B ---\n{b}";
        Assert.True(new[] { a, b }.Count(s => s.Output.Contains(AppliedLog, StringComparison.Ordinal)) == 1, outputs);
        var status = await Db.StatusAsync(db.Cli);
        Assert.Empty(status.Pending);
        Assert.Empty(status.Unknown);
        var history = await PgCatalog.HistoryAsync(db.ConnectionString, ct);
        Assert.Equal(status.Applied.Order(StringComparer.Ordinal), history);
        Assert.Equal(history.Count, history.Distinct(StringComparer.Ordinal).Count());

        // Both serve.
        foreach (var server in new[] { a, b })
        {
            Assert.Equal(HttpStatusCode.OK, (await FaultTestSupport.ReadyAsync(server, ct)).Status);
        }

        var token = await FaultTestSupport.SignUpAsync(a, "both@example.com", ct);
        using var onB = FaultTestSupport.Client(b, token);
        using var created = await onB.PostAsJsonAsync("/api/tasks", new { title = "Served by B" }, ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await FaultTestSupport.DescribeAsync(created, ct));
    }

    [Fact(Timeout = Timeout)]
    public async Task AConversationStartedOnOneServerContinuesOnTheOtherAndTasksAreSharedBetweenThem()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ScratchDatabase.CreateAsync(postgres, "twoshare");
        var environment = FaultTestSupport.Environment(db.ConnectionString);
        await Db.RunOkAsync(db.Cli, "db", "migrate");
        var (a, b) = await StartTwoAtOnceAsync(environment, ct);
        await using var disposeA = a;
        await using var disposeB = b;

        var token = await FaultTestSupport.SignUpAsync(a, "shared@example.com", ct);
        using var onA = FaultTestSupport.Client(a, token);
        using var onB = FaultTestSupport.Client(b, token);

        // The conversation starts on A and continues on B, which sees its history ("it" is the task A added).
        var first = await ChatAsync(onA, null, "remind me to call the bank", ct);
        var conversationId = first.GetProperty("conversation_id").GetGuid();
        var second = await ChatAsync(onB, conversationId, "mark it done", ct);
        Assert.Equal(conversationId, second.GetProperty("conversation_id").GetGuid());
        Assert.Contains(second.GetProperty("tool_calls").EnumerateArray(), call => call.GetProperty("name").GetString() == "complete_task");

        var onAAfter = await FaultTestSupport.AllTasksAsync(onA, ct);
        var bank = Assert.Single(onAAfter);
        Assert.Equal("Call the bank", bank.Title);
        Assert.True(bank.IsCompleted, $"{bank} is not completed after 'mark it done' on B");

        using var history = await onB.GetAsync(new Uri($"/api/conversations/{conversationId}/messages", UriKind.Relative), ct);
        Assert.True(history.StatusCode == HttpStatusCode.OK, await FaultTestSupport.DescribeAsync(history, ct));
        using var messages = JsonDocument.Parse(await history.Content.ReadAsStringAsync(ct));
        var items = messages.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant", "user", "assistant"], items.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("remind me to call the bank", items[0].GetProperty("content").GetString());
        Assert.Equal("mark it done", items[2].GetProperty("content").GetString());

        // Tasks created on one server are listed on the other, both ways.
        using (var created = await onB.PostAsJsonAsync("/api/tasks", new { title = "Created on B" }, ct))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, await FaultTestSupport.DescribeAsync(created, ct));
        }

        using (var created = await onA.PostAsJsonAsync("/api/tasks", new { title = "Created on A" }, ct))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, await FaultTestSupport.DescribeAsync(created, ct));
        }

        Assert.Equal(["Call the bank", "Created on B", "Created on A"], (await FaultTestSupport.AllTasksAsync(onA, ct)).Select(t => t.Title));
        Assert.Equal(["Call the bank", "Created on B", "Created on A"], (await FaultTestSupport.AllTasksAsync(onB, ct)).Select(t => t.Title));
    }

    /// <summary>Starts two servers at the same moment; when either fails to start, the other is stopped too.</summary>
    private static async Task<(TodoServerProcess A, TodoServerProcess B)> StartTwoAtOnceAsync(
        Dictionary<string, string?> environment, CancellationToken ct)
    {
        var a = TodoServerProcess.StartAsync(environment, cancellationToken: ct);
        var b = TodoServerProcess.StartAsync(environment, cancellationToken: ct);
        try
        {
            await Task.WhenAll(a, b);
            return (a.Result, b.Result);
        }
        catch
        {
            foreach (var started in new[] { a, b }.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }
    }

    private static async Task<JsonElement> ChatAsync(HttpClient client, Guid? conversationId, string message, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync("/api/chat", new { conversation_id = conversationId, message }, ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await FaultTestSupport.DescribeAsync(response, ct));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return json.RootElement.Clone();
    }
}
