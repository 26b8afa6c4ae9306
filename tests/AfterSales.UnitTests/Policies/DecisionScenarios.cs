using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Orders.Domain;
using AfterSales.Web.Modules.Policies.Domain;
using static AfterSales.UnitTests.Policies.Ask;

namespace AfterSales.UnitTests.Policies;

/// <summary>
/// One decision of each kind, with the rules that must be consulted for it (per line, then for the whole
/// request). Every decision states who pays return shipping; returns and refunds also the refund time limit.
/// </summary>
internal static class DecisionScenarios
{
    private const string Signed = "2026-11-20T15:00:00+08:00";
    private const string Day3 = "2026-11-23T12:00:00+08:00";
    private const string Day8 = "2026-11-28T12:00:00+08:00";

    private static readonly string[] NoReason = ["no_reason_exclusion", "no_reason_declared", "no_reason_window", "return_shipping", "refund_time"];
    private static readonly string[] QualityReturn = ["quality_return_window", "evidence", "return_shipping", "refund_time"];
    private static readonly string[] SanbaoReturn = ["sanbao_window", "evidence", "return_shipping", "refund_time"];
    private static readonly string[] SanbaoOther = ["sanbao_window", "evidence", "return_shipping"];

    public static readonly IReadOnlyDictionary<string, (Func<EligibilityDecision> Decide, string[] Rules)> All =
        new Dictionary<string, (Func<EligibilityDecision>, string[])>
        {
            ["no_reason.eligible"] = (() => Decide(Signed, CaseType.ReturnRefund, CaseReason.NoReason7Day, Day3), NoReason),
            ["no_reason.expired"] = (() => Decide(Signed, CaseType.ReturnRefund, CaseReason.NoReason7Day, Day8), NoReason),
            ["no_reason.excluded"] = (() => Decide(Signed, CaseType.ReturnRefund, CaseReason.NoReason7Day, Day3, flags: [LineFlags.Periodical]), NoReason),
            ["no_reason.declared"] = (() => Decide(Signed, CaseType.ReturnRefund, CaseReason.NoReason7Day, Day8, flags: [LineFlags.DeclaredNonReturnable]), NoReason),
            ["no_reason.as_exchange"] = (() => Decide(Signed, CaseType.Exchange, CaseReason.NoReason7Day, Day3), ["no_reason_type", "return_shipping"]),
            ["no_reason.as_refund_only"] = (() => Decide(Signed, CaseType.RefundOnly, CaseReason.NoReason7Day, Day3), ["no_reason_type", "return_shipping", "refund_time"]),
            ["no_reason.two_lines"] = (() => DecideOrder(Order(Signed, Line(1, 60m), Line(2, 40m, [LineFlags.CustomMade])), CaseType.ReturnRefund, CaseReason.NoReason7Day, Day3),
                ["no_reason_exclusion", "no_reason_declared", "no_reason_window", "no_reason_exclusion", "no_reason_declared", "no_reason_window", "return_shipping", "refund_time"]),
            ["quality.return"] = (() => Decide(Signed, CaseType.ReturnRefund, CaseReason.QualityIssue, Day3), QualityReturn),
            ["quality.return_expired"] = (() => Decide(Signed, CaseType.ReturnRefund, CaseReason.WrongItem, Day8), QualityReturn),
            ["quality.exchange"] = (() => Decide(Signed, CaseType.Exchange, CaseReason.NotAsDescribed, Day8), ["quality_exchange_repair", "evidence", "return_shipping"]),
            ["quality.repair"] = (() => Decide(Signed, CaseType.Repair, CaseReason.MissingParts, Day8), ["quality_exchange_repair", "evidence", "return_shipping"]),
            ["sanbao.return"] = (() => Decide(Signed, CaseType.ReturnRefund, CaseReason.QualityIssue, Day3, warrantyMonths: 12), SanbaoReturn),
            ["sanbao.return_day8"] = (() => Decide(Signed, CaseType.ReturnRefund, CaseReason.QualityIssue, Day8, warrantyMonths: 12), SanbaoReturn),
            ["sanbao.exchange_day8"] = (() => Decide(Signed, CaseType.Exchange, CaseReason.QualityIssue, Day8, warrantyMonths: 12), SanbaoOther),
            ["sanbao.repair_day16"] = (() => Decide(Signed, CaseType.Repair, CaseReason.QualityIssue, "2026-12-06T12:00:00+08:00", warrantyMonths: 12), SanbaoOther),
            ["sanbao.expired"] = (() => Decide(Signed, CaseType.Repair, CaseReason.QualityIssue, "2027-12-06T12:00:00+08:00", warrantyMonths: 12), SanbaoOther),
            ["unsigned.return"] = (() => Decide(null, CaseType.ReturnRefund, CaseReason.NoReason7Day, Day3), ["goods_received", "return_shipping", "refund_time"]),
            ["unsigned.quality_exchange"] = (() => Decide(null, CaseType.Exchange, CaseReason.QualityIssue, Day3), ["goods_received", "evidence", "return_shipping"]),
            ["not_received.unsigned"] = (() => Decide(null, CaseType.RefundOnly, CaseReason.NotReceived, Day3), ["not_received", "return_shipping", "refund_time"]),
            ["not_received.signed"] = (() => Decide(Signed, CaseType.RefundOnly, CaseReason.NotReceived, Day3), ["not_received", "return_shipping", "refund_time"]),
            ["complaint"] = (() => Decide(Signed, CaseType.Complaint, CaseReason.Other, Day3), ["complaint_channel"]),
        };

    public static TheoryData<string> Names => new(All.Keys);

    /// <summary>
    /// All but the refund of goods not received, which the engine grounds in platform policy rather than a law
    /// (reported: E-commerce Law Art. 20 puts the risk of transport on the seller until the consumer signs).
    /// </summary>
    public static TheoryData<string> GroundedInLaw => new(All.Keys.Where(k => !k.StartsWith("not_received", StringComparison.Ordinal)));
}
