using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.SharedKernel;
using static AfterSales.Web.Modules.Cases.Domain.CaseStatus;

namespace AfterSales.UnitTests.Cases;

/// <summary>How a status was reached, where the way there matters to what may happen next.</summary>
public enum Via
{
    /// <summary>The main path (platform review after a refusal and an appeal).</summary>
    Shortest,
    /// <summary>Platform review after a failed inspection of the returned goods.</summary>
    FailedInspection,
    /// <summary>Refunding after the payment system reported the refund failed.</summary>
    FailedRefund,
    /// <summary>The main path, then paused waiting on the consumer.</summary>
    WaitingOnConsumer,
    /// <summary>The main path, then given to an agent by a supervisor (goods cases; a complaint is assigned on its path).</summary>
    Assigned,
}

/// <summary>
/// Drives a fresh case into a status through the aggregate's own methods only, each step one hour after the
/// previous one from a fixed <see cref="T0"/>. The outbox is emptied, so a test sees only what it caused.
/// </summary>
internal static class CaseBuilder
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Two lines paid 60.00 and 40.00: 100.00 in all.</summary>
    public static readonly IReadOnlyList<CaseLine> Lines = [new(1, 1, 60.00m), new(2, 2, 40.00m)];

    public const decimal Paid = 100.00m;

    public static Case Open(CaseType type, decimal? requestedRefund = null, IReadOnlyList<CaseLine>? lines = null)
    {
        var opening = new CaseOpening("SO202611200001", "shop-1", "consumer-1", type,
            type == CaseType.Complaint ? CaseReason.Other : CaseReason.QualityIssue,
            lines ?? Lines, requestedRefund, "test case", null, null);
        var c = Case.Open("AS202611250000001", opening, Actors.Consumer, T0);
        c.DequeueOutbox();
        return c;
    }

    public static Case InStatus(CaseType type, CaseStatus status, Via via = Via.Shortest) =>
        InStatus(Open(type), status, via);

    public static Case InStatus(Case c, CaseStatus status, Via via = Via.Shortest)
    {
        try
        {
            Reach(c, status, via);
            if (via == Via.WaitingOnConsumer) c.WaitOnConsumer("asked for photos", Actors.Agent, NextTime(c));
            if (via == Via.Assigned) c.Assign("agent-7", Actors.Supervisor, NextTime(c));
        }
        catch (DomainException e)
        {
            throw new InvalidOperationException($"{c.Type} cannot reach {status} via {via}: {e.Code}", e);
        }
        if (c.Status != status)
            throw new InvalidOperationException($"{c.Type} cannot reach {status} via {via}: ended in {c.Status}");
        c.DequeueOutbox();
        return c;
    }

    public static DateTimeOffset NextTime(Case c) => c.UpdatedAt.AddHours(1);

    /// <summary>The payment system answers for the live refund.</summary>
    public static void Pay(Case c, RefundStatus outcome)
    {
        var refund = c.LiveRefund ?? throw new InvalidOperationException("no live refund");
        c.RecordRefundResult(refund.Id, outcome, $"PAY-{refund.Attempt}", outcome == RefundStatus.Failed ? "card closed" : null,
            Actors.PaymentSystem, NextTime(c));
    }

    private static void Reach(Case c, CaseStatus status, Via via)
    {
        var initial = c.Type == CaseType.Complaint ? Opened : Requested;
        switch (status)
        {
            case var s when s == initial: return;
            case Assigned: Then(c, Opened, Step.Assign, Actors.Supervisor); return;
            case Responded: Then(c, Assigned, Step.Respond, Actors.Agent); return;
            case Resolved: Then(c, Responded, Step.Resolve, Actors.Agent); return;
            case Refused: Then(c, Requested, Step.Refuse, Actors.Merchant); return;
            case PlatformReview when via == Via.FailedInspection: Then(c, ReturnReceived, Step.InspectFailed, Actors.Merchant); return;
            case PlatformReview: Then(c, Refused, Step.Appeal, Actors.Consumer); return;
            case AwaitingReturn: Then(c, Requested, Step.Agree, Actors.Merchant); return;
            case ReturnInTransit: Then(c, AwaitingReturn, Step.ShipReturn, Actors.Consumer); return;
            case ReturnReceived: Then(c, ReturnInTransit, Step.ConfirmReceipt, Actors.Merchant); return;
            case Repairing: Then(c, ReturnReceived, Step.DiagnoseRepair, Actors.Merchant); return;
            case ReplacementShipped:
                Then(c, c.Type == CaseType.Repair ? Repairing : ReturnReceived, Step.ShipReplacement, Actors.Merchant);
                return;
            case Refunding:
                switch (c.Type)
                {
                    case CaseType.RefundOnly: Then(c, Requested, Step.Agree, Actors.Merchant); break;
                    case CaseType.Repair: Then(c, ReturnReceived, Step.DiagnoseRefund, Actors.Merchant); break;
                    default: Then(c, ReturnReceived, Step.InspectPassed, Actors.Merchant); break;
                }
                if (via == Via.FailedRefund) Pay(c, RefundStatus.Failed);
                return;
            case Refunded: Reach(c, Refunding, Via.Shortest); Pay(c, RefundStatus.Succeeded); return;
            case Closed when c.Type == CaseType.Complaint: Then(c, Resolved, Step.Close, Actors.Agent); return;
            case Closed when c.Type == CaseType.Exchange: Then(c, ReplacementShipped, Step.ConfirmReplacement, Actors.Consumer); return;
            case Closed: Then(c, Refunded, Step.Close, Actors.Consumer); return;
            case Cancelled: Then(c, initial, Step.Cancel, Actors.Consumer); return;
            default: throw new InvalidOperationException($"{c.Type} has no path to {status}");
        }
    }

    private static void Then(Case c, CaseStatus from, Step step, Actor actor)
    {
        Reach(c, from, Via.Shortest);
        c.Take(step, actor, NextTime(c));
    }
}
