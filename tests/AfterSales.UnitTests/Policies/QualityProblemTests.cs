using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Policies.Domain;
using static AfterSales.UnitTests.Policies.Ask;

namespace AfterSales.UnitTests.Policies;

/// <summary>
/// Quality problems without a warranty (CRPL Art. 24): return within 7 days of receipt, after that exchange or
/// repair; the seller bears transport costs. Photos are the evidence; a no-reason return ships at the consumer's cost.
/// </summary>
public sealed class QualityProblemTests
{
    private const string Signed = "2026-11-20T15:00:00+08:00";

    [Theory]
    [InlineData("2026-11-21T09:00:00+08:00", true)]
    [InlineData("2026-11-27T23:59:59.999+08:00", true)]
    [InlineData("2026-11-28T00:00:00+08:00", false)]
    [InlineData("2026-12-15T12:00:00+08:00", false)]
    public void QualityReturn_IsEligibleWithinSevenDaysOfReceipt_Only(string at, bool eligible)
    {
        var d = Decide(Signed, CaseType.ReturnRefund, CaseReason.QualityIssue, at);

        Assert.Equal(eligible, d.Eligible);
        Assert.Equal(eligible ? RuleOutcome.Pass : RuleOutcome.Fail, d.Rule("quality_return_window").Outcome);
        Assert.Equal(T("2026-11-28T00:00:00+08:00"), d.Deadline);
    }

    [Theory]
    [InlineData(CaseType.Exchange, "2026-11-23T12:00:00+08:00")]
    [InlineData(CaseType.Exchange, "2026-11-28T00:00:00+08:00")]
    [InlineData(CaseType.Exchange, "2027-03-01T12:00:00+08:00")]
    [InlineData(CaseType.Repair, "2026-11-28T00:00:00+08:00")]
    [InlineData(CaseType.Repair, "2027-03-01T12:00:00+08:00")]
    public void QualityExchangeOrRepair_BeforeOrAfterDay7_IsEligible(CaseType type, string at)
    {
        var d = Decide(Signed, type, CaseReason.QualityIssue, at);

        Assert.True(d.Eligible);
        Assert.Equal(RuleOutcome.Pass, d.Rule("quality_exchange_repair").Outcome);
    }

    [Theory]
    [InlineData(CaseReason.QualityIssue)]
    [InlineData(CaseReason.NotAsDescribed)]
    [InlineData(CaseReason.WrongItem)]
    [InlineData(CaseReason.MissingParts)]
    [InlineData(CaseReason.DamagedInTransit)]
    public void QualityReturn_SellerPaysReturnShipping_AndPhotosAreRequired(CaseReason reason)
    {
        var d = Decide(Signed, CaseType.ReturnRefund, reason, "2026-11-23T12:00:00+08:00");

        Assert.True(d.Eligible);
        Assert.Equal("merchant", d.ReturnShippingPaidBy);
        Assert.Equal("return_shipping.merchant", d.Rule("return_shipping").MessageKey);
        Assert.Contains("photos", d.RequiredEvidence);
        Assert.Equal(RuleOutcome.Info, d.Rule("evidence").Outcome);
    }

    [Fact]
    public void QualityReturn_AfterDay7_IsRefused_ButTheSellerStillPaysShippingOfAnExchange()
    {
        var refused = Decide(Signed, CaseType.ReturnRefund, CaseReason.QualityIssue, "2026-11-29T12:00:00+08:00");
        var exchange = Decide(Signed, CaseType.Exchange, CaseReason.QualityIssue, "2026-11-29T12:00:00+08:00");

        Assert.False(refused.Eligible);
        Assert.Equal("quality_return_window", refused.DecidedBy.Rule);
        Assert.Equal("quality_return_window.fail", refused.DecidedBy.MessageKey);
        Assert.True(exchange.Eligible);
        Assert.Equal("merchant", exchange.ReturnShippingPaidBy);
        Assert.Contains("photos", exchange.RequiredEvidence);
    }

    [Fact]
    public void NoReasonReturn_ConsumerPaysReturnShipping_AndNoEvidenceIsRequired()
    {
        var d = Decide(Signed, CaseType.ReturnRefund, CaseReason.NoReason7Day, "2026-11-23T12:00:00+08:00");

        Assert.True(d.Eligible);
        Assert.Equal("consumer", d.ReturnShippingPaidBy);
        Assert.Equal("return_shipping.consumer", d.Rule("return_shipping").MessageKey);
        Assert.Empty(d.RequiredEvidence);
    }

    [Fact]
    public void NoReasonReturn_WhenThePlatformAgreesToPayShipping_SellerPays()
    {
        var d = Decide(Signed, CaseType.ReturnRefund, CaseReason.NoReason7Day, "2026-11-23T12:00:00+08:00",
            policy: PolicySettings.Default with { NoReasonReturnShippingPaidBy = "merchant" });

        Assert.True(d.Eligible);
        Assert.Equal("merchant", d.ReturnShippingPaidBy);
    }
}
