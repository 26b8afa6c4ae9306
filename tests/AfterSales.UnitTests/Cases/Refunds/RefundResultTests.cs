using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.SharedKernel;

namespace AfterSales.UnitTests.Cases.Refunds;

public sealed class RefundResultTests
{
    private static readonly DateTimeOffset Later = CaseBuilder.T0.AddDays(2);

    [Fact]
    public void RecordRefundResult_Succeeded_MovesRefundingToRefunded_AndCountsTheMoneyOnce()
    {
        var c = CaseBuilder.InStatus(CaseType.RefundOnly, CaseStatus.Refunding);
        var refund = c.LiveRefund!;

        var changed = c.RecordRefundResult(refund.Id, RefundStatus.Succeeded, "PAY-1", null, Actors.PaymentSystem, Later);

        Assert.True(changed);
        Assert.Equal((CaseStatus.Refunded, CaseBuilder.Paid), (c.Status, c.RefundedAmount));
        Assert.Equal((RefundStatus.Succeeded, "PAY-1", (DateTimeOffset?)Later), (refund.Status, refund.ExternalRef, refund.CompletedAt));
        var e = Assert.Single(c.Timeline, e => e.Type == "refund_succeeded");
        Assert.Equal((CaseStatus.Refunding, CaseStatus.Refunded), (e.FromStatus, e.ToStatus));
        Assert.Equal(["case.status_changed", "refund.succeeded"], c.DequeueOutbox().Select(m => m.Type).Order());
    }

    [Fact]
    public void RecordRefundResult_Failed_KeepsTheCaseRefunding_WithTheFailureVisible()
    {
        var c = CaseBuilder.InStatus(CaseType.RefundOnly, CaseStatus.Refunding);
        var refund = c.LiveRefund!;

        c.RecordRefundResult(refund.Id, RefundStatus.Failed, "PAY-1", "card closed", Actors.PaymentSystem, Later);

        Assert.Equal((CaseStatus.Refunding, 0m), (c.Status, c.RefundedAmount));
        Assert.Equal((RefundStatus.Failed, "card closed"), (refund.Status, refund.Message));
        Assert.Null(c.LiveRefund);
        Assert.Null(Assert.Single(c.Timeline, e => e.Type == "refund_failed").ToStatus);
        Assert.Equal("refund.failed", Assert.Single(c.DequeueOutbox()).Type);
    }

    [Theory]
    [InlineData(RefundStatus.Succeeded)]
    [InlineData(RefundStatus.Failed)]
    public void RecordRefundResult_RepeatedWithTheSameOutcome_ReturnsFalseAndChangesNothing(RefundStatus outcome)
    {
        var c = CaseBuilder.InStatus(CaseType.RefundOnly, CaseStatus.Refunding);
        var id = c.LiveRefund!.Id;
        c.RecordRefundResult(id, outcome, "PAY-1", null, Actors.PaymentSystem, Later);
        c.DequeueOutbox();
        var before = CaseSnapshot.Of(c);

        var changed = c.RecordRefundResult(id, outcome, "PAY-1", null, Actors.PaymentSystem, Later.AddMinutes(5));

        Assert.False(changed);
        Assert.Equal(before, CaseSnapshot.Of(c));
        Assert.Empty(c.DequeueOutbox());
    }

    [Theory]
    [InlineData(RefundStatus.Succeeded, RefundStatus.Failed)]
    [InlineData(RefundStatus.Failed, RefundStatus.Succeeded)]
    public void RecordRefundResult_ContradictingTheFirstResult_ThrowsResultConflictAndChangesNothing(RefundStatus first, RefundStatus second)
    {
        var c = CaseBuilder.InStatus(CaseType.RefundOnly, CaseStatus.Refunding);
        var id = c.LiveRefund!.Id;
        c.RecordRefundResult(id, first, "PAY-1", null, Actors.PaymentSystem, Later);
        c.DequeueOutbox();
        var before = CaseSnapshot.Of(c);

        var error = Assert.Throws<DomainException>(() =>
            c.RecordRefundResult(id, second, "PAY-1", null, Actors.PaymentSystem, Later.AddMinutes(5)));

        Assert.Equal("refund.result_conflict", error.Code);
        Assert.Equal(before, CaseSnapshot.Of(c));
        Assert.Empty(c.DequeueOutbox());
    }

    [Fact]
    public void RecordRefundResult_ForAnUnknownRefund_IsNotFound()
    {
        var c = CaseBuilder.InStatus(CaseType.RefundOnly, CaseStatus.Refunding);
        var before = CaseSnapshot.Of(c);

        var error = Assert.Throws<DomainException>(() =>
            c.RecordRefundResult(Guid.NewGuid(), RefundStatus.Succeeded, "PAY-9", null, Actors.PaymentSystem, Later));

        Assert.Equal("refund.not_found", error.Code);
        Assert.Equal(before, CaseSnapshot.Of(c));
    }
}
