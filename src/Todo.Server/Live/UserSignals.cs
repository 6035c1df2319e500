using System.Collections.Concurrent;

namespace Todo.Server.Live;

/// <summary>What changed for a user.</summary>
public enum UserSignal
{
    /// <summary>New activity: a task changed.</summary>
    Activity,

    /// <summary>A notification arrived (a reminder fired).</summary>
    Notification,
}

/// <summary>
/// Tells whoever watches a user (live streams, open pages) that something of theirs changed, on every copy of the server.
/// Publish only after the change is committed; listeners then read what is new from the database.
/// </summary>
public interface IUserSignals
{
    ValueTask PublishAsync(Guid userId, UserSignal signal, CancellationToken cancellationToken = default);

    /// <summary>Calls <paramref name="onSignal"/> for each signal of the user until the result is disposed; it must not block.</summary>
    IDisposable Subscribe(Guid userId, Action<UserSignal> onSignal);
}

/// <summary>The listeners of this server copy, by user: what every <see cref="IUserSignals"/> delivers to.</summary>
public sealed class LocalUserSignals : IUserSignals
{
    private readonly ConcurrentDictionary<Guid, Subscription[]> subscribers = new();

    public ValueTask PublishAsync(Guid userId, UserSignal signal, CancellationToken cancellationToken = default)
    {
        Deliver(userId, signal);
        return ValueTask.CompletedTask;
    }

    /// <summary>Hands a signal to this server's listeners of the user.</summary>
    public void Deliver(Guid userId, UserSignal signal)
    {
        if (subscribers.TryGetValue(userId, out var listeners))
        {
            foreach (var listener in listeners)
            {
                listener.OnSignal(signal);
            }
        }
    }

    /// <summary>
    /// Hands the signal to every listener of this server, once each: after signals may have been missed (the link to the
    /// other servers was down), so each re-reads what is new.
    /// </summary>
    public void DeliverToAll(UserSignal signal)
    {
        foreach (var listeners in subscribers.Values)
        {
            foreach (var listener in listeners)
            {
                listener.OnSignal(signal);
            }
        }
    }

    /// <summary>Whether anyone on this server listens for the user.</summary>
    public bool HasListeners(Guid userId) => subscribers.ContainsKey(userId);

    public IDisposable Subscribe(Guid userId, Action<UserSignal> onSignal)
    {
        ArgumentNullException.ThrowIfNull(onSignal);
        var subscription = new Subscription(this, userId, onSignal);
        subscribers.AddOrUpdate(userId, _ => [subscription], (_, listeners) => [.. listeners, subscription]);
        return subscription;
    }

    private void Unsubscribe(Subscription subscription)
    {
        while (subscribers.TryGetValue(subscription.UserId, out var listeners))
        {
            var rest = Array.FindAll(listeners, l => l != subscription);
            var done = rest.Length == 0
                ? subscribers.TryRemove(KeyValuePair.Create(subscription.UserId, listeners))
                : subscribers.TryUpdate(subscription.UserId, rest, listeners);
            if (done)
            {
                return;
            }
        }
    }

    private sealed class Subscription(LocalUserSignals owner, Guid userId, Action<UserSignal> onSignal) : IDisposable
    {
        private int disposed;

        public Guid UserId => userId;

        public Action<UserSignal> OnSignal => onSignal;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Unsubscribe(this);
            }
        }
    }
}
