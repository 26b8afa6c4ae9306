using AfterSales.Web.Modules.Shops.Contracts;

namespace AfterSales.Web.Modules.Shops.Features;

/// <summary>The shops module's one pair: <see cref="AddShops"/> and <see cref="ShopEndpoints.MapShops"/>.</summary>
internal static class ShopSetup
{
    /// <summary>Reading a shop: staff, and merchants (their own shops; DataScope decides which).</summary>
    public const string ReadPolicy = "shops.read";

    /// <summary>Changing a shop: its merchant and the platform.</summary>
    public const string WritePolicy = "shops.write";

    public static IServiceCollection AddShops(this IServiceCollection services)
    {
        services.AddScoped<ShopDirectory>().AddScoped<ShopQueries>().AddScoped<ShopCommands>().AddScoped<ShopAdminQueries>();
        services.AddSingleton<IShopReturnAddresses, ShopReturnAddresses>();
        services.AddSingleton<Access.Contracts.IKnownShops, KnownShopIds>();
        services.AddScoped<IShopNames>(sp => sp.GetRequiredService<ShopDirectory>());
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadPolicy, p => p.RequireRole("merchant", "agent", "supervisor", "platform"))
            .AddPolicy(WritePolicy, p => p.RequireRole("merchant", "platform"));
        return services;
    }
}
