using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Accounts;
using Todo.Server.History;
using Todo.Server.OAuth;
using Todo.Server.Chat;
using Todo.Server.Lists;
using Todo.Server.Reminders;
using Todo.Server.Tasks;
using Todo.Server.Tokens;
using Todo.Server.Transfer;
using Todo.Server.Webhooks;

namespace Todo.Server.Data;

/// <summary>
/// The application's unit of work. Each provider has its own subclass, so each keeps its own set of
/// migrations (<c>Data/Migrations/Postgres</c>, <c>Data/Migrations/Sqlite</c>) for the same model.
/// </summary>
public abstract class TodoDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<User> Users => Set<User>();
    public DbSet<TaskItem> Tasks => Set<TaskItem>();
    public DbSet<TodoList> Lists => Set<TodoList>();
    public DbSet<TaskLabel> TaskLabels => Set<TaskLabel>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();
    public DbSet<ActivityEvent> Activity => Set<ActivityEvent>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<Webhook> Webhooks => Set<Webhook>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    /// <summary>The keys that protect the web page's cookies, shared by every copy of the server.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TodoDbContext).Assembly);
        OAuthModel.Configure(modelBuilder);
        OwnerInEveryWrite(modelBuilder);
    }

    /// <summary>
    /// The owner is part of every UPDATE and DELETE that SaveChanges sends for a row keyed by user
    /// (<c>WHERE id = @id AND user_id = @owner</c>), not only of the query that loaded it: each statement names the
    /// user whose row it writes, which a database distributed by user_id needs to send it to one node (docs/scaling.md).
    /// A concurrency token changes no column, so the schema and its migrations stay as they are.
    /// </summary>
    private static void OwnerInEveryWrite(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.FindProperty(OwnerProperty) is { } owner && entity.FindPrimaryKey()?.Properties.Contains(owner) != true)
            {
                owner.IsConcurrencyToken = true;
            }
        }
    }

    private const string OwnerProperty = "UserId";
}

public sealed class PostgresTodoDbContext(DbContextOptions<PostgresTodoDbContext> options) : TodoDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // The labels in the report's order (USER, ASSISTANT); the mapping itself is set by MapEnum in UseNpgsql.
        modelBuilder.HasPostgresEnum(MessageRoleLabels.PostgresTypeName, MessageRoleLabels.All);
    }
}

public sealed class SqliteTodoDbContext(DbContextOptions<SqliteTodoDbContext> options) : TodoDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        SqliteModel.Configure(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps timestamps as text without a zone; every stored value is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
