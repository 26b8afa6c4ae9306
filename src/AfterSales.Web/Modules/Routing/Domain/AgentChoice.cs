namespace AfterSales.Web.Modules.Routing.Domain;

/// <summary>An agent with the number of open cases assigned to them (counted in the database).</summary>
public sealed record AgentLoad(Agent Agent, int OpenCases)
{
    public int Spare => Math.Max(0, Agent.Capacity - OpenCases);
}

/// <summary>
/// DOMAIN.md §6: an available agent who qualifies for the skill and has the most spare capacity. Ties go to the
/// agent with fewer open cases (the lighter load, when capacities differ), then to the smaller id, so the choice is
/// the same on every node and in every test run.
/// </summary>
public static class AgentChoice
{
    /// <param name="candidates">Agents with their open load.</param>
    /// <param name="skill">The queue's required skill; null: every available agent qualifies.</param>
    /// <param name="qualification">Whether an agent may work the skill now (certificates, later).</param>
    /// <param name="now">The moment of the choice.</param>
    /// <param name="except">The current assignee when reassigning: never chosen again.</param>
    public static string? Pick(IEnumerable<AgentLoad> candidates, Skill? skill, ISkillQualification qualification,
        DateTimeOffset now, string? except = null) =>
        Ranked(candidates, skill, qualification, now, except).Select(a => a.Agent.AgentId).FirstOrDefault();

    /// <summary>Every agent who could take one more case, best first.</summary>
    public static IEnumerable<AgentLoad> Ranked(IEnumerable<AgentLoad> candidates, Skill? skill, ISkillQualification qualification,
        DateTimeOffset now, string? except = null) =>
        candidates
            .Where(a => a.Agent.Available && a.Spare > 0 && a.Agent.AgentId != except
                && (skill is null || qualification.IsQualified(a.Agent, skill, now)))
            .OrderByDescending(a => a.Spare).ThenBy(a => a.OpenCases).ThenBy(a => a.Agent.AgentId, StringComparer.Ordinal);
}
