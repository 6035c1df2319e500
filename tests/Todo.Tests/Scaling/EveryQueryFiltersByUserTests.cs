using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Client;
using Npgsql;
using Todo.Server.Assistant.BuiltIn;
using Todo.Server.Chat;
using Todo.Server.Data;
using Todo.Server.Reminders;
using Todo.Server.Webhooks;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Scaling;

/// <summary>
/// Runs a broad path through the product as two users on PostgreSQL, records every SQL command the server sends, and
/// holds each statement that touches a user-keyed table to <see cref="UserFilterChecker"/>: it must constrain that
/// table by user. What the background jobs and the migrations do across users is in <see cref="CrossUserStatements"/>.
/// This is what lets the schema be distributed by user_id (docs/scaling.md).
/// </summary>
public sealed class EveryQueryFiltersByUserTests(EveryQueryFiltersByUserTests.Api api) : IClassFixture<EveryQueryFiltersByUserTests.Api>
{
    [Fact(Timeout = 240_000)]
    public async Task EveryStatementOnAUserKeyedTableConstrainsItByUser()
    {
        var alice = await api.CreateUserAsync();
        var bob = await api.CreateUserAsync();
        foreach (var user in new[] { alice, bob })
        {
            await ProductPath.WalkAsync(api, user, TestContext.Current.CancellationToken);
        }

        // Past the reminder of "Call the bank" (30 minutes before 2030-01-07 09:00 in Paris), so that it fires.
        api.Clock.Now = new DateTimeOffset(2030, 1, 7, 8, 0, 0, TimeSpan.Zero);
        await ProductPath.RunBackgroundJobsAsync(api, TestContext.Current.CancellationToken);

        var checker = new UserFilterChecker(UserKeyedTables.Of(api.Services), CrossUserStatements.All);
        var report = checker.Check(api.Capture.Commands);
        Assert.True(report.Violations.Count == 0, report.Describe());
        Assert.True(report.CheckedStatements > 100, $"Only {report.CheckedStatements} statement(s) on user-keyed tables were captured.");
        Assert.True(report.UnusedAllowances.Count == 0,
            "Allow-list entries that matched no statement (remove them, or fix the fragment): "
            + string.Join("; ", report.UnusedAllowances.Select(a => a.Fragment)));
    }

    /// <summary>The server on a fresh PostgreSQL database with every SQL command to it recorded from the start (migrations included).</summary>
    public sealed class Api(PostgresServer server) : PostgresApi(server)
    {
        private SqlCommandCapture? capture;

        public SqlCommandCapture Capture => capture ?? throw new InvalidOperationException("The database has not been created yet.");

        public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
        {
            // The jobs run once, at the end of the path, rather than on their timers.
            ["Webhooks:Enabled"] = "false",
            ["Webhooks:AllowPrivateTargets"] = "true",
            ["Reminders:Enabled"] = "false",
            ["Auth:ActiveUserRecheck"] = "00:00:00",
        };

        protected override async Task<string> CreateDatabaseAsync()
        {
            var connectionString = await base.CreateDatabaseAsync();
            capture = new SqlCommandCapture(new NpgsqlConnectionStringBuilder(connectionString).Database!);
            return connectionString;
        }

        protected override void ConfigureTestServices(IServiceCollection services)
        {
            Clock.Use(services);
            services.RemoveAll<IChatClient>();
            services.AddChatClient(new BuiltInChatClient()).UseFunctionInvocation();
            foreach (var job in services.Where(d => d.ServiceType == typeof(IHostedService)
                                                    && d.ImplementationType?.Name == "ConversationRetentionJob").ToList())
            {
                services.Remove(job);
            }
        }

        protected override void CleanUp()
        {
            capture?.Dispose();
            base.CleanUp();
        }
    }
}

/// <summary>The product as one user uses it, through the API and MCP, each step expected to succeed.</summary>
internal static class ProductPath
{
    private static readonly string[] Shop = ["shop"];
    private static readonly string[] Home = ["home"];
    private static readonly string[] ShopDairy = ["shop", "dairy"];
    private static readonly string[] AllEvents = ["*"];

