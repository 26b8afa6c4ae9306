using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Orders.Domain;
using AfterSales.Web.Modules.Policies.Domain;
using static AfterSales.UnitTests.Policies.Ask;

namespace AfterSales.UnitTests.Policies;

/// <summary>
/// Goods the law excludes from no-reason returns outright (CRPL Art. 25): custom-made, fresh/perishable,
/// downloaded or unsealed audio-video/software, delivered periodicals. Other goods are excluded only when the
/// consumer confirmed it at purchase (Implementing Regulations Art. 19). A quality problem is never excluded.
/// </summary>
public sealed class NoReasonExclusionTests
{
    private const string Signed = "2026-11-20T15:00:00+08:00";
    private const string Day3 = "2026-11-23T12:00:00+08:00";
    private const string Day10 = "2026-11-30T12:00:00+08:00";

    public static TheoryData<string> OutrightExclusions =>
        new(LineFlags.CustomMade, LineFlags.Perishable, LineFlags.DigitalUnsealed, LineFlags.Periodical);

    [Theory]
    [MemberData(nameof(OutrightExclusions))]
    public void NoReason_OnGoodsTheLawExcludes_IsRefusedByTheExclusion(string flag)
    {
        var d = Decide(Signed, CaseType.ReturnRefund, CaseReason.NoReason7Day, Day3, flags: [flag]);

        Assert.False(d.Eligible);
        Assert.Equal("no_reason_exclusion", d.DecidedBy.Rule);
        Assert.Equal(RuleOutcome.Fail, d.DecidedBy.Outcome);
        Assert.Contains(flag, d.DecidedBy.Args.Select(a => a.ToString()!), StringComparer.Ordinal);
        Assert.Equal(RuleOutcome.Pass, d.Rule("no_reason_window").Outcome);
    }

    [Theory]
    [MemberData(nameof(OutrightExclusions))]
    public void QualityReturn_OnGoodsExcludedFromNoReason_IsEligible(string flag)
    {
        var d = Decide(Signed, CaseType.ReturnRefund, CaseReason.QualityIssue, Day3, flags: [flag]);

        Assert.True(d.Eligible);
        Assert.DoesNotContain(d.Reasons, r => r.Rule.StartsWith("no_reason", StringComparison.Ordinal));
        Assert.Equal("merchant", d.ReturnShippingPaidBy);
    }

    [Theory]
    [MemberData(nameof(OutrightExclusions))]
    public void QualityExchange_AfterDay7_OnGoodsExcludedFromNoReason_IsEligible(string flag) =>
        Assert.True(Decide(Signed, CaseType.Exchange, CaseReason.QualityIssue, Day10, flags: [flag]).Eligible);

    [Fact]
    public void NoReason_OnGoodsDeclaredNonReturnableAtPurchase_IsRefusedOnlyBecauseDeclared()
    {
        var d = Decide(Signed, CaseType.ReturnRefund, CaseReason.NoReason7Day, Day3, flags: [LineFlags.DeclaredNonReturnable]);

        Assert.False(d.Eligible);
        Assert.Equal("no_reason_declared", d.DecidedBy.Rule);
        Assert.Equal("no_reason_declared.fail", d.DecidedBy.MessageKey);
        Assert.Single(d.Reasons, r => r.Outcome == RuleOutcome.Fail);
        Assert.Equal(RuleOutcome.Pass, d.Rule("no_reason_exclusion").Outcome);
        Assert.Equal(RuleOutcome.Pass, d.Rule("no_reason_window").Outcome);
    }

    [Fact]
    public void NoReason_OnTheSameGoodsNotDeclared_IsEligible_TheSellerCannotPresetAnExclusion()
    {
        var d = Decide(Signed, CaseType.ReturnRefund, CaseReason.NoReason7Day, Day3);

        Assert.True(d.Eligible);
        Assert.Equal(RuleOutcome.Pass, d.Rule("no_reason_declared").Outcome);
        Assert.Equal("no_reason_declared.pass", d.Rule("no_reason_declared").MessageKey);
        Assert.Equal(RuleOutcome.Pass, d.Rule("no_reason_exclusion").Outcome);
    }

    [Fact]
    public void QualityReturn_OnGoodsDeclaredNonReturnable_IsEligible() =>
        Assert.True(Decide(Signed, CaseType.ReturnRefund, CaseReason.QualityIssue, Day3, flags: [LineFlags.DeclaredNonReturnable]).Eligible);

    [Fact]
    public void NoReason_WithTwoLines_OneExcluded_IsRefused()
    {
        var order = Order(Signed, Line(1, 60m), Line(2, 40m, [LineFlags.Perishable]));

        var d = DecideOrder(order, CaseType.ReturnRefund, CaseReason.NoReason7Day, Day3);

        Assert.False(d.Eligible);
        Assert.Equal("no_reason_exclusion", d.DecidedBy.Rule);
        Assert.Equal(2, d.DecidedBy.Args[0]);
        Assert.Equal(0m, d.MaxRefund);
    }
}
