using AfterSales.Web.Modules.Policies.Domain;

namespace AfterSales.Web.Modules.Cases.Domain;

/// <summary>
/// The automatic steps of DOMAIN.md §3 (超时自动同意, auto-close, auto-refund, auto-confirm). A case has at most
/// one pending lifecycle step, kept as a <see cref="CaseTimer"/> row that the worker finds by due time. The step
/// is re-planned on every change of status, from the case's own policy snapshot; the platform may stretch it.
/// </summary>
public sealed partial class Case
{
    public const string AutoAgree = "auto_agree";
    public const string AutoCloseNoWaybill = "auto_close_no_waybill";
    public const string AutoRefund = "auto_refund";
    public const string AutoConfirmReceipt = "auto_confirm_receipt";
    public const string AutoCloseNoAppeal = "auto_close_no_appeal";
    public const string AutoConfirmReplacement = "auto_confirm_replacement";
    public const string AutoCloseFinished = "auto_close_finished";

    public PolicySettings Policy { get; private set; } = PolicySettings.Default;
    public string PolicyVersion { get; private set; } = "default";
    public DateTimeOffset StatusEnteredAt { get; private set; }
    public List<CaseTimer> Timers { get; private set; } = [];

    public CaseTimer? NextStep => Timers.Where(t => t.Step.StartsWith("auto_", StringComparison.Ordinal)).MinBy(t => t.DueAt);

    internal void UsePolicy(PolicySettings policy, string version)
    {
        Policy = policy;
        PolicyVersion = version;
    }

    private void PlanNextStep()
    {
        Timers.RemoveAll(t => t.Step.StartsWith("auto_", StringComparison.Ordinal));
        var at = StatusEnteredAt;
        (string Step, DateTimeOffset Due)? next = (Status, Type) switch
        {
            (CaseStatus.Requested, not CaseType.Complaint) => (AutoAgree, at.AddHours(Policy.MerchantAnswerHours)),
            (CaseStatus.AwaitingReturn, _) => (AutoCloseNoWaybill, at.AddDays(Policy.ReturnWaybillDays)),
            (CaseStatus.ReturnInTransit, CaseType.ReturnRefund) => (AutoRefund, at.AddDays(Policy.ReceiptConfirmDays)),
            (CaseStatus.ReturnInTransit, _) => (AutoConfirmReceipt, at.AddDays(Policy.ReceiptConfirmDays)),
            (CaseStatus.Refused, _) => (AutoCloseNoAppeal, at.AddDays(Policy.AppealDays)),
            (CaseStatus.ReplacementShipped, _) => (AutoConfirmReplacement, at.AddDays(Policy.ReplacementConfirmDays)),
            (CaseStatus.Refunded or CaseStatus.Resolved, _) => (AutoCloseFinished, at.AddDays(Policy.CloseAfterDays)),
            _ => null,
        };
        if (next is { } n) Timers.Add(new CaseTimer(Id, n.Step, n.Due));
    }

    /// <summary>The platform stretches the pending deadline (e.g. around Spring Festival); recorded on the timeline.</summary>
    public void ExtendDeadline(int hours, Actor actor, DateTimeOffset now)
    {
        Guard(CaseAction.ExtendDeadline, actor);
        var timer = NextStep ?? throw new SharedKernel.DomainException("case.no_pending_deadline");
        if (hours is < 1 or > 24 * 90)
            throw new SharedKernel.ValidationFailedException(new Dictionary<string, string[]> { ["hours"] = ["1 to 2160"] });
        var old = timer.DueAt;
        Timers.Remove(timer);
        Timers.Add(new CaseTimer(Id, timer.Step, old.AddHours(hours)));
        Append(actor, now, "deadline_extended", null, new() { ["step"] = timer.Step, ["from"] = old, ["to"] = old.AddHours(hours) });
    }

    /// <summary>
    /// Runs a due step once. A step that no longer matches the case (it moved, or the deadline was stretched)
    /// does nothing and returns false; the worker then simply drops the stale claim.
    /// </summary>
    public bool RunDueStep(string step, DateTimeOffset now)
    {
        var timer = NextStep;
        if (timer is null || timer.Step != step || timer.DueAt > now) return false;
        var system = Actor.System;
        switch (step)
        {
            case AutoAgree:
                Agree(system, now);
                break;
            case AutoCloseNoWaybill or AutoCloseNoAppeal or AutoCloseFinished:
                Append(system, now, step, CaseStatus.Closed);
                break;
            case AutoConfirmReceipt:
                Append(system, now, step, CaseStatus.ReturnReceived);
                break;
            case AutoRefund:
                // 10 days without the merchant confirming receipt: the return counts as received and is refunded.
                var amount = ApprovedAmount > 0 ? ApprovedAmount : RequestedAmount;
                CheckRefundable(amount);
                Append(system, now, AutoConfirmReceipt, CaseStatus.ReturnReceived);
                Append(system, now, step, CaseStatus.Refunding);
                StartRefund(amount, system, now);
                break;
            case AutoConfirmReplacement:
                Append(system, now, step, CaseStatus.Closed);
                break;
            default:
                return false;
        }
        return true;
    }
}

/// <summary>A pending automatic step: a row with a due time, found by the worker through its index on <see cref="DueAt"/>.</summary>
public sealed class CaseTimer
{
    private CaseTimer() { }

    public CaseTimer(long caseId, string step, DateTimeOffset dueAt)
    {
        CaseId = caseId;
        Step = step;
        DueAt = dueAt;
    }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public string Step { get; private set; } = "";
    public DateTimeOffset DueAt { get; private set; }
}
