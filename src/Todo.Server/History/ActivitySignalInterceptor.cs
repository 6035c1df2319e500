using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Todo.Server.Live;

namespace Todo.Server.History;

/// <summary>
/// Tells a user's watchers about new activity only once it is committed: right away when it was written outside a
/// transaction, else when the transaction commits (nothing when it rolls back).
/// </summary>
public sealed class ActivitySignalInterceptor(IUserSignals signals) : DbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> pending = [];

    public async Task ActivityWrittenAsync(DbContext context, Guid userId, CancellationToken cancellationToken)
    {
        if (context.Database.CurrentTransaction is null)
        {
            await signals.PublishAsync(userId, UserSignal.Activity, cancellationToken);
            return;
        }

        lock (pending)
        {
            pending.GetOrCreateValue(context).Add(userId);
        }
    }

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        foreach (var userId in Take(eventData.Context))
        {
            await signals.PublishAsync(userId, UserSignal.Activity, CancellationToken.None);
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        foreach (var userId in Take(eventData.Context))
        {
            signals.PublishAsync(userId, UserSignal.Activity).AsTask().GetAwaiter().GetResult();
        }
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Take(eventData.Context);

    private Guid[] Take(DbContext? context)
    {
        if (context is null)
        {
            return [];
        }

        lock (pending)
        {
            if (!pending.TryGetValue(context, out var users) || users.Count == 0)
            {
                return [];
            }

            var taken = users.ToArray();
            users.Clear();
            return taken;
        }
    }
}
