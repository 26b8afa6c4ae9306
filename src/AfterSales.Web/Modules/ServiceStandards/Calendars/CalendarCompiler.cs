namespace AfterSales.Web.Modules.ServiceStandards.Calendars;

/// <summary>
/// Turns wall-clock working hours into UTC intervals, day by day in the calendar's time zone, so that a day with a
/// daylight-saving change counts the time that really passes. Local times that do not map to exactly one instant:
/// <list type="bullet">
/// <item>nonexistent (the spring-forward gap, e.g. 02:30 in Berlin on the last Sunday of March) → the first instant
/// after the gap (03:00 CEST): the office cannot open at a time the clocks skip, it opens when they resume;</item>
/// <item>ambiguous (the fall-back hour that occurs twice) → its first occurrence (daylight time), for starts and
/// ends alike, so an interval 00:00–24:00 on that day lasts 25 hours.</item>
/// </list>
/// Both rules are monotonic, so intervals stay ordered; one that collapses to nothing (wholly inside a gap) is dropped.
/// </summary>
internal static class CalendarCompiler
{
    public static CompiledCalendar Compile(string id, int version, ValidCalendar c)
    {
        var zone = c.Zone;
        var first = new DateOnly(CompiledCalendar.FirstYear, 1, 1);
        var end = new DateOnly(CompiledCalendar.LastYear + 1, 1, 1);
        var starts = new List<long>(64 * 1024);
        var ends = new List<long>(64 * 1024);
        for (var d = first; d < end; d = d.AddDays(1))
        {
            var midnight = d.ToDateTime(TimeOnly.MinValue);
            foreach (var iv in c.HoursOn(d))
            {
                var s = ToUtcTicks(midnight.AddMinutes(iv.Start), zone);
                var e = ToUtcTicks(midnight.AddMinutes(iv.End), zone);
                if (e <= s) continue;
                if (ends.Count > 0 && s <= ends[^1]) ends[^1] = Math.Max(ends[^1], e);
                else
                {
                    starts.Add(s);
                    ends.Add(e);
                }
            }
        }
        return new CompiledCalendar(id, version, c, [.. starts], [.. ends],
            ToUtcTicks(first.ToDateTime(TimeOnly.MinValue), zone), ToUtcTicks(end.ToDateTime(TimeOnly.MinValue), zone));
    }

    /// <summary>A local wall-clock time of the zone as UTC ticks, by the rules above.</summary>
    public static long ToUtcTicks(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
            return local.Ticks - zone.GetAmbiguousTimeOffsets(local).Max().Ticks;
        if (zone.IsInvalidTime(local))
        {
            // Gaps start and end on whole minutes in every zone since 2000, so the first valid minute is the gap's end.
            var after = local;
            while (zone.IsInvalidTime(after)) after = after.AddMinutes(1);
            return after.Ticks - zone.GetUtcOffset(after).Ticks;
        }
        return local.Ticks - zone.GetUtcOffset(local).Ticks;
    }
}
