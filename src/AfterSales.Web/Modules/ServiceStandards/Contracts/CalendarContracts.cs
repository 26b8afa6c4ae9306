using AfterSales.Web.Modules.ServiceStandards.Calendars;
using AfterSales.Web.Modules.ServiceStandards.Calendars.Domain;

namespace AfterSales.Web.Modules.ServiceStandards.Contracts;

/// <summary>
/// A calendar as clients send and read it (API.md "Service standards"): working hours per weekday as local
/// wall-clock intervals <c>[["09:00","12:00"],["13:00","18:00"]]</c> (start inclusive, end exclusive, end may be
/// <c>"24:00"</c>), holidays (days off) and make-up working days (调休). A make-up working day works Monday's hours.
/// </summary>
public sealed record CalendarDefinition(
    string? Name, string? TimeZone, Dictionary<string, List<List<string>>>? Week, List<string>? Holidays, List<string>? Workdays)
{
    /// <summary>The keys of <see cref="Week"/>, indexed by <see cref="DayOfWeek"/> (Sunday = 0).</summary>
    public static IReadOnlyList<string> DayKeys => ValidCalendar.DayKeys;
}

public sealed record CalendarView(
    string Id, string Name, string TimeZone, Dictionary<string, List<List<string>>> Week, List<string> Holidays, List<string> Workdays,
    int Version, DateTimeOffset UpdatedAt, List<int> ShippedYears, long? RecomputeJobId = null)
{
    /// <param name="c">The stored calendar.</param>
    /// <param name="recomputeJobId">After a PUT: the recompute of open cases' SLA clocks it started (<c>GET /api/v1/sla-recomputes/{id}</c>).</param>
    public static CalendarView From(StoredCalendar c, long? recomputeJobId = null) =>
        new(c.Id, c.Name, c.TimeZone, c.Week, c.Holidays, c.Workdays, c.Version, c.UpdatedAt, c.ShippedYears, recomputeJobId);
}

public sealed record CalendarList(List<CalendarView> Items);

