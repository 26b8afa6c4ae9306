using AfterSales.Web.Data;
using AfterSales.Web.Modules.Orders.Contracts;
using AfterSales.Web.Modules.Shops.Domain;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Shops.Contracts;

/// <summary>A shop an admin form offers: its id (the value sent) and what a person reads (its name, else its id).</summary>
public sealed record ShopAdminChoice(string ShopId, string Name);

/// <summary>The shops the admin pages list and offer (no scoping: the admin pages are the platform's).</summary>
public sealed class ShopAdminQueries(AfterSalesDbContext db)
{
    /// <summary>Every shop profile by id (the first <paramref name="take"/>).</summary>
    public Task<List<ShopProfile>> ProfilesAsync(CancellationToken ct, int take = 500) =>
        db.ShopProfiles.AsNoTracking().OrderBy(s => s.ShopId).Take(take).ToListAsync(ct);

    /// <summary>
    /// The shops a merchant may be given: those with a profile, by name, then those known only by their orders (at most
    /// <paramref name="take"/> of these), by id.
    /// </summary>
    public async Task<List<ShopAdminChoice>> ChoicesAsync(CancellationToken ct, int take = 500)
    {
        var profiles = await db.ShopProfiles.AsNoTracking().Select(p => new { p.ShopId, p.Name }).ToListAsync(ct);
        var ordered = await db.Orders.AsNoTracking().Select(o => o.ShopId).Distinct().Take(take).ToListAsync(ct);
        return [.. profiles.Select(p => new ShopAdminChoice(p.ShopId, string.IsNullOrWhiteSpace(p.Name) ? p.ShopId : p.Name))
                .OrderBy(c => c.Name, StringComparer.CurrentCulture),
            .. ordered.Except(profiles.Select(p => p.ShopId), StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(id => new ShopAdminChoice(id, id))];
    }
}
