using AfterSales.Web.Modules.Cases.Domain;

namespace AfterSales.Web.Modules.ServiceStandards.Sla.Domain;

/// <summary>
/// An SLA policy (服务标准): targets per case type × priority × channel in business minutes on a calendar, the
/// share of a target at which a warning fires, and what happens on a warning or a breach. A case is measured by
/// the policy that lists its shop, else by <see cref="DefaultId"/>.
/// </summary>
public sealed class SlaPolicy
{
    public const string DefaultId = "default";

    private SlaPolicy() { }

    public SlaPolicy(string id, SlaPolicyBody body, int version, string updatedBy, DateTimeOffset now)
    {
        Id = id;
        Replace(body, version, updatedBy, now);
    }

    public string Id { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string CalendarId { get; private set; } = "";
    public decimal WarningShare { get; private set; }
    public List<string> ShopIds { get; private set; } = [];
    public List<SlaTarget> Targets { get; private set; } = [];
    public List<SlaEscalation> Escalations { get; private set; } = [];
    public int Version { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Replace(SlaPolicyBody body, int version, string updatedBy, DateTimeOffset now)
    {
        Name = body.Name;
        CalendarId = body.CalendarId;
        WarningShare = body.WarningShare;
        ShopIds = [.. body.ShopIds];
        Targets = [.. body.Targets];
        Escalations = [.. body.Escalations];
        Version = version;
        UpdatedBy = updatedBy;
        UpdatedAt = now;
    }

    /// <summary>
    /// The target for this metric and case, by explicit precedence: a target naming the case type beats one naming
    /// the priority, which beats one naming the channel; unnamed dimensions match anything. Validation refuses two
    /// targets with the same metric and dimensions, so there is never a tie.
    /// </summary>
    public SlaTarget? Match(string metric, CaseType type, string priority, string channel) =>
        Targets.Where(t => t.Metric == metric && (t.CaseType is null || t.CaseType == type)
                && (t.Priority is null || t.Priority == priority) && (t.Channel is null || t.Channel == channel))
            .MaxBy(t => (t.CaseType is null ? 0 : 4) + (t.Priority is null ? 0 : 2) + (t.Channel is null ? 0 : 1));

    public IEnumerable<SlaEscalation> EscalationsFor(string on, string metric) =>
        Escalations.Where(e => e.On == on && (e.Metric is null || e.Metric == metric));
}

/// <param name="Metric">One of <see cref="SlaMetrics.All"/>.</param>
/// <param name="CaseType">Null: every type.</param>
/// <param name="Priority">Null: every priority.</param>
/// <param name="Channel">Null: every channel.</param>
/// <param name="Minutes">Business minutes on the calendar.</param>
/// <param name="CalendarId">Overrides the policy's calendar (e.g. <c>24x7</c> for the legal 7 days of refund after receipt).</param>
public sealed record SlaTarget(string Metric, CaseType? CaseType, string? Priority, string? Channel, int Minutes, string? CalendarId = null);

/// <param name="On"><c>warning</c> or <c>breached</c>.</param>
/// <param name="Metric">Null: every metric.</param>
/// <param name="Action"><c>notify</c>, <c>raise_priority</c> or <c>reassign</c>.</param>
/// <param name="AgentId">For reassign: to this person (e.g. the supervisor on duty); else routing picks another agent.</param>
/// <param name="QueueId">For reassign through routing: the queue to pick from (default: the case's queue).</param>
/// <param name="Notify">For notify: who is told (a role or a person), carried in the event for the notification channel.</param>
public sealed record SlaEscalation(string On, string? Metric, string Action, string? AgentId = null, string? QueueId = null, string? Notify = null);

public sealed record SlaPolicyBody(string Name, string CalendarId, decimal WarningShare, IReadOnlyList<string> ShopIds,
    IReadOnlyList<SlaTarget> Targets, IReadOnlyList<SlaEscalation> Escalations);
