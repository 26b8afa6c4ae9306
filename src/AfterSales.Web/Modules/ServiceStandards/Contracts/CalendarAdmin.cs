using AfterSales.Web.Data;
using AfterSales.Web.Modules.ServiceStandards.Calendars;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.ServiceStandards.Contracts;

/// <summary>A compiled calendar's answers the month grid needs: today in its zone and whether a day works.</summary>
public sealed class CalendarDays
{
    private readonly CompiledCalendar _calendar;

    internal CalendarDays(CompiledCalendar calendar, DateOnly today) => (_calendar, Today) = (calendar, today);

    /// <summary>The first and last year a calendar answers for.</summary>
    public const int FirstYear = CompiledCalendar.FirstYear, LastYear = CompiledCalendar.LastYear;

    /// <summary>Today in the calendar's own zone.</summary>
    public DateOnly Today { get; }

    /// <summary>The compiled calendar's own answer, the one the SLA arithmetic uses.</summary>
    public bool IsWorkingDay(DateOnly day) => _calendar.IsWorkingDay(day);
}

/// <summary>
/// Business calendars for the admin pages: the same reads and the same create-or-replace use case as
/// <c>/api/v1/calendars</c>, with the version the page showed passed explicitly (the API passes its <c>If-Match</c>).
/// </summary>
public sealed class CalendarAdmin
{
    private readonly AfterSalesDbContext db;
    private readonly CalendarSource source;
    private readonly TimeProvider clock;

    /// <summary>Made by the module's setup (its calendar source is the module's own).</summary>
    internal CalendarAdmin(AfterSalesDbContext db, CalendarSource source, TimeProvider clock) => (this.db, this.source, this.clock) = (db, source, clock);

    public async Task<List<CalendarView>> ListAsync(CancellationToken ct) => (await CalendarEndpoints.ListAsync(db, ct)).Value!.Items;

    /// <summary>One calendar; <c>calendar.not_found</c> when there is none.</summary>
    public async Task<CalendarView> GetAsync(string calendarId, CancellationToken ct) =>
        CalendarView.From(await db.Calendars.AsNoTracking().FirstOrDefaultAsync(x => x.Id == calendarId, ct)
            ?? throw new DomainException("calendar.not_found"));

    /// <summary>The compiled calendar's answers for a month grid, or null when there is no such calendar.</summary>
    public async Task<CalendarDays?> DaysAsync(string calendarId, CancellationToken ct) =>
        await source.GetCompiledAsync(db, calendarId, ct) is { } c
            ? new CalendarDays(c, DateOnly.FromDateTime(c.ToLocal(clock.GetUtcNow()).DateTime)) : null;

    /// <summary>
    /// Creates or replaces a calendar (the PUT use case: checks, audit, the recompute of open cases' clocks).
    /// <paramref name="expectedVersion"/>: the version the caller showed; another stored version is 412
    /// <c>calendar.version_mismatch</c>. Null: no check.
    /// </summary>
    public Task<CalendarView> PutAsync(string calendarId, CalendarDefinition? body, int? expectedVersion, HttpContext http, CancellationToken ct) =>
        CalendarEndpoints.SaveCalendarAsync(calendarId, body, ExpectedVersion.Check(expectedVersion, CalendarEndpoints.VersionMismatch),
            http, db, clock, ct);
}