    private static JsonSerializerOptions Json => ApiFixture.Json;

    public static async Task WalkAsync(ApiFixture api, TestUser user, CancellationToken cancellationToken)
    {
        var client = user.Client;
        await OkAsync(client.GetAsync("/api/auth/me", cancellationToken));
        await OkAsync(client.PatchAsJsonAsync("/api/auth/me", new { time_zone = "Europe/Paris" }, Json, cancellationToken));

        // Lists and labels.
        var errands = (await OkAsync(client.PostAsJsonAsync("/api/lists", new { name = "Errands" }, Json, cancellationToken))).GetProperty("id").GetGuid();
        var spare = (await OkAsync(client.PostAsJsonAsync("/api/lists", new { name = "Spare" }, Json, cancellationToken))).GetProperty("id").GetGuid();
        await OkAsync(client.PatchAsJsonAsync($"/api/lists/{spare}", new { name = "Spare room" }, Json, cancellationToken));

        // Tasks: create, read, list, filter, sort, update, complete, delete.
        var milk = await CreateTaskAsync(client, new { title = "Buy milk", list_id = errands, labels = Shop, priority = "high" }, cancellationToken);
        var call = await CreateTaskAsync(client, new
        {
            title = "Call the bank",
            description = "About the card",
            due_datetime = "2030-01-07T09:00:00+01:00",
            reminders = new[] { new { minutes_before = 30 } },
        }, cancellationToken);
        var weekly = await CreateTaskAsync(client, new { title = "Water the plants", due_string = "every monday", labels = Home }, cancellationToken);
        var spareTask = await CreateTaskAsync(client, new { title = "Sort the boxes", list_id = spare }, cancellationToken);
        await OkAsync(client.PostAsJsonAsync("/api/tasks/quick", new { text = "Pay rent tomorrow #Errands @bills !high" }, Json, cancellationToken));

        await OkAsync(client.GetAsync($"/api/tasks/{milk}", cancellationToken));
        var page = await OkAsync(client.GetAsync("/api/tasks?limit=2", cancellationToken));
        if (page.GetProperty("next_cursor").GetString() is { } cursor)
        {
            await OkAsync(client.GetAsync($"/api/tasks?limit=2&cursor={Uri.EscapeDataString(cursor)}", cancellationToken));
        }

        foreach (var query in new[]
                 {
                     "status=pending", "status=completed", "q=milk", "sort=priority", "sort=due",
                     "filter=" + Uri.EscapeDataString("#Errands"), "filter=" + Uri.EscapeDataString("@shop"),
                     "filter=" + Uri.EscapeDataString("priority:high & #Errands"), "filter=" + Uri.EscapeDataString("today | overdue"),
                     "filter=" + Uri.EscapeDataString("next 7 days"),
                 })
        {
            await OkAsync(client.GetAsync("/api/tasks?" + query, cancellationToken));
        }

        await OkAsync(client.PutAsJsonAsync($"/api/tasks/{call}", new { title = "Call the bank today", description = "Card" }, Json, cancellationToken));
        await OkAsync(client.PatchAsJsonAsync($"/api/tasks/{milk}", new { title = "Buy oat milk", labels = ShopDairy }, Json, cancellationToken));
        await OkAsync(client.PatchAsync($"/api/tasks/{weekly}/complete", null, cancellationToken));
        await OkAsync(client.PatchAsync($"/api/tasks/{milk}/complete", null, cancellationToken));
        await OkAsync(client.PatchAsJsonAsync($"/api/tasks/{milk}", new { is_completed = false }, Json, cancellationToken));
        await OkAsync(client.GetAsync($"/api/{user.Id}/tasks", cancellationToken));
        await OkAsync(client.GetAsync("/api/lists", cancellationToken));
        await OkAsync(client.GetAsync("/api/labels", cancellationToken));

        // Bulk changes.
        await OkAsync(client.PostAsJsonAsync("/api/tasks/bulk", new { action = "add_label", ids = new[] { milk, call }, label = "later" }, Json, cancellationToken));
        await OkAsync(client.PostAsJsonAsync("/api/tasks/bulk", new { action = "set_priority", filter = "@later", priority = "low" }, Json, cancellationToken));
        await OkAsync(client.PostAsJsonAsync("/api/tasks/bulk", new { action = "move", filter = "@later", list_id = errands }, Json, cancellationToken));
        await OkAsync(client.PostAsJsonAsync("/api/tasks/bulk", new { action = "set_due", filter = "@later", due_string = "tomorrow" }, Json, cancellationToken));
        await OkAsync(client.PostAsJsonAsync("/api/tasks/bulk", new { action = "remove_label", filter = "@later", label = "later" }, Json, cancellationToken));
        await OkAsync(client.PostAsJsonAsync("/api/tasks/bulk", new { action = "complete", ids = new[] { call } }, Json, cancellationToken));
        await OkAsync(client.PostAsJsonAsync("/api/tasks/bulk", new { action = "reopen", filter = "completed" }, Json, cancellationToken));

        // History: the log, undo and redo, the trash.
        await OkAsync(client.GetAsync("/api/activity", cancellationToken));
        await OkAsync(client.PostAsJsonAsync("/api/activity/undo", new { }, Json, cancellationToken));
        await OkAsync(client.PostAsJsonAsync("/api/activity/redo", new { }, Json, cancellationToken));
        await NoContentAsync(client.DeleteAsync($"/api/tasks/{spareTask}", cancellationToken));
        await OkAsync(client.GetAsync("/api/trash", cancellationToken));
        await OkAsync(client.PostAsync($"/api/trash/{spareTask}/restore", null, cancellationToken));
        await NoContentAsync(client.DeleteAsync($"/api/tasks/{spareTask}", cancellationToken));
        await NoContentAsync(client.DeleteAsync($"/api/trash/{spareTask}", cancellationToken));
        await NoContentAsync(client.DeleteAsync($"/api/lists/{spare}?tasks=move", cancellationToken));
        var doomed = await CreateTaskAsync(client, new { title = "Throw away" }, cancellationToken);
        await NoContentAsync(client.DeleteAsync($"/api/tasks/{doomed}", cancellationToken));
        await NoContentAsync(client.DeleteAsync("/api/trash", cancellationToken));

        // The assistant: add, list, complete, in one conversation; then the conversation's own routes.
        var first = await OkAsync(client.PostAsJsonAsync("/api/chat", new { message = "add a task to buy bread" }, Json, cancellationToken));
        var conversation = first.GetProperty("conversation_id").GetGuid();
        await OkAsync(client.PostAsJsonAsync("/api/chat", new { conversation_id = conversation, message = "what's pending?" }, Json, cancellationToken));
        await OkAsync(client.PostAsJsonAsync("/api/chat", new { conversation_id = conversation, message = "mark task 1 done" }, Json, cancellationToken));
        await OkAsync(client.PostAsJsonAsync($"/api/{user.Id}/chat", new { conversation_id = conversation, message = "undo that" }, Json, cancellationToken));
        using (var keyed = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = JsonContent.Create(new { message = "hello" }, options: Json) })
        {
            keyed.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            await OkAsync(client.SendAsync(keyed, cancellationToken));
        }

