using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Policies.Domain;
using static AfterSales.Web.Modules.Cases.Domain.CaseStatus;
using static AfterSales.Web.SharedKernel.CaseType;

namespace AfterSales.UnitTests.Cases;

/// <summary>The automatic steps of DOMAIN.md §3: each planned from the status, run once when due, never before.</summary>
public sealed class AutomaticStepTests
{
    public static TheoryData<CaseType, CaseStatus, string, double, CaseStatus> Steps() => new()
    {
        { RefundOnly, Requested, Case.AutoAgree, 48, Refunding },
        { ReturnRefund, Requested, Case.AutoAgree, 48, AwaitingReturn },
        { ReturnRefund, AwaitingReturn, Case.AutoCloseNoWaybill, 7 * 24, Closed },
        { ReturnRefund, ReturnInTransit, Case.AutoRefund, 10 * 24, Refunding },
        { Exchange, ReturnInTransit, Case.AutoConfirmReceipt, 10 * 24, ReturnReceived },
        { ReturnRefund, Refused, Case.AutoCloseNoAppeal, 7 * 24, Closed },
        { Exchange, ReplacementShipped, Case.AutoConfirmReplacement, 10 * 24, Closed },
        { Repair, ReplacementShipped, Case.AutoConfirmReplacement, 10 * 24, Closed },
        { RefundOnly, Refunded, Case.AutoCloseFinished, 7 * 24, Closed },
        { Complaint, Resolved, Case.AutoCloseFinished, 7 * 24, Closed },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void DueStep_RunsOnceAtItsDueTime_AndNotBefore(CaseType type, CaseStatus status, string step, double hours, CaseStatus next)
    {
        var c = CaseBuilder.InStatus(type, status);
        var timer = Assert.Single(c.Timers);
        Assert.Equal(step, timer.Step);
        Assert.Equal(c.StatusEnteredAt.AddHours(hours), timer.DueAt);
        var version = c.Version;

        Assert.False(c.RunDueStep(step, timer.DueAt.AddTicks(-1)));
        Assert.Equal(status, c.Status);
        Assert.Equal(version, c.Version);

        Assert.True(c.RunDueStep(step, timer.DueAt));
        Assert.Equal(next, c.Status);
        Assert.Contains(c.Timeline, e => e.Actor() == "system" && e.ToStatus == next);
        Assert.False(c.RunDueStep(step, timer.DueAt.AddDays(30)));
    }

    [Fact]
    public void AutoRefund_CreatesOneRefundForTheApprovedAmount()
    {
        var c = CaseBuilder.InStatus(ReturnRefund, ReturnInTransit);
        var due = c.NextStep!.DueAt;

        c.RunDueStep(Case.AutoRefund, due);

        var refund = Assert.Single(c.Refunds);
        Assert.Equal(c.RequestedAmount, refund.Amount);
        Assert.Contains(c.DequeueOutbox(), m => m.Type == "refund.requested");
    }

    [Fact]
    public void CaseThatMoved_CancelsItsPendingStep()
    {
        var c = CaseBuilder.InStatus(ReturnRefund, Requested);
        var due = c.NextStep!.DueAt;

        c.Agree(Actors.Merchant, CaseBuilder.T0.AddHours(1));

        Assert.False(c.RunDueStep(Case.AutoAgree, due));
        Assert.Equal(Case.AutoCloseNoWaybill, Assert.Single(c.Timers).Step);
    }

    [Fact]
    public void ExtendDeadline_MovesTheStep_AndTheOldDueTimeNoLongerFires()
    {
        var c = CaseBuilder.InStatus(ReturnRefund, AwaitingReturn);
        var due = c.NextStep!.DueAt;

        c.ExtendDeadline(72, Actors.Agent, CaseBuilder.T0.AddHours(5));

        Assert.Equal(due.AddHours(72), c.NextStep!.DueAt);
        Assert.False(c.RunDueStep(Case.AutoCloseNoWaybill, due));
        Assert.True(c.RunDueStep(Case.AutoCloseNoWaybill, due.AddHours(72)));
        Assert.Contains(c.Timeline, e => e.Type == "deadline_extended");
    }

    [Fact]
    public void Timeouts_ComeFromThePolicyTheCaseWasOpenedUnder()
    {
        var policy = PolicySettings.Default with { MerchantAnswerHours = 24 };
        var opening = new CaseOpening("SO1", "shop-1", "consumer-1", ReturnRefund, CaseReason.QualityIssue, CaseBuilder.Lines,
            null, null, null, null, policy, "shop:shop-1@v2");

        var c = Case.Open("AS202611250000009", opening, Actors.Consumer, CaseBuilder.T0);

        Assert.Equal(CaseBuilder.T0.AddHours(24), c.NextStep!.DueAt);
        Assert.Equal("shop:shop-1@v2", c.PolicyVersion);
    }

    [Fact]
    public void TerminalCase_HasNoPendingStep()
    {
        Assert.Empty(CaseBuilder.InStatus(ReturnRefund, Cancelled).Timers);
        Assert.Empty(CaseBuilder.InStatus(ReturnRefund, Closed).Timers);
    }
}

internal static class TimelineEventExtensions
{
    public static string Actor(this TimelineEvent e) => e.ActorId;
}
