using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Modules.Routing.Contracts;

/// <summary>The supervisor's figures per queue, counted over open cases (index on queue and status).</summary>
public static class QueueFigures
{
    public static async Task<Dictionary<string, QueueStats>> OfAsync(AfterSalesDbContext db, string? queueId, DateTimeOffset now, CancellationToken ct)
    {
        var open = db.Cases.AsNoTracking()
            .Where(c => c.Queue != null && c.Status != CaseStatus.Closed && c.Status != CaseStatus.Cancelled);
        if (queueId is not null) open = open.Where(c => c.Queue == queueId);
        // The oldest case is found by its id (the creation order): SQLite stores times as converted numbers that
        // MIN over a DateTimeOffset would not translate on both engines alike.
        var rows = await open.GroupBy(c => c.Queue!).Select(g => new
        {
            Queue = g.Key,
            Depth = g.Count(),
            // Waiting for an agent: what routing would assign (Case.AwaitsStaff), not cases the merchant is handling.
            Unassigned = g.Count(c => c.Assignee == null && (c.Status == CaseStatus.PlatformReview
                || (c.Type == CaseType.Complaint && c.Status == CaseStatus.Opened))),
            Breached = g.Count(c => c.SlaBreached),
            OldestId = g.Min(c => c.Id),
        }).ToListAsync(ct);
        var oldestIds = rows.Select(r => r.OldestId).ToList();
        var created = await db.Cases.AsNoTracking().Where(c => oldestIds.Contains(c.Id))
            .Select(c => new { c.Id, c.CreatedAt }).ToDictionaryAsync(c => c.Id, c => c.CreatedAt, ct);
        return rows.ToDictionary(r => r.Queue, r =>
        {
            var oldest = created[r.OldestId];
            return new QueueStats(r.Depth, r.Unassigned, oldest, (long)Math.Max(0, (now - oldest).TotalMinutes), r.Breached);
        });
    }
}
