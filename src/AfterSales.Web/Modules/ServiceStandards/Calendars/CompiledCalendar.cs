using System.Collections.Frozen;
using AfterSales.Web.Modules.ServiceStandards.Calendars.Domain;

namespace AfterSales.Web.Modules.ServiceStandards.Calendars;

/// <summary>
/// A calendar compiled for arithmetic (see <see cref="CalendarCompiler"/>): the working time of 2000–2100 as a
/// sorted array of disjoint UTC intervals, merged where they touch (24×7 is one interval), with the working time
/// before each. <see cref="Due"/> and <see cref="Elapsed"/> are two binary searches each: no stepping, no
/// allocation, no lock (the arrays never change after compiling), so one instance serves every thread.
/// Results are UTC instants; <see cref="ToLocal"/> gives the calendar's wall-clock offset for display.
/// </summary>
internal sealed class CompiledCalendar : IBusinessCalendar
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    private readonly long[] _starts;
    private readonly long[] _ends;
    private readonly long[] _workedBefore; // working ticks before interval i
    private readonly long[] _workedThrough; // working ticks up to the end of interval i (strictly increasing)
    private readonly long _rangeStart;
    private readonly long _rangeEnd;
    private readonly bool[] _weekdayWorks;
    private readonly FrozenSet<DateOnly> _holidays;
    private readonly FrozenSet<DateOnly> _workdays;

    internal CompiledCalendar(string id, int version, ValidCalendar definition, long[] starts, long[] ends, long rangeStart, long rangeEnd)
    {
        Id = id;
        Version = version;
        Definition = definition;
        Zone = definition.Zone;
        _starts = starts;
        _ends = ends;
        _rangeStart = rangeStart;
        _rangeEnd = rangeEnd;
        _workedBefore = new long[starts.Length];
        _workedThrough = new long[starts.Length];
        long sum = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            _workedBefore[i] = sum;
            sum += ends[i] - starts[i];
            _workedThrough[i] = sum;
        }
        _weekdayWorks = [.. definition.Week.Select(d => d.Count > 0)];
        _holidays = definition.Holidays.ToFrozenSet();
        _workdays = definition.Workdays.ToFrozenSet();
    }

    public string Id { get; }

    public int Version { get; }

    public TimeZoneInfo Zone { get; }

    public ValidCalendar Definition { get; }

    /// <summary>How many disjoint working intervals the compiled range holds (1 for 24×7).</summary>
    public int IntervalCount => _starts.Length;

    /// <summary>A make-up working day (调休) works; otherwise a weekday with hours that is not a holiday.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        _workdays.Contains(date) || (_weekdayWorks[(int)date.DayOfWeek] && !_holidays.Contains(date));

    public DateTimeOffset Due(DateTimeOffset from, TimeSpan business)
    {
        if (business == TimeSpan.Zero) return from;
        ArgumentOutOfRangeException.ThrowIfLessThan(business, TimeSpan.Zero);
        var target = WorkedBefore(from.UtcTicks) + business.Ticks;
        var j = Array.BinarySearch(_workedThrough, target);
        if (j < 0) j = ~j;
        if (j >= _starts.Length) throw OutOfRange();
        // Landing exactly on an interval's total gives its end (the close), not the next opening.
        return new DateTimeOffset(_starts[j] + (target - _workedBefore[j]), TimeSpan.Zero);
    }

    public TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return TimeSpan.Zero;
        return TimeSpan.FromTicks(WorkedBefore(to.UtcTicks) - WorkedBefore(from.UtcTicks));
    }

    /// <summary>The instant in the calendar's time zone (its wall-clock offset at that instant).</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>Working ticks from the start of the compiled range to <paramref name="utcTicks"/>.</summary>
    private long WorkedBefore(long utcTicks)
    {
        if (utcTicks < _rangeStart || utcTicks > _rangeEnd) throw OutOfRange();
        // The first interval that ends after t: t is inside it or in the gap before it.
        var i = Array.BinarySearch(_ends, utcTicks);
        i = i >= 0 ? i + 1 : ~i;
        if (i >= _starts.Length) return _starts.Length == 0 ? 0 : _workedThrough[^1];
        return _workedBefore[i] + Math.Max(0, utcTicks - _starts[i]);
    }

    private static DomainException OutOfRange() =>
        // The localized title says it in the caller's language; the range goes along as data.
        new("calendar.out_of_range", null, new Dictionary<string, object?> { ["firstYear"] = FirstYear, ["lastYear"] = LastYear });
}
