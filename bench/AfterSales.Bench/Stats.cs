using System.Globalization;

namespace AfterSales.Bench;

/// <summary>Latency samples in milliseconds; percentiles by the nearest-rank method.</summary>
public sealed class Stats(IEnumerable<double> samples)
{
    private readonly double[] _sorted = samples.Order().ToArray();

    public int Count => _sorted.Length;

    public double Percentile(double p) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(p / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"p50 {Percentile(50):0.00} ms, p90 {Percentile(90):0.00} ms, p99 {Percentile(99):0.00} ms, max {Max:0.00} ms (n={Count:N0})");
}

public static class Text
{
    public static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
