using AfterSales.Web.Modules.ServiceStandards.Sla.Domain;

namespace AfterSales.Web.Modules.ServiceStandards.Contracts;

public sealed record SlaPolicyRequest(string? Name, string? CalendarId, decimal? WarningShare, List<string?>? ShopIds,
    List<SlaTargetRequest?>? Targets, List<SlaEscalationRequest?>? Escalations);

/// <param name="Metric">first_response | merchant_response | next_response | resolution | refund_after_receipt.</param>
/// <param name="CaseType">Null: every type.</param>
/// <param name="Priority">low | normal | high | urgent; null: every priority.</param>
/// <param name="Channel">Null: every channel.</param>
/// <param name="Minutes">Business minutes on the calendar (1 to 525,600).</param>
/// <param name="CalendarId">Null: the policy's calendar.</param>
public sealed record SlaTargetRequest(string? Metric, string? CaseType, string? Priority, string? Channel, int? Minutes, string? CalendarId);

/// <param name="On">warning | breached.</param>
/// <param name="Metric">Null: every metric.</param>
/// <param name="Action">notify | raise_priority | reassign.</param>
/// <param name="AgentId">reassign: to this person; else routing picks another agent.</param>
/// <param name="QueueId">reassign through routing: from this queue (default: the case's).</param>
/// <param name="Notify">notify: who is told (a role or a person).</param>
public sealed record SlaEscalationRequest(string? On, string? Metric, string? Action, string? AgentId, string? QueueId, string? Notify);

public sealed record SlaPolicyView(string PolicyId, string Name, string CalendarId, decimal WarningShare, IReadOnlyList<string> ShopIds,
    IReadOnlyList<SlaTarget> Targets, IReadOnlyList<SlaEscalation> Escalations, int Version, string UpdatedBy, DateTimeOffset UpdatedAt,
    long? RecomputeJobId = null)
{
    public static SlaPolicyView From(SlaPolicy p, long? job = null) => new(p.Id, p.Name, p.CalendarId, p.WarningShare, p.ShopIds,
        p.Targets, p.Escalations, p.Version, p.UpdatedBy, p.UpdatedAt, job);
}

public sealed record SlaRecomputeView(long JobId, string Reason, string Status, int Total, int Processed, DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public static SlaRecomputeView From(SlaRecomputeJob j) => new(j.Id, j.Reason, j.Status, j.Total, j.Processed, j.CreatedAt, j.StartedAt, j.FinishedAt);
}
