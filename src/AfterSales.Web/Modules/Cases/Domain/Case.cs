namespace AfterSales.Web.Modules.Cases.Domain;

/// <summary>
/// The after-sales case (售后单). Its status changes only through the methods below, each guarded by
/// <see cref="CaseRules"/>; each change appends a timeline event and an outbox message, saved in one transaction.
/// </summary>
public sealed partial class Case : IOutboxSource
{
    private readonly List<OutboxMessage> _outbox = [];

    private Case() { }

    public long Id { get; private set; }
    public string CaseNo { get; private set; } = "";
    public string OrderNo { get; private set; } = "";
    public string ShopId { get; private set; } = "";
    public string ConsumerId { get; private set; } = "";
    public CaseType Type { get; private set; }
    public CaseReason Reason { get; private set; }
    public CaseStatus Status { get; private set; }
    public List<CaseLine> Lines { get; private set; } = [];
    public decimal RequestedAmount { get; private set; }
    public decimal ApprovedAmount { get; private set; }
    public decimal RefundedAmount { get; private set; }
    public string Priority { get; private set; } = "normal";
    public string Channel { get; private set; } = "web";
    public string? Description { get; private set; }
    public string? Assignee { get; private set; }
    public ReviewOrigin? ReviewOrigin { get; private set; }
    public bool WaitingOnConsumer { get; private set; }
    public bool SlaBreached { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token: every change bumps it; <c>If-Match</c> and the database both check it.</summary>
    public int Version { get; private set; }

    public List<Refund> Refunds { get; private set; } = [];
    public List<TimelineEvent> Timeline { get; private set; } = [];

    public Refund? LiveRefund => Refunds.Find(r => r.Status == RefundStatus.Requested);
    public decimal MaxRefund => Lines.Sum(l => l.MaxRefund);

    public IReadOnlyList<OutboxMessage> DequeueOutbox()
    {
        var messages = _outbox.ToArray();
        _outbox.Clear();
        return messages;
    }

    IEnumerable<object> IOutboxSource.DequeueOutbox() => DequeueOutbox();

    public static Case Open(string caseNo, CaseOpening o, Actor actor, DateTimeOffset now)
    {
        // A complaint may be about the service alone (no goods move); every other type covers goods.
        if (o.Lines.Count == 0 && o.Type != CaseType.Complaint) throw new DomainException("case.no_lines");
        var c = new Case
        {
            CaseNo = caseNo, OrderNo = o.OrderNo, ShopId = o.ShopId, ConsumerId = o.ConsumerId, Type = o.Type,
            Reason = o.Reason, Lines = [.. o.Lines], Description = o.Description,
            Priority = o.Priority ?? "normal", Channel = o.Channel ?? "web",
            Status = o.Type == CaseType.Complaint ? CaseStatus.Opened : CaseStatus.Requested,
            CreatedAt = now, UpdatedAt = now, StatusEnteredAt = now, Version = 1,
            Policy = o.Policy ?? Policies.Domain.PolicySettings.Default, PolicyVersion = o.PolicyVersion ?? "default",
        };
        var max = c.MaxRefund;
        var requested = o.RequestedRefund ?? max;
        if (requested < 0 || requested > max || !Money.HasAtMostTwoPlaces(requested))
            throw new DomainException("case.requested_refund_invalid", null, new Dictionary<string, object?> { ["max"] = max });
        c.RequestedAmount = o.Type is CaseType.RefundOnly or CaseType.ReturnRefund ? requested : 0m;
        c.ApprovedAmount = 0m;
        c.Append(actor, now, "created", null, new() { ["lines"] = o.Lines, ["requestedRefund"] = c.RequestedAmount });
        c.PlanNextStep();
        c._outbox.Add(OutboxMessage.For("case.created", c, now, new { c.CaseNo, c.OrderNo, type = Wire.Name(c.Type), status = Wire.Name(c.Status) }));
        return c;
    }

    private CaseRules.Rule Guard(CaseAction action, Actor actor)
    {
        var rule = CaseRules.Find(action, this);
        if (rule is null)
            throw new DomainException("case.transition_not_allowed", null, new Dictionary<string, object?>
            {
                ["action"] = Wire.Name(action), ["caseStatus"] = Wire.Name(Status), ["caseType"] = Wire.Name(Type),
            });
        if (!rule.Roles.Contains(actor.Role))
            throw new DomainException("case.role_not_allowed", null, new Dictionary<string, object?>
            {
                ["action"] = Wire.Name(action), ["role"] = Wire.Name(actor.Role),
            });
        return rule;
    }

    private void Append(Actor actor, DateTimeOffset now, string type, CaseStatus? to, Dictionary<string, object?>? data = null)
    {
        var from = Status;
        if (to is { } next && next != from)
        {
            Status = next;
            StatusEnteredAt = now;
            PlanNextStep();
            _outbox.Add(OutboxMessage.For("case.status_changed", this, now,
                new { CaseNo, from = Wire.Name(from), to = Wire.Name(next) }));
        }
        Timeline.Add(new TimelineEvent(Id, now, actor, type, to is null ? null : from, to, data));
        ObserveSla(type, actor, from, to, now);
        UpdatedAt = now;
        _changedInThisUnit = true;
        // The first event is part of creation; every later change is a new version.
        if (type != "created") Version++;
    }
}

public sealed record CaseOpening(
    string OrderNo, string ShopId, string ConsumerId, CaseType Type, CaseReason Reason, IReadOnlyList<CaseLine> Lines,
    decimal? RequestedRefund, string? Description, string? Priority, string? Channel,
    Policies.Domain.PolicySettings? Policy = null, string? PolicyVersion = null);
