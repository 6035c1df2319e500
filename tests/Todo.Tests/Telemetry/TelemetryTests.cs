using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Todo.Server.Chat;
using Todo.Server.Data;
using Todo.Server.Reminders;
using Todo.Server.Telemetry;
using Todo.Server.Webhooks;
using Todo.Tests.Infrastructure;
using Todo.Tests.Tasks.Due;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Telemetry;

/// <summary>
/// The server's traces, metrics and logs, exported to memory, on each database: a chat turn is one trace from the HTTP
/// request through the turn and its tool call down to SQL; the counters and histograms are recorded where things happen;
/// the background jobs have a span per run; log records carry the trace and span ids.
/// </summary>
public abstract class TelemetryTests(ITelemetryApi fixture)
{
    private const int TestTimeout = 60_000;

    private readonly ApiFixture api = fixture.Api;
    private readonly TelemetrySink telemetry = fixture.Telemetry;

    private static readonly string[] AllEvents = ["*"];

    private static readonly string[] SqlSources = ["OpenTelemetry.Instrumentation.EntityFrameworkCore", "Npgsql"];

    [Fact(Timeout = TestTimeout)]
    public async Task AChatTurnIsOneTraceFromTheRequestThroughTheTurnAndItsToolCallDownToSql()
    {
        var user = await api.CreateUserAsync();
        var traceId = ActivityTraceId.CreateRandom();
        using var request = Chat.ChatTestSupport.ChatRequest(new { message = "add a task to buy milk" });
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        var response = await user.Client.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        var turn = await response.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json);
        Assert.Equal("add_task", turn.GetProperty("tool_calls")[0].GetProperty("name").GetString());

        var spans = await telemetry.TraceWhenAsync(traceId, s => s.Any(span => span.Kind == ActivityKind.Server));
        var byId = spans.ToDictionary(s => s.SpanId);
        var server = Assert.Single(spans, s => s.Kind == ActivityKind.Server);
        Assert.Equal("Microsoft.AspNetCore", server.Source.Name);
        Assert.Equal("/api/chat", (server.GetTagItem("http.route") as string)?.TrimEnd('/'));
        Assert.Equal(200, server.GetTagItem("http.response.status_code"));

        var chatTurn = Assert.Single(spans, s => s.Source.Name == TodoTelemetry.Name && s.OperationName == TodoTelemetry.Spans.ChatTurn);
        Assert.Equal(server.SpanId, chatTurn.ParentSpanId);
        Assert.Equal(ChatTurnTelemetry.Completed, chatTurn.GetTagItem(TodoTelemetry.Tags.ChatOutcome));
        Assert.Equal(turn.GetProperty("conversation_id").GetGuid().ToString(), chatTurn.GetTagItem("gen_ai.conversation.id"));

        var modelCalls = spans.Where(s => s.DisplayName.StartsWith("chat", StringComparison.Ordinal) && Descends(s, chatTurn, byId)).ToList();
        Assert.NotEmpty(modelCalls);
        Assert.All(modelCalls, call => Assert.Equal("chat", call.GetTagItem("gen_ai.operation.name")));

        var toolCall = Assert.Single(spans, s => s.DisplayName == "execute_tool add_task");
        Assert.True(Descends(toolCall, chatTurn, byId), Describe(spans));
        Assert.Equal("add_task", toolCall.GetTagItem("gen_ai.tool.name"));

        var sql = spans.Where(s => SqlSources.Contains(s.Source.Name) && Descends(s, toolCall, byId)).ToList();
        Assert.True(sql.Count > 0, Describe(spans));
        Assert.Contains(sql, s => s.DisplayName.Contains("INSERT", StringComparison.OrdinalIgnoreCase)
            || (s.GetTagItem("db.query.text") as string ?? s.GetTagItem("db.statement") as string ?? "").Contains("INSERT", StringComparison.OrdinalIgnoreCase));
        Assert.All(sql, s => Assert.Equal(ActivityKind.Client, s.Kind));
        Assert.Equal(ExpectedSqlSource, sql[0].Source.Name);
        Assert.All(spans, s => Assert.Equal(traceId, s.TraceId));

