using System.Globalization;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Resources;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Pages.Dashboard;

/// <summary>
/// How the dashboard writes numbers, money, durations, instants and the domain's names in the chosen language
/// (UI.md): ¥1,299.00 in both, "3 小时 20 分" / "3 h 20 min", times in Asia/Shanghai whatever the server's zone.
/// Statuses, types and reasons are the case pages' own words (<see cref="CaseUi"/>): a supervisor who clicks from a
/// bar to a case reads the same 待商家处理 on both.
/// </summary>
public sealed class DashboardText(IStringLocalizer<DashboardUi> d, IStringLocalizer<CaseUi> c)
{
    public static string Money(decimal amount) => "¥" + amount.ToString("N2", CultureInfo.InvariantCulture);

    public static string Count(int n) => n.ToString("N0", CultureInfo.CurrentCulture);

    public static string Percent(double? share) => share is { } s ? s.ToString("P1", CultureInfo.CurrentCulture) : "—";

    /// <summary>The instant in Shanghai, e.g. 2026-11-26 10:05.</summary>
    public static string Time(DateTimeOffset at) => Web.UiFormat.Time(at);

    /// <summary>ISO 8601 with the +08:00 offset, for CSV: unambiguous for a spreadsheet and for a program.</summary>
    public static string IsoTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, PlatformTime.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Whole minutes as days and hours, hours and minutes, or minutes: the two largest units say enough.</summary>
    public string Duration(double? minutes)
    {
        if (minutes is not { } m) return "—";
        var total = (long)Math.Round(m);
        var (days, hours, mins) = (total / 1440, total % 1440 / 60, total % 60);
        return days > 0 ? d["Duration.DaysHours", days, hours]
            : hours > 0 ? d["Duration.HoursMinutes", hours, mins]
            : d["Duration.Minutes", mins];
    }

    public string Status(CaseStatus s) => c["Status." + Wire.Name(s)];
    public string Type(CaseType t) => c["Type." + Wire.Name(t)];
    public string Reason(CaseReason r) => c["Reason." + Wire.Name(r)];
    public string Priority(string priority) => c["Priority." + priority] is { ResourceNotFound: false } word ? word : priority;
    public string Metric(string metric) => d["Metric." + metric];
}
