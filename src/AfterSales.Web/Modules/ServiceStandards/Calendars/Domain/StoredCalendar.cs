using AfterSales.Web.Modules.ServiceStandards.Contracts;

namespace AfterSales.Web.Modules.ServiceStandards.Calendars.Domain;

/// <summary>
/// A calendar as saved (table <c>calendars</c>). The week and the date lists are JSON columns: always read and
/// written whole with their calendar. <see cref="ShippedYears"/> remembers which years of the shipped statutory data
/// were merged in, so a new year's file is merged once and an admin's edits to loaded years are never overwritten.
/// </summary>
public sealed class StoredCalendar
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string TimeZone { get; set; } = "";
    public Dictionary<string, List<List<string>>> Week { get; set; } = [];
    public List<string> Holidays { get; set; } = [];
    public List<string> Workdays { get; set; } = [];
    public List<int> ShippedYears { get; set; } = [];

    /// <summary>Bumped by every change; the ETag, the cache key of compiled calendars, and the optimistic lock.</summary>
    public int Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public CalendarDefinition ToDefinition() => new(Name, TimeZone, Week, Holidays, Workdays);

    /// <summary>Takes a validated definition in its normalized form and bumps the version.</summary>
    internal void Apply(ValidCalendar c, DateTimeOffset now)
    {
        var d = c.ToDefinition();
        Name = d.Name!;
        TimeZone = d.TimeZone!;
        Week = d.Week!;
        Holidays = d.Holidays!;
        Workdays = d.Workdays!;
        Version++;
        UpdatedAt = now;
    }
}
