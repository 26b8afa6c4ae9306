using AfterSales.UnitTests.Cases;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.ServiceStandards.Sla.Domain;
using static AfterSales.Web.Modules.Cases.Domain.SlaMetrics;

namespace AfterSales.UnitTests.ServiceStandards;

/// <summary>The case starts, stops and pauses its SLA clocks from its own events (DOMAIN.md §5).</summary>
public sealed class SlaClockLifecycleTests
{
    private static readonly DateTimeOffset T0 = CaseBuilder.T0;

    private static string[] Running(Case c) => c.Clocks.Where(k => !k.IsStopped).Select(k => k.Metric).Order().ToArray();

    [Fact]
    public void AGoodsCase_StartsFirstResponseMerchantResponseAndResolution()
    {
        var c = CaseBuilder.Open(CaseType.ReturnRefund);
        Assert.Equal(new[] { FirstResponse, MerchantResponse, Resolution }, Running(c));
        Assert.All(c.Clocks, k => Assert.Equal(T0, k.StartedAt));
    }

    [Fact]
    public void AComplaint_HasNoMerchantResponseClock()
    {
        var c = CaseBuilder.Open(CaseType.Complaint);
        Assert.Equal(new[] { FirstResponse, Resolution }, Running(c));
    }

    [Fact]
    public void TheMerchantsDecision_StopsFirstAndMerchantResponse()
    {
        var c = CaseBuilder.Open(CaseType.ReturnRefund);
        c.Agree(Actors.Merchant, T0.AddHours(2));
        Assert.Equal(new[] { Resolution }, Running(c));
        Assert.Equal(T0.AddHours(2), c.Clocks.Single(k => k.Metric == MerchantResponse).StoppedAt);
    }

    [Fact]
    public void AnAssignment_IsNotAResponse()
    {
        var c = CaseBuilder.Open(CaseType.Complaint);
        c.Assign("agent-7", Actors.Supervisor, T0.AddMinutes(5));
        Assert.Contains(FirstResponse, Running(c));
        c.Respond("we are on it", Actors.Agent, T0.AddMinutes(30));
        Assert.DoesNotContain(FirstResponse, Running(c));
    }

    [Fact]
    public void AutoAgreeBySystem_StopsMerchantResponse_ButIsNotAFirstResponse()
    {
        var c = CaseBuilder.Open(CaseType.ReturnRefund);
        Assert.True(c.RunDueStep(Case.AutoAgree, T0.AddHours(48)));
        Assert.Equal(new[] { FirstResponse, Resolution }, Running(c));
    }

    [Fact]
    public void WaitingOnTheConsumer_PausesEveryCountingClock_AndResumeClosesThePause()
    {
        var c = CaseBuilder.Open(CaseType.ReturnRefund);
        c.Agree(Actors.Merchant, T0.AddHours(1));
        c.WaitOnConsumer("photos please", Actors.Agent, T0.AddHours(2));
        var resolution = c.OpenClock(Resolution)!;
        Assert.True(resolution.IsPaused);
        Assert.Equal(SlaState.Paused, resolution.State);
        c.Resume(Actors.Agent, T0.AddHours(5));
        Assert.False(resolution.IsPaused);
        Assert.Equal(SlaState.Running, resolution.State);
        Assert.Equal(new[] { new SlaPause(T0.AddHours(2), T0.AddHours(5)) }, resolution.Pauses);
        // Stopped clocks are not paused.
        Assert.Empty(c.Clocks.Single(k => k.Metric == MerchantResponse).Pauses);
    }

    [Fact]
    public void WaitOnConsumer_IsAnAnswer_ItStopsFirstResponse()
    {
        var c = CaseBuilder.Open(CaseType.Complaint);
        c.WaitOnConsumer("which order?", Actors.Agent, T0.AddMinutes(10));
        Assert.Equal(T0.AddMinutes(10), c.Clocks.Single(k => k.Metric == FirstResponse).StoppedAt);
    }

    [Fact]
    public void AConsumerMessage_AfterTheFirstAnswer_StartsNextResponse_AndStaffsAnswerStopsIt()
    {
        var c = CaseBuilder.Open(CaseType.Complaint);
        c.RecordMessage(Actors.Consumer, false, T0.AddMinutes(1));
        Assert.DoesNotContain(NextResponse, Running(c)); // the first answer is still owed
        c.RecordMessage(Actors.Agent, false, T0.AddMinutes(20));
        c.RecordMessage(Actors.Consumer, false, T0.AddMinutes(30));
        Assert.Contains(NextResponse, Running(c));
        c.RecordMessage(Actors.Agent, true, T0.AddMinutes(35)); // an internal note answers nobody
        Assert.Contains(NextResponse, Running(c));
        c.RecordMessage(Actors.Agent, false, T0.AddMinutes(40));
        Assert.DoesNotContain(NextResponse, Running(c));
        c.RecordMessage(Actors.Consumer, false, T0.AddMinutes(50));
        Assert.Equal(2, c.Clocks.Count(k => k.Metric == NextResponse));
        Assert.Equal(2, c.OpenClock(NextResponse)!.Seq);
    }

    [Fact]
    public void AConsumerMessage_WhileWaiting_ResumesTheCase()
    {
        var c = CaseBuilder.Open(CaseType.Complaint);
        c.WaitOnConsumer("which order?", Actors.Agent, T0.AddMinutes(10));
        c.RecordMessage(Actors.Consumer, false, T0.AddMinutes(70));
        Assert.False(c.WaitingOnConsumer);
        Assert.Equal(new SlaPause(T0.AddMinutes(10), T0.AddMinutes(70)), Assert.Single(c.OpenClock(Resolution)!.Pauses));
        Assert.Equal("resumed", c.Timeline[^1].Type);
    }

    [Fact]
    public void RefundAfterReceipt_RunsFromReceiptToRefunded()
    {
        var c = CaseBuilder.InStatus(CaseType.ReturnRefund, CaseStatus.ReturnReceived);
        var clock = c.OpenClock(RefundAfterReceipt);
        Assert.NotNull(clock);
        Assert.Equal(c.StatusEnteredAt, clock.StartedAt);
        var done = CaseBuilder.InStatus(CaseType.ReturnRefund, CaseStatus.Refunded);
        Assert.True(done.Clocks.Single(k => k.Metric == RefundAfterReceipt).IsStopped);
        Assert.True(done.Clocks.Single(k => k.Metric == Resolution).IsStopped);
    }

    [Fact]
    public void ClosingOrCancelling_StopsEveryClock()
    {
        var c = CaseBuilder.Open(CaseType.ReturnRefund);
        c.WaitOnConsumer("photos", Actors.Merchant, T0.AddMinutes(5));
        c.Cancel(Actors.Consumer, T0.AddMinutes(9));
        Assert.Empty(Running(c));
        Assert.All(c.Clocks, k => Assert.False(k.IsPaused));
    }
}
