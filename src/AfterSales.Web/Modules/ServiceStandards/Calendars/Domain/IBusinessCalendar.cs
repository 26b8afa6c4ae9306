using AfterSales.Web.Data;
using AfterSales.Web.Modules.Policies.Domain;

namespace AfterSales.Web.Modules.ServiceStandards.Calendars.Domain;

/// <summary>
/// A business calendar compiled for arithmetic: working intervals in its time zone, holidays and make-up workdays
/// (调休). Pure and thread-safe; SLA clocks and the legal 工作日 counts both use it.
/// </summary>
public interface IBusinessCalendar : IWorkingDays
{
    string Id { get; }

    /// <summary>The version of the stored calendar this was compiled from.</summary>
    int Version { get; }

    /// <summary>The instant that lies <paramref name="business"/> of working time after <paramref name="from"/>.</summary>
    DateTimeOffset Due(DateTimeOffset from, TimeSpan business);

    /// <summary>The working time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to);
}

/// <summary>Compiled calendars by id, cached per stored version, so that a change on another node is seen.</summary>
public interface ICalendarSource
{
    /// <summary>The calendar, or null when no calendar has this id.</summary>
    Task<IBusinessCalendar?> GetAsync(AfterSalesDbContext db, string calendarId, CancellationToken ct);
}
