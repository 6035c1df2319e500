using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Todo.Server.Telemetry;

/// <summary>
/// The server's own spans and metrics: one <see cref="System.Diagnostics.ActivitySource"/> and one <see cref="System.Diagnostics.Metrics.Meter"/>
/// named <see cref="Name"/>, with every instrument made once here. With nothing listening (no exporter configured) a span
/// is never started and a measurement is a check of a flag.
/// </summary>
public static class TodoTelemetry
{
    public const string Name = "Todo.Server";

    /// <summary>The server's version: the assembly's informational version without its build metadata.</summary>
    public static readonly string Version = ReadVersion();

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    /// <summary>Chat turns run, tagged <see cref="Tags.ChatOutcome"/>.</summary>
    public static readonly Counter<long> ChatTurns = Meter.CreateCounter<long>(
        "todo.chat.turns", "{turn}", "Chat turns run, by outcome.");

    /// <summary>Task tool calls, tagged <see cref="Tags.ToolName"/>, <see cref="Tags.ToolCaller"/> and <see cref="Tags.ToolOutcome"/>.</summary>
    public static readonly Counter<long> ToolCalls = Meter.CreateCounter<long>(
        "todo.tool.calls", "{call}", "Task tool calls by the assistant and MCP clients, by tool and outcome.");

    /// <summary>How long after its moment a reminder fired, in seconds.</summary>
    public static readonly Histogram<double> ReminderLag = Meter.CreateHistogram<double>(
        "todo.reminder.lag", "s", "How late a reminder fired after its moment.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900, 3600] });

    /// <summary>Webhook delivery attempts recorded, tagged <see cref="Tags.WebhookOutcome"/>.</summary>
    public static readonly Counter<long> WebhookDeliveries = Meter.CreateCounter<long>(
        "todo.webhook.deliveries", "{attempt}", "Webhook delivery attempts, by outcome.");

    /// <summary>The names of the server's own spans: the chat turn's, and one per run of each background job.</summary>
    public static class Spans
    {
        /// <summary>A chat turn, as the GenAI conventions name an agent's invocation; its model and tool calls are its children.</summary>
        public const string ChatTurn = "invoke_agent";

        public const string ReminderRun = "reminders fire";

        public const string WebhookRun = "webhooks dispatch";

        public const string RetentionRun = "retention";
    }

    /// <summary>The values of <see cref="Tags.WebhookOutcome"/>.</summary>
    public static class WebhookOutcomes
    {
        public const string Delivered = "delivered";

        /// <summary>Not acknowledged; another attempt is due after the backoff.</summary>
        public const string Retrying = "retrying";

        /// <summary>Not acknowledged on the last attempt: given up.</summary>
        public const string Failed = "failed";
    }

    public static class Tags
    {
        public const string ChatOutcome = "todo.chat.outcome";

        public const string ToolName = "gen_ai.tool.name";

        public const string ToolCaller = "todo.tool.caller";

        public const string ToolOutcome = "todo.tool.outcome";

        public const string WebhookOutcome = "todo.webhook.outcome";
    }

    /// <summary>Counts a task tool call.</summary>
    public static void ToolCalled(string tool, string caller, string outcome)
    {
        if (ToolCalls.Enabled)
        {
            ToolCalls.Add(1, new(Tags.ToolName, tool), new(Tags.ToolCaller, caller), new(Tags.ToolOutcome, outcome));
        }
    }

    /// <summary>Records a fired reminder's lateness: from its moment to when it fired.</summary>
    public static void ReminderFired(DateTime moment, DateTime firedAt) =>
        ReminderLag.Record(Math.Max(0, (firedAt - moment).TotalSeconds));

    /// <summary>Counts a webhook delivery attempt: delivered, retrying (another attempt is due) or failed (given up).</summary>
    public static void WebhookAttempted(string outcome) => WebhookDeliveries.Add(1, new KeyValuePair<string, object?>(Tags.WebhookOutcome, outcome));

    /// <summary>
    /// Runs a background job's round in a span of its own, which notes a failure. Run by the job's loop, the span begins
    /// a trace; run inside another span (a test), it is that span's child.
    /// </summary>
    public static async Task<T> RunJobAsync<T>(string name, Func<Task<T>> run, Action<Activity, T>? describe = null)
    {
        using var span = Source.StartActivity(name);
        try
        {
            var result = await run();
            if (span is { IsAllDataRequested: true } && describe is not null)
            {
                describe(span, result);
            }

            return result;
        }
        catch (Exception e)
        {
            Failed(span, e);
            throw;
        }
    }

    /// <summary>Marks <paramref name="activity"/> failed with <paramref name="exception"/>; a cancellation is no failure.</summary>
    public static void Failed(Activity? activity, Exception exception)
    {
        if (activity is not null && exception is not OperationCanceledException)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            activity.AddException(exception);
        }
    }

    private static string ReadVersion()
    {
        var assembly = typeof(TodoTelemetry).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
