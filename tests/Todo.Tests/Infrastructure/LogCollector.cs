using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Todo.Tests.Infrastructure;

/// <summary>One entry the server logged.</summary>
public sealed record LoggedEntry(LogLevel Level, string Category, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message} {Exception?.GetType().Name} {Exception?.Message}";
}

/// <summary>
/// Keeps what the server logs (after the configured filters, as a real log would show it), so a test can assert
/// that a fault was answered without an error in the log. Register it with <c>services.AddSingleton&lt;ILoggerProvider&gt;</c>.
/// </summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LoggedEntry> entries = new();

    public IReadOnlyList<LoggedEntry> Entries => [.. entries];

    /// <summary>Forgets what was logged so far (the arranging part of a test).</summary>
    public void Clear() => entries.Clear();

    public IReadOnlyList<LoggedEntry> AtLeast(LogLevel level) => [.. entries.Where(e => e.Level >= level)];

    /// <summary>Asserts nothing was logged at Error or above, except by the categories named.</summary>
    public void AssertNoErrors(params string[] exceptCategories)
    {
        var errors = AtLeast(LogLevel.Error).Where(e => !exceptCategories.Contains(e.Category)).ToList();
        Assert.True(errors.Count == 0, "logged errors:\n" + string.Join('\n', errors));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCollector collector, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            collector.entries.Enqueue(new LoggedEntry(logLevel, category, formatter(state, exception), exception));
    }
}

/// <summary>SQLite, with the server's log kept.</summary>
public sealed class LoggedSqliteApi : SqliteApi
{
    public LogCollector Log { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Log);
}

/// <summary>PostgreSQL, with the server's log kept.</summary>
public sealed class LoggedPostgresApi(PostgresServer server) : PostgresApi(server)
{
    public LogCollector Log { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Log);
}
