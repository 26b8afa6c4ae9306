using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Cases.Domain;

namespace AfterSales.Web.Modules.Cases.Contracts;

/// <summary>Applies Access's scope facts to cases: every read that names a case goes through it.</summary>
public static class CaseScope
{
    /// <summary>
    /// The cases the scope holds: a merchant's shops, a consumer's own, an agent's queues plus the cases no queue holds
    /// (the implicit pool any agent may take from, as the router treats it) plus every case assigned to the agent.
    /// </summary>
    public static IQueryable<Case> Cases(this DataScope scope, IQueryable<Case> cases)
    {
        var (shops, consumer, agent, queues) = (scope.ShopIds.ToList(), scope.ConsumerId, scope.ActorId, scope.QueueIds.ToList());
        return scope.Of switch
        {
            DataScope.Kind.Everything => cases,
            DataScope.Kind.Shops => cases.Where(c => shops.Contains(c.ShopId)),
            DataScope.Kind.Consumer => cases.Where(c => c.ConsumerId == consumer),
            DataScope.Kind.Agent => cases.Where(c => c.Assignee == agent || c.Queue == null || queues.Contains(c.Queue)),
            _ => cases.Where(c => false),
        };
    }
}
