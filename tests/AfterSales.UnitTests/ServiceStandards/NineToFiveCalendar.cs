using AfterSales.Web.Modules.ServiceStandards.Calendars;
using AfterSales.Web.Modules.ServiceStandards.Calendars.Domain;

namespace AfterSales.UnitTests.ServiceStandards;

/// <summary>
/// A test calendar counted minute by minute (deliberately naive, so it cannot share a bug with the real one):
/// every day 09:00–17:00 UTC except Sundays. Inputs are whole minutes.
/// </summary>
internal sealed class NineToFiveCalendar : IBusinessCalendar
{
    public static readonly NineToFiveCalendar Instance = new();

    public string Id => "nine-to-five";
    public int Version => 1;

    public bool IsWorkingDay(DateOnly date) => date.DayOfWeek != DayOfWeek.Sunday;

    private bool Works(DateTimeOffset minute)
    {
        var u = minute.UtcDateTime;
        return IsWorkingDay(DateOnly.FromDateTime(u)) && u.Hour is >= 9 and < 17;
    }

    public DateTimeOffset Due(DateTimeOffset from, TimeSpan business)
    {
        var left = (int)business.TotalMinutes;
        var t = from;
        while (left > 0)
        {
            if (Works(t)) left--;
            t = t.AddMinutes(1);
        }
        // Land on the end of the last counted minute, not on the next working start.
        return t;
    }

    public TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to)
    {
        var n = 0;
        for (var t = from; t < to; t = t.AddMinutes(1)) if (Works(t)) n++;
        return TimeSpan.FromMinutes(n);
    }
}
