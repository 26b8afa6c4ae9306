using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.SharedKernel;

namespace AfterSales.UnitTests.Cases;

/// <summary>
/// Waiting on the consumer pauses the clocks while staff need something from them; once the money is with the
/// payment side (refunding) or the work is done (refunded, resolved), there is nothing left to wait for.
/// </summary>
public sealed class WaitOnConsumerTests
{
    [Theory]
    [InlineData(CaseType.RefundOnly, CaseStatus.Refunding)]
    [InlineData(CaseType.ReturnRefund, CaseStatus.Refunding)]
    [InlineData(CaseType.ReturnRefund, CaseStatus.Refunded)]
    [InlineData(CaseType.Complaint, CaseStatus.Resolved)]
    public void IsNeitherOfferedNorTaken_OnceNothingIsLeftToWaitFor(CaseType type, CaseStatus status)
    {
        var c = CaseBuilder.InStatus(type, status);
        foreach (var role in Enum.GetValues<ActorRole>())
            Assert.DoesNotContain(CaseRules.Available(c, role), r => r.Action == CaseAction.WaitOnConsumer);
        var refused = Assert.Throws<DomainException>(() => c.WaitOnConsumer("photos", Actors.Agent, CaseBuilder.NextTime(c)));
        Assert.Equal("case.transition_not_allowed", refused.Code);
        Assert.False(c.WaitingOnConsumer);
    }

    [Fact]
    public void ACaseThatWaitedWhenItWasAgreed_CanStillBeResumedWhileRefunding()
    {
        var c = CaseBuilder.Open(CaseType.RefundOnly);
        c.WaitOnConsumer("photos", Actors.Merchant, CaseBuilder.NextTime(c));
        c.Agree(Actors.Merchant, CaseBuilder.NextTime(c));
        Assert.Equal(CaseStatus.Refunding, c.Status);
        var offered = CaseRules.Available(c, ActorRole.Merchant).Select(r => r.Action).ToList();
        Assert.Contains(CaseAction.Resume, offered);
        Assert.DoesNotContain(CaseAction.WaitOnConsumer, offered);
    }

    [Fact]
    public void IsStillOffered_WhileTheMerchantDecides()
    {
        var c = CaseBuilder.Open(CaseType.ReturnRefund);
        Assert.Contains(CaseRules.Available(c, ActorRole.Merchant), r => r.Action == CaseAction.WaitOnConsumer);
    }
}
