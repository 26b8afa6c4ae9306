using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.SharedKernel;

namespace AfterSales.UnitTests.Cases.Refunds;

/// <summary>DOMAIN.md §3: after a failed inspection the ruling refunds in full, in part, or closes.</summary>
public sealed class PlatformRulingTests
{
    private static Case ReviewAfterFailedInspection(decimal? requested = null) => CaseBuilder.InStatus(
        CaseBuilder.Open(CaseType.ReturnRefund, requested), CaseStatus.PlatformReview, Via.FailedInspection);

    [Fact]
    public void Rule_ForConsumerWithAnAmount_RefundsThatPartOnly()
    {
        var c = ReviewAfterFailedInspection();

        c.Rule("consumer", "goods partly damaged by the consumer", 40.00m, Actors.Agent, CaseBuilder.NextTime(c));

        Assert.Equal(CaseStatus.Refunding, c.Status);
        Assert.Equal((40.00m, 40.00m), (c.LiveRefund?.Amount, c.ApprovedAmount));
        CaseBuilder.Pay(c, RefundStatus.Succeeded);
        Assert.Equal((CaseStatus.Refunded, 40.00m), (c.Status, c.RefundedAmount));
        Assert.True(c.RefundedAmount < c.MaxRefund);
    }

    [Fact]
    public void Rule_ForConsumerWithoutAnAmount_RefundsWhatWasRequested()
    {
        var c = ReviewAfterFailedInspection(requested: 80.00m);

        c.Rule("consumer", null, null, Actors.Agent, CaseBuilder.NextTime(c));

        Assert.Equal(80.00m, c.LiveRefund?.Amount);
    }

    [Fact]
    public void Rule_ForConsumerWithAnAmountAbovePaid_IsRefusedAndChangesNothing()
    {
        var c = ReviewAfterFailedInspection();
        var before = CaseSnapshot.Of(c);

        var error = Assert.Throws<DomainException>(() =>
            c.Rule("consumer", null, 100.01m, Actors.Agent, CaseBuilder.NextTime(c)));

        Assert.Equal("refund.exceeds_paid", error.Code);
        Assert.Equal(before, CaseSnapshot.Of(c));
        Assert.Empty(c.DequeueOutbox());
    }

    [Fact]
    public void Rule_ForMerchant_SendsTheGoodsBackAndCloses_WithoutARefund()
    {
        var c = ReviewAfterFailedInspection();

        c.Rule("merchant", "goods not intact", null, Actors.Agent, CaseBuilder.NextTime(c));

        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.Empty(c.Refunds);
    }

    [Fact]
    public void Rule_ForConsumerAfterARefusedReturn_ApprovesTheRequestAndWaitsForTheReturn()
    {
        var c = CaseBuilder.InStatus(CaseBuilder.Open(CaseType.ReturnRefund, 70.00m), CaseStatus.PlatformReview);

        c.Rule("consumer", null, null, Actors.Agent, CaseBuilder.NextTime(c));

        Assert.Equal((CaseStatus.AwaitingReturn, 70.00m), (c.Status, c.ApprovedAmount));
        Assert.Empty(c.Refunds);
    }

    [Fact]
    public void Rule_WithAnUnknownOutcome_IsRejectedAndChangesNothing()
    {
        var c = ReviewAfterFailedInspection();
        var before = CaseSnapshot.Of(c);

        var error = Assert.Throws<ValidationFailedException>(() => c.Rule("split", null, null, Actors.Agent, CaseBuilder.NextTime(c)));

        Assert.Contains("outcome", error.Errors.Keys);
        Assert.Equal(before, CaseSnapshot.Of(c));
    }
}
