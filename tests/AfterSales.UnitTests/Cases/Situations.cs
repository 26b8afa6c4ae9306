using AfterSales.Web.Modules.Cases.Domain;
using static AfterSales.Web.Modules.Cases.Domain.CaseStatus;
using static AfterSales.Web.SharedKernel.CaseType;

namespace AfterSales.UnitTests.Cases;

/// <summary>A case of one type in one status, reached one way.</summary>
public sealed record Situation(CaseType Type, CaseStatus Status, Via Via)
{
    /// <summary>Every reachable status of every type by its main path, plus the ways that change what comes next.</summary>
    public static IReadOnlyList<Situation> All { get; } =
    [
        .. SpecLifecycle.Reachable.SelectMany(kv => kv.Value.Select(s => new Situation(kv.Key, s, Via.Shortest))),
        new(ReturnRefund, PlatformReview, Via.FailedInspection),
        new(Exchange, PlatformReview, Via.FailedInspection),
        new(RefundOnly, Refunding, Via.FailedRefund),
        new(ReturnRefund, Refunding, Via.FailedRefund),
        new(Repair, Refunding, Via.FailedRefund),
        .. Enum.GetValues<CaseType>().Select(t => new Situation(t, t == Complaint ? Opened : Requested, Via.WaitingOnConsumer)),
        new(ReturnRefund, ReturnInTransit, Via.WaitingOnConsumer),
        new(ReturnRefund, Requested, Via.Assigned),
        new(RefundOnly, PlatformReview, Via.Assigned),
    ];

    public Case Build() => CaseBuilder.InStatus(Type, Status, Via);
}

/// <summary>Everything a refused step must leave as it was.</summary>
internal sealed record CaseSnapshot(
    CaseStatus Status, int Version, int TimelineCount, string Refunds, decimal Approved, decimal Refunded,
    bool WaitingOnConsumer, string? Assignee, ReviewOrigin? ReviewOrigin, DateTimeOffset UpdatedAt)
{
    public static CaseSnapshot Of(Case c) => new(
        c.Status, c.Version, c.Timeline.Count,
        string.Join(";", c.Refunds.Select(r => $"{r.Id}:{r.Status}:{r.Amount}:{r.ExternalRef}")),
        c.ApprovedAmount, c.RefundedAmount, c.WaitingOnConsumer, c.Assignee, c.ReviewOrigin, c.UpdatedAt);
}
