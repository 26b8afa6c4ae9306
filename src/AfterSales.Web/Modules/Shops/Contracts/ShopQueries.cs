using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Shops.Domain;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Shops.Contracts;

/// <summary>The shops a person works for, as their settings page shows them.</summary>
public sealed class ShopQueries(AfterSalesDbContext db)
{
    /// <summary>
    /// The ids of the shops the person's scope names (a merchant's own; in order) and the profile of each that has one.
    /// </summary>
    public async Task<(IReadOnlyList<string> Ids, IReadOnlyDictionary<string, ShopProfile> Profiles)> OwnAsync(HttpContext http, CancellationToken ct)
    {
        var ids = (await DataScope.OfAsync(http, db, ct)).ShopIds.Order(StringComparer.Ordinal).ToList();
        var profiles = await db.ShopProfiles.AsNoTracking().Where(s => ids.Contains(s.ShopId)).ToDictionaryAsync(s => s.ShopId, ct);
        return (ids, profiles);
    }
}
