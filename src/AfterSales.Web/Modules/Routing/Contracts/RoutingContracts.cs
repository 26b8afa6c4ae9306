using AfterSales.Web.Modules.Routing.Domain;

namespace AfterSales.Web.Modules.Routing.Contracts;

/// <summary>Lists arrive as strings so that an unknown case type is a field error, not a body that fails to bind.</summary>
public sealed record QueueRequest(string? Name, List<string?>? CaseTypes, List<string?>? ShopIds, string? RequiredSkill,
    int? Precedence, bool? Active);

public sealed record AgentRequest(string? Name, List<string?>? Skills, int? Capacity, bool? Available);

public sealed record SkillRequest(string? Name, bool? RequiresCertificate);

/// <summary>The supervisor's view of a queue: its open cases, how many wait for an agent, the oldest, the SLA breaches.</summary>
public sealed record QueueStats(int Depth, int Unassigned, DateTimeOffset? OldestOpenAt, long? OldestAgeMinutes, int Breached)
{
    public static readonly QueueStats Empty = new(0, 0, null, null, 0);
}

public sealed record QueueView(string QueueId, string Name, IReadOnlyList<CaseType> CaseTypes, IReadOnlyList<string> ShopIds,
    string? RequiredSkill, int Precedence, bool Active, QueueStats Stats)
{
    public static QueueView From(Queue q, QueueStats stats) =>
        new(q.Id, q.Name, q.CaseTypes, q.ShopIds, q.RequiredSkill, q.Precedence, q.Active, stats);
}

public sealed record AgentView(string AgentId, string Name, IReadOnlyList<string> Skills, int Capacity, bool Available,
    int OpenCases, int SpareCapacity)
{
    public static AgentView From(AgentLoad l) =>
        new(l.Agent.AgentId, l.Agent.Name, l.Agent.Skills, l.Agent.Capacity, l.Agent.Available, l.OpenCases, l.Spare);
}

public sealed record SkillView(string SkillId, string Name, bool RequiresCertificate)
{
    public static SkillView From(Skill s) => new(s.Id, s.Name, s.RequiresCertificate);
}
