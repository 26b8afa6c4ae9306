using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.SharedKernel;

namespace AfterSales.UnitTests.Cases;

/// <summary>DOMAIN.md §6: an agent takes an unassigned case; moving a case away from its assignee is a supervisor's call.</summary>
public sealed class AssignmentRuleTests
{
    private static readonly Actor OtherAgent = new("agent-2", ActorRole.Agent);

    [Fact]
    public void Agent_TakesAnUnassignedCase()
    {
        var c = CaseBuilder.InStatus(CaseType.ReturnRefund, CaseStatus.Requested);
        Assert.Contains(CaseRules.Available(c, ActorRole.Agent), r => r.Action == CaseAction.Assign);

        c.Assign(Actors.Agent.Id, Actors.Agent, CaseBuilder.NextTime(c));

        Assert.Equal(Actors.Agent.Id, c.Assignee);
    }

    [Fact]
    public void Agent_CannotReassignAnotherAgentsCase_AndNothingChanges()
    {
        var c = CaseBuilder.InStatus(CaseType.ReturnRefund, CaseStatus.Requested, Via.Assigned);
        var before = CaseSnapshot.Of(c);
        Assert.DoesNotContain(CaseRules.Available(c, ActorRole.Agent), r => r.Action == CaseAction.Assign);

        var error = Assert.Throws<DomainException>(() => c.Assign(OtherAgent.Id, OtherAgent, CaseBuilder.NextTime(c)));

        Assert.Equal("case.role_not_allowed", error.Code);
        Assert.Equal(before, CaseSnapshot.Of(c));
    }

    [Theory]
    [InlineData(ActorRole.Supervisor)]
    [InlineData(ActorRole.Platform)]
    public void SupervisorOrPlatform_ReassignsAnAssignedCase(ActorRole role)
    {
        var c = CaseBuilder.InStatus(CaseType.Complaint, CaseStatus.Responded);
        Assert.NotNull(c.Assignee);
        Assert.Contains(CaseRules.Available(c, role), r => r.Action == CaseAction.Assign);

        c.Assign("agent-9", Actors.Of(role), CaseBuilder.NextTime(c));

        Assert.Equal("agent-9", c.Assignee);
        Assert.Equal(CaseStatus.Responded, c.Status);
    }
}
