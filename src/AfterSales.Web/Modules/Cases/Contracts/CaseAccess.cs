using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Orders.Contracts;

namespace AfterSales.Web.Modules.Cases.Contracts;

/// <summary>Loading a case for a change, and the checks every change shares.</summary>
public static class CaseAccess
{
    /// <summary>The case, if the caller's <see cref="DataScope"/> holds it; otherwise <c>case.not_found</c>, as if it did not exist.</summary>
    public static async Task<Case> LoadAsync(AfterSalesDbContext db, string caseNo, DataScope scope, CancellationToken ct, bool track = true) =>
        await Whole(scope.Cases(db.Cases), track).FirstOrDefaultAsync(c => c.CaseNo == caseNo, ct) ?? throw new DomainException("case.not_found");

    /// <summary>For background work (timers, refund results from the platform): no scope.</summary>
    public static async Task<Case> LoadAsync(AfterSalesDbContext db, long caseId, CancellationToken ct) =>
        await Whole(db.Cases, true).FirstOrDefaultAsync(c => c.Id == caseId, ct) ?? throw new DomainException("case.not_found");

    /// <summary>The case's id, if the caller's scope holds it (reads of its timeline, messages, attachments).</summary>
    public static async Task<long> IdOfAsync(AfterSalesDbContext db, string caseNo, DataScope scope, CancellationToken ct)
    {
        var ids = await scope.Cases(db.Cases).Where(c => c.CaseNo == caseNo).Select(c => c.Id).Take(1).ToListAsync(ct);
        return ids.Count == 1 ? ids[0] : throw new DomainException("case.not_found");
    }

    /// <summary>
    /// Before a change takes the order lock: a caller outside the case's scope must not even bump another shop's
    /// order lock. The platform sees everything and skips the query.
    /// </summary>
    public static async Task EnsureVisibleAsync(AfterSalesDbContext db, string caseNo, DataScope scope, CancellationToken ct)
    {
        if (scope.Of != DataScope.Kind.Everything) await IdOfAsync(db, caseNo, scope, ct);
    }

    /// <summary>The case with every part a change may touch (one query per collection).</summary>
    private static IQueryable<Case> Whole(IQueryable<Case> cases, bool track)
    {
        var query = cases.Include(c => c.Refunds).Include(c => c.Timers).Include(c => c.Clocks).AsSplitQuery().AsQueryable();
        return track ? query : query.AsNoTracking();
    }

    /// <summary><c>If-Match</c> against the case version: a stale one is 412 and changes nothing.</summary>
    public static void CheckIfMatch(HttpContext http, Case c) => IfMatch.Check(http, c.Version, "case.version_mismatch");

    public static string ETagOf(Case c) => $"\"{c.Version}\"";

    /// <summary>
    /// Serializes decisions on one order (new cases, refunds) across requests and nodes: the row update takes the
    /// order's write lock until the transaction ends, on SQLite and PostgreSQL alike.
    /// </summary>
    public static Task LockOrderAsync(AfterSalesDbContext db, string orderNo, CancellationToken ct) =>
        db.Orders.Where(o => o.OrderNo == orderNo).ExecuteUpdateAsync(s => s.SetProperty(o => o.LockVersion, o => o.LockVersion + 1), ct);

    /// <summary>
    /// The same lock, found by case number in the same statement (a case never changes its order). The order is
    /// matched with a scalar subquery, not EXISTS: SQLite ran the correlated EXISTS as a scan of every order.
    /// </summary>
    public static Task LockOrderOfCaseAsync(AfterSalesDbContext db, string caseNo, CancellationToken ct) =>
        db.Orders.Where(o => o.OrderNo == db.Set<Case>().Where(c => c.CaseNo == caseNo).Select(c => c.OrderNo).FirstOrDefault())
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LockVersion, o => o.LockVersion + 1), ct);

    /// <summary>The same lock, taken by the timer worker, which knows the case by its id.</summary>
    public static Task LockOrderOfCaseAsync(AfterSalesDbContext db, long caseId, CancellationToken ct) =>
        db.Orders.Where(o => o.OrderNo == db.Set<Case>().Where(c => c.Id == caseId).Select(c => c.OrderNo).FirstOrDefault())
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LockVersion, o => o.LockVersion + 1), ct);

    /// <summary>
    /// RefundCannotExceedPaidAmount across every case of the order: the live and succeeded refunds on a line,
    /// including the ones this change adds, never exceed what was paid for that line.
    /// </summary>
    public static async Task CheckOrderRefundsAsync(AfterSalesDbContext db, Case changed, CancellationToken ct)
    {
        var added = changed.Refunds.Where(r => db.Entry(r).State == EntityState.Added).ToList();
        if (added.Count == 0) return;
        var order = await db.Orders.AsNoTracking().FirstAsync(o => o.OrderNo == changed.OrderNo, ct);
        var existing = await db.Refunds.AsNoTracking()
            .Where(r => r.OrderNo == changed.OrderNo && r.Status != RefundStatus.Failed).Select(r => r.Allocations).ToListAsync(ct);
        var used = existing.Concat(added.Select(a => a.Allocations)).SelectMany(a => a)
            .GroupBy(a => a.LineNo).ToDictionary(g => g.Key, g => g.Sum(a => a.Amount));
        foreach (var (lineNo, amount) in used)
            if (amount > (order.Line(lineNo)?.PaidAmount ?? 0m))
                throw new DomainException("refund.exceeds_paid", null, new Dictionary<string, object?> { ["lineNo"] = lineNo });
    }
}
