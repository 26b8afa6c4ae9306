using System.Text.Json;
using AfterSales.Web.Modules.Cases.Domain;

namespace AfterSales.Web.Modules.Cases.Contracts;

public sealed record OpenCaseRequest(
    string? OrderNo, string? Type, string? Reason, List<CaseLineRequest>? Lines, decimal? RequestedRefund,
    string? Description, string? Priority, string? Channel);

public sealed record CaseLineRequest(int? LineNo, int? Quantity);

/// <summary>
/// One body for every action; each action reads the fields <c>GET …/actions</c> lists for it. <c>returnAddress</c>
/// (agree to a return, exchange or repair): where the goods go back for this case only; without it, the shop's.
/// </summary>
public sealed record ActionRequest(
    string? Reason = null, string? Carrier = null, string? Waybill = null, bool? Passed = null, string? Notes = null,
    decimal? Amount = null, string? Outcome = null, string? AgentId = null, int? Hours = null,
    Shops.Domain.ReturnAddressInput? ReturnAddress = null);

public sealed record CaseView(
    string CaseNo, CaseType Type, CaseReason Reason, CaseStatus Status, string OrderNo, string ShopId, string ConsumerId,
    IReadOnlyList<CaseLine> Lines, AmountsView Amounts, IReadOnlyList<RefundView> Refunds, IReadOnlyList<DeadlineView> Deadlines,
    IReadOnlyList<SlaView> Sla, string? Assignee, string Priority, string Channel, string? Description, bool WaitingOnConsumer,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version, string PolicyVersion, string? Queue,
    Shops.Domain.ReturnAddress? ReturnAddress = null)
{
    public static CaseView From(Case c) => new(c.CaseNo, c.Type, c.Reason, c.Status, c.OrderNo, c.ShopId, c.ConsumerId, c.Lines,
        new AmountsView(c.RequestedAmount, c.ApprovedAmount, c.RefundedAmount, "CNY"),
        c.Refunds.OrderBy(r => r.Attempt).Select(RefundView.From).ToList(),
        c.NextStep is { } next ? [new DeadlineView(next.Step, next.DueAt)] : [],
        c.Clocks.OrderBy(k => k.StartedAt).ThenBy(k => k.Metric).Select(SlaView.From).ToList(), c.Assignee, c.Priority, c.Channel,
        c.Description, c.WaitingOnConsumer, c.CreatedAt, c.UpdatedAt, c.Version, c.PolicyVersion, c.Queue, c.ReturnAddress);
}

public sealed record AmountsView(decimal Requested, decimal Approved, decimal Refunded, string Currency);

public sealed record RefundView(Guid RefundId, int Attempt, decimal Amount, string Currency, RefundStatus Status, string? ExternalRef,
    string? Message, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt)
{
    public static RefundView From(Refund r) => new(r.Id, r.Attempt, r.Amount, "CNY", r.Status, r.ExternalRef, r.Message, r.CreatedAt, r.CompletedAt);
}

/// <summary>The next automatic step and when: a durable timer row, run by the worker once it is due.</summary>
public sealed record DeadlineView(string Step, DateTimeOffset DueAt);

/// <summary>
/// An SLA clock: its target in business minutes on a calendar, when it warns and falls due (null while paused: the
/// rest of the budget starts counting again on resume), its state, and every pause.
/// </summary>
public sealed record SlaView(string Metric, int Seq, SlaState State, DateTimeOffset? DueAt, DateTimeOffset? WarnAt, int? TargetMinutes,
    string? CalendarId, DateTimeOffset StartedAt, DateTimeOffset? StoppedAt, DateTimeOffset? WarnedAt, DateTimeOffset? BreachedAt,
    IReadOnlyList<SlaPause> Pauses)
{
    public static SlaView From(SlaClock k) => new(k.Metric, k.Seq, k.State, k.DueAt, k.WarnAt, k.TargetMinutes, k.CalendarId,
        k.StartedAt, k.StoppedAt, k.WarnedAt, k.BreachedAt, k.Pauses);
}

public sealed record CaseSummary(string CaseNo, CaseType Type, CaseReason Reason, CaseStatus Status, string OrderNo, string ShopId,
    string? Assignee, string Priority, decimal RequestedAmount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record ActionOption(CaseAction Action, IReadOnlyList<ActionField> Fields);

public sealed record ActionField(string Name, bool Required);

public sealed record TimelineView(long Id, DateTimeOffset At, string Actor, ActorRole Role, string Type, CaseStatus? FromStatus,
    CaseStatus? ToStatus, JsonElement? Data)
{
    public static TimelineView From(TimelineEvent e) => new(e.Id, e.At, e.ActorId, e.Role, e.Type, e.FromStatus, e.ToStatus,
        e.DataJson is null ? null : JsonSerializer.Deserialize<JsonElement>(e.DataJson, Json.Options));
}

/// <summary>
/// A message (<c>internal</c> false or absent) or an internal note (<c>internal: true</c>) for <c>audience</c>:
/// <c>platform</c> (platform staff only; the default for agents and supervisors) or <c>shop</c> (the shop's staff
/// and the platform; what a merchant's note always is).
/// </summary>
public sealed record PostMessageRequest(string? Body, bool? Internal, NoteAudience? Audience = null);

/// <summary>A message, or a note with its <c>audience</c> (null on a message).</summary>
public sealed record MessageView(Guid MessageId, string Body, bool Internal, NoteAudience? Audience, string Author, ActorRole Role, DateTimeOffset At)
{
    public static MessageView From(CaseMessage m) => new(m.Id, m.Body, m.Internal, m.ReadAudience, m.AuthorId, m.AuthorRole, m.At);
}

public sealed record AttachmentView(Guid AttachmentId, string FileName, string ContentType, long Size, string Sha256, string Url, DateTimeOffset At);
