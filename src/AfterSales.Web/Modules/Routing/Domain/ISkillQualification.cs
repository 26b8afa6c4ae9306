namespace AfterSales.Web.Modules.Routing.Domain;

/// <summary>Whether an agent may be given work that needs a skill, at a moment (certificates expire).</summary>
public interface ISkillQualification
{
    bool IsQualified(Agent agent, Skill skill, DateTimeOffset now);
}

/// <summary>
/// Today: holding the skill is enough. The training issue (DOMAIN.md §7) replaces this registration with one that,
/// for a skill with <see cref="Skill.RequiresCertificate"/>, also asks for a certificate valid at <c>now</c>; the
/// router needs no change. Keep it a pure, in-memory check: it runs once per candidate on every routed save.
/// </summary>
public sealed class SkillHeldQualification : ISkillQualification
{
    public bool IsQualified(Agent agent, Skill skill, DateTimeOffset now) => agent.Skills.Contains(skill.Id);
}
