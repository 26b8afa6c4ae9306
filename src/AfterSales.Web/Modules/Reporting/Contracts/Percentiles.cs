namespace AfterSales.Web.Modules.Reporting.Contracts;

/// <summary>Nearest-rank percentiles: always a value that occurred, so a median of minutes is a real case's time.</summary>
public static class Percentiles
{
    /// <summary>The <paramref name="p"/>-th percentile (0 &lt; p ≤ 100) of values sorted ascending; null when there are none.</summary>
    public static double? Of(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return null;
        var rank = (int)Math.Ceiling(p / 100d * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
