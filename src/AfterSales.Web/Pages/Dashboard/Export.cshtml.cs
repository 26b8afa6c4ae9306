using System.Globalization;
using AfterSales.Web.Modules.Reporting.Contracts;
using AfterSales.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Pages.Dashboard;

/// <summary>
/// A chart's figures as CSV, one row per aggregate the chart draws (the cases behind a bar are the list's own CSV).
/// Codes in wire names for programs, labels in the chosen language for people, amounts with two places, minutes whole.
/// </summary>
public sealed class ExportModel(DashboardReports reports, TimeProvider clock, IStringLocalizer<DashboardUi> d,
    IStringLocalizer<CaseUi> c) : PageModel
{
    public static readonly string[] Charts = ["volume", "sla", "breaches", "refunds", "reasons", "times", "queues"];

    private readonly DashboardText _text = new(d, c);

    public async Task<IActionResult> OnGetAsync(string? chart, string? from, string? to, string? shop, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var range = DashboardRange.Parse(from, to, now, out _);
        shop = string.IsNullOrWhiteSpace(shop) ? null : shop.Trim();
        (string[] Header, IEnumerable<IEnumerable<string?>> Rows)? csv = chart switch
        {
            "volume" => Volume(await reports.CaseGroupsAsync(range, shop, ct)),
            "breaches" => Breaches(await reports.CaseGroupsAsync(range, shop, ct)),
            "refunds" => Refunds(await reports.CaseGroupsAsync(range, shop, ct)),
            "reasons" => Reasons(await reports.CaseGroupsAsync(range, shop, ct)),
            "sla" => Sla(await reports.ClocksAsync(range, shop, ct)),
            "times" => Times(await reports.TimesAsync(range, shop, ct)),
            "queues" => Queues(await reports.QueuesAsync(now, ct)),
            _ => null,
        };
        if (csv is not { } c)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return File(Csv.File(c.Header, c.Rows), Csv.ContentType, $"dashboard-{chart}-{range.FromText}-{range.ToText}.csv");
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
    private static string Amount(decimal a) => a.ToString("0.00", CultureInfo.InvariantCulture);
    private static string? Minutes(double? m) => m is { } v ? Math.Round(v).ToString(CultureInfo.InvariantCulture) : null;

    private (string[], IEnumerable<IEnumerable<string?>>) Volume(List<CaseGroup> groups) =>
        (["status", "status_label", "type", "type_label", "cases"],
         groups.GroupBy(g => (g.Status, g.Type)).OrderBy(g => g.Key.Status).ThenBy(g => g.Key.Type)
            .Select(g => (IEnumerable<string?>)[Wire.Name(g.Key.Status), _text.Status(g.Key.Status), Wire.Name(g.Key.Type), _text.Type(g.Key.Type), N(g.Sum(x => x.Cases))]));

    private (string[], IEnumerable<IEnumerable<string?>>) Breaches(List<CaseGroup> groups) =>
        (["type", "type_label", "cases", "breached_cases"],
         Enum.GetValues<CaseType>().Select(t => (IEnumerable<string?>)[Wire.Name(t), _text.Type(t),
            N(groups.Where(g => g.Type == t).Sum(g => g.Cases)), N(groups.Where(g => g.Type == t).Sum(g => g.Breached))]));

    private (string[], IEnumerable<IEnumerable<string?>>) Refunds(List<CaseGroup> groups) =>
        (["type", "type_label", "refunded_cases", "refunded_amount"],
         Enum.GetValues<CaseType>().Select(t => (IEnumerable<string?>)[Wire.Name(t), _text.Type(t),
            N(groups.Where(g => g.Type == t).Sum(g => g.Refunded)), Amount(groups.Where(g => g.Type == t).Sum(g => g.RefundedAmount))]));

    private (string[], IEnumerable<IEnumerable<string?>>) Reasons(List<CaseGroup> groups) =>
        (["reason", "reason_label", "cases"],
         groups.GroupBy(g => g.Reason).Select(g => (Reason: g.Key, Cases: g.Sum(x => x.Cases))).OrderByDescending(r => r.Cases).ThenBy(r => r.Reason)
            .Select(r => (IEnumerable<string?>)[Wire.Name(r.Reason), _text.Reason(r.Reason), N(r.Cases)]));

    private (string[], IEnumerable<IEnumerable<string?>>) Sla(List<ClockFigure> clocks) =>
        (["metric", "metric_label", "met", "breached", "running", "attainment"],
         clocks.Select(c => (IEnumerable<string?>)[c.Metric, _text.Metric(c.Metric), N(c.Met), N(c.Breached), N(c.Running),
            c.Attainment?.ToString("0.0000", CultureInfo.InvariantCulture)]));

    private (string[], IEnumerable<IEnumerable<string?>>) Times(List<TimeFigure> times) =>
        (["metric", "metric_label", "type", "type_label", "clocks", "median_minutes", "p90_minutes"],
         times.Select(t => (IEnumerable<string?>)[t.Metric, _text.Metric(t.Metric), t.Type is { } ty ? Wire.Name(ty) : "all",
            t.Type is { } ty2 ? _text.Type(ty2) : d["Times.All"], N(t.Clocks), Minutes(t.Median), Minutes(t.P90)]));

    private static (string[], IEnumerable<IEnumerable<string?>>) Queues(List<QueueFigure> queues) =>
        (["queue", "name", "depth", "unassigned", "breached", "oldest_open_at", "oldest_age_minutes"],
         queues.Select(q => (IEnumerable<string?>)[q.Id, string.IsNullOrWhiteSpace(q.Name) ? Web.DisplayNames.Humanise(q.Id) : q.Name, N(q.Stats.Depth), N(q.Stats.Unassigned), N(q.Stats.Breached),
            q.Stats.OldestOpenAt is { } at ? DashboardText.IsoTime(at) : null, q.Stats.OldestAgeMinutes?.ToString(CultureInfo.InvariantCulture)]));
}
