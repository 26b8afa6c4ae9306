using AfterSales.Web.Modules.Cases.Domain;
using static AfterSales.Web.SharedKernel.ActorRole;
using static AfterSales.Web.Modules.Cases.Domain.CaseStatus;
using static AfterSales.Web.SharedKernel.CaseType;

namespace AfterSales.UnitTests.Cases;

/// <summary>
/// DOMAIN.md §3 (with the actions of API.md), written out by hand: which step may happen in which status, where it
/// leads, and who must be able to take it. Deliberately not derived from <see cref="CaseRules"/>.
/// </summary>
internal static class SpecLifecycle
{
    /// <summary>
    /// <paramref name="To"/> null: the step does not change the status. <paramref name="By"/>: the roles the spec
    /// names for the step (§1; the platform may take every action, API.md); <see cref="ActorRole.System"/> is the
    /// timer taking an automatic step. <paramref name="Only"/>/<paramref name="Unless"/> narrow it to how the
    /// status was reached.
    /// </summary>
    public sealed record Row(Step Step, CaseType[] Types, CaseStatus[] From, CaseStatus? To, ActorRole[] By,
        Via? Only = null, Via? Unless = null);

    private static readonly CaseType[] Goods = [RefundOnly, ReturnRefund, Exchange, Repair];
    private static readonly CaseType[] Returned = [ReturnRefund, Exchange, Repair];
    private static readonly CaseType[] All = [.. Goods, Complaint];
    private static readonly CaseStatus[] BeforeRefunding =
        [Requested, AwaitingReturn, ReturnInTransit, ReturnReceived, Refused, PlatformReview];

    private static readonly ActorRole[] MerchantDoes = [Merchant, Platform];
    private static readonly ActorRole[] ConsumerDoes = [Consumer, Platform];
    private static readonly ActorRole[] AgentDoes = [Agent, Platform];

    public static readonly IReadOnlyDictionary<CaseType, CaseStatus[]> Reachable = new Dictionary<CaseType, CaseStatus[]>
    {
        [RefundOnly] = [Requested, Refunding, Refunded, Refused, PlatformReview, Closed, Cancelled],
        [ReturnRefund] = [Requested, AwaitingReturn, ReturnInTransit, ReturnReceived, Refunding, Refunded, Refused, PlatformReview, Closed, Cancelled],
        [Exchange] = [Requested, AwaitingReturn, ReturnInTransit, ReturnReceived, ReplacementShipped, Refused, PlatformReview, Closed, Cancelled],
        [Repair] = [Requested, AwaitingReturn, ReturnInTransit, ReturnReceived, Repairing, ReplacementShipped, Refunding, Refunded, Refused, PlatformReview, Closed, Cancelled],
        [Complaint] = [Opened, Assigned, Responded, Resolved, Closed, Cancelled],
    };

