using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Todo.Server.Accounts;

namespace Todo.Tests.Infrastructure;

/// <summary>
/// A clock the test sets: the server's <see cref="TimeProvider"/> reads <see cref="Now"/>, so "today", due phrases and
/// completion are reckoned from a fixed moment. Timers are not faked (nothing the date tests use waits on one).
/// </summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    private long ticks = now.UtcTicks;

    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref ticks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref ticks, value.UtcTicks);
    }

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>
    /// Makes <paramref name="services"/> run on this clock. Tokens are still issued on the real clock, since the bearer
    /// handler checks their lifetime against it.
    /// </summary>
    public void Use(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(this);
        services.RemoveAll<TokenIssuer>();
        services.AddSingleton(provider => new TokenIssuer(provider.GetRequiredService<IOptions<AuthOptions>>(), System));
    }
}
