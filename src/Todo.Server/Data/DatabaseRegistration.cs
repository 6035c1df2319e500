using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Todo.Server.Chat;
using Todo.Server.History;
using Todo.Server.Live;

namespace Todo.Server.Data;

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers the database named by ConnectionStrings:Todo. The connection string is read when first needed,
    /// so a bad one is reported by the command or start-up step that needs it, in one line.
    /// </summary>
    public static WebApplicationBuilder AddTodoDatabase(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(provider => DatabaseConnection.Resolve(
            provider.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseConnection.ConnectionStringName),
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);

        services.AddSingleton<LocalUserSignals>();
        services.TryAddSingleton<PostgresUserSignals>();
        services.TryAddSingleton<IUserSignals>(provider =>
            provider.GetRequiredService<DatabaseConnection>().Provider == DatabaseProvider.Postgres
                ? provider.GetRequiredService<PostgresUserSignals>() // LISTEN/NOTIFY: every server copy hears of a change
                : provider.GetRequiredService<LocalUserSignals>());
        services.AddSingleton<ActivitySignalInterceptor>();
        services.AddDbContextPool<PostgresTodoDbContext>((provider, options) =>
            UsePostgres(options, WithPoolDefaults(provider.GetRequiredService<DatabaseConnection>().ConnectionString))
                .AddInterceptors(provider.GetRequiredService<ActivitySignalInterceptor>()));
        services.AddDbContextPool<SqliteTodoDbContext>((provider, options) =>
            UseSqlite(options, provider.GetRequiredService<DatabaseConnection>().ConnectionString)
                .AddInterceptors(provider.GetRequiredService<ActivitySignalInterceptor>()));
        services.AddScoped<TodoDbContext>(provider =>
            provider.GetRequiredService<DatabaseConnection>().Provider == DatabaseProvider.Postgres
                ? provider.GetRequiredService<PostgresTodoDbContext>()
                : provider.GetRequiredService<SqliteTodoDbContext>());

        services.AddSingleton<DatabaseMigrator>();
        return builder;
    }

    /// <summary>
    /// The application's PostgreSQL connections, with two defaults measured with bench/run.sh (a setting written in
    /// the connection string wins):
    /// <list type="bullet">
    /// <item><c>No Reset On Close</c>: no <c>DISCARD ALL</c> each time a pooled connection is handed out again.
    /// Nothing here leaves session state on a pooled connection (the advisory locks take connections of their own,
    /// outside the pool), and Npgsql still rolls back any open transaction when a connection returns. About 6% less
    /// PostgreSQL CPU per list request.</item>
    /// <item><c>Max Auto Prepare</c>: the statements a connection runs often are prepared on it, so PostgreSQL plans
    /// them once instead of on every request. 10–20% less CPU per chat turn (server and PostgreSQL together).</item>
    /// </list>
    /// </summary>
    internal static string WithPoolDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
        }

        return builder.ConnectionString;
    }

    /// <summary>Statements prepared per connection: every query and command the server runs, with room to spare.</summary>
    internal const int AutoPreparedStatements = 100;

    internal static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql
                .MapEnum<MessageRole>(MessageRoleLabels.PostgresTypeName, nameTranslator: MessageRoleLabels.Translator)
                .MigrationsHistoryTable(DatabaseMigrator.HistoryTable))
            .UseSnakeCaseNamingConvention()
            .ConfigureWarnings(FailuresAsWarnings)
            .AddInterceptors(DbCommandCounter.Instance);

    internal static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(DatabaseMigrator.HistoryTable))
            .UseSnakeCaseNamingConvention()
            .ConfigureWarnings(FailuresAsWarnings)
            .AddInterceptors(DbCommandCounter.Instance, SqliteWriteGate.Instance, SqliteReadOnlyPoolReset.Instance);

    /// <summary>
    /// A failed statement is logged by EF Core as a warning; the code that meets the exception decides whether it is an
    /// error. A database that is down or read-only, or a token whose account is gone, is an answer (503, 401) and a
    /// warning at most; a bug still reaches ApiExceptionHandler, which logs the 500 as an error.
    /// </summary>
    private static void FailuresAsWarnings(WarningsConfigurationBuilder warnings) => warnings.Log(
        (RelationalEventId.CommandError, LogLevel.Warning),
        (CoreEventId.SaveChangesFailed, LogLevel.Warning),
        (CoreEventId.QueryIterationFailed, LogLevel.Warning));
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a live database.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTodoDbContext>
{
    public PostgresTodoDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgresTodoDbContext>)DatabaseRegistration
            .UsePostgres(new DbContextOptionsBuilder<PostgresTodoDbContext>(), "Host=localhost;Database=todo").Options);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without a live database.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTodoDbContext>
{
    public SqliteTodoDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<SqliteTodoDbContext>)DatabaseRegistration
            .UseSqlite(new DbContextOptionsBuilder<SqliteTodoDbContext>(), "Data Source=design.db").Options);
}
