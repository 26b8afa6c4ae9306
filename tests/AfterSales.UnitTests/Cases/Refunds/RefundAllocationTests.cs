using AfterSales.Web.Modules.Cases.Domain;

namespace AfterSales.UnitTests.Cases.Refunds;

/// <summary>Each refund is spread over the case's lines, never above what a line was paid (DOMAIN.md §3).</summary>
public sealed class RefundAllocationTests
{
    private static readonly IReadOnlyList<CaseLine> ThreeLines = [new(1, 1, 33.33m), new(2, 1, 33.33m), new(3, 1, 33.34m)];

    [Fact]
    public void Refund_IsSpreadOverTheLinesInOrder_NeverAboveALinesShare()
    {
        var c = CaseBuilder.Open(CaseType.RefundOnly, requestedRefund: 70.00m);

        c.Agree(Actors.Merchant, CaseBuilder.NextTime(c));

        Assert.Equal([new RefundAllocation(1, 60.00m), new RefundAllocation(2, 10.00m)], c.LiveRefund!.Allocations);
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("33.33")]
    [InlineData("33.34")]
    [InlineData("66.67")]
    [InlineData("100.00")]
    public void Refund_OfAnyAmount_IsAllocatedExactly_AndWithinEachLine(string amount)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        var c = CaseBuilder.Open(CaseType.RefundOnly, lines: ThreeLines);

        c.Refund(value, Actors.Merchant, CaseBuilder.NextTime(c));

        var refund = Assert.Single(c.Refunds);
        Assert.Equal(value, refund.Allocations.Sum(a => a.Amount));
        AssertWithinLines(c);
    }

    [Fact]
    public void Allocations_AcrossFailedAndRetriedRefunds_NeverExceedALinesShare()
    {
        var c = CaseBuilder.InStatus(CaseBuilder.Open(CaseType.RefundOnly, lines: ThreeLines), CaseStatus.Refunding);
        for (var i = 0; i < 3; i++)
        {
            CaseBuilder.Pay(c, RefundStatus.Failed);
            c.Refund(c.ApprovedAmount - c.RefundedAmount, Actors.Merchant, CaseBuilder.NextTime(c));
            AssertWithinLines(c);
        }
        CaseBuilder.Pay(c, RefundStatus.Succeeded);

        Assert.Equal(4, c.Refunds.Count);
        Assert.All(c.Refunds, r => Assert.Equal(r.Amount, r.Allocations.Sum(a => a.Amount)));
        Assert.Equal(ThreeLines.Select(l => (l.LineNo, l.MaxRefund)),
            c.Refunds.Single(r => r.Status == RefundStatus.Succeeded).Allocations.Select(a => (a.LineNo, a.Amount)));
        AssertWithinLines(c);
    }

    [Fact]
    public void PartialRefund_AfterAFailedFullRefund_IsAllocatedAsIfTheFailureNeverHappened()
    {
        var c = CaseBuilder.InStatus(CaseType.ReturnRefund, CaseStatus.ReturnReceived);
        c.Refund(30.00m, Actors.Merchant, CaseBuilder.NextTime(c));
        CaseBuilder.Pay(c, RefundStatus.Failed);

        c.Refund(30.00m, Actors.Merchant, CaseBuilder.NextTime(c));

        Assert.Equal([new RefundAllocation(1, 30.00m)], c.LiveRefund!.Allocations);
        AssertWithinLines(c);
    }

    /// <summary>Money that is paid or on its way (every refund but the failed ones) fits in each line.</summary>
    private static void AssertWithinLines(Case c)
    {
        var perLine = c.Refunds.Where(r => r.Status != RefundStatus.Failed).SelectMany(r => r.Allocations)
            .GroupBy(a => a.LineNo).ToDictionary(g => g.Key, g => g.Sum(a => a.Amount));
        Assert.All(c.Lines, l => Assert.True(perLine.GetValueOrDefault(l.LineNo) <= l.MaxRefund,
            $"line {l.LineNo}: {perLine.GetValueOrDefault(l.LineNo)} allocated of {l.MaxRefund} paid"));
        Assert.All(perLine.Keys, lineNo => Assert.Contains(c.Lines, l => l.LineNo == lineNo));
    }
}
