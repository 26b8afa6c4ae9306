using AfterSales.Web.Modules.ServiceStandards.Calendars;
using AfterSales.Web.Modules.ServiceStandards.Contracts;

namespace AfterSales.UnitTests.Calendars;

/// <summary>Calendars for the tests: the shipped ones as a fresh database holds them, and hand-made ones.</summary>
internal static class Calendars
{
    public static readonly CompiledCalendar Cn = CalendarSource.Compile(ShippedCalendars.Fresh(ShippedCalendars.Cn));
    public static readonly CompiledCalendar AllDay = CalendarSource.Compile(ShippedCalendars.Fresh(ShippedCalendars.AllDay));

    /// <summary>
    /// Berlin: office hours on weekdays, all of Saturday, and on Sunday 01:00–04:00 — across both daylight-saving
    /// changes, which happen on Sundays at 02:00/03:00 — and 20:00–24:00.
    /// </summary>
    public static readonly CompiledCalendar Berlin = Make("berlin", "Europe/Berlin", new()
    {
        ["mon"] = [["09:00", "17:00"]], ["tue"] = [["09:00", "17:00"]], ["wed"] = [["09:00", "17:00"]],
        ["thu"] = [["09:00", "17:00"]], ["fri"] = [["09:00", "17:00"]], ["sat"] = [["00:00", "24:00"]],
        ["sun"] = [["01:00", "04:00"], ["20:00", "24:00"]],
    });

    public static CompiledCalendar Make(string id, string zone, Dictionary<string, List<List<string>>> week,
        List<string>? holidays = null, List<string>? workdays = null) =>
        CalendarCompiler.Compile(id, 1, CalendarValidator.Validate(new CalendarDefinition(id, zone, week, holidays, workdays)));

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
