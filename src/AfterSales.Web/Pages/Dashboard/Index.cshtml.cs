using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Reporting.Contracts;
using AfterSales.Web.Resources;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Pages.Dashboard;

/// <summary>
/// The supervisor dashboard (UI.md): cards and charts over a range of days kept in the URL; every bar links to the
/// cases behind it and every chart exports its figures as CSV. Guarded by the folder's policy (supervisor, platform).
/// </summary>
public sealed class IndexModel(DashboardReports reports, TimeProvider clock, IStringLocalizer<DashboardUi> d,
    IStringLocalizer<CaseUi> c) : PageModel
{
    public DashboardText Text { get; } = new(d, c);
    public DashboardRange Range { get; private set; } = null!;
    public bool RangeCorrected { get; private set; }
    public string? Shop { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public IReadOnlyList<CaseGroup> Groups { get; private set; } = [];
    public IReadOnlyList<ClockFigure> Clocks { get; private set; } = [];
    public IReadOnlyList<TimeFigure> Times { get; private set; } = [];
    public IReadOnlyList<QueueFigure> Queues { get; private set; } = [];

    public int Opened => Groups.Sum(g => g.Cases);
    public int StillOpen => Groups.Where(g => g.IsOpen).Sum(g => g.Cases);
    public int BreachedCases => Groups.Sum(g => g.Breached);
    public decimal RefundedAmount => Groups.Sum(g => g.RefundedAmount);
    public int RefundedCases => Groups.Sum(g => g.Refunded);

    /// <summary>All metrics' judged clocks together: the one attainment figure on the card.</summary>
    public double? Attainment
    {
        get
        {
            var judged = Clocks.Sum(c => c.Met + c.Breached);
            return judged == 0 ? null : (double)Clocks.Sum(c => c.Met) / judged;
        }
    }

    public TimeFigure? FirstResponse => Times.FirstOrDefault(t => t.Metric == SlaMetrics.FirstResponse && t.Type is null);

    public async Task OnGetAsync(string? from, string? to, string? shop, CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Range = DashboardRange.Parse(from, to, Now, out var corrected);
        RangeCorrected = corrected;
        Shop = string.IsNullOrWhiteSpace(shop) ? null : shop.Trim();
        // One DbContext runs one query at a time: these run one after the other, each a grouped query.
        Groups = await reports.CaseGroupsAsync(Range, Shop, ct);
        Clocks = await reports.ClocksAsync(Range, Shop, ct);
        Times = await reports.TimesAsync(Range, Shop, ct);
        Queues = await reports.QueuesAsync(Now, ct);
    }

    public CaseFilter Filter => new(Range) { Shop = Shop };

    public string CasesOf(CaseFilter f) => DashboardLinks.CasesOf(f);
    public string ExportOf(string chart) => DashboardLinks.ExportOf(chart, Range, Shop);

    /// <summary>The last n days up to today (Shanghai), for the quick range links.</summary>
    public string LastDays(int n)
    {
        var today = DashboardRange.Default(Now).To;
        return DashboardLinks.HomeOf(new DashboardRange(today.AddDays(1 - n), today), Shop);
    }

    public BarChart VolumeByStatus() => new("status", d["Chart.Status"], d["Chart.Status.Note"],
        [.. Groups.GroupBy(g => g.Status).OrderBy(g => g.Key).Select(g => CountBar(Text.Status(g.Key), g.Sum(x => x.Cases), Filter with { Status = g.Key }))],
        ExportOf("volume"));

    public BarChart VolumeByType() => new("type", d["Chart.Type"], "",
        [.. Enum.GetValues<CaseType>().Select(t => CountBar(Text.Type(t), Groups.Where(g => g.Type == t).Sum(g => g.Cases), Filter with { Type = t }))],
        ExportOf("volume"));

    public BarChart Sla() => new("sla", d["Chart.Sla"], d["Chart.Sla.Note"],
        [.. Clocks.Where(c => c.Met + c.Breached + c.Running > 0).SelectMany(c => new[]
        {
            new Bar(d["Sla.MetBar", Text.Metric(c.Metric)], c.Met, d["Sla.MetValue", DashboardText.Count(c.Met), DashboardText.Percent(c.Attainment)],
                c.Met == 0 ? null : CasesOf(Filter with { Metric = c.Metric, Verdict = ClockVerdict.Met }), "met"),
            new Bar(d["Sla.BreachedBar", Text.Metric(c.Metric)], c.Breached, DashboardText.Count(c.Breached),
                c.Breached == 0 ? null : CasesOf(Filter with { Metric = c.Metric, Verdict = ClockVerdict.Breached }), "breached"),
        })],
        ExportOf("sla"));

    public BarChart Breaches() => new("breaches", d["Chart.Breaches"], d["Chart.Breaches.Note"],
        [.. Enum.GetValues<CaseType>().Select(t => CountBar(Text.Type(t), Groups.Where(g => g.Type == t).Sum(g => g.Breached), Filter with { Type = t, Breached = true }, "breached"))],
        ExportOf("breaches"));

    public BarChart Refunds() => new("refunds", d["Chart.Refunds"], d["Chart.Refunds.Note"],
        [.. Enum.GetValues<CaseType>().Select(t => Groups.Where(g => g.Type == t).ToList()).Where(g => g.Count > 0 && g.Sum(x => x.Refunded) > 0)
            .Select(g => new Bar(Text.Type(g[0].Type), (double)g.Sum(x => x.RefundedAmount),
                d["Refunds.Value", DashboardText.Money(g.Sum(x => x.RefundedAmount)), DashboardText.Count(g.Sum(x => x.Refunded))],
                CasesOf(Filter with { Type = g[0].Type, Refunded = true })))],
        ExportOf("refunds"));

    public BarChart Reasons() => new("reasons", d["Chart.Reasons"], "",
        [.. Groups.GroupBy(g => g.Reason).Select(g => (Reason: g.Key, Cases: g.Sum(x => x.Cases))).Where(r => r.Cases > 0)
            .OrderByDescending(r => r.Cases).ThenBy(r => r.Reason)
            .Select(r => CountBar(Text.Reason(r.Reason), r.Cases, Filter with { Reason = r.Reason }))],
        ExportOf("reasons"));

    public BarChart TimesOf(string metric) => new("times-" + metric.Replace('_', '-'), d["Chart.Times", Text.Metric(metric)], d["Chart.Times.Note"],
        [.. Times.Where(t => t.Metric == metric).SelectMany(t =>
        {
            var label = t.Type is { } type ? Text.Type(type) : d["Times.All"].Value;
            var href = CasesOf(Filter with { Metric = metric, Verdict = ClockVerdict.Done, Type = t.Type });
            return new[]
            {
                new Bar(d["Times.MedianBar", label], t.Median ?? 0, d["Times.Value", Text.Duration(t.Median), DashboardText.Count(t.Clocks)], href),
                new Bar(d["Times.P90Bar", label], t.P90 ?? 0, Text.Duration(t.P90), href, "p90"),
            };
        })],
        ExportOf("times"));

    public BarChart QueueDepth() => new("queues", d["Chart.Queues"], d["Chart.Queues.Note"],
        [.. Queues.Select(q => new Bar(string.IsNullOrWhiteSpace(q.Name) ? Web.DisplayNames.Humanise(q.Id) : q.Name, q.Stats.Depth,
            q.Stats.Depth == 0 ? DashboardText.Count(0)
                : d["Queues.Value", DashboardText.Count(q.Stats.Depth), Text.Duration(q.Stats.OldestAgeMinutes), DashboardText.Count(q.Stats.Breached)],
            CasesOf(new CaseFilter(Range) { Queue = q.Id, Open = true })))],
        ExportOf("queues"));

    private Bar CountBar(string label, int count, CaseFilter filter, string tone = "") =>
        new(label, count, DashboardText.Count(count), count == 0 ? null : CasesOf(filter), tone);
}
