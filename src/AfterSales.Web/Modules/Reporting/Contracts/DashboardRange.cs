using System.Globalization;

namespace AfterSales.Web.Modules.Reporting.Contracts;

/// <summary>
/// A range of whole days in the platform's zone (Asia/Shanghai), both ends included, as the dashboard's
/// <c>from</c>/<c>to</c> query parameters carry it; counted as the instants [start, end) that the indexes compare.
/// </summary>
public sealed record DashboardRange(DateOnly From, DateOnly To)
{
    public const int DefaultDays = 30;
    private const string Format = "yyyy-MM-dd";

    /// <summary>Midnight of <see cref="From"/> in Shanghai, in UTC (both engines store UTC instants).</summary>
    public DateTimeOffset Start => StartOf(From);

    /// <summary>Midnight after <see cref="To"/>: the range is half-open so a case at 23:59:59 still counts.</summary>
    public DateTimeOffset End => StartOf(To.AddDays(1));

    public string FromText => From.ToString(Format, CultureInfo.InvariantCulture);
    public string ToText => To.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The last <see cref="DefaultDays"/> days up to today in Shanghai.</summary>
    public static DashboardRange Default(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, PlatformTime.Zone).DateTime);
        return new(today.AddDays(-(DefaultDays - 1)), today);
    }

    /// <summary>
    /// Reads the query's dates; a missing or unreadable end falls back to the default, and reversed ends are swapped
    /// (the page says so through <paramref name="corrected"/>) rather than showing an empty dashboard.
    /// </summary>
    public static DashboardRange Parse(string? from, string? to, DateTimeOffset now, out bool corrected)
    {
        var fallback = Default(now);
        corrected = false;
        var f = ParseDate(from, ref corrected) ?? fallback.From;
        var t = ParseDate(to, ref corrected) ?? fallback.To;
        if (f > t)
        {
            (f, t) = (t, f);
            corrected = true;
        }
        return new(f, t);
    }

    private static DateOnly? ParseDate(string? text, ref bool corrected)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && d.Year is >= 2000 and <= 2100) return d;
        corrected = true;
        return null;
    }

    private static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, PlatformTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
