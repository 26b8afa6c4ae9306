using AfterSales.Web.Data;
using AfterSales.Web.Modules.Routing.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Routing.Contracts;

namespace AfterSales.Web.Modules.Routing.Features;

/// <summary><c>/api/v1/agents</c>: who works cases, with their skills, capacity, availability and current load.</summary>
internal static class AgentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/agents").WithTags("Routing");
        g.MapGet("/", ListAsync).WithName("ListAgents")
            .WithSummary("Every agent with open cases assigned (openCases) and spare capacity (capacity − openCases).")
            .RequireAuthorization(RoutingSetup.ReadPolicy);
        g.MapGet("/{agentId}", GetAsync).WithName("GetAgent").WithSummary("One agent with their load.").ProducesProblem(404)
            .RequireAuthorization(RoutingSetup.ReadPolicy);
        g.MapPut("/{agentId}", PutAsync).WithName("PutAgent")
            .WithSummary("Create or replace an agent (skills, capacity 0–1000, available). An available agent with spare capacity is at once given the oldest cases waiting unassigned in the queues they qualify for.")
            .ProducesValidationProblem().ProducesProblem(403).RequireAuthorization(RoutingSetup.WritePolicy);
    }

    internal static async Task<Ok<List<AgentView>>> ListAsync(AfterSalesDbContext db, CancellationToken ct)
    {
        var agents = await db.Agents.AsNoTracking().ToListAsync(ct);
        var loads = await Router.LoadsAsync(db, agents, ct);
        return TypedResults.Ok(loads.OrderBy(l => l.Agent.AgentId, StringComparer.Ordinal).Select(AgentView.From).ToList());
    }

    internal static async Task<Ok<AgentView>> GetAsync(string agentId, AfterSalesDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ViewAsync(db, agentId, ct));

    internal static async Task<Results<Created<AgentView>, Ok<AgentView>>> PutAsync(string agentId, AgentRequest? body,
        AfterSalesDbContext db, Router router, CaseHooks hooks, TimeProvider clock, CancellationToken ct)
    {
        var e = new FieldErrors();
        RoutingValidation.AgentId(e, agentId);
        if (body is null) { e.Add("body", "required"); e.ThrowIfAny("routing.invalid"); }
        RoutingValidation.Name(e, body!.Name);
        var known = (await db.Skills.AsNoTracking().Select(s => s.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var skills = RoutingValidation.Skills(e, "skills", body.Skills, known);
        if (body.Capacity is not { } capacity || capacity is < 0 or > RoutingValidation.MaxCapacity)
            e.Add("capacity", $"required, 0 to {RoutingValidation.MaxCapacity} open cases");
        e.ThrowIfAny("routing.invalid");
        var now = clock.GetUtcNow();
        var agent = await db.Agents.FirstOrDefaultAsync(a => a.AgentId == agentId, ct);
        var created = agent is null;
        if (agent is null) db.Agents.Add(agent = new Agent(agentId));
        agent.Define(body.Name!.Trim(), skills, body.Capacity!.Value, body.Available ?? true, now);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        // After the agent is committed: a case that cannot be assigned now (it changed meanwhile) never undoes the PUT.
        await AssignWaiting.RunAsync(db, router, hooks, agentId, now, ct);
        var view = await ViewAsync(db, agentId, ct);
        return created ? TypedResults.Created($"/api/v1/agents/{agentId}", view) : TypedResults.Ok(view);
    }

    internal static async Task<AgentView> ViewAsync(AfterSalesDbContext db, string agentId, CancellationToken ct)
    {
        var agent = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.AgentId == agentId, ct)
            ?? throw new DomainException("routing.agent_not_found");
        return AgentView.From((await Router.LoadsAsync(db, [agent], ct))[0]);
    }
}
