using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.ServiceStandards.Sla.Domain;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.ServiceStandards.Contracts;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.ServiceStandards.Calendars.Domain;

namespace AfterSales.Web.Modules.ServiceStandards.Sla.Features;

/// <summary>
/// A calendar or SLA policy change recomputes the clocks of open cases. The change saves a job row in its own
/// transaction (so a change without its recompute cannot commit); the worker then walks open cases in id order,
/// a batch per transaction, recording how far it got — a restarted node continues where the last batch ended,
/// and progress is visible at <c>GET /api/v1/sla-recomputes/{id}</c>.
/// </summary>
internal static class SlaRecompute
{
    public static async Task<long> EnqueueAsync(AfterSalesDbContext db, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var job = new SlaRecomputeJob(reason, now);
        db.SlaRecomputeJobs.Add(job);
        await db.SaveChangesAsync(ct);
        return job.Id;
    }

    /// <summary>
    /// Recomputes one batch of the job; false when the job is finished. Each case is written with its version
    /// checked but not raised (nothing a person sees as a change), so an action racing the batch wins and the
    /// batch is simply run again.
    /// </summary>
    public static async Task<bool> RunBatchAsync(AfterSalesDbContext db, SlaHook hook, long jobId, int batchSize, DateTimeOffset now, CancellationToken ct)
    {
        var job = await db.SlaRecomputeJobs.FirstAsync(j => j.Id == jobId, ct);
        if (job.Status is SlaRecomputeJob.Done or SlaRecomputeJob.Superseded) return false;
        // A newer change recomputes every open case again: this one need not go on (or start).
        if (await db.SlaRecomputeJobs.AnyAsync(j => j.Id > job.Id, ct))
        {
            job.Supersede(now);
            await db.SaveChangesAsync(ct);
            return false;
        }
        if (job.Status == SlaRecomputeJob.Queued)
        {
            var total = await OpenCases(db).CountAsync(ct);
            job.Start(total, now);
        }
        var cases = await OpenCases(db).Where(c => c.Id > job.LastCaseId).OrderBy(c => c.Id).Take(batchSize)
            .Include(c => c.Clocks).Include(c => c.Timers).AsSplitQuery().ToListAsync(ct);
        var policies = await db.SlaPolicies.AsNoTracking().ToListAsync(ct);
        var calendars = new Dictionary<string, IBusinessCalendar>();
        foreach (var c in cases)
        {
            await hook.ApplyAsync(db, c, SlaPolicyStore.Pick(policies, c.ShopId), now, ct, calendars, rematch: true);
            if (db.Entry(c).State == EntityState.Unchanged) db.Entry(c).Property(x => x.Version).IsModified = true;
        }
        job.Advance(cases.Count, cases.Count == 0 ? job.LastCaseId : cases[^1].Id, cases.Count < batchSize, now);
        await db.SaveChangesAsync(ct);
        return job.Status != SlaRecomputeJob.Done;
    }

    private static IQueryable<Case> OpenCases(AfterSalesDbContext db) =>
        db.Cases.Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Cancelled);
}