        await OkAsync(client.GetAsync("/api/conversations", cancellationToken));
        await OkAsync(client.GetAsync($"/api/conversations/{conversation}/messages", cancellationToken));
        await OkAsync(client.PatchAsJsonAsync($"/api/conversations/{conversation}", new { title = "Shopping" }, Json, cancellationToken));
        await NoContentAsync(client.DeleteAsync($"/api/conversations/{conversation}", cancellationToken));

        // MCP tools, with the same bearer token.
        await using (var mcp = await McpTestClient.ConnectAsync(api, user.Token, cancellationToken))
        {
            await mcp.CallToolAsync("add_task", new Dictionary<string, object?> { ["title"] = "Fix the bike" }, cancellationToken: cancellationToken);
            await mcp.CallToolAsync("list_tasks", new Dictionary<string, object?>(), cancellationToken: cancellationToken);
            await mcp.CallToolAsync("complete_task", new Dictionary<string, object?> { ["task"] = "Fix the bike" }, cancellationToken: cancellationToken);
        }

        // Export and import, the calendar feed.
        var export = await (await Ensure(client.GetAsync("/api/export", cancellationToken))).Content.ReadAsStringAsync(cancellationToken);
        await Ensure(client.GetAsync("/api/export.txt", cancellationToken));
        await Ensure(client.GetAsync("/api/export.ics", cancellationToken));
        using (var import = new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = new StringContent("(A) Imported task +Imported @home", Encoding.UTF8, "text/plain") })
        {
            await Ensure(client.SendAsync(import, cancellationToken));
        }

        using (var import = new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = new StringContent(export, Encoding.UTF8, "application/json") })
        {
            await Ensure(client.SendAsync(import, cancellationToken));
        }

        var feed = await OkAsync(client.PostAsync("/api/calendar-feed", null, cancellationToken));
        await OkAsync(client.GetAsync("/api/calendar-feed", cancellationToken));
        await Ensure(api.CreateClient().GetAsync(new Uri(feed.GetProperty("url").GetString()!).PathAndQuery, cancellationToken));
        await NoContentAsync(client.DeleteAsync("/api/calendar-feed", cancellationToken));

        // Personal access tokens: create, use, list, revoke.
        var token = await OkAsync(client.PostAsJsonAsync("/api/tokens", new { name = "script" }, Json, cancellationToken));
        using (var scripted = api.CreateClient())
        {
            scripted.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
            await OkAsync(scripted.GetAsync("/api/tasks", cancellationToken));
        }

        await OkAsync(client.GetAsync("/api/tokens", cancellationToken));
        await NoContentAsync(client.DeleteAsync($"/api/tokens/{token.GetProperty("id").GetGuid()}", cancellationToken));

        // Webhooks: register, read, list deliveries (after a change to deliver), delete one of two.
        var hook = (await OkAsync(client.PostAsJsonAsync("/api/webhooks", new { url = "http://127.0.0.1:9/hook", events = AllEvents }, Json, cancellationToken))).GetProperty("id").GetGuid();
        var other = (await OkAsync(client.PostAsJsonAsync("/api/webhooks", new { url = "http://127.0.0.1:9/other", events = AllEvents }, Json, cancellationToken))).GetProperty("id").GetGuid();
        await CreateTaskAsync(client, new { title = "Something to deliver" }, cancellationToken);
        await OkAsync(client.GetAsync("/api/webhooks", cancellationToken));
        await OkAsync(client.GetAsync($"/api/webhooks/{hook}", cancellationToken));
        await OkAsync(client.GetAsync($"/api/webhooks/{hook}/deliveries", cancellationToken));
        await NoContentAsync(client.DeleteAsync($"/api/webhooks/{other}", cancellationToken));

        // Notifications.
        await OkAsync(client.GetAsync("/api/notifications", cancellationToken));
    }

    /// <summary>One round of each background job, as their loops would run it.</summary>
    public static async Task RunBackgroundJobsAsync(ApiFixture api, CancellationToken cancellationToken)
    {
        await api.Services.GetRequiredService<ConversationRetention>().RunOnceAsync(cancellationToken);
        await api.Services.GetRequiredService<ReminderFirer>().FireDueAsync(cancellationToken);
        await api.Services.GetRequiredService<WebhookDispatcher>().RunOnceAsync(cancellationToken);
    }

    private static async Task<Guid> CreateTaskAsync(HttpClient client, object body, CancellationToken cancellationToken) =>
        (await OkAsync(client.PostAsJsonAsync("/api/tasks", body, Json, cancellationToken))).GetProperty("id").GetGuid();

    private static async Task<HttpResponseMessage> Ensure(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        Assert.True(response.IsSuccessStatusCode, await ProblemAssert.DescribeAsync(response));
        return response;
    }

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await Ensure(sending);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    private static async Task NoContentAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await ProblemAssert.DescribeAsync(response));
    }
}
