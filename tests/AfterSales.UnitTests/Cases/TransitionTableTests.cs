using System.Text.Json;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.SharedKernel;

namespace AfterSales.UnitTests.Cases;

/// <summary>
/// Every (type, reachable status, step, role): offered by <see cref="CaseRules.Available"/> means it succeeds and
/// lands where DOMAIN.md §3 says; not offered means a typed refusal that changes nothing.
/// </summary>
public sealed class TransitionTableTests
{
    public static TheoryData<CaseType, CaseStatus, Via, Step, ActorRole> OfferedSteps() => Rows(offered: true);

    public static TheoryData<CaseType, CaseStatus, Via, Step, ActorRole> StepsNotOffered() => Rows(offered: false);

    [Theory]
    [MemberData(nameof(OfferedSteps))]
    public void OfferedStep_Succeeds_AndMovesToTheStatusTheSpecNames(CaseType type, CaseStatus status, Via via, Step step, ActorRole role)
    {
        var c = CaseBuilder.InStatus(type, status, via);
        var before = CaseSnapshot.Of(c);
        var actor = Actors.Of(role);
        var at = CaseBuilder.NextTime(c);
        var row = SpecLifecycle.Find(type, status, via, step);
        Assert.True(row is not null, $"the code offers {step} on {type} in {status} ({via}), DOMAIN.md §3 has no such step");
        Assert.DoesNotContain(role, SpecLifecycle.Forbidden(step));
        Assert.True(role != ActorRole.System || row.By.Contains(role), $"the system actor takes only automatic steps, not {step}");

        c.Take(step, actor, at);

        var expected = row.To ?? status;
        Assert.Equal(expected, c.Status);
        Assert.True(c.Version > before.Version, "every change bumps the version");
        var added = c.Timeline.Skip(before.TimelineCount).ToList();
        Assert.NotEmpty(added);
        Assert.All(added, e => Assert.Equal((at, actor.Id, role), (e.At, e.ActorId, e.Role)));
        var statusChanges = c.DequeueOutbox().Where(m => m.Type == "case.status_changed").ToList();
        if (expected == status)
        {
            Assert.All(added, e => Assert.Null(e.ToStatus));
            Assert.Empty(statusChanges);
            return;
        }
        var moved = Assert.Single(added, e => e.ToStatus is not null);
        Assert.Equal((status, expected), (moved.FromStatus, moved.ToStatus));
        var payload = JsonDocument.Parse(Assert.Single(statusChanges).PayloadJson).RootElement;
        Assert.Equal(Wire.Name(status), payload.GetProperty("from").GetString());
        Assert.Equal(Wire.Name(expected), payload.GetProperty("to").GetString());
    }

    [Theory]
    [MemberData(nameof(StepsNotOffered))]
    public void StepNotOffered_IsRefused_AndChangesNothing(CaseType type, CaseStatus status, Via via, Step step, ActorRole role)
    {
        var c = CaseBuilder.InStatus(type, status, via);
        var before = CaseSnapshot.Of(c);
        Assert.False(SpecLifecycle.Allows(type, status, via, step, role),
            $"DOMAIN.md §3 lets {role} take {step} on {type} in {status} ({via}), the code refuses it");
        var expectedCode = CaseRules.Find(Steps.ActionOf(step), c) is null ? "case.transition_not_allowed" : "case.role_not_allowed";

        var error = Assert.Throws<DomainException>(() => c.Take(step, Actors.Of(role), CaseBuilder.NextTime(c)));

        Assert.Equal(expectedCode, error.Code);
        Assert.Equal(before, CaseSnapshot.Of(c));
        Assert.Empty(c.DequeueOutbox());
    }

    private static TheoryData<CaseType, CaseStatus, Via, Step, ActorRole> Rows(bool offered)
    {
        var data = new TheoryData<CaseType, CaseStatus, Via, Step, ActorRole>();
        foreach (var s in Situation.All)
        {
            var c = s.Build();
            foreach (var step in Enum.GetValues<Step>())
                foreach (var role in Enum.GetValues<ActorRole>())
                {
                    var isOffered = CaseRules.Available(c, role).Any(r => r.Action == Steps.ActionOf(step));
                    if (isOffered == offered)
                        data.Add(s.Type, s.Status, s.Via, step, role);
                }
        }
        return data;
    }
}
