using AfterSales.Web.Modules.Routing.Contracts;

namespace AfterSales.Web.Web;

/// <summary>One person the assign form offers: the routing agent's name, and whether they can take the case now.</summary>
/// <param name="AgentId">The id a case's assignee holds.</param>
/// <param name="Name">The agent's name (their id when unnamed).</param>
/// <param name="Available">On duty.</param>
/// <param name="HoldsSkill">Holds the skill the case's queue requires (or the queue requires none).</param>
public sealed record AssignChoice(string AgentId, string Name, bool Available, bool HoldsSkill);

/// <summary>
/// The agents a case can be handed to, for the assign form: a list of names rather than a box for an id nobody
/// knows by heart. Everyone is offered (a supervisor may assign beyond skill or capacity, Routing/Agent says why);
/// those who hold the queue's skill and are on duty come first. The API still checks the choice.
/// </summary>
public static class AssignChoices
{
    public static async Task<IReadOnlyList<AssignChoice>> ForAsync(RoutingQueries routing, string? queueId, CancellationToken ct)
    {
        var skill = await routing.RequiredSkillAsync(queueId, ct);
        var agents = await routing.AgentsAsync(ct);
        return [.. agents
            .Select(a => new AssignChoice(a.AgentId, string.IsNullOrWhiteSpace(a.Name) ? a.AgentId : a.Name, a.Available,
                skill is null || a.Skills.Contains(skill)))
            .OrderByDescending(a => a.HoldsSkill && a.Available).ThenBy(a => a.Name, StringComparer.CurrentCulture)];
    }
}
