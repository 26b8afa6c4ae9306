using System.Globalization;
using System.Text.RegularExpressions;
using AfterSales.Web.Data;
using AfterSales.Web.Hosting;
using AfterSales.Web.Modules.ServiceStandards.Sla.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.ServiceStandards.Contracts;
using AfterSales.Web.Modules.Audit.Contracts;
using AfterSales.Web.Modules.ServiceStandards.Calendars.Domain;

namespace AfterSales.Web.Modules.ServiceStandards.Calendars;

internal sealed record DueView(DateTimeOffset Due);

internal sealed record ElapsedView(double Minutes);

/// <summary>Business calendars (API.md "Service standards"): read, create or replace, and business-time arithmetic.</summary>
internal static partial class CalendarEndpoints
{
    /// <summary>One year of minutes: the longest target a due question may ask about.</summary>
    public const int MaxMinutes = 525_600;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();

    private static CalendarSource Source(HttpContext http) => http.RequestServices.GetRequiredService<CalendarSource>();

    public static async Task<Ok<CalendarList>> ListAsync(AfterSalesDbContext db, CancellationToken ct)
    {
        var rows = await db.Calendars.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        return TypedResults.Ok(new CalendarList([.. rows.Select(r => CalendarView.From(r))]));
    }

    public static async Task<Ok<CalendarView>> GetAsync(string calendarId, HttpContext http, AfterSalesDbContext db, CancellationToken ct)
    {
        var c = await db.Calendars.AsNoTracking().FirstOrDefaultAsync(x => x.Id == calendarId, ct) ?? throw NotFound();
        http.Response.Headers.ETag = ETagOf(c);
        return TypedResults.Ok(CalendarView.From(c));
    }

    /// <summary>The HTTP handler: the version expected is the request's <c>If-Match</c> (none: last writer wins).</summary>
    public static async Task<Ok<CalendarView>> PutAsync(string calendarId, CalendarDefinition? body, HttpContext http, AfterSalesDbContext db,
        TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await SaveCalendarAsync(calendarId, body, v => IfMatch.Check(http, v, VersionMismatch), http, db, clock, ct));

    public const string VersionMismatch = "calendar.version_mismatch";

    /// <summary>
    /// The use case (the HTTP handler's and <see cref="CalendarAdmin"/>'s): create or replace a calendar;
    /// <paramref name="checkVersion"/> gets the stored version of an existing calendar and throws when the caller's expected one differs.
    /// </summary>
    internal static async Task<CalendarView> SaveCalendarAsync(string calendarId, CalendarDefinition? body, Action<int> checkVersion,
        HttpContext http, AfterSalesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!IdPattern().IsMatch(calendarId))
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["calendarId"] = [CalendarValidator.Text("BadId")] }, CalendarValidator.Code);
        var valid = CalendarValidator.Validate(body);
        // Two PUTs at once: the loser of the insert (unique key) or of the version check reads again and saves after.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (saved, job) = await SaveAsync(calendarId, valid, checkVersion, http, db, clock.GetUtcNow(), ct);
                http.Response.Headers.ETag = ETagOf(saved);
                return CalendarView.From(saved, job);
            }
            catch (DbUpdateException ex) when ((ex is DbUpdateConcurrencyException || UniqueViolation.Is(ex)) && attempt < 10)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<(StoredCalendar, long)> SaveAsync(string id, ValidCalendar valid, Action<int> checkVersion, HttpContext http,
        AfterSalesDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginWriteAsync(ct);
        var c = await db.Calendars.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) db.Calendars.Add(c = new StoredCalendar { Id = id });
        else checkVersion(c.Version); // a stale edit must not overwrite a newer one
        c.Apply(valid, now);
        AuditLog.Append(db, http, Audit.Domain.AuditActions.CalendarChanged, id, new { version = c.Version }, now);
        // Open cases' SLA clocks follow their calendar: the recompute is queued with the change, atomically.
        var job = await SlaRecompute.EnqueueAsync(db, "calendar:" + id, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (c, job);
    }

    public static async Task<Ok<DueView>> DueAsync(string calendarId, HttpContext http, AfterSalesDbContext db, CancellationToken ct,
        string? from = null, string? minutes = null)
    {
        var e = new FieldErrors();
        var start = Instant(e, "from", from);
        int n = 0;
        if (string.IsNullOrWhiteSpace(minutes)) e.Add("minutes", CalendarValidator.Text("Required"));
        else if (!int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out n) || n > MaxMinutes)
            e.Add("minutes", CalendarValidator.Text("MinutesRange", MaxMinutes));
        e.ThrowIfAny();
        var calendar = await Source(http).GetCompiledAsync(db, calendarId, ct) ?? throw NotFound();
        return TypedResults.Ok(new DueView(calendar.ToLocal(calendar.Due(start!.Value, TimeSpan.FromMinutes(n)))));
    }

    public static async Task<Ok<ElapsedView>> ElapsedAsync(string calendarId, HttpContext http, AfterSalesDbContext db, CancellationToken ct,
        string? from = null, string? to = null)
    {
        var e = new FieldErrors();
        var start = Instant(e, "from", from);
        var end = Instant(e, "to", to);
        e.ThrowIfAny();
        var calendar = await Source(http).GetCompiledAsync(db, calendarId, ct) ?? throw NotFound();
        return TypedResults.Ok(new ElapsedView(calendar.Elapsed(start!.Value, end!.Value).TotalMinutes));
    }

    private static DateTimeOffset? Instant(FieldErrors e, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            e.Add(field, CalendarValidator.Text("Required"));
            return null;
        }
        // An instant needs its offset: a bare local time would be read in the server's zone, not the calendar's.
        var hasOffset = value.EndsWith('Z') || value.EndsWith('z') || OffsetSuffix().IsMatch(value);
        if (!hasOffset || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            e.Add(field, CalendarValidator.Text("MalformedInstant"));
            return null;
        }
        return t;
    }

    [GeneratedRegex(@"[+-]\d{2}:?\d{2}$")]
    private static partial Regex OffsetSuffix();

    private static string ETagOf(StoredCalendar c) => $"\"{c.Version}\"";

    private static DomainException NotFound() => new("calendar.not_found");
}
