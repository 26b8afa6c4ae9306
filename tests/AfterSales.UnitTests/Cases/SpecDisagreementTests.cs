using AfterSales.Web.Modules.Cases.Domain;

namespace AfterSales.UnitTests.Cases;

public sealed class SpecDisagreementTests
{
    public static TheoryData<CaseType, CaseStatus, Via, Step, ActorRole> KnownDisagreements()
    {
        var data = new TheoryData<CaseType, CaseStatus, Via, Step, ActorRole>();
        foreach (var s in Situation.All)
            foreach (var step in Enum.GetValues<Step>())
                foreach (var role in Enum.GetValues<ActorRole>())
                    if (SpecDisagreements.Covers(s, step, role)) data.Add(s.Type, s.Status, s.Via, step, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(KnownDisagreements))]
    public void KnownDisagreement_IsStillOpen_ElseDeleteItsEntrySoTheTableCoversIt(CaseType type, CaseStatus status, Via via, Step step, ActorRole role)
    {
        var c = CaseBuilder.InStatus(type, status, via);

        var offered = CaseRules.Available(c, role).Any(r => r.Action == Steps.ActionOf(step));

        Assert.True(offered != SpecLifecycle.Allows(type, status, via, step, role),
            $"{step} by {role} on {type} in {status} now agrees with DOMAIN.md §3: delete its entry in SpecDisagreements");
    }

    [Fact]
    public void EveryKnownDisagreement_MatchesAReachableSituation()
    {
        foreach (var e in SpecDisagreements.All)
            Assert.Contains(Situation.All, s => e.Types.Contains(s.Type) && s.Status == e.Status);
    }
}
