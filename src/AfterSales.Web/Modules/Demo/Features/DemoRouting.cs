using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Routing.Domain;
using AfterSales.Web.Modules.Routing.Contracts;

namespace AfterSales.Web.Modules.Demo.Features;

/// <summary>
/// The demo's routing (DOMAIN.md §6): three skills, a shop's own queue before the broad ones, and the platform
/// staff of <see cref="DemoCatalog"/> with different skills and capacities, one of them on leave. The demo's open
/// cases are placed in their queues but not assigned: their history predates routing, so the supervisor's view shows
/// waiting work, and a new complaint or appeal is assigned at once.
/// </summary>
internal static class DemoRouting
{
    public static void Add(AfterSalesDbContext db, DateTimeOffset now)
    {
        db.Skills.AddRange(
            NewSkill("complaints", "投诉处理", false, now),
            // Platform rulings will need a valid certificate once training (DOMAIN.md §7) issues them.
            NewSkill("platform-review", "平台介入仲裁", true, now),
            NewSkill("fresh-food", "生鲜售后", false, now));
        db.Queues.AddRange(
            NewQueue("fresh", "鲜果时光生鲜馆专席", [], [DemoCatalog.Fresh.Id], "fresh-food", 10, now),
            NewQueue("complaints", "投诉", [CaseType.Complaint], [], "complaints", 20, now),
            NewQueue("platform-review", "商品售后与平台介入",
                [CaseType.RefundOnly, CaseType.ReturnRefund, CaseType.Exchange, CaseType.Repair], [], "platform-review", 30, now));
        db.Agents.AddRange(
            NewAgent(DemoCatalog.AgentSun.Id, "孙丽", ["complaints", "platform-review"], 8, true, now),
            NewAgent(DemoCatalog.AgentZhou.Id, "周杰", ["platform-review", "fresh-food"], 6, true, now),
            NewAgent(DemoCatalog.AgentWu.Id, "吴婷", ["complaints", "fresh-food"], 4, true, now),
            NewAgent("agent-linna", "林娜", ["complaints"], 5, false, now));
    }

    /// <summary>Puts each open demo case in its queue, as the router would have, without choosing agents.</summary>
    public static void Queue(IEnumerable<Case> cases, IReadOnlyList<Queue> queues, DateTimeOffset now)
    {
        foreach (var c in cases.Where(c => c.IsOpen && c.Queue is null))
            if (Routing.Domain.Queue.FirstMatch(queues, c) is { } q) c.Route(q.Id, null, now);
    }

    private static Skill NewSkill(string id, string name, bool certificate, DateTimeOffset now)
    {
        var s = new Skill(id);
        s.Define(name, certificate, now);
        return s;
    }

    private static Queue NewQueue(string id, string name, CaseType[] types, string[] shops, string skill, int precedence, DateTimeOffset now)
    {
        var q = new Queue(id);
        q.Define(name, types, shops, skill, precedence, true, now);
        return q;
    }

    private static Agent NewAgent(string id, string name, string[] skills, int capacity, bool available, DateTimeOffset now)
    {
        var a = new Agent(id);
        a.Define(name, skills, capacity, available, now);
        return a;
    }
}
