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
        var day = TimeZoneInfo.ConvertTime(now, SharedKernel.PlatformTime.Zone).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var name = "case:" + day;
        var value = await db.Database.SqlQuery<long>(
            $"INSERT INTO counters (\"Name\", \"Value\") VALUES ({name}, 1) ON CONFLICT (\"Name\") DO UPDATE SET \"Value\" = counters.\"Value\" + 1 RETURNING \"Value\"")
            .ToListAsync(ct);
        return $"AS{day}{value[0]:D7}";
    }
}
