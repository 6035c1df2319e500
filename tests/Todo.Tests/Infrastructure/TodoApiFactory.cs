using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Data;
using Todo.Server.Http;

namespace Todo.Tests.Infrastructure;

/// <summary>
/// The server in memory (TestServer) against one database, with test settings layered over the defaults and, when
/// given, test services over the server's.
/// </summary>
public sealed class TodoApiFactory(
    string connectionString, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? testServices = null)
    : WebApplicationFactory<Program>
{
    public const string SigningKey = "test-signing-key-that-is-long-enough-for-hs256!";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Todo", connectionString);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("RateLimiting:AuthPerMinute", "0");
        builder.UseSetting("RateLimiting:ChatPerMinute", "0");
        builder.UseSetting("RateLimiting:McpPerMinute", "0");
        // The in-memory server is reached over plain http.
        builder.UseSetting("OAuth:RequireHttps", "false");
        builder.UseSetting("OAuth:RegistrationsPerMinute", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (testServices is not null)
        {
            builder.ConfigureTestServices(testServices);
        }
    }
}

/// <summary>A registered, signed-in user and a client that sends its token.</summary>
public sealed record TestUser(Guid Id, string Email, string Password, string Token, HttpClient Client);

/// <summary>
/// One in-memory server and its database for a test class. Derived fixtures choose the provider, so the same
/// tests run on SQLite and PostgreSQL (see <see cref="SqliteApi"/>, <see cref="PostgresApi"/>).
/// </summary>
public abstract class ApiFixture : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = CreateJsonOptions();

    private TodoApiFactory? factory;

    public TodoApiFactory Factory => factory ?? throw new InvalidOperationException("The fixture is not initialized.");

    public IServiceProvider Services => Factory.Services;

    public string ConnectionString { get; private set; } = "";

    public abstract DatabaseProvider Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync();

    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    /// <summary>Test services over the server's (none by default).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        factory = new TodoApiFactory(ConnectionString, Settings, ConfigureTestServices);
        _ = factory.Server; // starts the server: migrations are applied at start
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        CleanUp();
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes what <see cref="CreateDatabaseAsync"/> made, once the server has stopped.</summary>
    protected virtual void CleanUp()
    {
    }

    public HttpClient CreateClient() => Factory.CreateClient();

    /// <summary>Registers a new user with a unique email, signs in, and returns a client that sends the token.</summary>
    public async Task<TestUser> CreateUserAsync(string? email = null, string password = "correct horse battery")
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        var client = CreateClient();
        var register = await client.PostAsJsonAsync("/api/auth/register", new { email, password }, Json);
        register.EnsureSuccessStatusCode();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password }, Json);
        login.EnsureSuccessStatusCode();
        var body = await login.Content.ReadFromJsonAsync<JsonElement>(Json);
        var token = body.GetProperty("access_token").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new TestUser(body.GetProperty("user").GetProperty("id").GetGuid(), email, password, token, client);
    }

    /// <summary>Runs <paramref name="action"/> with a database context of the server, to check or arrange stored state.</summary>
    public async Task<T> WithDbAsync<T>(Func<TodoDbContext, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TodoDbContext>());
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiConventions.Configure(options);
        return options;
    }
}

public class SqliteApi : ApiFixture
{
    private readonly TemporarySqliteDatabase database = new();

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(database.ConnectionString);

    protected override void CleanUp() => database.Dispose();
}

/// <summary>A SQLite database file in a temporary folder of its own, removed with the folder.</summary>
public sealed class TemporarySqliteDatabase : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("todo-sqlite-").FullName;

    public string ConnectionString => $"Data Source={Path.Combine(directory, "todo.db")}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finalizing connection; the temp folder is cleaned by the system.
        }
    }
}

public class PostgresApi(PostgresServer server) : ApiFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override Task<string> CreateDatabaseAsync() => server.CreateDatabaseAsync("api");
}
