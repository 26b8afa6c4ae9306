using AfterSales.Web.Modules.ServiceStandards.Calendars.Domain;

namespace AfterSales.Web.Modules.ServiceStandards.Calendars;

/// <summary>Wires the calendars: one <c>AddCalendars</c>/<c>MapCalendarEndpoints</c> pair.</summary>
internal static class CalendarSetup
{
    public static IServiceCollection AddCalendars(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ServiceStandardsOptions>().Bind(config.GetSection(ServiceStandardsOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.LegalCalendarId), "AfterSales:ServiceStandards:LegalCalendarId must name a calendar.")
            .ValidateOnStart();
        services.AddSingleton<CalendarSource>();
        services.AddSingleton<ICalendarSource>(sp => sp.GetRequiredService<CalendarSource>());
        services.AddSingleton<LegalCalendar>();
        services.AddScoped(sp => new Contracts.CalendarAdmin(sp.GetRequiredService<AfterSales.Web.Data.AfterSalesDbContext>(),
            sp.GetRequiredService<CalendarSource>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Policies.Contracts.ILegalWorkingDays>(sp => sp.GetRequiredService<LegalCalendar>());
        return services;
    }

    public static RouteGroupBuilder MapCalendarEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/calendars").WithTags("Calendars").RequireAuthorization(Sla.SlaSetup.ReadPolicy);
        g.MapGet("/", CalendarEndpoints.ListAsync).WithName("ListCalendars")
            .WithSummary("Every business calendar: the shipped cn (中国法定工作日) and 24x7, and any saved by the platform.")
            .WithDescription("Answers `{ items: [...] }`. Each calendar has working hours per weekday as local wall-clock intervals in its time zone, holidays (days off) and make-up working days (调休); `shippedYears` lists the years of shipped statutory data merged into it.");
        g.MapGet("/{calendarId}", CalendarEndpoints.GetAsync).WithName("GetCalendar")
            .WithSummary("One business calendar; the ETag is its version.")
            .WithDescription("Unknown id: 404 `calendar.not_found`.")
            .ProducesProblem(404);
        g.MapPut("/{calendarId}", CalendarEndpoints.PutAsync).WithName("PutCalendar")
            .WithSummary("Create or replace a business calendar; each save bumps its version and recomputes the SLA clocks that count on it.")
            .WithDescription("""
                Body: `{ name, timeZone, week: { "mon": [["09:00","12:00"],["13:00","18:00"]], …, "sun": [] }, holidays: ["2026-10-01", …], workdays: ["2026-10-10", …] }`.
                Intervals are local wall-clock `[start, end)` in `HH:mm` (an end may be `24:00`), several a day, not overlapping; missing weekdays have no hours.
                A date is a working day if it is a make-up working day (`workdays`, 调休), or its weekday has hours and it is not a holiday.
                **A make-up working day works Monday's hours.** Dates are `yyyy-MM-dd` within 2000–2100; a date cannot be both a holiday and a workday.
                Time zones are IANA ids (e.g. `Asia/Shanghai`). On a daylight-saving change, business time is real elapsed time: a local time the clocks skip counts from the end of the gap, a local time that occurs twice is its first occurrence.
                Any bad field: 400 `calendar.invalid` with field errors (e.g. `week.mon[1]`), nothing saved. Answers the saved calendar (ETag = version)
                and `recomputeJobId`. `If-Match` with an older version: 412 `calendar.version_mismatch`. Platform only (403 otherwise).
                """)
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(412).RequireAuthorization(Sla.SlaSetup.WritePolicy);
        g.MapGet("/{calendarId}/due", CalendarEndpoints.DueAsync).WithName("GetCalendarDue")
            .WithSummary("The instant that lies `minutes` business minutes after `from` on this calendar.")
            .WithDescription("`from`: ISO 8601 instant with offset; `minutes`: 0–525600. Answers `{ due }` with the offset of the calendar's time zone. `from` in non-working time counts from the next opening; 0 minutes answers `from`; a due that lands exactly on a closing is that closing. Bad or missing parameters: 400 `validation.failed`; beyond 2100: 422 `calendar.out_of_range`; unknown id: 404 `calendar.not_found`.")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
        g.MapGet("/{calendarId}/elapsed", CalendarEndpoints.ElapsedAsync).WithName("GetCalendarElapsed")
            .WithSummary("The business minutes between two instants on this calendar (may be fractional; 0 when `to` is not after `from`).")
            .WithDescription("`from`, `to`: ISO 8601 instants with offset. Answers `{ minutes }`. Bad or missing parameters: 400 `validation.failed`; beyond 2100: 422 `calendar.out_of_range`; unknown id: 404 `calendar.not_found`.")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
        return api;
    }
}
