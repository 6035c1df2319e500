using Microsoft.Extensions.Options;
using Todo.Server.Accounts;
using Todo.Server.Data;

namespace Todo.Server;

/// <summary>
/// The operator commands the server executable runs instead of serving (<c>db ...</c>, <c>users ...</c>, <c>health</c>), and the
/// start-up steps that can stop the server with a one-line reason.
/// </summary>
public static partial class ServerCommands
{
    private static readonly Dictionary<string, Func<IServiceProvider, IReadOnlyList<string>, TextWriter, TextWriter, Task<int>>> Commands = new()
    {
        ["db"] = DatabaseCommand.RunAsync,
        ["users"] = UsersCommand.RunAsync,
        ["health"] = HealthCommand.RunAsync,
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.ContainsKey(args[0]);

    /// <summary>The arguments the host reads as configuration: none of a command's own.</summary>
    public static string[] HostArguments(string[] args) => IsCommand(args) ? [] : args;

    /// <summary>Commands print their own results; framework logging would only add noise to them.</summary>
    public static WebApplicationBuilder AddServerCommands(this WebApplicationBuilder builder, string[] args)
    {
        if (IsCommand(args))
        {
            builder.Logging.ClearProviders();
        }

        return builder;
    }

    public static async Task<int> RunCommandAsync(this WebApplication app, string[] args)
    {
        try
        {
            return await Commands[args[0]](app.Services, args[1..], Console.Out, Console.Error);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync($"{args[0]} {string.Join(' ', args.Skip(1).Take(1))} failed: {OneLine(e)}");
            return 1;
        }
    }

    /// <summary>
    /// Validates the options and applies the migration policy before serving; false (after printing why)
    /// when the server must not start.
    /// </summary>
    public static async Task<bool> PrepareAsync(this WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"The server cannot start: {string.Join(" ", e.Failures)}");
            return false;
        }

        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        try
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().PrepareAsync(options.MigrateOnStart, app.Lifetime.ApplicationStopping);
            return true;
        }
        catch (Exception e) when (e is OperatorException || options.MigrateOnStart)
        {
            await Console.Error.WriteLineAsync($"The server cannot start: {OneLine(e)}");
            return false;
        }
        catch (Exception e)
        {
            LogUncheckedDatabase(app.Logger, OneLine(e));
            return true;
        }
    }

    internal static string OneLine(Exception e) =>
        (e is OperatorException ? e.Message : $"{e.GetBaseException().Message}").ReplaceLineEndings(" ").Trim();

    [LoggerMessage(LogLevel.Warning, "The database could not be checked at start ({Reason}); /health/ready reports it.")]
    private static partial void LogUncheckedDatabase(ILogger logger, string reason);
}
