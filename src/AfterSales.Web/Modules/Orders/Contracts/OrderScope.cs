using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Orders.Domain;

namespace AfterSales.Web.Modules.Orders.Contracts;

/// <summary>Applies Access's scope facts to orders.</summary>
public static class OrderScope
{
    /// <summary>
    /// Orders are the facts a case is judged on: staff who take calls (agents, supervisors) read every order, with the
    /// recipient masked; a merchant its shops' orders; a consumer their own.
    /// </summary>
    public static IQueryable<Order> Orders(this DataScope scope, IQueryable<Order> orders)
    {
        var (shops, consumer) = (scope.ShopIds.ToList(), scope.ConsumerId);
        return scope.Of switch
        {
            DataScope.Kind.Everything or DataScope.Kind.Agent => orders,
            DataScope.Kind.Shops => orders.Where(o => shops.Contains(o.ShopId)),
            DataScope.Kind.Consumer => orders.Where(o => o.ConsumerId == consumer),
            _ => orders.Where(o => false),
        };
    }
}
