using System.Collections.Concurrent;
using AfterSales.Web.Data;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.ServiceStandards.Contracts;
using AfterSales.Web.Modules.ServiceStandards.Calendars.Domain;

namespace AfterSales.Web.Modules.ServiceStandards.Calendars;

/// <summary>
/// Compiled calendars, cached per (id, version). Every <see cref="GetAsync"/> reads the stored version — one
/// primary-key lookup of one column — and compiles again only when it changed, so a PUT on another node is seen
/// by the next request here. Compiling takes tens of milliseconds (a century of days); two requests that miss at
/// once may both compile, and the higher version wins the slot.
/// </summary>
internal sealed class CalendarSource : ICalendarSource
{
    private readonly ConcurrentDictionary<string, CompiledCalendar> _cache = new(StringComparer.Ordinal);

    public async Task<IBusinessCalendar?> GetAsync(AfterSalesDbContext db, string calendarId, CancellationToken ct) =>
        await GetCompiledAsync(db, calendarId, ct);

    public async Task<CompiledCalendar?> GetCompiledAsync(AfterSalesDbContext db, string calendarId, CancellationToken ct)
    {
        var version = await db.Calendars.AsNoTracking().Where(c => c.Id == calendarId).Select(c => (int?)c.Version).FirstOrDefaultAsync(ct);
        if (version is null) return null;
        if (_cache.TryGetValue(calendarId, out var cached) && cached.Version == version) return cached;
        var stored = await db.Calendars.AsNoTracking().FirstOrDefaultAsync(c => c.Id == calendarId, ct);
        if (stored is null) return null;
        var compiled = Compile(stored);
        return _cache.AddOrUpdate(calendarId, compiled, (_, old) => old.Version > compiled.Version ? old : compiled);
    }

    /// <summary>A stored calendar was validated when saved; validating again guards against hand-edited rows.</summary>
    public static CompiledCalendar Compile(StoredCalendar stored) =>
        CalendarCompiler.Compile(stored.Id, stored.Version, CalendarValidator.Validate(stored.ToDefinition()));
}
