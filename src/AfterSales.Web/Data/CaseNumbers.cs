using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Data;

/// <summary>
/// Human-readable, sortable case numbers: <c>AS</c> + the platform's date + a 7-digit daily sequence
/// (<c>AS202611250000123</c>). The counter row is incremented in SQL inside the caller's transaction,
/// so numbers never repeat, even across service nodes.
/// </summary>
public static class CaseNumbers
{
    public static async Task<string> NextAsync(AfterSalesDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var day = DayOf(now);
        var name = CounterName(day);
        var value = await db.Database.SqlQuery<long>(
            $"INSERT INTO counters (\"Name\", \"Value\") VALUES ({name}, 1) ON CONFLICT (\"Name\") DO UPDATE SET \"Value\" = counters.\"Value\" + 1 RETURNING \"Value\"")
            .ToListAsync(ct);
        return Format(day, value[0]);
    }

    /// <summary>The platform's calendar day of an instant, <c>yyyyMMdd</c>. The bulk seeder numbers cases with these too.</summary>
    public static string DayOf(DateTimeOffset now) =>
        TimeZoneInfo.ConvertTime(now, SharedKernel.PlatformTime.Zone).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The <c>counters</c> row that holds the last number given out on that day.</summary>
    public static string CounterName(string day) => "case:" + day;

    public static string Format(string day, long value) => $"AS{day}{value:D7}";
}
