using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Todo.Server.Data;

/// <summary>
/// Counts the database commands (round trips) a request makes and the rows it reads. With
/// <c>Diagnostics:DbCommandsHeader</c> set, each response carries them in <c>X-Db-Commands</c> and
/// <c>X-Db-Rows-Read</c>: how tests and benchmarks prove a route's cost.
/// </summary>
public sealed class DbCommandCounter : DbCommandInterceptor
{
    public const string HeaderName = "X-Db-Commands";
    public const string RowsHeaderName = "X-Db-Rows-Read";
    public const string Setting = "Diagnostics:DbCommandsHeader";

    public static readonly DbCommandCounter Instance = new();

    private static readonly AsyncLocal<RequestCounts?> Current = new();

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
            var counts = new RequestCounts();
            Current.Value = counts;
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[HeaderName] = Volatile.Read(ref counts.Commands).ToString(CultureInfo.InvariantCulture);
                context.Response.Headers[RowsHeaderName] = Volatile.Read(ref counts.RowsRead).ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    private static void Count()
    {
        if (Current.Value is { } counts)
        {
            Interlocked.Increment(ref counts.Commands);
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

    /// <summary>Each reader tells how many rows it read when it is disposed.</summary>
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (Current.Value is { } counts)
        {
            Interlocked.Add(ref counts.RowsRead, eventData.ReadCount);
        }

        return result;
    }

    private sealed class RequestCounts
    {
        public int Commands;
        public int RowsRead;
    }
}
