using AfterSales.Web.Modules.Cases.Domain;

namespace AfterSales.UnitTests.Cases;

/// <summary>
/// Explores every path the aggregate allows (any offered step by any role, any payment answer) and compares the
/// statuses it can reach with the lifecycle of DOMAIN.md §3: nothing missing, nothing extra.
/// </summary>
public sealed class LifecycleReachabilityTests
{
    private sealed record Move(Step? Step, ActorRole Role, RefundStatus? Payment);

    [Theory]
    [InlineData(CaseType.RefundOnly)]
    [InlineData(CaseType.ReturnRefund)]
    [InlineData(CaseType.Exchange)]
    [InlineData(CaseType.Repair)]
    [InlineData(CaseType.Complaint)]
    public void Aggregate_ReachesExactlyTheStatusesOfTheTypesLifecycle(CaseType type)
    {
        var reached = new HashSet<CaseStatus>();
        var seen = new HashSet<string>();
        var queue = new Queue<Move[]>([[]]);
        while (queue.TryDequeue(out var path))
        {
            var c = Replay(type, path);
            if (!seen.Add($"{c.Status}|{c.ReviewOrigin}|{c.LiveRefund is null}|{c.WaitingOnConsumer}|{c.Refunds.Count > 0}")) continue;
            reached.Add(c.Status);
            foreach (var step in Enum.GetValues<Step>())
            {
                var roles = Enum.GetValues<ActorRole>().Where(r => CaseRules.Available(c, r).Any(x => x.Action == Steps.ActionOf(step)));
                foreach (var role in roles.Take(1)) queue.Enqueue([.. path, new Move(step, role, null)]);
            }
            if (c.LiveRefund is null) continue;
            queue.Enqueue([.. path, new Move(null, ActorRole.Platform, RefundStatus.Succeeded)]);
            queue.Enqueue([.. path, new Move(null, ActorRole.Platform, RefundStatus.Failed)]);
        }

        Assert.Equal(SpecLifecycle.Reachable[type].Order(), reached.Order());
    }

    [Theory]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Cancelled)]
    public void TerminalStatus_OffersNoActionToAnyRole(CaseStatus status)
    {
        foreach (var type in Enum.GetValues<CaseType>())
        {
            var c = CaseBuilder.InStatus(type, status);
            Assert.All(Enum.GetValues<ActorRole>(), role => Assert.Empty(CaseRules.Available(c, role)));
        }
    }

    private static Case Replay(CaseType type, Move[] path)
    {
        var c = CaseBuilder.Open(type);
        foreach (var m in path)
        {
            if (m.Payment is { } outcome) CaseBuilder.Pay(c, outcome);
            else c.Take(m.Step!.Value, Actors.Of(m.Role), CaseBuilder.NextTime(c));
        }
        return c;
    }
}
