using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Orders.Domain;
using static AfterSales.UnitTests.Policies.Ask;

namespace AfterSales.UnitTests.Policies;

/// <summary>The most that may be refunded: the sum of the asked lines' shares when eligible, nothing when not.</summary>
public sealed class MaxRefundTests
{
    private const string Signed = "2026-11-20T15:00:00+08:00";
    private const string Day3 = "2026-11-23T12:00:00+08:00";

    [Theory]
    [InlineData(new[] { 1, 2 }, "100.00")]
    [InlineData(new[] { 2 }, "40.10")]
    [InlineData(new[] { 1 }, "59.90")]
    public void MaxRefund_WhenEligible_IsTheSumOfTheAskedLinesShares(int[] lineNos, string expected)
    {
        var order = Order(Signed, Line(1, 59.90m), Line(2, 40.10m));

        var d = DecideOrder(order, CaseType.ReturnRefund, CaseReason.NoReason7Day, Day3, lineNos: lineNos);

        Assert.True(d.Eligible);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), d.MaxRefund);
    }

    [Fact]
    public void MaxRefund_WhenOneLineIsRefused_IsZero()
    {
        var order = Order(Signed, Line(1, 59.90m), Line(2, 40.10m, [LineFlags.CustomMade]));

        Assert.Equal(0m, DecideOrder(order, CaseType.ReturnRefund, CaseReason.NoReason7Day, Day3).MaxRefund);
    }

    [Fact]
    public void MaxRefund_WhenTheWindowHasEnded_IsZero() =>
        Assert.Equal(0m, Decide(Signed, CaseType.ReturnRefund, CaseReason.NoReason7Day, "2026-11-28T00:00:00+08:00").MaxRefund);

    [Fact]
    public void MaxRefund_OfAQualityReturnWithinSevenDays_IsWhatWasPaid() =>
        Assert.Equal(100.00m, Decide(Signed, CaseType.ReturnRefund, CaseReason.QualityIssue, Day3).MaxRefund);

    /// <summary>Each line has its own window: the earliest deadline governs, and one expired line refuses the lot.</summary>
    [Theory]
    [InlineData("2026-11-24T23:59:59.999+08:00", true)]
    [InlineData("2026-11-25T00:00:00+08:00", false)]
    public void NoReason_WithLinesSignedOnDifferentDays_FollowsTheEarliestWindow(string at, bool eligible)
    {
        var order = Order([([1], "2026-11-17T10:00:00+08:00"), ([2], Signed)], Line(1, 59.90m), Line(2, 40.10m));

        var d = DecideOrder(order, CaseType.ReturnRefund, CaseReason.NoReason7Day, at);

        Assert.Equal(eligible, d.Eligible);
        Assert.Equal(T("2026-11-25T00:00:00+08:00"), d.Deadline);
        Assert.Equal(eligible ? 100.00m : 0m, d.MaxRefund);
    }
}
