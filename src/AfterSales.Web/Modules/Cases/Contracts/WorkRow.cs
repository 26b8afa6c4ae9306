using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Cases.Contracts;

/// <summary>
/// One case as a workspace list shows it: the case's own columns, its open SLA clocks, and the actions the rules
/// offer this person now (the same <see cref="CaseRules.Available"/> that <c>GET …/actions</c> answers from).
/// </summary>
/// <param name="Case">The case as stored.</param>
/// <param name="Clocks">Its open SLA clocks.</param>
/// <param name="Offered">The actions the rules offer this person now.</param>
/// <param name="Step">The pending automatic step (超时自动同意, auto-refund, …): the deadline the case page's due-next
/// line names, and the one a merchant's list shows instead of the platform's business-time SLA clock.</param>
public sealed record WorkRow(Case Case, IReadOnlyList<SlaView> Clocks, IReadOnlySet<CaseAction> Offered, DeadlineView? Step = null)
{
    /// <summary>
    /// Completes a page of cases (already filtered and cut to the page in the database) with the clocks of those
    /// rows only: one query for the page, never the whole clock table.
    /// </summary>
    internal static async Task<List<WorkRow>> ForPageAsync(AfterSalesDbContext db, IReadOnlyList<Case> page, ActorRole role, CancellationToken ct)
    {
        var ids = page.Select(c => c.Id).ToList();
        var clocks = ids.Count == 0 ? []
            : await db.SlaClocks.AsNoTracking().Where(k => ids.Contains(k.CaseId) && k.StoppedAt == null).ToListAsync(ct);
        var byCase = clocks.ToLookup(k => k.CaseId);
        // The same choice as Case.NextStep (the soonest automatic step), for the page's cases in one query.
        var timers = ids.Count == 0 ? []
            : await db.Timers.AsNoTracking().Where(t => ids.Contains(t.CaseId) && t.Step.StartsWith("auto_")).ToListAsync(ct);
        var steps = timers.GroupBy(t => t.CaseId).ToDictionary(g => g.Key, g => g.MinBy(t => t.DueAt)!);
        return page.Select(c => new WorkRow(c,
            byCase[c.Id].OrderBy(k => k.Metric, StringComparer.Ordinal).Select(SlaView.From).ToList(),
            CaseRules.Available(c, role).Select(r => r.Action).ToHashSet(),
            c.Status is CaseStatus.Closed or CaseStatus.Cancelled || !steps.TryGetValue(c.Id, out var t) ? null : new DeadlineView(t.Step, t.DueAt))).ToList();
    }

    /// <summary>
    /// The clock a row's badge shows: a breached one, else the running one due soonest, else a paused one; among
    /// <paramref name="metrics"/> when given (a merchant answers for its response and the resolution, not the desk's).
    /// </summary>
    public SlaView? Badge(DateTimeOffset now, IReadOnlyCollection<string>? metrics = null)
    {
        var clocks = metrics is null ? Clocks : Clocks.Where(k => metrics.Contains(k.Metric)).ToList();
        return clocks.Where(k => k.State == SlaState.Breached || (k.State == SlaState.Running && k.DueAt <= now)).OrderBy(k => k.DueAt).FirstOrDefault()
            ?? clocks.Where(k => k.State == SlaState.Running && k.DueAt is not null).OrderBy(k => k.DueAt).FirstOrDefault()
            ?? clocks.FirstOrDefault(k => k.State == SlaState.Paused);
    }
}
