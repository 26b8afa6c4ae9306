using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Modules.Reporting.Contracts;

/// <summary>Which stopped clocks a click-through on the SLA or time charts means.</summary>
public enum ClockVerdict
{
    Met,
    Breached,

    /// <summary>Met or breached: the clock has stopped and been judged (the times charts).</summary>
    Done,
}

/// <summary>
/// The cases behind one bar of a dashboard chart. Counts and lists read the same predicates, so a bar's number is the
/// length of its list. Cases count in the range by when they were opened; a clock filter counts clocks by when they
/// started (the SLA charts' basis, on the clocks' (metric, started_at) index); <see cref="Open"/> means "now" and
/// ignores the range (the queue chart is a snapshot).
/// </summary>
public sealed record CaseFilter(DashboardRange Range)
{
    public string? Shop { get; init; }
    public CaseStatus? Status { get; init; }
    public CaseType? Type { get; init; }
    public CaseReason? Reason { get; init; }
    public bool? Breached { get; init; }
    public bool Refunded { get; init; }
    public string? Metric { get; init; }
    public ClockVerdict? Verdict { get; init; }
    public string? Queue { get; init; }
    public bool Open { get; init; }

    /// <summary>Cases opened in the range (and of the shop, when one is chosen): the base of the volume charts.</summary>
    public static IQueryable<Case> OpenedIn(AfterSalesDbContext db, DashboardRange range, string? shop)
    {
        var (start, end) = (range.Start, range.End);
        var q = db.Cases.AsNoTracking().Where(c => c.CreatedAt >= start && c.CreatedAt < end);
        return shop is null ? q : q.Where(c => c.ShopId == shop);
    }

    /// <summary>Clocks started in the range, of the shop's cases when one is chosen: the base of the SLA charts.</summary>
    public static IQueryable<SlaClock> ClocksIn(AfterSalesDbContext db, DashboardRange range, string? shop)
    {
        var (start, end) = (range.Start, range.End);
        // Naming the metrics lets both engines use the (metric, started_at) index instead of scanning every clock.
        var metrics = SlaMetrics.All;
        var q = db.SlaClocks.AsNoTracking().Where(k => metrics.Contains(k.Metric) && k.StartedAt >= start && k.StartedAt < end);
        return shop is null ? q : q.Where(k => db.Set<Case>().Any(c => c.Id == k.CaseId && c.ShopId == shop));
    }

    public IQueryable<Case> Apply(AfterSalesDbContext db)
    {
        IQueryable<Case> q;
        if (Open)
        {
            // Case.IsOpen, as the queue figures count it.
            q = db.Cases.AsNoTracking().Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Cancelled);
            if (Shop is not null) q = q.Where(c => c.ShopId == Shop);
        }
        else if (Metric is not null)
        {
            q = db.Cases.AsNoTracking();
            if (Shop is not null) q = q.Where(c => c.ShopId == Shop);
        }
        else q = OpenedIn(db, Range, Shop);

        if (Metric is not null)
        {
            var (metric, start, end) = (Metric, Range.Start, Range.End);
            var clocks = db.SlaClocks.Where(k => k.Metric == metric && k.StartedAt >= start && k.StartedAt < end);
            clocks = Verdict switch
            {
                ClockVerdict.Met => clocks.Where(k => k.State == SlaState.Met),
                ClockVerdict.Breached => clocks.Where(k => k.State == SlaState.Breached),
                ClockVerdict.Done => clocks.Where(k => k.StoppedAt != null && (k.State == SlaState.Met || k.State == SlaState.Breached)),
                _ => clocks,
            };
            q = q.Where(c => clocks.Any(k => k.CaseId == c.Id));
        }
        if (Status is { } s) q = q.Where(c => c.Status == s);
        if (Type is { } t) q = q.Where(c => c.Type == t);
        if (Reason is { } r) q = q.Where(c => c.Reason == r);
        if (Breached is { } b) q = q.Where(c => c.SlaBreached == b);
        if (Refunded) q = q.Where(c => c.RefundedAmount > 0m);
        if (Queue is not null) q = q.Where(c => c.Queue == Queue);
        return q;
    }

    /// <summary>The filter as query parameters (wire names), for links and the CSV export; the range is always included.</summary>
    public Dictionary<string, string?> ToQuery()
    {
        var d = new Dictionary<string, string?> { ["from"] = Range.FromText, ["to"] = Range.ToText };
        if (Shop is not null) d["shop"] = Shop;
        if (Status is { } s) d["status"] = Wire.Name(s);
        if (Type is { } t) d["type"] = Wire.Name(t);
        if (Reason is { } r) d["reason"] = Wire.Name(r);
        if (Breached is { } b) d["breached"] = b ? "true" : "false";
        if (Refunded) d["refunded"] = "true";
        if (Metric is not null) d["metric"] = Metric;
        if (Verdict is { } v) d["verdict"] = v.ToString().ToLowerInvariant();
        if (Queue is not null) d["queue"] = Queue;
        if (Open) d["open"] = "true";
        return d;
    }

    /// <summary>
    /// Reads the filter from a query string. Unknown values are reported in <paramref name="invalid"/> (the page says
    /// which) instead of being dropped silently, which would show more cases than the bar counted.
    /// </summary>
    public static CaseFilter Parse(DashboardRange range, Func<string, string?> get, List<string> invalid)
    {
        T? Enum<T>(string key) where T : struct, Enum
        {
            var text = get(key);
            if (string.IsNullOrEmpty(text)) return null;
            if (Wire.TryParse<T>(text, out var v)) return v;
            invalid.Add(key);
            return null;
        }
        bool? Flag(string key) => get(key) switch
        {
            null or "" => null,
            "true" => true,
            "false" => false,
            _ => Invalid<bool?>(key, invalid),
        };
        var metric = get("metric");
        if (!string.IsNullOrEmpty(metric) && !SlaMetrics.All.Contains(metric)) metric = Invalid<string?>("metric", invalid);
        ClockVerdict? verdict = get("verdict") switch
        {
            null or "" => null,
            "met" => ClockVerdict.Met,
            "breached" => ClockVerdict.Breached,
            "done" => ClockVerdict.Done,
            _ => Invalid<ClockVerdict?>("verdict", invalid),
        };
        return new CaseFilter(range)
        {
            Shop = NullIfEmpty(get("shop")), Status = Enum<CaseStatus>("status"), Type = Enum<CaseType>("type"),
            Reason = Enum<CaseReason>("reason"), Breached = Flag("breached"), Refunded = Flag("refunded") == true,
            Metric = NullIfEmpty(metric), Verdict = metric is null ? null : verdict, Queue = NullIfEmpty(get("queue")),
            Open = Flag("open") == true,
        };
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static T Invalid<T>(string key, List<string> invalid)
    {
        invalid.Add(key);
        return default!;
    }
}
