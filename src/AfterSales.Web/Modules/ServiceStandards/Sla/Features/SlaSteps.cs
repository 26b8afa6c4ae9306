using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.ServiceStandards.Sla.Domain;
using AfterSales.Web.Modules.Routing.Contracts;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Modules.ServiceStandards.Sla.Features;

/// <summary>
/// The warning and breach of a clock, fired by the durable timer worker: a timeline event and an outbox event
/// (<c>sla.warning</c>, <c>sla.breached</c>), then the policy's escalations for that moment — notify, raise the
/// priority one step, or reassign (to a named person, or through routing to another agent).
/// </summary>
internal sealed class SlaSteps(Router router) : IDueStepHandler
{
    public string Prefix => "sla_";

    public async Task<bool> RunAsync(AfterSalesDbContext db, Case c, string step, DateTimeOffset now, CancellationToken ct)
    {
        var breach = step.StartsWith(Case.SlaBreachStep, StringComparison.Ordinal);
        var metric = step[(breach ? Case.SlaBreachStep : Case.SlaWarningStep).Length..];
        var clock = c.OpenClock(metric);
        var timer = c.Timers.FirstOrDefault(t => t.Step == step);
        if (clock is null || timer is null || timer.DueAt > now || clock.IsPaused) return false;
        if (breach ? clock.BreachedAt is not null : clock.WarnedAt is not null || clock.BreachedAt is not null) return false;
        var policy = await SlaPolicyStore.ForShopAsync(db, c.ShopId, ct);
        // A breach whose warning has not been told yet (another node holds that step, or both fell due in one
        // pass) tells the warning first: every breach is preceded by its warning, each recorded once.
        if (clock.WarnedAt is null && clock.WarnAt <= now) await FireAsync(db, c, clock, policy, "warning", metric, now, ct);
        if (breach) await FireAsync(db, c, clock, policy, "breached", metric, now, ct, timer.DueAt);
        return true;
    }

    private async Task FireAsync(AfterSalesDbContext db, Case c, SlaClock clock, SlaPolicy? policy, string on, string metric,
        DateTimeOffset now, CancellationToken ct, DateTimeOffset? dueAt = null)
    {
        if (on == "warning") c.RecordSlaWarning(clock, now);
        else c.RecordSlaBreach(clock, dueAt ?? now, now);
        foreach (var e in policy?.EscalationsFor(on, metric) ?? []) await EscalateAsync(db, c, e, metric, on, now, ct);
    }

    private async Task EscalateAsync(AfterSalesDbContext db, Case c, SlaEscalation e, string metric, string on, DateTimeOffset now, CancellationToken ct)
    {
        switch (e.Action)
        {
            case "notify":
                c.RecordEscalation(metric, on, e.Action, e.Notify ?? "supervisor", now);
                break;
            case "raise_priority":
                if (c.RaisePriority(metric, now)) c.RecordEscalation(metric, on, e.Action, c.Priority, now);
                break;
            case "reassign":
                // To the named person, else routing picks another qualified, available agent (null: nobody free).
                var agent = e.AgentId;
                if (agent is not null) c.AssignBySystem(agent, "sla_escalation", now);
                else agent = await router.ReassignAsync(db, c, e.QueueId, now, ct);
                c.RecordEscalation(metric, on, e.Action, agent, now);
                break;
        }
    }
}
