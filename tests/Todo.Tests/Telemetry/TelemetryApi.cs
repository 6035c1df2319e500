using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Todo.Server.Telemetry;
using Todo.Tests.Infrastructure;
using Todo.Tests.Tasks.Due;
using Todo.Tests.Webhooks;

namespace Todo.Tests.Telemetry;

/// <summary>What the server's telemetry pipeline exported, kept in memory: spans, metric snapshots and log records.</summary>
/// <remarks>
/// Sources and meters are static, so a listener hears every server in the test process: tests find their own spans by
/// trace id (they send a traceparent, or start the job themselves).
/// </remarks>
public sealed class TelemetrySink
{
    public ExportCollection<Activity> Spans { get; } = new();

    public ExportCollection<MetricSnapshot> Metrics { get; } = new();

    public ExportCollection<LoggedRecord> Logs { get; } = new();

    /// <summary>The server's pipeline (<see cref="TelemetryRegistration.AddTelemetryPipeline"/>) with in-memory exporters instead of OTLP.</summary>
    public void AddTo(IServiceCollection services) =>
        services.AddTelemetryPipeline(new ConfigurationBuilder().Build())
            .WithTracing(tracing => tracing.AddInMemoryExporter(Spans))
            .WithMetrics(metrics => metrics.AddInMemoryExporter(Metrics))
            .WithLogging(logging => logging.AddProcessor(new LogKeeper(Logs)));

    /// <summary>The spans of one trace so far.</summary>
    public IReadOnlyList<Activity> Trace(ActivityTraceId traceId) => [.. Spans.Snapshot().Where(s => s.TraceId == traceId)];

    /// <summary>Waits (up to 10 s) until <paramref name="found"/> holds for the trace's spans: a server span ends after its answer is read.</summary>
    public async Task<IReadOnlyList<Activity>> TraceWhenAsync(ActivityTraceId traceId, Func<IReadOnlyList<Activity>, bool> found)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var spans = Trace(traceId);
            if (found(spans) || DateTime.UtcNow > deadline)
            {
                return spans;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Exports the metrics now and answers the latest snapshot of each (the totals since the server started).</summary>
    public Dictionary<string, MetricSnapshot> CollectMetrics(IServiceProvider services)
    {
        services.GetRequiredService<MeterProvider>().ForceFlush();
        var latest = new Dictionary<string, MetricSnapshot>(StringComparer.Ordinal);
        foreach (var metric in Metrics.Snapshot())
        {
            latest[metric.Name] = metric;
        }

        return latest;
    }

    /// <summary>
    /// The metrics once <paramref name="found"/> holds of them (or after 10 s): ASP.NET Core records a request's duration
    /// as the request ends, which can be just after its client has the answer.
    /// </summary>
    public async Task<Dictionary<string, MetricSnapshot>> MetricsWhenAsync(IServiceProvider services, Func<Dictionary<string, MetricSnapshot>, bool> found)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var metrics = CollectMetrics(services);
            if (found(metrics) || DateTime.UtcNow > deadline)
            {
                return metrics;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Keeps what a test needs of each log record: log records are pooled, so they are not kept themselves.</summary>
    private sealed class LogKeeper(ExportCollection<LoggedRecord> logs) : BaseProcessor<LogRecord>
    {
        public override void OnEnd(LogRecord data) =>
            logs.Add(new LoggedRecord(data.CategoryName ?? "", data.FormattedMessage ?? "", data.TraceId, data.SpanId));
    }
}

public sealed record LoggedRecord(string Category, string Message, ActivityTraceId TraceId, ActivitySpanId SpanId);

/// <summary>A list that exporters append to from any thread while a test reads it.</summary>
public sealed class ExportCollection<T> : ICollection<T>
{
    private readonly List<T> items = [];

    public int Count
    {
        get
        {
            lock (items)
            {
                return items.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public IReadOnlyList<T> Snapshot()
    {
        lock (items)
        {
            return [.. items];
        }
    }

    public void Add(T item)
    {
        lock (items)
        {
            items.Add(item);
        }
    }

    public void Clear()
    {
        lock (items)
        {
            items.Clear();
        }
    }

    public bool Contains(T item) => Snapshot().Contains(item);

    public void CopyTo(T[] array, int arrayIndex) => Snapshot().ToArray().CopyTo(array, arrayIndex);

    public bool Remove(T item)
    {
        lock (items)
        {
            return items.Remove(item);
        }
    }

    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// A server with telemetry exported to memory, on a <see cref="TestClock"/>, its reminder and webhook loops off (the tests
/// run them), private webhook targets allowed so a <see cref="WebhookReceiver"/> on loopback can receive.
/// </summary>
public interface ITelemetryApi
{
    ApiFixture Api { get; }

    TelemetrySink Telemetry { get; }

    TestClock Clock { get; }

    WebhookReceiver Receiver { get; }
}

internal static class TelemetryApiSettings
{
    public static IReadOnlyDictionary<string, string?> Values => new Dictionary<string, string?>
    {
        ["Reminders:Enabled"] = "false",
        ["Webhooks:Enabled"] = "false",
        ["Webhooks:AllowPrivateTargets"] = "true",
        ["Webhooks:Timeout"] = "00:00:05",
    };
}

public sealed class TelemetrySqliteApi : SqliteApi, ITelemetryApi
{
    public ApiFixture Api => this;

    public TelemetrySink Telemetry { get; } = new();

    public TestClock Clock { get; } = new(DueApiSettings.Wednesday);

    public WebhookReceiver Receiver { get; } = WebhookReceiver.Start();

    protected override IReadOnlyDictionary<string, string?>? Settings => TelemetryApiSettings.Values;

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        Clock.Use(services);
        Telemetry.AddTo(services);
    }

    protected override void CleanUp()
    {
        Receiver.DisposeAsync().AsTask().GetAwaiter().GetResult();
        base.CleanUp();
    }
}

public sealed class TelemetryPostgresApi(PostgresServer server) : PostgresApi(server), ITelemetryApi
{
    public ApiFixture Api => this;

    public TelemetrySink Telemetry { get; } = new();

    public TestClock Clock { get; } = new(DueApiSettings.Wednesday);

    public WebhookReceiver Receiver { get; } = WebhookReceiver.Start();

    protected override IReadOnlyDictionary<string, string?>? Settings => TelemetryApiSettings.Values;

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        Clock.Use(services);
        Telemetry.AddTo(services);
    }

    protected override void CleanUp()
    {
        Receiver.DisposeAsync().AsTask().GetAwaiter().GetResult();
        base.CleanUp();
    }
}
