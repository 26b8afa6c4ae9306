using AfterSales.Web.Modules.ServiceStandards.Contracts;

namespace AfterSales.Web.Modules.ServiceStandards.Calendars;

/// <summary>One working interval of a day in minutes after local midnight: [Start, End), End ≤ 1440.</summary>
internal readonly record struct DayInterval(int Start, int End);

/// <summary>A definition that passed <see cref="CalendarValidator"/>: parsed, normalized (dates sorted, deduplicated).</summary>
internal sealed record ValidCalendar(
    string Name, TimeZoneInfo Zone, IReadOnlyList<DayInterval>[] Week, IReadOnlySet<DateOnly> Holidays, IReadOnlySet<DateOnly> Workdays)
{
    /// <summary>The wire keys of <see cref="Week"/>, indexed by <see cref="DayOfWeek"/> (Sunday = 0).</summary>
    public static readonly string[] DayKeys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>The hours worked on a date: a make-up working day (调休) works Monday's hours, a holiday none.</summary>
    public IReadOnlyList<DayInterval> HoursOn(DateOnly date) =>
        Workdays.Contains(date) ? Week[(int)DayOfWeek.Monday]
        : Holidays.Contains(date) ? []
        : Week[(int)date.DayOfWeek];

    public CalendarDefinition ToDefinition() => new(
        Name, Zone.Id,
        DayKeys.Select((k, i) => (k, i)).OrderBy(x => x.i == 0 ? 7 : x.i).ToDictionary(
            x => x.k, x => Week[x.i].Select(iv => new List<string> { Clock(iv.Start), Clock(iv.End) }).ToList()),
        [.. Holidays.Order().Select(Date)], [.. Workdays.Order().Select(Date)]);

    public static string Clock(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
