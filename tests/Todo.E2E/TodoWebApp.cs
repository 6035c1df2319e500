using System.Security.Cryptography;
using Todo.Tests.Infrastructure;

namespace Todo.E2E;

/// <summary>
/// The real server, built and run out of process on a free loopback port, against a fresh database on the
/// throwaway PostgreSQL server of the test run, with the built-in assistant.
/// </summary>
public sealed class TodoWebApp(PostgresServer postgres) : IAsyncLifetime
{
    private string? databaseName;
    private TodoServerProcess? server;

    public TodoServerProcess Server => server ?? throw new InvalidOperationException("The server has not started.");

    public Uri BaseAddress => Server.BaseAddress;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync("e2e");
        databaseName = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database;
        server = await TodoServerProcess.StartAsync(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings__Todo"] = connectionString,
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Auth__SigningKey"] = RandomNumberGenerator.GetHexString(64),
                ["Assistant__Provider"] = "builtin",
                ["RateLimiting__AuthPerMinute"] = "0",
                ["RateLimiting__ChatPerMinute"] = "0",
                // The OAuth server on http: the tests reach it on loopback only.
                ["OAuth__RequireHttps"] = "false",
            },
            startupTimeout: TimeSpan.FromSeconds(90));
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        if (databaseName is not null)
        {
            await postgres.DropDatabaseAsync(databaseName);
        }
    }
}
