using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;

namespace Todo.Tests.Infrastructure;

/// <summary>
/// Runs the built server the way an operator does: <c>dotnet src/Todo.Server/bin/{Configuration}/net10.0/Todo.Server.dll ARGS</c>,
/// out of process, with the environment variables given in <see cref="Environment"/>.
/// </summary>
/// <example>
/// <code>
/// var cli = new TodoCli { Environment = { ["ConnectionStrings__Todo"] = db.ConnectionString } };
/// var result = await cli.RunAsync("db", "migrate");
/// Assert.Equal(0, result.ExitCode);
/// </code>
/// </example>
public sealed class TodoCli
{
    private static readonly Lazy<string> LazyRepoRoot = new(FindRepoRoot);
    private static readonly Lazy<string> LazyConfiguration = new(FindConfiguration);

    /// <summary>The repository's root: the folder holding Todo.slnx.</summary>
    public static string RepoRoot => LazyRepoRoot.Value;

    /// <summary>The build configuration of the test assembly (Debug or Release); the server's is the same.</summary>
    public static string Configuration => LazyConfiguration.Value;

    /// <summary>src/Todo.Server, the server project's folder.</summary>
    public static string ServerProjectDirectory => Path.Combine(RepoRoot, "src", "Todo.Server");

    /// <summary>The server's build output folder, src/Todo.Server/bin/{Configuration}/net10.0.</summary>
    public static string ServerOutputDirectory => Path.Combine(ServerProjectDirectory, "bin", Configuration, "net10.0");

    /// <summary>The built server, checked to exist.</summary>
    public static string ServerDll
    {
        get
        {
            var dll = Path.Combine(ServerOutputDirectory, "Todo.Server.dll");
            return File.Exists(dll)
                ? dll
                : throw new InvalidOperationException($"The server is not built: {dll} is missing. Build the solution with -c {Configuration} first.");
        }
    }

    /// <summary>The dotnet host running these tests (DOTNET_HOST_PATH), or dotnet from PATH.</summary>
    public static string DotnetHost
    {
        get
        {
            var host = System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(host) && File.Exists(host))
            {
                return host;
            }

            var current = System.Environment.ProcessPath;
            return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
        }
    }

    /// <summary>
    /// Environment variables for the server, on top of the test process's own (a null value removes one),
    /// e.g. <c>ConnectionStrings__Todo</c>.
    /// </summary>
    public IDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>The working directory (default: the server's build output folder, as for a published app).</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The content root, passed as ASPNETCORE_CONTENTROOT when set.</summary>
    public string? ContentRoot { get; init; }

    /// <summary>How long a command may run before its process tree is killed (default 60 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Runs <c>Todo.Server.dll ARGS</c> to completion.</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunAsync(args, standardInput: null);

    /// <summary>
    /// Runs <c>Todo.Server.dll ARGS</c> to completion, writing <paramref name="standardInput"/> to it
    /// (its input is closed in any case). Throws <see cref="TimeoutException"/> (with the output so far)
    /// after <see cref="Timeout"/>, having killed the process tree.
    /// </summary>
    public Task<CliResult> RunAsync(IEnumerable<string> args, string? standardInput, CancellationToken cancellationToken = default) =>
        ProcessRunner.RunAsync(
            DotnetHost,
            args.Prepend(ServerDll),
            WorkingDirectory ?? ServerOutputDirectory,
            EffectiveEnvironment(Environment, ContentRoot),
            Timeout,
            standardInput,
            cancellationToken);

    internal static Dictionary<string, string?> EffectiveEnvironment(IEnumerable<KeyValuePair<string, string?>>? environment, string? contentRoot)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        if (contentRoot is not null)
        {
            result["ASPNETCORE_CONTENTROOT"] = contentRoot;
        }

        foreach (var (key, value) in environment ?? [])
        {
            result[key] = value;
        }

        return result;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Todo.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Todo.slnx above {AppContext.BaseDirectory}: cannot find the repository root.");
    }

    private static string FindConfiguration()
    {
        // .../tests/Todo.Tests/bin/{Configuration}/net10.0/
        var parts = AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var bin = Array.LastIndexOf(parts, "bin");
        if (bin >= 0 && bin + 1 < parts.Length)
        {
            return parts[bin + 1];
        }

        return typeof(TodoCli).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
            ?? throw new InvalidOperationException($"Cannot tell the build configuration from {AppContext.BaseDirectory}.");
    }
}

