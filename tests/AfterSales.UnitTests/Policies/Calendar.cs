using AfterSales.Web.Modules.Policies.Domain;

namespace AfterSales.UnitTests.Policies;

/// <summary>A tiny working-day calendar: weekends and the given holidays off, the given make-up days (调休) worked.</summary>
internal sealed class Calendar(IReadOnlySet<DateOnly> holidays, IReadOnlySet<DateOnly> makeUpWorkdays) : IWorkingDays
{
    public static Calendar WithHolidays(DateOnly[] holidays, DateOnly[]? makeUpWorkdays = null) =>
        new(holidays.ToHashSet(), (makeUpWorkdays ?? []).ToHashSet());

    public bool IsWorkingDay(DateOnly date) =>
        makeUpWorkdays.Contains(date) || (!holidays.Contains(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
}
