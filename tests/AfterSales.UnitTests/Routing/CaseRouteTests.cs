using AfterSales.UnitTests.Cases;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Routing.Domain;
using AfterSales.Web.SharedKernel;

namespace AfterSales.UnitTests.Routing;

/// <summary><see cref="Case.Route"/>: queue and assignment as the system actor, on the timeline, one version per saved change.</summary>
public sealed class CaseRouteTests
{
    [Fact]
    public void Route_OnANewComplaint_QueuesAndAssigns_WithinTheCreationVersion()
    {
        var c = CaseBuilder.Open(CaseType.Complaint);

        c.Route("complaints", "agent-1", CaseBuilder.T0);

        Assert.Equal(("complaints", "agent-1", CaseStatus.Assigned, 1), (c.Queue, c.Assignee, c.Status, c.Version));
        var routed = c.Timeline.Skip(1).ToList();
        Assert.Equal(["queued", "assigned"], routed.Select(e => e.Type));
        Assert.All(routed, e => Assert.Equal(("system", ActorRole.System), (e.ActorId, e.Role)));
        Assert.Equal((CaseStatus.Opened, CaseStatus.Assigned), (routed[1].FromStatus, routed[1].ToStatus));
        Assert.Contains("\"agentId\":\"agent-1\"", routed[1].DataJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_OnItsOwn_IsANewVersion_AndAGoodsCaseKeepsItsStatus()
    {
        var c = CaseBuilder.InStatus(CaseType.ReturnRefund, CaseStatus.PlatformReview);
        // A case loaded in a later unit of work: nothing else changed it.
        var fresh = Reload(c);
        var version = fresh.Version;

        fresh.Route("disputes", "agent-3", CaseBuilder.NextTime(fresh));

        Assert.Equal((version + 1, CaseStatus.PlatformReview, "agent-3"), (fresh.Version, fresh.Status, fresh.Assignee));
    }

    [Fact]
    public void Route_WithNothingNew_ChangesNothing()
    {
        var c = CaseBuilder.Open(CaseType.Complaint);
        c.Route("complaints", null, CaseBuilder.T0);
        var before = CaseSnapshot.Of(c);

        c.Route("complaints", null, CaseBuilder.NextTime(c));

        Assert.Equal(before, CaseSnapshot.Of(c));
        Assert.Equal(CaseStatus.Opened, c.Status);
    }

    [Fact]
    public void Route_AClosedCase_IsRefused()
    {
        var c = CaseBuilder.InStatus(CaseType.Complaint, CaseStatus.Cancelled);
        Assert.Equal("case.transition_not_allowed",
            Assert.Throws<DomainException>(() => c.Route("complaints", "agent-1", CaseBuilder.NextTime(c))).Code);
    }

    [Fact]
    public void FirstMatch_FollowsPrecedence_AndSkipsInactiveQueues()
    {
        var c = CaseBuilder.Open(CaseType.Complaint); // shop-1
        var any = NewQueue("any", 100, [], []);
        var complaints = NewQueue("complaints", 20, [CaseType.Complaint], []);
        var shop = NewQueue("shop-1", 10, [], ["shop-1"]);
        var otherShop = NewQueue("shop-2", 5, [], ["shop-2"]);
        var inactive = NewQueue("inactive", 1, [], [], active: false);

        Assert.Equal("shop-1", Queue.FirstMatch([any, complaints, shop, otherShop, inactive], c)?.Id);
        Assert.Equal("complaints", Queue.FirstMatch([any, complaints, otherShop], c)?.Id);
        Assert.Null(Queue.FirstMatch([otherShop, inactive], c));
    }

    private static Queue NewQueue(string id, int precedence, CaseType[] types, string[] shops, bool active = true)
    {
        var q = new Queue(id);
        q.Define(id, types, shops, null, precedence, active, CaseBuilder.T0);
        return q;
    }

    /// <summary>What EF does between two requests: the same state, no memory of the last unit of work.</summary>
    private static Case Reload(Case c)
    {
        var copy = (Case)typeof(Case).GetConstructor(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance, Type.EmptyTypes)!.Invoke(null);
        foreach (var p in typeof(Case).GetProperties().Where(p => p.CanWrite))
            p.SetValue(copy, p.GetValue(c));
        return copy;
    }
}
