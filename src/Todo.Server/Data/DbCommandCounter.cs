using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Todo.Server.Data;

/// <summary>
/// Counts the database commands (round trips) a request makes. With <c>Diagnostics:DbCommandsHeader</c> set,
/// each response carries the count in <c>X-Db-Commands</c>: how tests and benchmarks prove a route's cost.
/// </summary>
public sealed class DbCommandCounter : DbCommandInterceptor
{
    public const string HeaderName = "X-Db-Commands";
    public const string Setting = "Diagnostics:DbCommandsHeader";

    public static readonly DbCommandCounter Instance = new();

    private static readonly AsyncLocal<StrongBox<int>?> Current = new();

    private DbCommandCounter()
    {
    }

    /// <summary>Adds the header to every response when the setting is on; does nothing otherwise.</summary>
    public static WebApplication UseDbCommandsHeader(WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(Setting))
        {
            return app;
        }

        app.Use((context, next) =>
        {
            var count = new StrongBox<int>();
            Current.Value = count;
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[HeaderName] = count.Value.ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    private static void Count()
    {
        if (Current.Value is { } count)
        {
            Interlocked.Increment(ref count.Value);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }
}
