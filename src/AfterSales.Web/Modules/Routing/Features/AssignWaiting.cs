using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Routing.Contracts;

namespace AfterSales.Web.Modules.Routing.Features;

/// <summary>
/// An agent became free (made available, given more capacity or a skill): the oldest cases waiting unassigned in the
/// queues they qualify for are assigned to them, up to their spare capacity. Each case is its own small
/// transaction, under the order lock every change of a case takes; a case that changed meanwhile is left alone.
/// </summary>
internal static class AssignWaiting
{
    public static async Task<List<string>> RunAsync(AfterSalesDbContext db, Router router, CaseHooks hooks, string agentId,
        DateTimeOffset now, CancellationToken ct)
    {
        var agent = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.AgentId == agentId, ct);
        if (agent is not { Available: true }) return [];
        var spare = (await Router.LoadsAsync(db, [agent], ct))[0].Spare;
        if (spare == 0) return [];
        var skills = await db.Skills.AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        var queues = (await db.Queues.AsNoTracking().ToListAsync(ct))
            .Where(q => q.RequiredSkill is null || (skills.TryGetValue(q.RequiredSkill, out var s) && router.Qualifies(agent, s, now)))
            .Select(q => q.Id).ToList();
        // Oldest first: the id is the creation order. Same predicate as Case.AwaitsStaff, in SQL.
        var waiting = await db.Cases.AsNoTracking()
            .Where(c => c.Queue != null && queues.Contains(c.Queue) && c.Assignee == null
                && (c.Status == CaseStatus.PlatformReview || (c.Type == CaseType.Complaint && c.Status == CaseStatus.Opened)))
            .OrderBy(c => c.Id).Select(c => c.CaseNo).Take(spare).ToListAsync(ct);
        var assigned = new List<string>();
        foreach (var caseNo in waiting)
        {
            if (await TryAssignAsync(db, hooks, caseNo, agentId, now, ct)) assigned.Add(caseNo);
            db.ChangeTracker.Clear();
        }
        return assigned;
    }

    private static async Task<bool> TryAssignAsync(AfterSalesDbContext db, CaseHooks hooks, string caseNo, string agentId,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginWriteAsync(ct);
        await CaseAccess.LockOrderOfCaseAsync(db, caseNo, ct);
        var c = await CaseAccess.LoadAsync(db, caseNo, Access.Contracts.DataScope.All, ct);
        if (!c.AwaitsStaff || c.Queue is null) return false; // someone took it or it moved on since the search
        c.Route(c.Queue, agentId, now);
        await hooks.RunAsync(db, c, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        await tx.CommitAsync(ct);
        return true;
    }
}
