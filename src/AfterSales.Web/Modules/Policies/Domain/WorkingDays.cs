namespace AfterSales.Web.Modules.Policies.Domain;

/// <summary>
/// Which dates are working days (工作日). The service-standards module brings real calendars with statutory
/// holidays and make-up workdays; until then the default counts Monday to Friday.
/// </summary>
public interface IWorkingDays
{
    bool IsWorkingDay(DateOnly date);
}

public sealed class WeekendOnlyWorkingDays : IWorkingDays
{
    public static readonly WeekendOnlyWorkingDays Instance = new();

    public bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}

public static class WorkingDaysExtensions
{
    /// <summary>A deadline that falls on a day off moves to the next working day (三包: warranty end).</summary>
    public static DateOnly NextWorkingDayFrom(this IWorkingDays days, DateOnly date)
    {
        var d = date;
        for (var i = 0; i < 60 && !days.IsWorkingDay(d); i++) d = d.AddDays(1);
        return d;
    }
}
