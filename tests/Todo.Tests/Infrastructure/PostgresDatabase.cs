using Npgsql;

namespace Todo.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database on the shared test server for one test class
/// (<c>IClassFixture&lt;PostgresDatabase&gt;</c>), dropped when the class is done.
/// </summary>
public sealed class PostgresDatabase(PostgresServer server) : IAsyncLifetime
{
    private string? _connectionString;

    /// <summary>The server the database lives on.</summary>
    public PostgresServer Server { get; } = server;

    /// <summary>A keyword connection string for the database (pooling on).</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The database has not been created yet.");

    /// <summary>The database's name.</summary>
    public string Name => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    /// <summary>Creates the database.</summary>
    public async ValueTask InitializeAsync() => _connectionString = await Server.CreateDatabaseAsync("todo_test");

    /// <summary>Opens a new connection to the database.</summary>
    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Drops the database, cutting connections still open to it (WITH (FORCE)).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_connectionString is null)
        {
            return;
        }

        using (var connection = new NpgsqlConnection(_connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await Server.DropDatabaseAsync(Name);
        _connectionString = null;
    }
}
