using System.Globalization;
using System.Security.Cryptography;
using Npgsql;
using Todo.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace Todo.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server: initdb into a fresh folder, listening on a free port on 127.0.0.1,
/// with fsync off, removed again on dispose. One instance is the assembly fixture shared by the whole
/// test run (tests get fresh databases from it, see <see cref="PostgresDatabase"/>); tests that stop and
/// start PostgreSQL take a private one from <see cref="StartNewAsync"/>.
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root, so when the tests run as root the server's folder is made under
/// /tmp, given to the <c>postgres</c> user, and initdb and pg_ctl run through <c>runuser -u postgres</c>.
/// Missing binaries fail the run with what to install; they never skip tests.
/// </remarks>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string Host = "127.0.0.1";
    private const string SuperUser = "postgres";
    private const string OsUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _binDirectory;
    private string? _rootDirectory;
    private bool _runAsPostgresUser;
    private bool _running;
    private bool _disposed;

    /// <summary>Used by xunit for the assembly fixture; the server starts in <see cref="InitializeAsync"/>.</summary>
    public PostgresServer()
    {
    }

    /// <summary>The TCP port on 127.0.0.1 the server listens on; the same across <see cref="StopAsync"/>/<see cref="StartAsync"/>.</summary>
    public int Port { get; private set; }

    /// <summary>The cluster's data directory (also where its unix socket lives).</summary>
    public string DataDirectory => Path.Combine(RootDirectory, "data");

    /// <summary>The server's log file (pg_ctl -l).</summary>
    public string LogFile => Path.Combine(RootDirectory, "server.log");

    /// <summary>Whether the server is up (started and not stopped).</summary>
    public bool IsRunning => _running;

    /// <summary>Superuser connection to the <c>postgres</c> maintenance database, without pooling.</summary>
    public string AdminConnectionString => ConnectionStringFor("postgres", pooling: false);

    private string RootDirectory => _rootDirectory ?? throw new InvalidOperationException("The PostgreSQL server has not been initialized.");

    /// <summary>Starts an additional private server (its own folder and port), for tests that stop and start it.</summary>
    public static async Task<PostgresServer> StartNewAsync()
    {
        var server = new PostgresServer();
        try
        {
            await server.InitializeAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates the cluster (initdb) and starts it.</summary>
    public async ValueTask InitializeAsync()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_rootDirectory is not null)
        {
            throw new InvalidOperationException("The PostgreSQL server was already initialized.");
        }

        _binDirectory = FindBinDirectory();
        _runAsPostgresUser = Environment.IsPrivilegedProcess;
        _rootDirectory = CreateRootDirectory(_runAsPostgresUser);
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;

        await RunToolAsync("initdb",
            "-D", DataDirectory,
            "-U", SuperUser,
            "--auth=trust",
            "-E", "UTF8",
            "--locale=C.UTF-8",
            "--no-sync");

        // The free port can be taken between choosing it and the server binding it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            try
            {
                await StartAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Starts the server again on the same data directory and port; does nothing when it runs.</summary>
    public async Task StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_running)
            {
                return;
            }

            var options = string.Join(' ',
                "-p", Port.ToString(CultureInfo.InvariantCulture),
                "-k", ShellQuote(DataDirectory),
                "-c", "listen_addresses=" + Host,
                "-c", "fsync=off",
                "-c", "max_connections=200");
            var result = await RunToolAsync("pg_ctl",
                ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", options, "start"],
                throwOnFailure: false);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL did not start on port {Port}.\n{result}\n--- server log ---\n{ReadLog()}");
            }

            _running = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Stops the server, keeping its data and port for <see cref="StartAsync"/>. Open connections are cut.
    /// <paramref name="immediate"/> stops it without a shutdown checkpoint, as a crash would.
    /// </summary>
    public async Task StopAsync(bool immediate = false)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_running)
            {
                return;
            }

            await RunToolAsync("pg_ctl", "-D", DataDirectory, "-m", immediate ? "immediate" : "fast", "-w", "-t", "60", "stop");
            _running = false;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A keyword connection string for <paramref name="database"/> on this server as the superuser.</summary>
    public string ConnectionStringFor(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = Port,
            Username = SuperUser,
            Database = database,
            Pooling = pooling,
            IncludeErrorDetail = true,
        }.ConnectionString;

    /// <summary>
    /// Creates a database with a unique name (starting with <paramref name="prefix"/>, default "todo")
    /// and answers a connection string for it.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        var name = UniqueDatabaseName(prefix);
        await ExecuteAdminAsync($"CREATE DATABASE {QuoteIdentifier(name)}");
        return ConnectionStringFor(name);
    }

    /// <summary>Drops the database, cutting any connections still open to it; nothing happens if it is gone.</summary>
    public async Task DropDatabaseAsync(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS {QuoteIdentifier(name)} WITH (FORCE)");
    }

    /// <summary>The server's log so far, for diagnostics.</summary>
    public string ReadLog()
    {
        try
        {
            return File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no log file)";
        }
        catch (IOException ex)
        {
            return $"(log unreadable: {ex.Message})";
        }
    }

    /// <summary>Stops the server at once (pg_ctl -m immediate) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            if (_rootDirectory is null)
            {
                return;
            }

            if (_running || File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"], throwOnFailure: false);
                _running = false;
            }

            DeleteRootDirectory();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private Task<CliResult> RunToolAsync(string tool, params string[] arguments) =>
        RunToolAsync(tool, arguments, throwOnFailure: true);

    private async Task<CliResult> RunToolAsync(string tool, string[] arguments, bool throwOnFailure)
    {
        var executable = Path.Combine(_binDirectory!, tool);
        string fileName;
        IEnumerable<string> allArguments;
        if (_runAsPostgresUser)
        {
            fileName = "runuser";
            allArguments = ["-u", OsUser, "--", executable, .. arguments];
        }
        else
        {
            fileName = executable;
            allArguments = arguments;
        }

        // Run from a folder the postgres user can enter, with a predictable locale and no PG* settings
        // from the developer's shell.
        var environment = new Dictionary<string, string?>
        {
            ["LC_ALL"] = null,
            ["LANG"] = "C.UTF-8",
            ["PGDATA"] = null,
            ["PGHOST"] = null,
            ["PGPORT"] = null,
            ["PGUSER"] = null,
            ["PGDATABASE"] = null,
            ["PGOPTIONS"] = null,
        };
        var result = await ProcessRunner.RunAsync(fileName, allArguments, RootDirectory, environment, CommandTimeout);
        if (throwOnFailure && result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{tool} failed for the test PostgreSQL server in {RootDirectory}.\n{result}\n--- server log ---\n{ReadLog()}");
        }

        return result;
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        // The test host is going away without disposing the fixture (an aborted run): do not leave a
        // postmaster behind.
        if (_disposed || _rootDirectory is null)
        {
            return;
        }

        try
        {
            RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "-t", "10", "stop"], throwOnFailure: false)
                .Wait(TimeSpan.FromSeconds(15));
            DeleteRootDirectory();
        }
        catch (Exception ex) when (ex is AggregateException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Best effort at exit.
        }
    }

    private void DeleteRootDirectory()
    {
        for (var attempt = 1; attempt <= 3 && Directory.Exists(RootDirectory); attempt++)
        {
            try
            {
                Directory.Delete(RootDirectory, recursive: true);
            }
            catch (IOException) when (attempt < 3)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static string FindBinDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TODO_TEST_PG_BIN");
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            candidates.Add(fromEnvironment);
        }

        candidates.Add("/usr/lib/postgresql/15/bin");
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        var found = candidates.FirstOrDefault(d =>
            File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")) && File.Exists(Path.Combine(d, "postgres")));
        return found ?? throw new InvalidOperationException(
            "The tests need a PostgreSQL server (initdb, pg_ctl, postgres) in /usr/lib/postgresql/15/bin, and none was found " +
            $"(looked in: {string.Join(", ", candidates.Distinct())}). Install it with `sudo apt-get install -y postgresql` " +
            "(./test.sh does this on Debian/Ubuntu), or point TODO_TEST_PG_BIN at a folder holding those programs.");
    }

    private static string CreateRootDirectory(bool forPostgresUser)
    {
        if (!forPostgresUser || OperatingSystem.IsWindows())
        {
            return Directory.CreateTempSubdirectory("todo-pg-").FullName;
        }

        if (!File.ReadLines("/etc/passwd").Any(line => line.StartsWith(OsUser + ":", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException(
                "The tests run as root, and PostgreSQL refuses to run as root, so they run it as the 'postgres' user, which does not exist. " +
                "Install PostgreSQL with `apt-get install -y postgresql` (it creates that user), or run the tests as an ordinary user.");
        }

        // /tmp, not TMPDIR: every parent of the folder must be traversable by the postgres user.
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                                  UnixFileMode.GroupRead | UnixFileMode.GroupExecute |
                                  UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        string path;
        do
        {
            path = Path.Combine("/tmp", "todo-pg-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
        }
        while (Directory.Exists(path));

        Directory.CreateDirectory(path, mode);
        File.SetUnixFileMode(path, mode);
        var chown = ProcessRunner.RunAsync("chown", [OsUser, path], timeout: TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"Could not give {path} to the postgres user.\n{chown}");
        }

        return path;
    }

    private static string UniqueDatabaseName(string? prefix)
    {
        var cleaned = new string((prefix ?? "todo").ToLowerInvariant()
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        if (cleaned.Length == 0 || !char.IsAsciiLetter(cleaned[0]))
        {
            cleaned = "db_" + cleaned;
        }

        var suffix = "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        return cleaned[..Math.Min(cleaned.Length, 63 - suffix.Length)] + suffix;
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
