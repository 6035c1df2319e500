using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Todo.Tests.Infrastructure;

/// <summary>Records what the server logs at Error level or above, for tests that prove an input is not a failure.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> entries = new();

    public IReadOnlyCollection<string> Entries => entries;

    public void Clear() => entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Recorder(ErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}

/// <summary>SQLite, recording Error-level log entries in <see cref="Errors"/>.</summary>
public sealed class SqliteLoggedApi : SqliteApi
{
    public ErrorLog Errors { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Errors);
}

/// <summary>PostgreSQL, recording Error-level log entries in <see cref="Errors"/>.</summary>
public sealed class PostgresLoggedApi(PostgresServer server) : PostgresApi(server)
{
    public ErrorLog Errors { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Errors);
}
