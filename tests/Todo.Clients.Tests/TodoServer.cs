using System.Security.Cryptography;
using Todo.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(Todo.Clients.Tests.TodoServer))]

namespace Todo.Clients.Tests;

/// <summary>
/// The built server in its own process, as a client meets it: Production, SQLite in a temporary folder, a random
/// signing key, the built-in assistant, no rate limits (the tests sign up and chat more often than a person).
/// </summary>
public sealed class TodoServer : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("todo-clients-").FullName;
    private TodoServerProcess? _process;

    public Uri BaseAddress => Process.BaseAddress;

    public TodoServerProcess Process => _process ?? throw new InvalidOperationException("The server is not started.");

    public async ValueTask InitializeAsync() =>
        _process = await TodoServerProcess.StartAsync(
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Todo"] = $"Data Source={Path.Combine(_folder, "todo.db")}",
                ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
                ["RateLimiting__AuthPerMinute"] = "0",
                ["RateLimiting__ChatPerMinute"] = "0",
                ["Webhooks__Enabled"] = "false",
            },
            startupTimeout: TimeSpan.FromSeconds(90));

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