        static bool IsChatRoute(MetricPoint point) => (Tag(point, "http.route") as string)?.TrimEnd('/') == "/api/chat";
        var metrics = await telemetry.MetricsWhenAsync(api.Services, m => m.ContainsKey("http.server.request.duration")
            && Points(m, "http.server.request.duration").Any(IsChatRoute));
        Assert.Contains(Points(metrics, "http.server.request.duration"), IsChatRoute);
        Assert.Contains(Points(metrics, "todo.chat.turns"), p => Tag(p, TodoTelemetry.Tags.ChatOutcome) as string == ChatTurnTelemetry.Completed && p.GetSumLong() >= 1);
        Assert.Contains(Points(metrics, "todo.tool.calls"), p =>
            Tag(p, TodoTelemetry.Tags.ToolName) as string == "add_task"
            && Tag(p, TodoTelemetry.Tags.ToolCaller) as string == ToolCallTelemetry.Assistant
            && Tag(p, TodoTelemetry.Tags.ToolOutcome) as string == ToolCallTelemetry.Ok
            && p.GetSumLong() >= 1);
        Assert.True(metrics.ContainsKey("gen_ai.client.operation.duration"), string.Join(", ", metrics.Keys.Order(StringComparer.Ordinal)));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task AToolThatAnswersAnErrorIsCountedAsAnError()
    {
        var user = await api.CreateUserAsync();

        await Chat.ChatTestSupport.ChatOkAsync(user, "complete task 999");

        var metrics = telemetry.CollectMetrics(api.Services);
        Assert.Contains(Points(metrics, "todo.tool.calls"), p =>
            Tag(p, TodoTelemetry.Tags.ToolName) as string == "complete_task"
            && Tag(p, TodoTelemetry.Tags.ToolOutcome) as string == ToolCallTelemetry.Error);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task AFiredReminderRecordsItsLagInTheRunsSpanWhoseLogRecordCarriesTheTraceIds()
    {
        fixture.Clock.Now = DueApiSettings.Wednesday;
        var user = await api.CreateUserAsync();
        await user.CreateJsonAsync("""{"title": "Dentist", "due_string": "2026-11-27 10:00", "reminders": [{"at": "2026-11-26T08:00:00Z"}]}""");
        fixture.Clock.Now = new DateTimeOffset(2026, 11, 26, 8, 1, 30, TimeSpan.Zero);
        ActivityTraceId traceId;
        ActivitySpanId testSpanId;

        using (var test = StartTestSpan())
        {
            var fired = await api.Services.GetRequiredService<ReminderFirer>().FireDueAsync();
            Assert.Equal(1, fired);
            traceId = test.TraceId;
            testSpanId = test.SpanId;
        }

        var spans = telemetry.Trace(traceId);
        var run = Assert.Single(spans, s => s.OperationName == TodoTelemetry.Spans.ReminderRun);
        Assert.Equal(testSpanId, run.ParentSpanId);
        Assert.Equal(1, run.GetTagItem("todo.reminders.fired"));
        Assert.Contains(spans, s => SqlSources.Contains(s.Source.Name) && s.ParentSpanId == run.SpanId);
        var lag = Assert.Single(Points(telemetry.CollectMetrics(api.Services), "todo.reminder.lag"));
        Assert.True(lag.GetHistogramCount() >= 1);
        Assert.True(lag.GetHistogramSum() >= 90);

        var logged = Assert.Single(telemetry.Logs.Snapshot(), l => l.Category == typeof(ReminderFirer).FullName && l.TraceId == run.TraceId);
        Assert.Equal(run.SpanId, logged.SpanId);
        Assert.StartsWith("Fired ", logged.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task AWebhookRoundIsASpanWithTheOutgoingPostAndCountsTheDelivery()
    {
        var user = await api.CreateUserAsync();
        var path = $"/hook-{Guid.NewGuid():N}";
        var registered = await user.Client.PostAsJsonAsync("/api/webhooks", new { url = fixture.Receiver.Url(path), events = AllEvents }, ApiFixture.Json);
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await DescribeAsync(registered));
        var created = await user.Client.PostAsJsonAsync("/api/tasks", new { title = "Buy milk" }, ApiFixture.Json);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await DescribeAsync(created));

        ActivityTraceId traceId;
        using (var test = StartTestSpan())
        {
            var round = await api.Services.GetRequiredService<WebhookDispatcher>().RunOnceAsync();
            Assert.True(round.Delivered >= 1);
            traceId = test.TraceId;
        }

        Assert.Single(fixture.Receiver.At(path));
        var spans = await telemetry.TraceWhenAsync(traceId, s => s.Any(span => span.Kind == ActivityKind.Client && span.Source.Name == "System.Net.Http"));
        var run = Assert.Single(spans, s => s.OperationName == TodoTelemetry.Spans.WebhookRun);
        var post = Assert.Single(spans, s => s.Kind == ActivityKind.Client && s.Source.Name == "System.Net.Http");
        Assert.Equal(run.SpanId, post.ParentSpanId);
        Assert.Equal("POST", post.GetTagItem("http.request.method"));
        Assert.Contains(spans, s => SqlSources.Contains(s.Source.Name) && s.ParentSpanId == run.SpanId);

        Assert.Contains(Points(telemetry.CollectMetrics(api.Services), "todo.webhook.deliveries"), p =>
            Tag(p, TodoTelemetry.Tags.WebhookOutcome) as string == TodoTelemetry.WebhookOutcomes.Delivered && p.GetSumLong() >= 1);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ARetentionRoundIsASpanOfItsOwnWithItsStatements()
    {
        ActivityTraceId traceId;
        using (var test = StartTestSpan())
        {
            await api.Services.GetRequiredService<ConversationRetention>().RunOnceAsync(CancellationToken.None);
            traceId = test.TraceId;
        }

        var spans = telemetry.Trace(traceId);
        var run = Assert.Single(spans, s => s.OperationName == TodoTelemetry.Spans.RetentionRun);
        Assert.Contains(spans, s => SqlSources.Contains(s.Source.Name) && s.ParentSpanId == run.SpanId);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task McpToolCallsAreCountedByToolAndOutcome()
    {
        var user = await api.CreateUserAsync();
        using var cancellation = new CancellationTokenSource(TestTimeout);
        await using var client = await McpTestClient.ConnectAsync(api, user.Token, cancellation.Token);

        await client.CallToolAsync("add_task", new Dictionary<string, object?> { ["title"] = "Buy milk" }, cancellationToken: cancellation.Token);
        await client.CallToolAsync("reopen_task", new Dictionary<string, object?> { ["task"] = "999" }, cancellationToken: cancellation.Token);

        var calls = Points(telemetry.CollectMetrics(api.Services), "todo.tool.calls")
            .Where(p => Tag(p, TodoTelemetry.Tags.ToolCaller) as string == ToolCallTelemetry.Mcp)
            .Select(p => (Tag(p, TodoTelemetry.Tags.ToolName) as string, Tag(p, TodoTelemetry.Tags.ToolOutcome) as string))
            .ToList();
        Assert.Contains(("add_task", ToolCallTelemetry.Ok), calls);
        Assert.Contains(("reopen_task", ToolCallTelemetry.Error), calls);
        Assert.Contains(telemetry.Spans.Snapshot(), s =>
            s.Source.Name == "Experimental.ModelContextProtocol" && s.Kind == ActivityKind.Server && s.DisplayName == "tools/call add_task");
    }

    [Fact]
    public void TheServiceIsTodoAtTheServersVersion()
    {
        var resource = api.Services.GetRequiredService<TracerProvider>().GetResource().Attributes.ToDictionary(a => a.Key, a => a.Value);

        Assert.Equal(TelemetryRegistration.DefaultServiceName, resource["service.name"]);
        Assert.Equal(TodoTelemetry.Version, resource["service.version"]);
        Assert.False(string.IsNullOrEmpty(TodoTelemetry.Version));
    }

    protected abstract string ExpectedSqlSource { get; }

    /// <summary>A sampled span of the test's own, current until disposed: the job run inside it is its child, in its trace.</summary>
    private static Activity StartTestSpan() => new Activity("test") { ActivityTraceFlags = ActivityTraceFlags.Recorded }.Start();

    /// <summary>Whether <paramref name="span"/> is below <paramref name="ancestor"/> in the trace, following parents.</summary>
    private static bool Descends(Activity span, Activity ancestor, Dictionary<ActivitySpanId, Activity> byId)
    {
        for (var parent = span.ParentSpanId; byId.TryGetValue(parent, out var next); parent = next.ParentSpanId)
        {
            if (next == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(IEnumerable<Activity> spans) =>
        string.Join('\n', spans.Select(s => $"{s.SpanId} <- {s.ParentSpanId} {s.Source.Name}: {s.DisplayName}"));

    private static List<MetricPoint> Points(Dictionary<string, MetricSnapshot> metrics, string name)
    {
        Assert.True(metrics.TryGetValue(name, out var metric), $"no {name} in: {string.Join(", ", metrics.Keys.Order(StringComparer.Ordinal))}");
        return [.. metric.MetricPoints];
    }

    private static object? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value;
            }
        }

        return null;
    }
}

/// <summary>
/// The telemetry tests run alone: ASP.NET Core's meters share their name across every server in the process, and a stream
/// that another server's instrument opened is dropped when that server stops, taking this server's points with it.
/// </summary>
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryTestsRunAlone;

[Collection(nameof(TelemetryTests))]
public sealed class SqliteTelemetryTests(TelemetrySqliteApi api) : TelemetryTests(api), IClassFixture<TelemetrySqliteApi>
{
    protected override string ExpectedSqlSource => "OpenTelemetry.Instrumentation.EntityFrameworkCore";
}

[Collection(nameof(TelemetryTests))]
public sealed class PostgresTelemetryTests(TelemetryPostgresApi api) : TelemetryTests(api), IClassFixture<TelemetryPostgresApi>
{
    protected override string ExpectedSqlSource => "Npgsql";

    [Fact]
    public async Task TheConnectionPoolIsMeasured()
    {
        await api.CreateUserAsync();

        var metrics = api.Telemetry.CollectMetrics(api.Services);

        Assert.True(metrics.TryGetValue("db.client.connection.count", out var connections), string.Join(", ", metrics.Keys.Order(StringComparer.Ordinal)));
        Assert.NotEmpty(connections.MetricPoints);
        Assert.Contains("db.client.operation.duration", metrics.Keys);
    }
}
