namespace AfterSales.Web.Modules.Integration.Webhooks.Domain;

/// <summary>
/// Exponential back-off, ×4 from one minute, capped at one hour; 8 tries in all, then the delivery is dead:
/// <code>
/// try      1    2     3     4      5       6       7       8
/// at (min) 0    1     5     21     81      141     201     261   (≈ 4 h 21 min after the first)
/// wait     -    1m    4m    16m    1h(cap) 1h      1h      1h
/// </code>
/// Long enough to ride out a receiver's deploy or short outage, short enough that a dead letter is seen the same
/// working day. No jitter: the waits are judged by the service clock, and the test clock must hit them exactly.
/// </summary>
public static class RetrySchedule
{
    public const int MaxAttempts = 8;

    private static readonly TimeSpan First = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Cap = TimeSpan.FromHours(1);

    /// <summary>The wait after try <paramref name="attempt"/> (1-based) failed; null when it was the last.</summary>
    public static TimeSpan? DelayAfter(int attempt)
    {
        if (attempt < 1) throw new ArgumentOutOfRangeException(nameof(attempt));
        if (attempt >= MaxAttempts) return null;
        var minutes = First.TotalMinutes * Math.Pow(4, attempt - 1);
        return minutes >= Cap.TotalMinutes ? Cap : TimeSpan.FromMinutes(minutes);
    }
}
