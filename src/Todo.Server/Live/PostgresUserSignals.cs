using System.Globalization;
using Npgsql;
using Todo.Server.Data;

namespace Todo.Server.Live;

/// <summary>
/// User signals across every copy of the server on one PostgreSQL database: a signal is handed to this server's listeners
/// at once and sent to the others with <c>NOTIFY</c> on <see cref="Channel"/> (payload <c>user:signal:origin</c>);
/// <see cref="PostgresSignalListener"/> hands the others' notifications to the listeners here.
/// </summary>
public sealed partial class PostgresUserSignals(
    LocalUserSignals local, DatabaseConnection connection, ILogger<PostgresUserSignals> logger) : IUserSignals, IAsyncDisposable
{
    public const string Channel = "todo_user_signals";

    private readonly Lazy<NpgsqlDataSource> dataSource = new(() => NpgsqlDataSource.Create(connection.ConnectionString));

    /// <summary>This server copy: its own notifications, already delivered here, are skipped when they come back.</summary>
    public string Origin { get; } = Guid.NewGuid().ToString("N");

    /// <summary>
    /// Tells this server's listeners at once and the other servers by NOTIFY, without making the writer wait for the
    /// NOTIFY's round trip (the change is committed; the signal only wakes readers, which read what is new).
    /// </summary>
    public ValueTask PublishAsync(Guid userId, UserSignal signal, CancellationToken cancellationToken = default)
    {
        local.Deliver(userId, signal);
        _ = NotifyAsync(userId, signal);
        return ValueTask.CompletedTask;
    }

    private async Task NotifyAsync(Guid userId, UserSignal signal)
    {
        try
        {
            await using var command = dataSource.Value.CreateCommand("SELECT pg_notify(@channel, @payload)");
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", Payload(userId, signal, Origin));
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or ObjectDisposedException)
        {
            // The other servers' listeners re-read when their own link comes back, and open streams at their next signal.
            LogNotifyFailed(logger, e);
        }
    }

    public IDisposable Subscribe(Guid userId, Action<UserSignal> onSignal) => local.Subscribe(userId, onSignal);

    public static string Payload(Guid userId, UserSignal signal, string origin) =>
        string.Create(CultureInfo.InvariantCulture, $"{userId:N}:{(int)signal}:{origin}");

    /// <summary>Reads a payload of <see cref="Payload"/>; false for anything else.</summary>
    public static bool TryRead(string payload, out Guid userId, out UserSignal signal, out string origin)
    {
        var parts = payload.Split(':');
        userId = default;
        signal = default;
        origin = "";
        if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out userId) ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number) ||
            !Enum.IsDefined((UserSignal)number))
        {
            return false;
        }

        signal = (UserSignal)number;
        origin = parts[2];
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (dataSource.IsValueCreated)
        {
            await dataSource.Value.DisposeAsync();
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not tell the other servers of a change (NOTIFY failed)")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception);
}

/// <summary>
/// Keeps one connection of its own (outside the pool, with TCP keepalive) listening on <see cref="PostgresUserSignals.Channel"/>
/// and hands each other server's notification to this server's listeners. When the connection drops it reconnects with
/// backoff, and then tells every listener here once, so each re-reads what it may have missed. Does nothing on SQLite.
/// </summary>
public sealed partial class PostgresSignalListener(
    IServiceProvider services, LocalUserSignals local, ILogger<PostgresSignalListener> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(15);

    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place.</summary>
    public Task Listening => listening.Task;

    /// <summary>How many times LISTEN was set up (1 after the first connection; more after reconnections).</summary>
    public int Connections { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connection = services.GetRequiredService<DatabaseConnection>();
        if (connection.Provider != DatabaseProvider.Postgres || services.GetRequiredService<IUserSignals>() is not PostgresUserSignals signals)
        {
            return;
        }

        var connectionString = new NpgsqlConnectionStringBuilder(connection.ConnectionString)
        {
            Pooling = false,
            KeepAlive = 15,
            TcpKeepAlive = true,
            Enlist = false,
            ApplicationName = "todo signals",
        }.ConnectionString;
        var wait = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listen = new NpgsqlConnection(connectionString);
                await listen.OpenAsync(stoppingToken);
                listen.Notification += (_, e) => Receive(e.Payload, signals.Origin);
                await using (var command = new NpgsqlCommand($"LISTEN {PostgresUserSignals.Channel}", listen))
                {
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }

                Connections++;
                if (Connections > 1)
                {
                    LogReconnected(logger);
                }

                // Whatever was signalled while no one listened (or before the first LISTEN) is read again by everyone here.
                local.DeliverToAll(UserSignal.Activity);
                local.DeliverToAll(UserSignal.Notification);
                listening.TrySetResult();
                wait = FirstRetry;
                while (true)
                {
                    await listen.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException or InvalidOperationException)
            {
                LogDisconnected(logger, wait.TotalSeconds, e);
            }

            try
            {
                await Task.Delay(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LastRetry.Ticks));
        }
    }

    private void Receive(string payload, string ownOrigin)
    {
        if (PostgresUserSignals.TryRead(payload, out var userId, out var signal, out var origin) && origin != ownOrigin)
        {
            local.Deliver(userId, signal);
        }
    }

    [LoggerMessage(LogLevel.Warning, "The connection listening for other servers' changes dropped; trying again in {Seconds} s")]
    private static partial void LogDisconnected(ILogger logger, double seconds, Exception exception);

    [LoggerMessage(LogLevel.Information, "Listening again for other servers' changes; open pages and streams re-read")]
    private static partial void LogReconnected(ILogger logger);
}
