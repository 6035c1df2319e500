using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Faults;

/// <summary>A server in memory whose database a test can make unwritable and writable again, with its log kept.</summary>
public abstract class UnwritableDatabaseApi : ApiFixture
{
    public LogCollector Log { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Log);

    /// <summary>From now on the database refuses writes; reads keep working.</summary>
    public abstract Task MakeUnwritableAsync();

    /// <summary>The database takes writes again; nothing is done to the server.</summary>
    public abstract Task MakeWritableAsync();
}

/// <summary>
/// SQLite in a folder of its own on a tmpfs mounted for the test class, remounted read-only and back. As root, chmod
/// does not stop a writer, so the test needs the mount (root has CAP_SYS_ADMIN here); not as root it falls back to
/// taking the write permission away from the files and the folder.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ReadOnlySqliteApi : UnwritableDatabaseApi
{
    private const int PersistWal = 10; // SQLITE_FCNTL_PERSIST_WAL

    private readonly string directory = Directory.CreateTempSubdirectory("todo-readonly-").FullName;
    private bool mounted;

    public override Todo.Server.Data.DatabaseProvider Provider => Todo.Server.Data.DatabaseProvider.Sqlite;

    private static bool IsRoot => Environment.IsPrivilegedProcess;

    private string DatabaseFile => Path.Combine(directory, "todo.db");

    protected override async Task<string> CreateDatabaseAsync()
    {
        if (IsRoot)
        {
            await RunAsync("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", directory);
            mounted = true;
        }

        return $"Data Source={DatabaseFile}";
    }

    public override async Task MakeUnwritableAsync()
    {
        // Linux refuses to remount a file system read-only while a file on it is open for writing, so the server's
        // pooled connections are closed first. The last one to close would delete the WAL and its index, without
        // which SQLite cannot read a WAL database on a read-only file system: this connection, with the WAL open
        // (a read), closes last and keeps them.
        using (var keeper = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False"))
        {
            keeper.Open();
            KeepWalOnClose(keeper);
            using (var read = keeper.CreateCommand())
            {
                read.CommandText = "SELECT count(*) FROM sqlite_master";
                read.ExecuteScalar();
            }

            ClearServerPool();
        }

        Assert.True(File.Exists(DatabaseFile + "-shm"), "the WAL index was not kept");

        if (mounted)
        {
            await RetryWhileBusyAsync(() => RunAsync("mount", "-o", "remount,ro", directory));
        }
        else
        {
            foreach (var file in Directory.GetFiles(directory))
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }

            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
    }

    public override async Task MakeWritableAsync()
    {
        if (mounted)
        {
            await RunAsync("mount", "-o", "remount,rw", directory);
        }
        else
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            foreach (var file in Directory.GetFiles(directory))
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
    }

    protected override void CleanUp()
    {
        ClearServerPool();
        if (mounted)
        {
            MakeWritableAsync().GetAwaiter().GetResult();
            RunAsync("umount", directory).GetAwaiter().GetResult();
        }

        Directory.Delete(directory, recursive: true);
    }

    private void ClearServerPool()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static void KeepWalOnClose(SqliteConnection connection)
    {
        var keep = 1;
        var result = NativeSqlite.FileControl(connection.Handle!.DangerousGetHandle(), "main\0"u8.ToArray(), PersistWal, ref keep);
        Assert.True(result == 0, $"SQLITE_FCNTL_PERSIST_WAL failed: {result}");
    }

    /// <summary>A connection the server was still returning may keep the file open for a moment.</summary>
    private async Task RetryWhileBusyAsync(Func<Task> remount)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await remount();
                return;
            }
            catch (InvalidOperationException) when (attempt < 20)
            {
                ClearServerPool();
                await Task.Delay(100);
            }
        }
    }

    private static async Task RunAsync(string command, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(command, arguments, timeout: TimeSpan.FromSeconds(20));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed: {result}");
        }
    }
}

/// <summary>
/// PostgreSQL on a server of the class's own (the setting is server-wide), made read-only the way a replica or an
/// operator makes it: <c>ALTER SYSTEM SET default_transaction_read_only = on</c> and a configuration reload, which
/// sessions already open (the server's pooled connections) apply too.
/// </summary>
public sealed class ReadOnlyPostgresApi : UnwritableDatabaseApi
{
    private PostgresServer? server;

    public override Todo.Server.Data.DatabaseProvider Provider => Todo.Server.Data.DatabaseProvider.Postgres;

    protected override async Task<string> CreateDatabaseAsync()
    {
        server = await PostgresServer.StartNewAsync();
        return await server.CreateDatabaseAsync("readonly");
    }

    public override Task MakeUnwritableAsync() => ConfigureAsync("ALTER SYSTEM SET default_transaction_read_only = on");

    public override Task MakeWritableAsync() => ConfigureAsync("ALTER SYSTEM RESET default_transaction_read_only");

    protected override void CleanUp() => server?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task ConfigureAsync(string alterSystem)
    {
        await using var connection = new NpgsqlConnection(server!.AdminConnectionString);
        await connection.OpenAsync();
        // ALTER SYSTEM cannot run in a transaction block, so not in one batch with the reload.
        await using (var alter = new NpgsqlCommand(alterSystem, connection))
        {
            await alter.ExecuteNonQueryAsync();
        }

        await using var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection);
        await reload.ExecuteScalarAsync();
    }
}

/// <summary>sqlite3_file_control, which SQLitePCLRaw does not expose, from the SQLite library Microsoft.Data.Sqlite loaded.</summary>
internal static class NativeSqlite
{
    [DllImport("e_sqlite3", EntryPoint = "sqlite3_file_control")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static extern int FileControl(IntPtr db, byte[] databaseName, int operation, ref int argument);
}
