namespace AfterSales.Web.Hosting;

/// <summary>
/// The service's clock, cut to whole milliseconds: the finest instant both engines store exactly (SQLite keeps
/// 0.1 ms through its binary DateTimeOffset conversion, PostgreSQL 1 µs). Without the cut, a write answered times
/// (updatedAt, completedAt) that a later read of the same record no longer showed.
/// </summary>
public sealed class StorableClock(TimeProvider inner) : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var now = inner.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
