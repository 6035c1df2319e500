namespace Todo.Tests.Assistant;

/// <summary>A clock that always says the same instant, so date phrases read the same on every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