/// <summary>
/// The built server running as a web server in its own process, on a free port of 127.0.0.1,
/// started with <see cref="StartAsync"/> once <c>GET /health/live</c> answers 200. Its output is kept for
/// diagnostics (<see cref="Output"/>); dispose kills it.
/// </summary>
public sealed class TodoServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _output = new();
    private readonly string _commandLine;
    private bool _disposed;

    private TodoServerProcess(Process process, Uri baseAddress, string commandLine)
    {
        _process = process;
        _commandLine = commandLine;
        BaseAddress = baseAddress;
        HttpClient = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client whose BaseAddress is the server's.</summary>
    public HttpClient HttpClient { get; }

    /// <summary>The server's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once the process has ended.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>What the server printed to standard output so far.</summary>
    public string StdOut => ProcessRunner.Snapshot(_stdout);

    /// <summary>What the server printed to standard error so far.</summary>
    public string StdErr => ProcessRunner.Snapshot(_stderr);

    /// <summary>Standard output and error so far, interleaved as they arrived.</summary>
    public string Output => ProcessRunner.Snapshot(_output);

    /// <summary>
    /// Starts <c>dotnet Todo.Server.dll --urls http://127.0.0.1:{free port} [args]</c> with the given environment
    /// variables on top of the test process's own, and waits until <c>GET /health/live</c> answers 200.
    /// </summary>
    /// <exception cref="InvalidOperationException">The process exited first, or was not ready within <paramref name="startupTimeout"/> (default 30 s); the message holds its output.</exception>
    public static async Task<TodoServerProcess> StartAsync(
        IEnumerable<KeyValuePair<string, string?>>? environment = null,
        IEnumerable<string>? args = null,
        string? workingDirectory = null,
        TimeSpan? startupTimeout = null,
        CancellationToken cancellationToken = default)
    {
        var extraArgs = args?.ToArray() ?? [];
        var env = TodoCli.EffectiveEnvironment(environment, contentRoot: null);
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var server = Launch(port, extraArgs, env, workingDirectory ?? TodoCli.ServerOutputDirectory);
            try
            {
                await server.WaitUntilLiveAsync(startupTimeout ?? TimeSpan.FromSeconds(90), cancellationToken);
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3 && server.HasExited && IsPortClash(server.Output))
            {
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Kills the server at once (SIGKILL), as a crash or an OOM kill would.</summary>
    public void Kill() => ProcessRunner.KillTree(_process);

    /// <summary>Waits for the process to end (after <see cref="Kill"/>, or when it stops by itself).</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
    }

    /// <summary>A description of the process and everything it printed, for assertion messages.</summary>
    public override string ToString()
    {
        var state = _process.HasExited
            ? "exited with code " + _process.ExitCode.ToString(CultureInfo.InvariantCulture)
            : "running";
        return $"{_commandLine} ({state})\n--- output ---\n{Output}";
    }

    /// <summary>Kills the server and releases the client.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        HttpClient.Dispose();
        Kill();
        try
        {
            await WaitForExitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // Nothing more to do for a process that does not die on SIGKILL.
        }

        _process.Dispose();
    }

    private static TodoServerProcess Launch(int port, string[] extraArgs, Dictionary<string, string?> environment, string workingDirectory)
    {
        var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        string[] arguments = [TodoCli.ServerDll, "--urls", baseAddress.GetLeftPart(UriPartial.Authority), .. extraArgs];
        var startInfo = ProcessRunner.CreateStartInfo(TodoCli.DotnetHost, arguments, workingDirectory, environment);
        var process = new Process { StartInfo = startInfo };
        var server = new TodoServerProcess(process, baseAddress, ProcessRunner.Describe(startInfo));
        process.OutputDataReceived += (_, e) => server.Append(server._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(server._stderr, e.Data);
        try
        {
            process.Start();
        }
        catch
        {
            server.HttpClient.Dispose();
            process.Dispose();
            throw;
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private async Task WaitUntilLiveAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                await Task.Delay(200, CancellationToken.None); // let the last lines of output arrive
                throw new InvalidOperationException($"The server exited before it was ready.\n{this}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri("health/live", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The probe timed out; try again.
            }

            if (deadline.Elapsed > timeout)
            {
                throw new InvalidOperationException(
                    $"The server did not answer 200 on GET /health/live within {timeout.TotalSeconds:0.#} s.\n{this}");
            }

            await Task.Delay(150, cancellationToken);
        }
    }

    private void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }

        lock (_output)
        {
            _output.Append(line).Append('\n');
        }
    }

    private static bool IsPortClash(string output) =>
        output.Contains("address already in use", StringComparison.OrdinalIgnoreCase);
}
