using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Accounts;
using Todo.Server.Data;

namespace Todo.Tests.Data;

/// <summary>
/// SQLite writers of one process take turns through <see cref="SqliteWriteGate"/> instead of meeting SQLITE_BUSY.
/// The connection string sets a command timeout of 1 s, after which Microsoft.Data.Sqlite gives up retrying a
/// locked database: a writer that waits longer than that and still succeeds waited for its turn, not on SQLite.
/// </summary>
public sealed class SqliteWriteGateTests : IAsyncLifetime
{
    private const int Timeout = 60_000;
    private static readonly TimeSpan LongerThanSqliteRetries = TimeSpan.FromSeconds(2.5);
    private static readonly TimeSpan Ample = TimeSpan.FromSeconds(20);

    private readonly string folder = Directory.CreateTempSubdirectory("todo-gate-").FullName;
    private Guid userId;

    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(folder, "todo.db"),
        DefaultTimeout = 1,
    }.ConnectionString;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync(Cancel);
        userId = Guid.CreateVersion7();
        db.Users.Add(NewUser(userId, "gate@example.com"));
        await db.SaveChangesAsync(Cancel);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temporary folder.
        }

        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("INSERT INTO tasks (id) VALUES (1)", true)]
    [InlineData("  update users SET is_active = 0", true)]
    [InlineData("-- tag\n-- another\nDELETE FROM tasks", true)]
    [InlineData("REPLACE INTO t VALUES (1)", true)]
    [InlineData("SELECT * FROM tasks", false)]
    [InlineData("-- UPDATE in a comment\nSELECT 1", false)]
    [InlineData("PRAGMA foreign_keys = ON", false)]
    [InlineData("", false)]
    public void WritesAreTheStatementsThatStartWithAWriteVerb(string sql, bool writes) =>
        Assert.Equal(writes, SqliteWriteGate.Writes(sql));

    [Fact(Timeout = Timeout)]
    public async Task AWriterWaitsForAnOpenWriteTransactionLongerThanSqliteWouldRetryAndThenSucceeds()
    {
        await using var holder = NewContext();
        await using var transaction = await holder.Database.BeginTransactionAsync(Cancel);
        await RenameAsync(holder, "held@example.com");

        await using var waiter = NewContext();
        var waiting = RenameAsync(waiter, "waited@example.com");
        await Task.Delay(LongerThanSqliteRetries, Cancel);

        Assert.False(waiting.IsCompleted, "The second writer ran while the first one's transaction was open.");
        await transaction.CommitAsync(Cancel);
        Assert.Equal(1, await waiting.WaitAsync(Ample, Cancel));
        Assert.Equal("waited@example.com", await EmailAsync());
    }

    [Fact(Timeout = Timeout)]
    public async Task ReadsDoNotWaitForAWriter()
    {
        await using var holder = NewContext();
        await using var transaction = await holder.Database.BeginTransactionAsync(Cancel);
        await RenameAsync(holder, "uncommitted@example.com");

        await using var reader = NewContext();
        var email = await reader.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(Cancel).WaitAsync(Ample, Cancel);

        Assert.Equal("gate@example.com", email);
        await transaction.RollbackAsync(Cancel);
    }

    [Fact(Timeout = Timeout)]
    public async Task ATransactionDisposedWithoutCommitLetsTheNextWriterIn()
    {
        await using (var holder = NewContext())
        {
            await using var transaction = await holder.Database.BeginTransactionAsync(Cancel);
            await RenameAsync(holder, "discarded@example.com");
        }

        await using var next = NewContext();
        Assert.Equal(1, await RenameAsync(next, "next@example.com").WaitAsync(Ample, Cancel));
        Assert.Equal("next@example.com", await EmailAsync());
    }

    [Fact(Timeout = Timeout)]
    public async Task AContextDisposedInsideItsTransactionLetsTheNextWriterIn()
    {
        var holder = NewContext();
        await holder.Database.BeginTransactionAsync(Cancel);
        await RenameAsync(holder, "abandoned@example.com");
        await holder.DisposeAsync();

        await using var next = NewContext();
        Assert.Equal(1, await RenameAsync(next, "next@example.com").WaitAsync(Ample, Cancel));
        Assert.Equal("next@example.com", await EmailAsync());
    }

    [Fact(Timeout = Timeout)]
    public async Task FailedWritesLetTheNextWriterIn()
    {
        await using (var single = NewContext())
        {
            single.Users.Add(NewUser(Guid.CreateVersion7(), "gate@example.com"));
            await Assert.ThrowsAsync<DbUpdateException>(() => single.SaveChangesAsync(Cancel));
        }

        await using (var batch = NewContext())
        {
            batch.Users.Add(NewUser(Guid.CreateVersion7(), "fresh@example.com"));
            batch.Users.Add(NewUser(Guid.CreateVersion7(), "gate@example.com"));
            await Assert.ThrowsAsync<DbUpdateException>(() => batch.SaveChangesAsync(Cancel));
        }

        await using var next = NewContext();
        Assert.Equal(1, await RenameAsync(next, "next@example.com").WaitAsync(Ample, Cancel));
        Assert.Equal(1, await next.Users.CountAsync(Cancel));
    }

    [Fact(Timeout = Timeout)]
    public async Task AWriterCancelledWhileWaitingGivesUpAndTakesNoTurn()
    {
        await using var holder = NewContext();
        await using var transaction = await holder.Database.BeginTransactionAsync(Cancel);
        await RenameAsync(holder, "held@example.com");

        using var cancelled = new CancellationTokenSource();
        await using var impatient = NewContext();
        var waiting = impatient.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, "impatient@example.com"), cancelled.Token);
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Ample, Cancel));

        await transaction.CommitAsync(Cancel);
        await using var next = NewContext();
        Assert.Equal(1, await RenameAsync(next, "next@example.com").WaitAsync(Ample, Cancel));
        Assert.Equal("next@example.com", await EmailAsync());
    }

    [Fact(Timeout = Timeout)]
    public async Task ManyConcurrentWritersAllSucceedWithoutSqliteGivingUp()
    {
        const int writers = 16;
        const int writesEach = 25;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < writesEach; i++)
            {
                await using var db = NewContext();
                db.Users.Add(NewUser(Guid.CreateVersion7(), $"writer{writer}-{i}@example.com"));
                await db.SaveChangesAsync(Cancel);
            }
        }, Cancel)));

        await using var check = NewContext();
        Assert.Equal(1 + (writers * writesEach), await check.Users.CountAsync(Cancel));
    }

    private SqliteTodoDbContext NewContext() =>
        new((DbContextOptions<SqliteTodoDbContext>)DatabaseRegistration
            .UseSqlite(new DbContextOptionsBuilder<SqliteTodoDbContext>(), ConnectionString).Options);

    private static User NewUser(Guid id, string email) =>
        new() { Id = id, Email = email, HashedPassword = "-", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };

    private Task<int> RenameAsync(TodoDbContext db, string email) =>
        db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, email), Cancel);

    private async Task<string> EmailAsync()
    {
        await using var db = NewContext();
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(Cancel);
    }
}
