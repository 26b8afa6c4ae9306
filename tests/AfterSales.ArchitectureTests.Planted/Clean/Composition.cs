using Clean.Data;
using Clean.Modules.Orders.Features;

namespace Clean;

/// <summary>
/// The clean fixture's composition root (its root namespace, like Program in the web project): it wires internals of
/// modules and the DbContext together, which no rule constrains.
/// </summary>
internal static class Composition
{
    public static Func<AfterSalesDbContext, OrderService> Wire => db => new OrderService(new Modules.Access.Features.UserDirectory(db));
}
