using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Policies.Domain;
using static AfterSales.UnitTests.Policies.Ask;

namespace AfterSales.UnitTests.Policies;

/// <summary>
/// Returns, exchanges and repairs start once the goods are signed for; before that the consumer may ask for a
/// refund only (not received). A complaint can always be filed (E-commerce Law Art. 59).
/// </summary>
public sealed class UnsignedAndComplaintTests
{
    private const string At = "2026-11-25T12:00:00+08:00";

    [Theory]
    [InlineData(CaseType.ReturnRefund, CaseReason.NoReason7Day)]
    [InlineData(CaseType.ReturnRefund, CaseReason.QualityIssue)]
    [InlineData(CaseType.ReturnRefund, CaseReason.DamagedInTransit)]
    [InlineData(CaseType.Exchange, CaseReason.QualityIssue)]
    [InlineData(CaseType.Repair, CaseReason.QualityIssue)]
    public void Return_OfGoodsNotSignedFor_IsRefused(CaseType type, CaseReason reason)
    {
        var d = Decide(null, type, reason, At);

        Assert.False(d.Eligible);
        Assert.Equal("goods_received", d.DecidedBy.Rule);
        Assert.Equal("goods_received.fail", d.DecidedBy.MessageKey);
        Assert.Equal(0m, d.MaxRefund);
    }

    [Fact]
    public void Return_OfGoodsShippedButWithoutAnyShipment_IsRefused()
    {
        var d = DecideOrder(Order([], Line()), CaseType.ReturnRefund, CaseReason.NoReason7Day, At);

        Assert.False(d.Eligible);
        Assert.Equal("goods_received", d.DecidedBy.Rule);
    }

    [Fact]
    public void RefundOnly_NotReceived_CitesTheSellersRiskInTransit()
    {
        var d = Decide(null, CaseType.RefundOnly, CaseReason.NotReceived, At);

        var rule = Assert.Single(d.Reasons, r => r.Rule == "not_received");
        Assert.Contains("电子商务法 第二十条", rule.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void RefundOnly_NotReceived_OnGoodsNotSignedFor_IsEligible()
    {
        var d = Decide(null, CaseType.RefundOnly, CaseReason.NotReceived, At);

        Assert.True(d.Eligible);
        Assert.Equal("not_received", d.DecidedBy.Rule);
        Assert.Equal(RuleOutcome.Pass, d.DecidedBy.Outcome);
        Assert.Equal(100.00m, d.MaxRefund);
        Assert.DoesNotContain("delivery_proof", d.RequiredEvidence);
    }

    [Theory]
    [InlineData(null, CaseReason.Other)]
    [InlineData("2026-11-20T15:00:00+08:00", CaseReason.Other)]
    [InlineData("2026-01-01T15:00:00+08:00", CaseReason.QualityIssue)]
    [InlineData("2026-01-01T15:00:00+08:00", CaseReason.NoReason7Day)]
    public void Complaint_WhetherSignedOrLongExpired_IsAlwaysAllowed(string? signedAt, CaseReason reason)
    {
        var d = Decide(signedAt, CaseType.Complaint, reason, At, flags: ["perishable"]);

        Assert.True(d.Eligible);
        Assert.Equal("complaint_channel", d.DecidedBy.Rule);
        Assert.Equal(RuleOutcome.Pass, d.DecidedBy.Outcome);
    }
}
