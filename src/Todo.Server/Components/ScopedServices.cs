using Todo.Server.History;

namespace Todo.Server.Components;

/// <summary>
/// A circuit lives as long as the page is open, so components never hold a DbContext: each call gets a service
/// from a scope of its own, disposed when the call is done.
/// </summary>
public static class ScopedServices
{
    public static async Task<TResult> RunAsync<TService, TResult>(
        this IServiceScopeFactory scopes, Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActivityContext>().Source = ActivitySource.Web; // one page action, one batch
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>As <see cref="RunAsync"/>, and the batch the action's changes were recorded under (what its Undo takes back).</summary>
    public static async Task<(TResult Result, Guid BatchId)> RunInBatchAsync<TService, TResult>(
        this IServiceScopeFactory scopes, Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = scopes.CreateAsyncScope();
        var activity = scope.ServiceProvider.GetRequiredService<ActivityContext>();
        activity.Source = ActivitySource.Web;
        return (await action(scope.ServiceProvider.GetRequiredService<TService>()), activity.BatchId);
    }
}
