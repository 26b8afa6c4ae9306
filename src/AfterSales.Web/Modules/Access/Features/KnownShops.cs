using AfterSales.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Access.Features;

/// <summary>
/// Whether a shop id names a shop the platform knows: one with a profile (Modules/Shops) or at least one order. A
/// merchant's shops and a <c>shop:</c> policy scope must be such ids: a shop's name typed where its id belongs
/// ("简衣服饰") or a typo would otherwise be saved and silently match nothing.
/// </summary>
public static class KnownShops
{
    /// <summary>The field message for an id that names no shop (the API's English; FieldMessages.resx translates it).</summary>
    public static string Unknown(string shopId) => $"unknown shop '{shopId}': no shop profile and no order of this shop";

    /// <summary>Those of <paramref name="shopIds"/> that name no known shop, in their order (two reads at most).</summary>
    public static async Task<List<string>> UnknownAsync(AfterSalesDbContext db, IReadOnlyCollection<string> shopIds, CancellationToken ct)
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
