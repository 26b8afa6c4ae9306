using AfterSales.Web.Modules.ServiceStandards.Calendars.Domain;

namespace AfterSales.Web.Modules.ServiceStandards.Sla.Domain;

/// <summary>Every minute counts: the fallback when a policy's calendar is missing, so a clock is never left unplanned.</summary>
public sealed class AlwaysOpenCalendar : IBusinessCalendar
{
    public static readonly AlwaysOpenCalendar Instance = new();

    public string Id => "always";
    public int Version => 0;
    public bool IsWorkingDay(DateOnly date) => true;
    public DateTimeOffset Due(DateTimeOffset from, TimeSpan business) => from + business;
    public TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to) => to > from ? to - from : TimeSpan.Zero;
}
