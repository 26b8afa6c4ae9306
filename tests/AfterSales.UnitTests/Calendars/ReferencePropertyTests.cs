using AfterSales.Web.Modules.ServiceStandards.Calendars;

namespace AfterSales.UnitTests.Calendars;

/// <summary>
/// The interval arithmetic against the obvious implementation: step minute by minute, asking for each minute what
/// local date and time it is in the calendar's zone and whether the hours of that date cover it. Seeded random
/// (from, minutes) pairs, from anywhere in 2025–2026, targets from 1 minute to 30 days, on cn, 24x7 and a Berlin
/// calendar whose Sunday hours straddle both daylight-saving changes.
/// </summary>
public sealed class ReferencePropertyTests
{
    private const int Pairs = 2000;
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly int TableMinutes = (int)(new DateTimeOffset(2027, 12, 31, 0, 0, 0, TimeSpan.Zero) - Start).TotalMinutes;

    public static TheoryData<string> Names => ["cn", "24x7", "berlin"];

    private static CompiledCalendar Of(string name) => name switch
    {
        "cn" => Calendars.Cn,
        "24x7" => Calendars.AllDay,
        _ => Calendars.Berlin,
    };

    /// <summary>Whether each minute from <see cref="Start"/> is working, decided minute by minute on wall-clock time.</summary>
    private static bool[] MinuteTable(CompiledCalendar c)
    {
        var table = new bool[TableMinutes];
        for (var i = 0; i < table.Length; i++)
        {
            var local = TimeZoneInfo.ConvertTime(Start.AddMinutes(i), c.Zone);
            var minuteOfDay = local.Hour * 60 + local.Minute;
            table[i] = c.Definition.HoursOn(DateOnly.FromDateTime(local.DateTime)).Any(h => h.Start <= minuteOfDay && minuteOfDay < h.End);
        }
        return table;
    }

    private static int ReferenceDue(bool[] table, int from, int minutes)
    {
        var t = from;
        for (var left = minutes; left > 0; t++)
            if (table[t]) left--;
        return t;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Due_EqualsMinuteStepping_AndElapsedInvertsIt(string name)
    {
        var c = Of(name);
        var table = MinuteTable(c);
        var random = new Random(20260930);
        var twoYears = (int)(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero) - Start).TotalMinutes;
        for (var k = 0; k < Pairs; k++)
        {
            var from = random.Next(twoYears);
            // Log-uniform from 1 minute to 30 days, so short and long targets are both well represented.
            var minutes = (int)Math.Round(Math.Exp(random.NextDouble() * Math.Log(30 * 24 * 60)));
            var fromInstant = Start.AddMinutes(from);
            var due = c.Due(fromInstant, TimeSpan.FromMinutes(minutes));
            Assert.True(Start.AddMinutes(ReferenceDue(table, from, minutes)) == due,
                $"{name}: Due({fromInstant:O}, {minutes}) = {due:O}, reference {Start.AddMinutes(ReferenceDue(table, from, minutes)):O}");
            Assert.Equal(TimeSpan.FromMinutes(minutes), c.Elapsed(fromInstant, due));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Elapsed_EqualsCountingWorkingMinutes(string name)
    {
        var c = Of(name);
        var table = MinuteTable(c);
        var random = new Random(20250128);
        for (var k = 0; k < Pairs; k++)
        {
            var from = random.Next(TableMinutes - 1);
            var to = Math.Min(TableMinutes, from + random.Next(60 * 24 * 45));
            var expected = 0;
            for (var t = from; t < to; t++)
                if (table[t]) expected++;
            Assert.Equal(expected, c.Elapsed(Start.AddMinutes(from), Start.AddMinutes(to)).TotalMinutes);
        }
    }
}
