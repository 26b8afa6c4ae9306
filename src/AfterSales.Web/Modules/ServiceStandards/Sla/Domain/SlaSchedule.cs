using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.ServiceStandards.Calendars.Domain;

namespace AfterSales.Web.Modules.ServiceStandards.Sla.Domain;

/// <summary>
/// Where a clock's budget runs out: business time counts only in the stretches between its pauses, on its
/// calendar. Pure: the same clock, calendar and budget always give the same instant.
/// </summary>
public static class SlaSchedule
{
    /// <summary>
    /// The instant at which <paramref name="budget"/> of business time has been counted since
    /// <paramref name="start"/>, skipping <paramref name="pauses"/>; null while an open pause holds the clock
    /// before the budget is spent (nobody can know when it will resume).
    /// </summary>
    public static DateTimeOffset? PointAt(IBusinessCalendar calendar, DateTimeOffset start, IReadOnlyList<SlaPause> pauses, TimeSpan budget)
    {
        var remaining = budget;
        var cursor = start;
        foreach (var pause in pauses.OrderBy(p => p.From))
        {
            if (pause.From > cursor)
            {
                var counted = calendar.Elapsed(cursor, pause.From);
                if (counted >= remaining) return calendar.Due(cursor, remaining);
                remaining -= counted;
            }
            if (pause.To is not { } to) return null;
            if (to > cursor) cursor = to;
        }
        return calendar.Due(cursor, remaining);
    }

    /// <summary>Business time counted between <paramref name="start"/> and <paramref name="until"/>, pauses excluded.</summary>
    public static TimeSpan Counted(IBusinessCalendar calendar, DateTimeOffset start, IReadOnlyList<SlaPause> pauses, DateTimeOffset until)
    {
        var total = TimeSpan.Zero;
        var cursor = start;
        foreach (var pause in pauses.OrderBy(p => p.From))
        {
            var end = pause.From < until ? pause.From : until;
            if (end > cursor) total += calendar.Elapsed(cursor, end);
            if (pause.To is not { } to || to >= until) return total;
            if (to > cursor) cursor = to;
        }
        return until > cursor ? total + calendar.Elapsed(cursor, until) : total;
    }

    /// <summary>The warning point: a share of the target, to the whole second (so that 75 % of 1 minute is 45 s).</summary>
    public static TimeSpan WarningBudget(int targetMinutes, decimal share) =>
        TimeSpan.FromSeconds(Math.Floor((double)(targetMinutes * 60 * share)));
}
