using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Routing.Features;

namespace AfterSales.Web.Modules.Routing.Contracts;

/// <summary>
/// The admin routing page's front door: the same reads and create-or-replace use cases as <c>/api/v1/queues</c>,
/// <c>/skills</c> and <c>/agents</c> (their checks: <c>routing.invalid</c> with field errors, nothing written then).
/// </summary>
public sealed class RoutingAdmin(AfterSalesDbContext db, Router router, CaseHooks hooks, TimeProvider clock)
{
    /// <summary>Every queue with the supervisor's figures.</summary>
    public async Task<List<QueueView>> QueuesAsync(CancellationToken ct) => (await QueueEndpoints.ListAsync(db, clock, ct)).Value!;

    public async Task<List<SkillView>> SkillsAsync(CancellationToken ct) => (await SkillEndpoints.ListAsync(db, ct)).Value!;

    public async Task<List<AgentView>> AgentsAsync(CancellationToken ct) => (await AgentEndpoints.ListAsync(db, ct)).Value!;

    public Task PutQueueAsync(string queueId, QueueRequest body, CancellationToken ct) => Refused(QueueEndpoints.PutAsync(queueId, body, db, clock, ct));

    public Task PutSkillAsync(string skillId, SkillRequest body, CancellationToken ct) => Refused(SkillEndpoints.PutAsync(skillId, body, db, clock, ct));

    public Task PutAgentAsync(string agentId, AgentRequest body, CancellationToken ct) =>
        Refused(AgentEndpoints.PutAsync(agentId, body, db, router, hooks, clock, ct));

    /// <summary>A refused change leaves nothing tracked, so the lists read next are the stored rows.</summary>
    private async Task Refused(Task change)
    {
        try
        {
            await change;
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
