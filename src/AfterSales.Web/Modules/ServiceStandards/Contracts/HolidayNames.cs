using System.Collections.Concurrent;
using System.Globalization;

namespace AfterSales.Web.Modules.ServiceStandards.Contracts;

/// <summary>
/// The names of the statutory holidays (国庆节 …) for the month grid, from the shipped notice files
/// (<c>Data/cn/&lt;year&gt;.json</c>, embedded as <c>calendars/cn/&lt;year&gt;.json</c>), whose periods are named
/// "中文 English". The stored calendar keeps dates only; a name is shown on a day only while that day is still a
/// holiday there, and a calendar or year without a shipped file has no names.
/// </summary>
public static class HolidayNames
{
    private static readonly ConcurrentDictionary<(string, int), IReadOnlyDictionary<DateOnly, string>> Cache = new();

    /// <summary>The period's name of a day in the reader's language, or null.</summary>
    public static string? Of(string calendarId, DateOnly day, CultureInfo culture)
    {
        var names = Cache.GetOrAdd((calendarId, day.Year), key => Read(key.Item1, key.Item2));
        if (!names.TryGetValue(day, out var both)) return null;
        // "国庆节 National Day": the Chinese name up to the first space, the English one after it.
        var space = both.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0) return both;
        return culture.TwoLetterISOLanguageName == "zh" ? both[..space] : both[(space + 1)..];
    }

    private static IReadOnlyDictionary<DateOnly, string> Read(string calendarId, int year)
    {
        var result = new Dictionary<DateOnly, string>();
        // The same shipped files the calendars are seeded from (ShippedYear), not a second reader of them.
        var shipped = Calendars.ShippedYear.Of(calendarId).FirstOrDefault(y => y.Year == year);
        foreach (var p in shipped?.Periods ?? [])
            for (var d = p.From; d <= p.To; d = d.AddDays(1)) result[d] = p.Name;
        return result;
    }
}
