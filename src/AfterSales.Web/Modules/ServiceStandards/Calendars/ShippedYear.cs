using System.Text.Json;

namespace AfterSales.Web.Modules.ServiceStandards.Calendars;

/// <summary>
/// One year of the statutory calendar as shipped: <c>Data/cn/&lt;year&gt;.json</c>, embedded in the assembly, with the
/// State Council notice it comes from. Next year's notice is a new file, not a code change.
/// </summary>
internal sealed record ShippedYear(string Calendar, int Year, Dictionary<string, string> Source, List<string> Holidays, List<string> Workdays,
    List<ShippedPeriod>? Periods = null)
{
    private const string Prefix = "calendars/";

    /// <summary>Every shipped year of a calendar, oldest first.</summary>
    public static IReadOnlyList<ShippedYear> Of(string calendarId)
    {
        var assembly = typeof(ShippedYear).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith($"{Prefix}{calendarId}/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return JsonSerializer.Deserialize<ShippedYear>(stream, Json.Options)
                    ?? throw new InvalidOperationException($"Shipped calendar data {n} is empty.");
            })
            .OrderBy(y => y.Year)];
    }
}

/// <summary>A named holiday period of the notice ("国庆节 National Day", first and last day).</summary>
internal sealed record ShippedPeriod(string Name, DateOnly From, DateOnly To);
