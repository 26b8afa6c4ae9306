using AfterSales.Web.Modules.Shops.Domain;

namespace AfterSales.Web.Modules.Shops.Contracts;

/// <summary><c>PUT /api/v1/shops/{shopId}</c>: the name, and the return address (null or absent: none).</summary>
public sealed record PutShopRequest(string? Name, ReturnAddressInput? ReturnAddress);

public sealed record ShopView(string ShopId, string Name, ReturnAddress? ReturnAddress, int Version, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public static ShopView From(ShopProfile s) => new(s.ShopId, s.Name, s.ReturnAddress, s.Version, s.UpdatedAt, s.UpdatedBy);
}
