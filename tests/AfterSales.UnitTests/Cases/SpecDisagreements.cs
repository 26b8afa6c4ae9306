using AfterSales.Web.Modules.Cases.Domain;
using static AfterSales.Web.Modules.Cases.Domain.ActorRole;
using static AfterSales.Web.Modules.Cases.Domain.CaseStatus;
using static AfterSales.Web.Modules.Cases.Domain.CaseType;

namespace AfterSales.UnitTests.Cases;

/// <summary>
/// Where the code and DOMAIN.md §3 disagree today, reported to the lead. The transition table leaves exactly these
/// rows out (they would fail); <see cref="SpecDisagreementTests"/> fails as soon as one is fixed, so the entry is
/// deleted and the table covers the row again. Nothing is skipped silently.
/// </summary>
internal static class SpecDisagreements
{
    public sealed record Entry(CaseType[] Types, CaseStatus Status, Step Step, ActorRole[] Roles, string Spec, string Code);

    private static readonly CaseType[] Goods = [RefundOnly, ReturnRefund, Exchange, Repair];

    public static readonly IReadOnlyList<Entry> All =
    [
        new(Goods, Requested, Step.Agree, [ActorRole.System],
            "48 h merchant silence: auto-agree (the timer agrees as the system actor)",
            "agree does not list the system role: case.role_not_allowed"),
        new([ReturnRefund, Exchange, Repair], AwaitingReturn, Step.Close, [ActorRole.System],
            "awaiting_return, 7 d without a waybill: auto-close to closed",
            "no rule leaves awaiting_return for closed: case.transition_not_allowed"),
        new([ReturnRefund], ReturnInTransit, Step.Refund, [ActorRole.System],
            "return_in_transit, 10 d without the merchant confirming receipt: auto-refund to refunding",
            "no rule leaves return_in_transit for refunding: case.transition_not_allowed"),
        new(Goods, Refused, Step.Close, [ActorRole.System],
            "refused, 7 d without an appeal: closed by the timer",
            "close from refused does not list the system role: case.role_not_allowed"),
        new([Exchange], ReplacementShipped, Step.ConfirmReplacement, [ActorRole.System],
            "exchange, replacement shipped: consumer confirms or 10 d auto-confirm closes",
            "confirm-replacement lists only consumer and platform: case.role_not_allowed"),
    ];

    public static bool Covers(Situation s, Step step, ActorRole role) =>
        All.Any(e => e.Types.Contains(s.Type) && e.Status == s.Status && e.Step == step && e.Roles.Contains(role));
}
