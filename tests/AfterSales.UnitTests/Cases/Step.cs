using AfterSales.Web.Modules.Cases.Domain;

namespace AfterSales.UnitTests.Cases;

/// <summary>
/// An action with one kind of valid input: the actions whose outcome depends on the input
/// (inspect, diagnose, rule) appear once per outcome.
/// </summary>
public enum Step
{
    Agree, Refuse, ShipReturn, ConfirmReceipt, InspectPassed, InspectFailed, DiagnoseRepair, DiagnoseReplace,
    DiagnoseRefund, Refund, ShipReplacement, ConfirmReplacement, Appeal, RuleForConsumer, RuleForMerchant,
    Respond, Resolve, Cancel, Close, Assign, WaitOnConsumer, Resume,
}

internal static class Steps
{
    /// <summary>What a partial refund asks for where no refund is running yet (of 100.00 paid).</summary>
    public const decimal PartialRefund = 30.00m;

    public static CaseAction ActionOf(Step step) => step switch
    {
        Step.Agree => CaseAction.Agree,
        Step.Refuse => CaseAction.Refuse,
        Step.ShipReturn => CaseAction.ShipReturn,
        Step.ConfirmReceipt => CaseAction.ConfirmReceipt,
        Step.InspectPassed or Step.InspectFailed => CaseAction.Inspect,
        Step.DiagnoseRepair or Step.DiagnoseReplace or Step.DiagnoseRefund => CaseAction.Diagnose,
        Step.Refund => CaseAction.Refund,
        Step.ShipReplacement => CaseAction.ShipReplacement,
        Step.ConfirmReplacement => CaseAction.ConfirmReplacement,
        Step.Appeal => CaseAction.Appeal,
        Step.RuleForConsumer or Step.RuleForMerchant => CaseAction.Rule,
        Step.Respond => CaseAction.Respond,
        Step.Resolve => CaseAction.Resolve,
        Step.Cancel => CaseAction.Cancel,
        Step.Close => CaseAction.Close,
        Step.Assign => CaseAction.Assign,
        Step.WaitOnConsumer => CaseAction.WaitOnConsumer,
        Step.Resume => CaseAction.Resume,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    /// <summary>A retry must repeat what is still owed; elsewhere a refund may be partial.</summary>
    public static decimal RefundAmountFor(Case c) =>
        c.Status == CaseStatus.Refunding ? c.ApprovedAmount - c.RefundedAmount : PartialRefund;

    public static void Take(this Case c, Step step, Actor actor, DateTimeOffset now)
    {
        switch (step)
        {
            case Step.Agree: c.Agree(actor, now); break;
            case Step.Refuse: c.Refuse("out of stock, cannot accept", actor, now); break;
            case Step.ShipReturn: c.ShipReturn("SF Express", "SF1000000001", actor, now); break;
            case Step.ConfirmReceipt: c.ConfirmReceipt(actor, now); break;
            case Step.InspectPassed: c.Inspect(true, "intact", actor, now); break;
            case Step.InspectFailed: c.Inspect(false, "seal broken, parts missing", actor, now); break;
            case Step.DiagnoseRepair: c.Diagnose("repair", "loose connector", actor, now); break;
            case Step.DiagnoseReplace: c.Diagnose("replace", "board burnt", actor, now); break;
            case Step.DiagnoseRefund: c.Diagnose("refund", "day 3 performance fault (三包)", actor, now); break;
            case Step.Refund: c.Refund(RefundAmountFor(c), actor, now); break;
            case Step.ShipReplacement: c.ShipReplacement("SF Express", "SF2000000002", actor, now); break;
            case Step.ConfirmReplacement: c.ConfirmReplacement(actor, now); break;
            case Step.Appeal: c.Appeal("the goods are faulty, see photos", actor, now); break;
            case Step.RuleForConsumer: c.Rule("consumer", "evidence supports the consumer", null, actor, now); break;
            case Step.RuleForMerchant: c.Rule("merchant", "evidence supports the merchant", null, actor, now); break;
            case Step.Respond: c.Respond("we are looking into it", actor, now); break;
            case Step.Resolve: c.Resolve("courier retrained, voucher issued", actor, now); break;
            case Step.Cancel: c.Cancel(actor, now); break;
            case Step.Close: c.Close(actor, now); break;
            case Step.Assign: c.Assign("agent-7", actor, now); break;
            case Step.WaitOnConsumer: c.WaitOnConsumer("asked for photos", actor, now); break;
            case Step.Resume: c.Resume(actor, now); break;
            default: throw new ArgumentOutOfRangeException(nameof(step), step, null);
        }
    }
}
