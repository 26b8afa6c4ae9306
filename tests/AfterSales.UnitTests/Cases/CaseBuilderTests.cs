using AfterSales.Web.Modules.Cases.Domain;

namespace AfterSales.UnitTests.Cases;

public sealed class CaseBuilderTests
{
    public static TheoryData<CaseType, CaseStatus, Via> Situations()
    {
        var data = new TheoryData<CaseType, CaseStatus, Via>();
        foreach (var s in Situation.All) data.Add(s.Type, s.Status, s.Via);
        return data;
    }

    public static TheoryData<CaseType, CaseStatus> StatusesOutsideTheLifecycle()
    {
        var data = new TheoryData<CaseType, CaseStatus>();
        foreach (var (type, reachable) in SpecLifecycle.Reachable)
            foreach (var status in Enum.GetValues<CaseStatus>().Except(reachable)) data.Add(type, status);
        return data;
    }

    [Theory]
    [MemberData(nameof(Situations))]
    public void InStatus_DrivesAFreshCaseThere_WithATimelineThatChainsEveryStatusChange(CaseType type, CaseStatus status, Via via)
    {
        var c = CaseBuilder.InStatus(type, status, via);

        Assert.Equal((type, status), (c.Type, c.Status));
        Assert.Equal("created", c.Timeline[0].Type);
        var current = type == CaseType.Complaint ? CaseStatus.Opened : CaseStatus.Requested;
        foreach (var e in c.Timeline.Where(e => e.ToStatus is not null))
        {
            Assert.Equal(current, e.FromStatus);
            current = e.ToStatus!.Value;
        }
        Assert.Equal(status, current);
        Assert.Equal(c.Timeline.Count, c.Version);
        Assert.Empty(c.DequeueOutbox());
    }

    [Fact]
    public void InStatus_ReachesPlatformReviewTwoWays_WhichDecideWhereARulingLeads()
    {
        Assert.Equal(ReviewOrigin.Refusal, CaseBuilder.InStatus(CaseType.ReturnRefund, CaseStatus.PlatformReview).ReviewOrigin);
        Assert.Equal(ReviewOrigin.FailedInspection,
            CaseBuilder.InStatus(CaseType.ReturnRefund, CaseStatus.PlatformReview, Via.FailedInspection).ReviewOrigin);
    }

    [Fact]
    public void InStatus_AfterAFailedRefund_LeavesItVisibleAndNoneLive()
    {
        var c = CaseBuilder.InStatus(CaseType.RefundOnly, CaseStatus.Refunding, Via.FailedRefund);

        Assert.Null(c.LiveRefund);
        Assert.Equal(RefundStatus.Failed, Assert.Single(c.Refunds).Status);
    }

    [Theory]
    [MemberData(nameof(StatusesOutsideTheLifecycle))]
    public void InStatus_ForAStatusOutsideTheTypesLifecycle_Throws(CaseType type, CaseStatus status) =>
        Assert.Throws<InvalidOperationException>(() => CaseBuilder.InStatus(type, status));

    [Fact]
    public void EverySpecRow_IsExercisedByAtLeastOneSituation()
    {
        foreach (var row in SpecLifecycle.Rows)
            Assert.Contains(Situation.All, s => row.Types.Contains(s.Type) && row.From.Contains(s.Status)
                && SpecLifecycle.Find(s.Type, s.Status, s.Via, row.Step) == row);
    }
}