    public static readonly IReadOnlyList<Row> Rows =
    [
        // requested ──agree──▶ awaiting_return (refund_only: ──▶ refunding); 48 h merchant silence: auto-agree.
        new(Step.Agree, [RefundOnly], [Requested], Refunding, [Merchant, Platform, ActorRole.System]),
        new(Step.Agree, Returned, [Requested], AwaitingReturn, [Merchant, Platform, ActorRole.System]),
        new(Step.Refuse, Goods, [Requested], Refused, MerchantDoes),
        // API.md: the refund action sets a partial amount on agreeing to a refund-only request.
        new(Step.Refund, [RefundOnly], [Requested], Refunding, MerchantDoes),
        // awaiting_return ──consumer ships──▶ return_in_transit; 7 d without a waybill: auto-close.
        new(Step.ShipReturn, Returned, [AwaitingReturn], ReturnInTransit, ConsumerDoes),
        // (the 7 d auto-close and the 10 d auto-refund are automatic steps: see AutomaticStepTests)
        // return_in_transit ──merchant confirms receipt──▶ return_received; 10 d silent: auto-refund.
        new(Step.ConfirmReceipt, Returned, [ReturnInTransit], ReturnReceived, MerchantDoes),
        // return_received ──inspect──▶ refunding; a failed inspection goes to platform_review; or a partial refund.
        new(Step.InspectPassed, [ReturnRefund], [ReturnReceived], Refunding, MerchantDoes),
        new(Step.InspectFailed, [ReturnRefund, Exchange], [ReturnReceived], PlatformReview, MerchantDoes),
        new(Step.Refund, [ReturnRefund], [ReturnReceived], Refunding, MerchantDoes),
        // exchange: as return until return_received, then the merchant ships a replacement (a passed inspection
        // moves nothing); the consumer confirms or 10 d auto-confirm closes.
        new(Step.InspectPassed, [Exchange], [ReturnReceived], null, MerchantDoes),
        new(Step.ShipReplacement, [Exchange], [ReturnReceived], ReplacementShipped, MerchantDoes),
        new(Step.ConfirmReplacement, [Exchange], [ReplacementShipped], Closed, [Consumer, Platform]),
        // repair: received → diagnosed (repair | replace | refund when 三包 allows) → shipped back → closed.
        new(Step.DiagnoseRepair, [Repair], [ReturnReceived], Repairing, MerchantDoes),
        new(Step.DiagnoseReplace, [Repair], [ReturnReceived], Repairing, MerchantDoes),
        new(Step.DiagnoseRefund, [Repair], [ReturnReceived], Refunding, MerchantDoes),
        new(Step.ShipReplacement, [Repair], [Repairing], ReplacementShipped, MerchantDoes),
        new(Step.ConfirmReplacement, [Repair], [ReplacementShipped], Closed, ConsumerDoes),
        // refunding ──▶ refunded comes from the payment system; a failed refund is retried for the same amount.
        new(Step.Refund, [RefundOnly, ReturnRefund, Repair], [Refunding], null, MerchantDoes, Only: Via.FailedRefund),
        new(Step.Close, Goods, [Refunded], Closed, [Platform]),
        // refused ──consumer asks platform to intervene──▶ platform_review; 7 d without appeal: closed.
        new(Step.Appeal, Goods, [Refused], PlatformReview, ConsumerDoes),
        new(Step.Close, Goods, [Refused], Closed, [Platform]),
        // platform_review ──ruling──▶ back into the flow, or closed (goods sent back to the consumer).
        new(Step.RuleForMerchant, Goods, [PlatformReview], Closed, AgentDoes),
        new(Step.RuleForConsumer, [RefundOnly], [PlatformReview], Refunding, AgentDoes),
        new(Step.RuleForConsumer, Returned, [PlatformReview], AwaitingReturn, AgentDoes, Only: Via.Shortest),
        new(Step.RuleForConsumer, [ReturnRefund], [PlatformReview], Refunding, AgentDoes, Only: Via.FailedInspection),
        new(Step.RuleForConsumer, [Exchange], [PlatformReview], ReturnReceived, AgentDoes, Only: Via.FailedInspection),
        // any state before refunding ──consumer cancels──▶ cancelled.
        new(Step.Cancel, Goods, BeforeRefunding, Cancelled, ConsumerDoes),
        // complaint: opened → assigned → responded → resolved → closed; handled by agents. A consumer may withdraw
        // it before it is resolved (the consumer's cancel, applied to this variant).
        new(Step.Assign, [Complaint], [Opened], Assigned, [Agent, Supervisor, Platform]),
        new(Step.Respond, [Complaint], [Assigned], Responded, AgentDoes),
        new(Step.Resolve, [Complaint], [Responded], Resolved, AgentDoes),
        new(Step.Close, [Complaint], [Resolved], Closed, [Platform]),
        new(Step.Cancel, [Complaint], [Opened, Assigned, Responded], Cancelled, ConsumerDoes),
        // On every open case (§6): an agent may take an unassigned case (goods cases are unassigned on their
        // main path, a complaint is assigned on its way past opened); reassigning is a supervisor's call.
        // The SLA clock pauses while waiting on the consumer (§5).
        new(Step.Assign, Goods, OpenExcept(), null, [Agent, Supervisor, Platform], Unless: Via.Assigned),
        new(Step.Assign, Goods, OpenExcept(), null, [Supervisor, Platform], Only: Via.Assigned),
        new(Step.Assign, [Complaint], [Assigned, Responded, Resolved], null, [Supervisor, Platform]),
        new(Step.WaitOnConsumer, All, OpenExcept(Refunding, Refunded, Resolved), null, AgentDoes, Unless: Via.WaitingOnConsumer),
        new(Step.Resume, All, OpenExcept(), null, AgentDoes, Only: Via.WaitingOnConsumer),
    ];

    /// <summary>Roles the spec never lets take the step: the other party to the dispute.</summary>
    public static ActorRole[] Forbidden(Step step) => step switch
    {
        Step.ShipReturn or Step.ConfirmReplacement or Step.Appeal or Step.Cancel => [Merchant],
        Step.RuleForConsumer or Step.RuleForMerchant or Step.Respond or Step.Resolve or Step.Assign => [Consumer, Merchant],
        Step.Close => [],
        _ => [Consumer],
    };

    public static Row? Find(CaseType type, CaseStatus status, Via via, Step step) =>
        Rows.SingleOrDefault(r => r.Step == step && r.Types.Contains(type) && r.From.Contains(status)
            && (r.Only is null || r.Only == via) && (r.Unless is null || r.Unless != via));

    /// <summary>The spec names this role for this step here.</summary>
    public static bool Allows(CaseType type, CaseStatus status, Via via, Step step, ActorRole role) =>
        Find(type, status, via, step)?.By.Contains(role) == true;

    private static CaseStatus[] OpenExcept(params CaseStatus[] excluded) =>
        [.. Enum.GetValues<CaseStatus>().Except([Closed, Cancelled, .. excluded])];
}
