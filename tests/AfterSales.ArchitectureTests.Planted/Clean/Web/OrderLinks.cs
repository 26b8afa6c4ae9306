using Clean.Modules.Orders.Domain;

namespace Clean.Web;

/// <summary>UI helpers may read a module's domain types.</summary>
public static class OrderLinks
{
    public static string For(Order order) => $"/orders/{Uri.EscapeDataString(order.Id)}";
}
