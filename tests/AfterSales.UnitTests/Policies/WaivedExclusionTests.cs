using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Orders.Domain;
using AfterSales.Web.Modules.Policies.Domain;
using static AfterSales.UnitTests.Policies.Ask;

namespace AfterSales.UnitTests.Policies;

/// <summary>A policy may give up a statutory exclusion (more generous to consumers), never add one.</summary>
public sealed class WaivedExclusionTests
{
    private const string Signed = "2026-11-20T15:00:00+08:00";
    private const string Day3 = "2026-11-23T12:00:00+08:00";

    [Fact]
    public void NoReason_OnPerishableGoods_IsEligibleWhenTheShopWaivesTheExclusion()
    {
        var policy = PolicySettings.Default with { WaivedExclusions = [LineFlags.Perishable] };

        var d = Decide(Signed, CaseType.ReturnRefund, CaseReason.NoReason7Day, Day3, flags: [LineFlags.Perishable], policy: policy);

        Assert.True(d.Eligible);
        Assert.Equal(RuleOutcome.Pass, d.Rule("no_reason_exclusion").Outcome);
    }

    [Fact]
    public void WaivingOneExclusion_LeavesTheOthers()
    {
        var policy = PolicySettings.Default with { WaivedExclusions = [LineFlags.Perishable] };

        var d = Decide(Signed, CaseType.ReturnRefund, CaseReason.NoReason7Day, Day3, flags: [LineFlags.CustomMade], policy: policy);

        Assert.False(d.Eligible);
        Assert.Equal("no_reason_exclusion", d.DecidedBy.Rule);
    }

    [Fact]
    public void Override_WithAnUnknownFlag_IsInvalid()
    {
        var (invalid, belowLaw) = new PolicyOverride(WaivedExclusions: ["fragile"]).Check();

        Assert.True(invalid.Any);
        Assert.Empty(belowLaw);
    }

    [Fact]
    public void Override_ShorterThanTheLaw_IsBelowTheLegalFloor()
    {
        var (_, belowLaw) = new PolicyOverride(NoReasonDays: 5, QualityExchangeDays: 10).Check();

        Assert.Equal(2, belowLaw.Count);
    }
}
