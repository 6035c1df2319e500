using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Todo.Server.Accounts;
using Todo.Server.Assistant;
using Todo.Server.Chat;
using Todo.Server.Data;
using Todo.Server.History;
using Todo.Server.Http;
using Todo.Server.Lists;
using Todo.Server.Live;
using Todo.Server.Reminders;
using Todo.Server.Tasks;
using Todo.Server.Tasks.QuickAdd;

namespace Todo.Tests.Web;

/// <summary>
/// bUnit with the real services (TaskService, ListService, QuickAddService, ConversationService, ChatService) on a fresh SQLite database, a
/// signed-in user, and a scripted model in place of the assistant's.
/// </summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("todo-web-").FullName;

    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        var connectionString = $"Data Source={Path.Combine(directory, "todo.db")}";
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        Services.AddSingleton<ActivitySignalInterceptor>();
        Services.AddDbContext<SqliteTodoDbContext>((provider, options) => DatabaseRegistration.UseSqlite(options, connectionString)
            .AddInterceptors(provider.GetRequiredService<ActivitySignalInterceptor>()));
        Services.AddScoped<TodoDbContext>(provider => provider.GetRequiredService<SqliteTodoDbContext>());
        Services.AddScoped<ActivityContext>(); // each page action's source and batch (ScopedServices sets them)
        Services.AddScoped<ActivityWriter>();
        Services.AddScoped<ActivityService>(); // the chat's undo_last and list_activity
        Services.AddScoped<TaskService>();
        Services.AddScoped<ListService>();
        Services.AddScoped<QuickAddService>();
        Services.AddScoped<ConversationService>();
        Services.AddScoped<ChatService>();
        Services.AddScoped<ChatTurns>();
        Services.AddScoped<IdempotencyStore>();
        Services.AddOptions<ChatSettings>();
        Services.AddOptions<AssistantOptions>();
        Services.AddOptions<RateLimitingOptions>();
        Services.AddSingleton<ChatTurnLimiter>();
        Services.AddSingleton<IChatClient>(Assistant);
        Services.AddSingleton<LocalUserSignals>();
        Services.AddSingleton<IUserSignals>(provider => provider.GetRequiredService<LocalUserSignals>());
        Services.AddScoped<NotificationService>();
        Services.AddScoped<ReminderService>();
        Services.AddOptions<ReminderOptions>();
        Services.AddSingleton<ReminderFirer>();
    }

    /// <summary>What the assistant's model does in the next turns.</summary>
    protected ScriptedModel Assistant { get; } = new();

    protected Guid UserId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await WithAsync<TodoDbContext>(db => db.Database.MigrateAsync());
        UserId = await CreateUserAsync();
    }

    /// <summary>Another account, to show what the user must not see.</summary>
    protected Task<Guid> CreateUserAsync() => WithAsync<TodoDbContext, Guid>(async db =>
    {
        var now = DateTime.UtcNow;
        var user = new User { Id = Guid.CreateVersion7(), Email = $"{Guid.NewGuid():N}@example.com", HashedPassword = "-", CreatedAt = now, UpdatedAt = now };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    });

    /// <summary>Runs <paramref name="action"/> with a service from a scope of its own, as the components do.</summary>
    protected async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected Task WithAsync<TService>(Func<TService, Task> action)
        where TService : notnull =>
        WithAsync<TService, bool>(async service =>
        {
            await action(service);
            return true;
        });

    /// <summary>Breaks the database under the page, as an outage would, by dropping the tasks or messages table.</summary>
    protected Task DropTableAsync(string table) =>
        WithAsync<TodoDbContext>(db => table switch
        {
            "tasks" => db.Database.ExecuteSqlAsync($"DROP TABLE tasks"),
            "messages" => db.Database.ExecuteSqlAsync($"DROP TABLE messages"),
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Drop tasks or messages."),
        });

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finalizing connection; the temp folder is cleaned by the system.
        }

        GC.SuppressFinalize(this);
    }
}
