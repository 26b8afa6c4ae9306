using AfterSales.Web.Modules.Orders.Contracts;

namespace AfterSales.Web.Modules.Orders.Features;

/// <summary>The orders module's services; its endpoints are <see cref="OrderEndpoints.MapOrders"/>.</summary>
internal static class OrdersSetup
{
    public static IServiceCollection AddOrders(this IServiceCollection services) => services.AddScoped<OrderQueries>();
}
