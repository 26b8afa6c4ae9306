using AfterSales.Web.Data;
using AfterSales.Web.Hosting;
using AfterSales.Web.Modules.ServiceStandards.Sla.Features;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.ServiceStandards.Contracts;
using AfterSales.Web.Modules.ServiceStandards.Calendars.Domain;

namespace AfterSales.Web.Modules.ServiceStandards.Calendars;

/// <summary>
/// The calendars the service ships: <c>cn</c>, the statutory working days (法定工作日, Monday–Friday 09:00–12:00 and
/// 13:00–18:00 plus the shipped holidays and make-up days), and <c>24x7</c> for targets in calendar time. Run at
/// every start, after the migrations: a missing calendar is inserted; a shipped year not yet loaded into <c>cn</c>
/// is merged in (its dates the admin already set otherwise are left as the admin set them); loaded years are never
/// touched again, so an admin's edits survive upgrades. Several nodes may start at once: the insert tolerates
/// losing the race, the merge retries on the version check.
/// </summary>
internal static class ShippedCalendars
{
    public const string Cn = "cn";
    public const string AllDay = "24x7";

    private const string CnName = "中国法定工作日 / CN statutory";
    private const string AllDayName = "全天候 / 24×7";
    private static readonly List<List<string>> Office = [["09:00", "12:00"], ["13:00", "18:00"]];
    private static readonly List<List<string>> WholeDay = [["00:00", "24:00"]];

    public static async Task EnsureAsync(AfterSalesDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        var years = ShippedYear.Of(Cn);
        await InsertIfAbsentAsync(db, Definition(Cn, CnName, Office, weekdaysOnly: true), now, ct);
        await InsertIfAbsentAsync(db, Definition(AllDay, AllDayName, WholeDay, weekdaysOnly: false), now, ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await MergeYearsAsync(db, years, now, ct);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 10)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>A shipped calendar as a fresh database holds it once started (every shipped year merged).</summary>
    public static StoredCalendar Fresh(string id)
    {
        var c = id == Cn ? Definition(Cn, CnName, Office, weekdaysOnly: true) : Definition(AllDay, AllDayName, WholeDay, weekdaysOnly: false);
        if (id == Cn) Merge(c, ShippedYear.Of(Cn));
        c.Version = 1;
        return c;
    }

    /// <summary>
    /// Adds shipped years to a calendar. A shipped date the calendar already lists the other way (an admin made a
    /// shipped holiday a workday, or the reverse) keeps the calendar's choice.
    /// </summary>
    public static void Merge(StoredCalendar c, IEnumerable<ShippedYear> years)
    {
        var holidays = c.Holidays.ToHashSet(StringComparer.Ordinal);
        var workdays = c.Workdays.ToHashSet(StringComparer.Ordinal);
        var loaded = c.ShippedYears.ToList();
        foreach (var y in years)
        {
            holidays.UnionWith(y.Holidays.Where(d => !workdays.Contains(d)));
            workdays.UnionWith(y.Workdays.Where(d => !holidays.Contains(d)));
            loaded.Add(y.Year);
        }
        c.Holidays = [.. holidays.Order(StringComparer.Ordinal)];
        c.Workdays = [.. workdays.Order(StringComparer.Ordinal)];
        c.ShippedYears = [.. loaded.Distinct().Order()];
    }

    private static StoredCalendar Definition(string id, string name, List<List<string>> hours, bool weekdaysOnly) => new()
    {
        Id = id,
        Name = name,
        TimeZone = "Asia/Shanghai",
        Week = ValidCalendar.DayKeys.Skip(1).Append("sun").ToDictionary(
            k => k, k => weekdaysOnly && k is "sat" or "sun" ? [] : hours.Select(h => h.ToList()).ToList()),
    };

    private static async Task InsertIfAbsentAsync(AfterSalesDbContext db, StoredCalendar c, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Calendars.AnyAsync(x => x.Id == c.Id, ct)) return;
        c.Version = 1;
        c.UpdatedAt = now;
        db.Calendars.Add(c);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another node inserted it first: theirs is the same calendar.
        }
        db.ChangeTracker.Clear();
    }

    private static async Task MergeYearsAsync(AfterSalesDbContext db, IReadOnlyList<ShippedYear> years, DateTimeOffset now, CancellationToken ct)
    {
        var cn = await db.Calendars.FirstAsync(c => c.Id == Cn, ct);
        var missing = years.Where(y => !cn.ShippedYears.Contains(y.Year)).ToList();
        if (missing.Count == 0) return;
        await using var tx = await db.Database.BeginWriteAsync(ct);
        Merge(cn, missing);
        cn.Version++;
        cn.UpdatedAt = now;
        await SlaRecompute.EnqueueAsync(db, "calendar:" + Cn, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }
}

/// <summary>The statutory calendars ship with the schema: every database, fresh test ones included, has cn and 24x7.</summary>
internal sealed class ShippedCalendarData : IShippedData
{
    public Task EnsureAsync(AfterSalesDbContext db, DateTimeOffset now, CancellationToken ct) => ShippedCalendars.EnsureAsync(db, now, ct);
}
