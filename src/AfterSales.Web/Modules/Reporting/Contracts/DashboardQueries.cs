using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Routing.Contracts;

namespace AfterSales.Web.Modules.Reporting.Contracts;

/// <summary>Cases opened in the range with one status, type and reason: the volume, reason, breach and refund charts fold these.</summary>
public sealed record CaseGroup(CaseStatus Status, CaseType Type, CaseReason Reason, int Cases, int Breached, int Refunded, decimal RefundedAmount)
{
    /// <summary>As <see cref="Case.IsOpen"/>.</summary>
    public bool IsOpen => Status is not (CaseStatus.Closed or CaseStatus.Cancelled);
}

/// <summary>Clocks of one metric started in the range, by state.</summary>
public sealed record ClockFigure(string Metric, int Met, int Breached, int Running)
{
    /// <summary>Met among the judged clocks; null when none is judged yet (no attainment to show, not 0 %).</summary>
    public double? Attainment => Met + Breached == 0 ? null : (double)Met / (Met + Breached);
}

/// <summary>First response or resolution times of one case type (null: every type), in minutes.</summary>
public sealed record TimeFigure(string Metric, CaseType? Type, int Clocks, double? Median, double? P90);

public sealed record QueueFigure(string Id, string Name, QueueStats Stats);

/// <summary>
/// The dashboard's figures, each aggregated in the database over the range's index (cases by created_at, clocks by
/// metric and started_at) so that only groups, never whole tables, come back; percentiles need the durations
/// themselves, and read only the two metrics' stopped clocks of the range.
/// </summary>
public static class DashboardQueries
{
    public static readonly string[] TimedMetrics = [SlaMetrics.FirstResponse, SlaMetrics.Resolution];

    public static async Task<List<CaseGroup>> CaseGroupsAsync(AfterSalesDbContext db, DashboardRange range, string? shop, CancellationToken ct)
    {
        var rows = await CaseFilter.OpenedIn(db, range, shop)
            .GroupBy(c => new { c.Status, c.Type, c.Reason })
            .Select(g => new
            {
                g.Key.Status, g.Key.Type, g.Key.Reason, Cases = g.Count(), Breached = g.Count(c => c.SlaBreached),
                Refunded = g.Count(c => c.RefundedAmount > 0m), Amount = g.Sum(c => c.RefundedAmount),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new CaseGroup(r.Status, r.Type, r.Reason, r.Cases, r.Breached, r.Refunded, r.Amount))];
    }

    public static async Task<List<ClockFigure>> ClocksAsync(AfterSalesDbContext db, DashboardRange range, string? shop, CancellationToken ct)
    {
        var rows = await CaseFilter.ClocksIn(db, range, shop)
            .GroupBy(k => new { k.Metric, k.State })
            .Select(g => new { g.Key.Metric, g.Key.State, Count = g.Count() })
            .ToListAsync(ct);
        return [.. SlaMetrics.All.Select(m => new ClockFigure(m,
            rows.Where(r => r.Metric == m && r.State == SlaState.Met).Sum(r => r.Count),
            rows.Where(r => r.Metric == m && r.State == SlaState.Breached).Sum(r => r.Count),
            rows.Where(r => r.Metric == m && r.State is SlaState.Running or SlaState.Paused).Sum(r => r.Count)))];
    }

    /// <summary>
    /// Median and p90 of the time each judged clock counted: from its start to its stop, less the pauses in which the
    /// case waited on the consumer (the service is not slow while the consumer is). Wall-clock time, not business time.
    /// </summary>
    public static async Task<List<TimeFigure>> TimesAsync(AfterSalesDbContext db, DashboardRange range, string? shop, CancellationToken ct)
    {
        var (start, end) = (range.Start, range.End);
        var metrics = TimedMetrics;
        var cases = shop is null ? db.Cases.AsNoTracking() : db.Cases.AsNoTracking().Where(c => c.ShopId == shop);
        var rows = await (
            from k in db.SlaClocks.AsNoTracking()
            where metrics.Contains(k.Metric) && k.StartedAt >= start && k.StartedAt < end
                && k.StoppedAt != null && (k.State == SlaState.Met || k.State == SlaState.Breached)
            join c in cases on k.CaseId equals c.Id
            select new { k.Metric, c.Type, k.StartedAt, k.StoppedAt, k.Pauses }).ToListAsync(ct);
        var timed = rows.Select(r => (r.Metric, r.Type, Minutes: Counted(r.StartedAt, r.StoppedAt!.Value, r.Pauses))).ToList();
        var result = new List<TimeFigure>();
        foreach (var metric in TimedMetrics)
        {
            var ofMetric = timed.Where(t => t.Metric == metric).ToList();
            result.Add(Figure(metric, null, ofMetric.Select(t => t.Minutes)));
            foreach (var type in Enum.GetValues<CaseType>())
            {
                var ofType = ofMetric.Where(t => t.Type == type).Select(t => t.Minutes).ToList();
                if (ofType.Count > 0) result.Add(Figure(metric, type, ofType));
            }
        }
        return result;
    }

    public static async Task<List<QueueFigure>> QueuesAsync(AfterSalesDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var stats = await QueueFigures.OfAsync(db, null, now, ct);
        var queues = await db.Queues.AsNoTracking().Select(q => new { q.Id, q.Name, q.Active }).ToListAsync(ct);
        // Inactive queues still hold cases until they are moved; an empty inactive queue is not worth a bar.
        return [.. queues.Where(q => q.Active || stats.ContainsKey(q.Id)).OrderBy(q => q.Id, StringComparer.Ordinal)
            .Select(q => new QueueFigure(q.Id, q.Name, stats.GetValueOrDefault(q.Id, QueueStats.Empty)))];
    }

    private static TimeFigure Figure(string metric, CaseType? type, IEnumerable<double> minutes)
    {
        var sorted = minutes.Order().ToList();
        return new(metric, type, sorted.Count, Percentiles.Of(sorted, 50), Percentiles.Of(sorted, 90));
    }

    private static double Counted(DateTimeOffset started, DateTimeOffset stopped, List<SlaPause> pauses)
    {
        var paused = pauses.Sum(p => ((p.To ?? stopped) - p.From).TotalMinutes);
        return Math.Max(0, (stopped - started).TotalMinutes - paused);
    }
}
