using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Routing.Domain;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Modules.Routing.Contracts;

/// <summary>
/// Puts cases in queues and gives them agents (DOMAIN.md §6). Every change goes through <see cref="Case.Route"/>;
/// nothing here saves: the caller saves in its own transaction, so routing commits with the change that caused it.
/// Capacity is a soft limit: two cases routed at the same instant on two nodes may both take an agent's last free
/// place (one over capacity), which we accept rather than lock every agent row on every save.
/// </summary>
public sealed class Router(ISkillQualification qualification)
{
    /// <summary>
    /// Before a case is saved: place it in its queue if it has none, and give it an agent if it awaits platform
    /// staff. With no qualified agent free it waits, unassigned, in its queue.
    /// </summary>
    public async Task RouteAsync(AfterSalesDbContext db, Case c, DateTimeOffset now, CancellationToken ct)
    {
        // Most saves are of queued cases that need nobody new: no query at all for them.
        if (!c.IsOpen || (c.Queue is not null && !c.AwaitsStaff)) return;
        var queue = c.Queue is null
            ? Queue.FirstMatch(await db.Queues.AsNoTracking().Where(q => q.Active).ToListAsync(ct), c)
            : await db.Queues.AsNoTracking().FirstOrDefaultAsync(q => q.Id == c.Queue, ct);
        if (queue is null) return;
        var agentId = c.AwaitsStaff ? await PickAsync(db, queue, null, now, ct) : null;
        c.Route(queue.Id, agentId, now);
    }

    /// <summary>
    /// For escalations (SLA breach): give the case another qualified, available agent of <paramref name="queueId"/>
    /// (or of the case's own queue), never its current assignee, as the system actor. A given queue also moves the
    /// case there. Returns the new agent, or null when nobody else qualifies (the case is then unchanged, or only
    /// moved). The caller saves.
    /// </summary>
    public async Task<string?> ReassignAsync(AfterSalesDbContext db, Case c, string? queueId, DateTimeOffset now, CancellationToken ct)
    {
        var id = queueId ?? c.Queue;
        if (id is null || !c.IsOpen) return null;
        var queue = await db.Queues.AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, ct);
        if (queue is null) return null;
        var agentId = await PickAsync(db, queue, c.Assignee, now, ct);
        c.Route(queue.Id, agentId, now);
        return agentId;
    }

    /// <summary>The best agent for one more case of this queue, or null.</summary>
    public async Task<string?> PickAsync(AfterSalesDbContext db, Queue queue, string? except, DateTimeOffset now, CancellationToken ct)
    {
        var skill = await SkillOfAsync(db, queue, ct);
        if (queue.RequiredSkill is not null && skill is null) return null; // a skill nobody can hold
        var loads = await LoadsAsync(db, await db.Agents.AsNoTracking().Where(a => a.Available).ToListAsync(ct), ct);
        return AgentChoice.Pick(loads, skill, qualification, now, except);
    }

    public bool Qualifies(Agent agent, Skill? skill, DateTimeOffset now) => skill is null || qualification.IsQualified(agent, skill, now);

    public static Task<Skill?> SkillOfAsync(AfterSalesDbContext db, Queue queue, CancellationToken ct) =>
        queue.RequiredSkill is null ? Task.FromResult<Skill?>(null) : db.Skills.AsNoTracking().FirstOrDefaultAsync(s => s.Id == queue.RequiredSkill, ct);

    /// <summary>Each agent with the open cases assigned to them, counted in the database (the assignee index).</summary>
    public static async Task<List<AgentLoad>> LoadsAsync(AfterSalesDbContext db, List<Agent> agents, CancellationToken ct)
    {
        var ids = agents.Select(a => a.AgentId).ToList();
        var counts = await db.Cases.AsNoTracking()
            .Where(c => c.Assignee != null && ids.Contains(c.Assignee) && c.Status != CaseStatus.Closed && c.Status != CaseStatus.Cancelled)
            .GroupBy(c => c.Assignee!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. agents.Select(a => new AgentLoad(a, counts.GetValueOrDefault(a.AgentId)))];
    }
}
