using static AfterSales.Web.Modules.Cases.Domain.CaseStatus;
using static AfterSales.Web.SharedKernel.CaseType;
using static AfterSales.Web.SharedKernel.ActorRole;

namespace AfterSales.Web.Modules.Cases.Domain;

/// <summary>
/// The lifecycles of DOMAIN.md §3 as one table: which action a role may take on which type in which status.
/// Both the aggregate's guards and <c>GET …/actions</c> read it, so the buttons offered and the rules enforced
/// cannot drift apart.
/// </summary>
public static class CaseRules
{
    public sealed record Rule(CaseAction Action, CaseType[] Types, CaseStatus[] From, ActorRole[] Roles, string[] Fields,
        Func<Case, bool>? When = null);

    private static readonly CaseType[] Goods = [RefundOnly, ReturnRefund, Exchange, Repair];
    private static readonly CaseType[] Returned = [ReturnRefund, Exchange, Repair];
    private static readonly CaseType[] AllTypes = Enum.GetValues<CaseType>();
    private static readonly CaseStatus[] Terminal = [Closed, Cancelled];
    private static readonly CaseStatus[] Open = Enum.GetValues<CaseStatus>().Except(Terminal).ToArray();
    // Waiting on the consumer pauses the clocks while staff need something from them. Nothing can be waited for once
    // the money is with the payment side (refunding) or the work is done and only the automatic close is left.
    private static readonly CaseStatus[] Waitable = Open.Except([Refunding, Refunded, Resolved]).ToArray();

    // Staff who speak for the platform (平台介入); the bootstrap key and platform admin are "platform".
    private static readonly ActorRole[] PlatformStaff = [Agent, Supervisor, Platform];
    private static readonly ActorRole[] MerchantSide = [Merchant, Agent, Supervisor, Platform];
    private static readonly ActorRole[] ConsumerSide = [Consumer, Platform];

    public static readonly IReadOnlyList<Rule> All =
    [
        // 超时自动同意: after 48 h of merchant silence the system agrees on the merchant's behalf.
        // Agreeing to a return may name where the goods go back for this case only (else the shop's return address).
        new(CaseAction.Agree, [RefundOnly], [Requested], [.. MerchantSide, ActorRole.System], []),
        new(CaseAction.Agree, Returned, [Requested], [.. MerchantSide, ActorRole.System], ["returnAddress?"]),
        new(CaseAction.Refuse, Goods, [Requested], MerchantSide, ["reason"]),
        new(CaseAction.ShipReturn, Returned, [AwaitingReturn], ConsumerSide, ["carrier", "waybill"]),
        new(CaseAction.ConfirmReceipt, Returned, [ReturnInTransit], MerchantSide, []),
        new(CaseAction.Inspect, [ReturnRefund, Exchange], [ReturnReceived], MerchantSide, ["passed", "notes"]),
        new(CaseAction.Diagnose, [Repair], [ReturnReceived], MerchantSide, ["outcome", "notes"]),
        // A partial refund: on agreeing to a refund-only request, instead of inspecting a return,
        // by a platform ruling, or a retry after the payment system reported a failure.
        new(CaseAction.Refund, [RefundOnly], [Requested], MerchantSide, ["amount"]),
        new(CaseAction.Refund, [ReturnRefund], [ReturnReceived], MerchantSide, ["amount"]),
        new(CaseAction.Refund, [RefundOnly, ReturnRefund, Repair], [Refunding], MerchantSide, ["amount"],
            c => c.LiveRefund is null && c.RefundedAmount < c.ApprovedAmount),
        new(CaseAction.ShipReplacement, [Exchange], [ReturnReceived], MerchantSide, ["carrier", "waybill"]),
        new(CaseAction.ShipReplacement, [Repair], [Repairing], MerchantSide, ["carrier", "waybill"]),
        new(CaseAction.ConfirmReplacement, [Exchange, Repair], [ReplacementShipped], ConsumerSide, []),
        new(CaseAction.Appeal, Goods, [Refused], ConsumerSide, ["reason"]),
        new(CaseAction.Rule, Goods, [PlatformReview], PlatformStaff, ["outcome", "notes", "amount?"]),
        new(CaseAction.Respond, [Complaint], [Assigned], PlatformStaff, ["notes"]),
        new(CaseAction.Resolve, [Complaint], [Responded], PlatformStaff, ["notes"]),
        new(CaseAction.Cancel, Goods, [Requested, AwaitingReturn, ReturnInTransit, ReturnReceived, Refused, PlatformReview], ConsumerSide, []),
        new(CaseAction.Cancel, [Complaint], [Opened, Assigned, Responded], ConsumerSide, []),
        new(CaseAction.Close, AllTypes, [Refunded, Refused, Resolved], [Consumer, Agent, Supervisor, Platform], []),
        // §6: an agent may take an unassigned case; moving a case away from its assignee is a supervisor's call.
        new(CaseAction.Assign, AllTypes, Open, [Supervisor, Agent, Platform], ["agentId"], c => c.Assignee is null),
        new(CaseAction.Assign, AllTypes, Open, [Supervisor, Platform], ["agentId"], c => c.Assignee is not null),
        new(CaseAction.WaitOnConsumer, AllTypes, Waitable, [Merchant, Agent, Supervisor, Platform], ["reason?"], c => !c.WaitingOnConsumer),
        new(CaseAction.ExtendDeadline, AllTypes, Open, PlatformStaff, ["hours"], c => c.NextStep is not null),
        new(CaseAction.Resume, AllTypes, Open, [Merchant, Agent, Supervisor, Platform], [], c => c.WaitingOnConsumer),
    ];

    /// <summary>The rule that lets this action happen in this type and status, if any (ignoring the role).</summary>
    public static Rule? Find(CaseAction action, Case c) =>
        All.FirstOrDefault(r => r.Action == action && r.Types.Contains(c.Type) && r.From.Contains(c.Status)
            && (r.When is null || r.When(c)));

    /// <summary>Every action this role may take on this case now.</summary>
    public static IEnumerable<Rule> Available(Case c, ActorRole role) =>
        All.Where(r => r.Types.Contains(c.Type) && r.From.Contains(c.Status) && r.Roles.Contains(role)
            && (r.When is null || r.When(c)));
}
