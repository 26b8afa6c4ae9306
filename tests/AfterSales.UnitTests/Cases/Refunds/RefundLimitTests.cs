using System.Text.Json;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.SharedKernel;

namespace AfterSales.UnitTests.Cases.Refunds;

public sealed class RefundLimitTests
{
    private static readonly DateTimeOffset Later = CaseBuilder.T0.AddDays(1);

    [Fact]
    public void MaxRefund_IsTheSumOfTheLinesShares() =>
        Assert.Equal(CaseBuilder.Paid, CaseBuilder.Open(CaseType.RefundOnly).MaxRefund);

    [Fact]
    public void Refund_WhenExceedingPaidAmount_IsRefused()
    {
        var c = CaseBuilder.Open(CaseType.RefundOnly);
        var before = CaseSnapshot.Of(c);

        var error = Assert.Throws<DomainException>(() => c.Refund(100.01m, Actors.Merchant, Later));

        Assert.Equal("refund.exceeds_paid", error.Code);
        Assert.Equal(100.00m, error.Data2["max"]);
        Assert.Equal(before, CaseSnapshot.Of(c));
        Assert.Empty(c.DequeueOutbox());
    }

    [Fact]
    public void Refund_OfExactlyWhatWasPaid_IsAccepted()
    {
        var c = CaseBuilder.Open(CaseType.RefundOnly);

        c.Refund(100.00m, Actors.Merchant, Later);

        Assert.Equal(CaseStatus.Refunding, c.Status);
        Assert.Equal(100.00m, c.LiveRefund?.Amount);
        Assert.Equal(100.00m, c.ApprovedAmount);
    }

    [Fact]
    public void Refund_AtReturnReceived_WhenExceedingPaidAmount_IsRefused()
    {
        var c = CaseBuilder.InStatus(CaseType.ReturnRefund, CaseStatus.ReturnReceived);
        var before = CaseSnapshot.Of(c);

        var error = Assert.Throws<DomainException>(() => c.Refund(150.00m, Actors.Merchant, Later));

        Assert.Equal("refund.exceeds_paid", error.Code);
        Assert.Equal(before, CaseSnapshot.Of(c));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("10.005")]
    public void Refund_WithAmountNotPositiveOrFinerThanAFen_IsRejected(string amount)
    {
        var c = CaseBuilder.Open(CaseType.RefundOnly);
        var before = CaseSnapshot.Of(c);

        var error = Assert.Throws<ValidationFailedException>(() =>
            c.Refund(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Actors.Merchant, Later));

        Assert.Contains("amount", error.Errors.Keys);
        Assert.Equal(before, CaseSnapshot.Of(c));
    }

    [Fact]
    public void Open_WithRequestedRefundAbovePaidAmount_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => CaseBuilder.Open(CaseType.ReturnRefund, requestedRefund: 100.01m));

        Assert.Equal("case.requested_refund_invalid", error.Code);
    }

    [Fact]
    public void Agree_OnRefundOnly_RefundsWhatWasRequested_AndAsksThePaymentSystemOnce()
    {
        var c = CaseBuilder.Open(CaseType.RefundOnly, requestedRefund: 45.50m);

        c.Agree(Actors.Merchant, Later);

        Assert.Equal(45.50m, c.LiveRefund?.Amount);
        Assert.Equal(45.50m, c.ApprovedAmount);
        var requested = Assert.Single(c.DequeueOutbox(), m => m.Type == "refund.requested");
        var payload = JsonDocument.Parse(requested.PayloadJson).RootElement;
        Assert.Equal(45.50m, payload.GetProperty("amount").GetDecimal());
        Assert.Equal(c.LiveRefund!.Id, payload.GetProperty("refundId").GetGuid());
    }

    [Fact]
    public void Inspect_PassedOnReturn_RefundsTheAgreedAmount()
    {
        var c = CaseBuilder.InStatus(CaseBuilder.Open(CaseType.ReturnRefund, requestedRefund: 70.00m), CaseStatus.ReturnReceived);

        c.Inspect(true, "intact", Actors.Merchant, Later);

        Assert.Equal(70.00m, c.LiveRefund?.Amount);
    }

    [Fact]
    public void Diagnose_Refund_RefundsTheFullPaidAmount()
    {
        var c = CaseBuilder.InStatus(CaseType.Repair, CaseStatus.ReturnReceived);

        c.Diagnose("refund", "三包: performance fault on day 3", Actors.Merchant, Later);

        Assert.Equal(CaseBuilder.Paid, c.LiveRefund?.Amount);
    }

    [Fact]
    public void Refund_WhileARefundIsLive_IsNotOffered_AndLeavesOneLiveRefund()
    {
        var c = CaseBuilder.InStatus(CaseType.RefundOnly, CaseStatus.Refunding);
        var before = CaseSnapshot.Of(c);

        Assert.DoesNotContain(CaseRules.Available(c, ActorRole.Platform), r => r.Action == CaseAction.Refund);
        var error = Assert.Throws<DomainException>(() => c.Refund(c.ApprovedAmount, Actors.Platform, Later));

        Assert.Equal("case.transition_not_allowed", error.Code);
        Assert.Equal(before, CaseSnapshot.Of(c));
        Assert.Single(c.Refunds, r => r.Status == RefundStatus.Requested);
    }

    [Fact]
    public void CheckRefundable_WhileARefundIsLive_SaysAlreadyInProgress()
    {
        var c = CaseBuilder.InStatus(CaseType.RefundOnly, CaseStatus.Refunding);

        var error = Assert.Throws<DomainException>(() => c.CheckRefundable(1.00m));

        Assert.Equal("refund.already_in_progress", error.Code);
    }
}
