using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.SharedKernel;

namespace AfterSales.UnitTests.Cases.Refunds;

/// <summary>DOMAIN.md §3: a failed refund stays visible and is retried as a new refund of the same amount.</summary>
public sealed class RefundRetryTests
{
    [Fact]
    public void FailedRefund_RetriedWithTheSameAmount_StartsOneNewRefund_AndPaysOnce()
    {
        var c = CaseBuilder.InStatus(CaseType.RefundOnly, CaseStatus.Refunding, Via.FailedRefund);
        var failed = Assert.Single(c.Refunds);

        c.Refund(CaseBuilder.Paid, Actors.Merchant, CaseBuilder.NextTime(c));

        var retry = c.LiveRefund;
        Assert.NotNull(retry);
        Assert.NotEqual(failed.Id, retry.Id);
        Assert.Equal((2, CaseBuilder.Paid), (retry.Attempt, retry.Amount));
        Assert.Equal(RefundStatus.Failed, failed.Status);
        Assert.Equal(CaseStatus.Refunding, c.Status);
        Assert.Equal("refund.requested", Assert.Single(c.DequeueOutbox()).Type);

        CaseBuilder.Pay(c, RefundStatus.Succeeded);

        Assert.Equal((CaseStatus.Refunded, CaseBuilder.Paid), (c.Status, c.RefundedAmount));
    }

    [Theory]
    [InlineData("50.00")]
    [InlineData("99.99")]
    public void FailedRefund_RetriedWithAnotherAmount_IsRefused(string amount)
    {
        var c = CaseBuilder.InStatus(CaseType.RefundOnly, CaseStatus.Refunding, Via.FailedRefund);
        var before = CaseSnapshot.Of(c);

        var error = Assert.Throws<DomainException>(() => c.Refund(
            decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Actors.Merchant, CaseBuilder.NextTime(c)));

        Assert.Equal("refund.retry_amount_mismatch", error.Code);
        Assert.Equal(CaseBuilder.Paid, error.Data2["expected"]);
        Assert.Equal(before, CaseSnapshot.Of(c));
        Assert.Empty(c.DequeueOutbox());
    }

    [Fact]
    public void FailedPartialRefund_IsRetriedForThePartialAmount_NotForWhatWasPaid()
    {
        var c = CaseBuilder.InStatus(CaseType.ReturnRefund, CaseStatus.ReturnReceived);
        c.Refund(30.00m, Actors.Merchant, CaseBuilder.NextTime(c));
        CaseBuilder.Pay(c, RefundStatus.Failed);

        var error = Assert.Throws<DomainException>(() => c.Refund(CaseBuilder.Paid, Actors.Merchant, CaseBuilder.NextTime(c)));
        c.Refund(30.00m, Actors.Merchant, CaseBuilder.NextTime(c));

        Assert.Equal("refund.retry_amount_mismatch", error.Code);
        Assert.Equal(30.00m, c.LiveRefund?.Amount);
    }

    [Fact]
    public void RepeatedFailures_NeverLeaveTwoLiveRefunds_AndTheSuccessCountsOnce()
    {
        var c = CaseBuilder.InStatus(CaseType.ReturnRefund, CaseStatus.Refunding);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            CaseBuilder.Pay(c, RefundStatus.Failed);
            c.Refund(c.ApprovedAmount - c.RefundedAmount, Actors.Merchant, CaseBuilder.NextTime(c));
            Assert.Single(c.Refunds, r => r.Status == RefundStatus.Requested);
        }

        CaseBuilder.Pay(c, RefundStatus.Succeeded);

        Assert.Equal(4, c.Refunds.Count);
        Assert.Equal(3, c.Refunds.Count(r => r.Status == RefundStatus.Failed));
        Assert.Equal((CaseStatus.Refunded, CaseBuilder.Paid), (c.Status, c.RefundedAmount));
        Assert.Equal(c.RefundedAmount, c.Refunds.Where(r => r.Status == RefundStatus.Succeeded).Sum(r => r.Amount));
    }
}
