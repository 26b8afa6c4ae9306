using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Orders.Contracts;
using AfterSales.Web.Modules.Shops.Contracts;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Shops.Features;

/// <summary>A shop is known by its profile or, without one, by at least one order (two reads at most).</summary>
internal sealed class KnownShopIds : IKnownShops
{
    public async Task<List<string>> UnknownAsync(AfterSalesDbContext db, IReadOnlyCollection<string> shopIds, CancellationToken ct)
    {
        var ids = shopIds.Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) return [];
        var known = await db.ShopProfiles.AsNoTracking().Where(s => ids.Contains(s.ShopId)).Select(s => s.ShopId).ToListAsync(ct);
        var rest = ids.Except(known, StringComparer.Ordinal).ToList();
        if (rest.Count == 0) return [];
        var ordered = await db.Orders.AsNoTracking().Where(o => rest.Contains(o.ShopId)).Select(o => o.ShopId).Distinct().ToListAsync(ct);
        return [.. rest.Except(ordered, StringComparer.Ordinal)];
    }
}
