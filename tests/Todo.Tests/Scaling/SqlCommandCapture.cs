using System.Collections.Concurrent;
using System.Diagnostics;

namespace Todo.Tests.Scaling;

/// <summary>
/// Every SQL command sent to one PostgreSQL database, as Npgsql traces it (its "Npgsql" activity source): the commands of
/// EF Core and the server's own Npgsql commands alike. Other databases on the same server (other test classes running at
/// the same time) are left out by the activity's <c>db.namespace</c>.
/// </summary>
public sealed class SqlCommandCapture : IDisposable
{
    private const string NpgsqlSource = "Npgsql";
    private const string DatabaseTag = "db.namespace";
    private const string QueryTextTag = "db.query.text";

    private readonly string database;
    private readonly ActivityListener listener;
    private readonly ConcurrentQueue<string> commands = new();

    public SqlCommandCapture(string database)
    {
        this.database = database;
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == NpgsqlSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>The command texts sent so far, in the order they finished.</summary>
    public IReadOnlyList<string> Commands => [.. commands];

    private void Record(Activity activity)
    {
        if (activity.GetTagItem(DatabaseTag) as string == database && activity.GetTagItem(QueryTextTag) is string text)
        {
            commands.Enqueue(text);
        }
    }

    public void Dispose() => listener.Dispose();
}
