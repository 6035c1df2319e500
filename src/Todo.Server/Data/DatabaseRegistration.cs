using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Todo.Server.Chat;

namespace Todo.Server.Data;

public static class DatabaseRegistration
{
    public static WebApplicationBuilder AddTodoDatabase(this WebApplicationBuilder builder)
    {
        var connection = DatabaseConnection.Resolve(
            builder.Configuration.GetConnectionString(DatabaseConnection.ConnectionStringName),
            builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(connection);
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);

        if (connection.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContextPool<TodoDbContext, PostgresTodoDbContext>(
                options => UsePostgres(options, connection.ConnectionString));
        }
        else
        {
            builder.Services.AddDbContextPool<TodoDbContext, SqliteTodoDbContext>(
                options => UseSqlite(options, connection.ConnectionString));
        }

        builder.Services.AddSingleton<DatabaseMigrator>();
        return builder;
    }

    internal static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql
                .MapEnum<MessageRole>(MessageRoleLabels.PostgresTypeName, nameTranslator: MessageRoleLabels.Translator)
                .MigrationsHistoryTable(DatabaseMigrator.HistoryTable))
            .UseSnakeCaseNamingConvention();

    internal static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(DatabaseMigrator.HistoryTable))
            .UseSnakeCaseNamingConvention();
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
