using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Routing.Contracts;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Routing.Features;

/// <summary>An agent's queues for Access's scope: the queues whose required skill the agent holds, or that require none.</summary>
internal sealed class AgentQueues : IAgentQueues
{
    public async Task<IReadOnlyList<string>> QueuesOfAsync(AfterSalesDbContext db, string agentId, CancellationToken ct)
    {
        var skills = await db.Agents.AsNoTracking().Where(a => a.AgentId == agentId).Select(a => a.Skills).FirstOrDefaultAsync(ct) ?? [];
        var queues = await db.Queues.AsNoTracking().Select(q => new { q.Id, q.RequiredSkill }).ToListAsync(ct);
        return [.. queues.Where(q => q.RequiredSkill is null || skills.Contains(q.RequiredSkill)).Select(q => q.Id)];
    }
}
