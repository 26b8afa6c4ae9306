using System.Globalization;

namespace AfterSales.Web.Web;

/// <summary>
/// How the web UI writes money, times and durations (UI.md): ¥1,299.00; times in the platform's zone (Asia/Shanghai)
/// whatever the server's; durations as "3 小时 20 分" / "3 h 20 min" in the request's culture.
/// </summary>
public static class UiFormat
{
    public static TimeZoneInfo PlatformZone => SharedKernel.PlatformTime.Zone;

    private static bool Zh => CultureInfo.CurrentUICulture.Name != "en-US";

    public static string Money(decimal amount) => "¥" + amount.ToString("N2", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, PlatformZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, PlatformZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// An SLA target as its clock counts it. On a working calendar (cn: 09:00–12:00, 13:00–18:00 on working days) 80
    /// minutes-of-target are working hours, not 3 days 8 hours of the clock on the wall: said in working hours, never
    /// turned into days. A target on the 24x7 calendar (the legal 7 days of refund after receipt) is calendar time.
    /// </summary>
    public static string SlaTarget(int minutes, string? calendarId, Microsoft.Extensions.Localization.IStringLocalizer<Resources.CaseUi> text)
    {
        if (calendarId is Modules.ServiceStandards.Calendars.ShippedCalendars.AllDay or "always")
            return string.Format(text["Sla.TargetCalendar"], Duration(TimeSpan.FromMinutes(minutes)));
        var hours = (minutes / 60m).ToString("0.##", CultureInfo.CurrentCulture);
        return string.Format(text["Sla.Target"], hours);
    }

    /// <summary>Days, hours and minutes, the two largest units that are not zero (less than a minute: "1 分" / "1 min").</summary>
    public static string Duration(TimeSpan span)
    {
        span = span.Duration();
        var (d, h, m) = ((int)span.TotalDays, span.Hours, Math.Max(span.Minutes, span.TotalMinutes < 1 ? 1 : 0));
        var parts = new List<string>();
        if (d > 0) parts.Add(Zh ? $"{d} 天" : $"{d} d");
        if (h > 0) parts.Add(Zh ? $"{h} 小时" : $"{h} h");
        if (m > 0 && d == 0) parts.Add(Zh ? $"{m} 分" : $"{m} min");
        return string.Join(" ", parts.Take(2));
    }
}
