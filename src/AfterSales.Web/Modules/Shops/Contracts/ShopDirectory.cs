using AfterSales.Web.Data;
using AfterSales.Web.Modules.Shops.Domain;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Shops.Contracts;

/// <summary>
/// Shop names and addresses for pages that show shops by id (lists, case pages). It does not scope: the caller
/// shows a shop only where it already shows that shop's records. A shop without a profile is simply absent.
/// </summary>
public sealed class ShopDirectory(AfterSalesDbContext db) : IShopNames
{
    Task<IReadOnlyDictionary<string, string>> IShopNames.NamesAsync(IReadOnlyCollection<string> shopIds, CancellationToken ct) =>
        NamesAsync(shopIds, ct);

    /// <summary>The display name of each shop that has one, by shop id (one query; ids without a profile are left out).</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> shopIds, CancellationToken ct = default)
    {
        var ids = shopIds.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) return new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = await db.ShopProfiles.AsNoTracking().Where(s => ids.Contains(s.ShopId) && s.Name != "")
            .Select(s => new { s.ShopId, s.Name }).ToListAsync(ct);
        return rows.ToDictionary(r => r.ShopId, r => r.Name, StringComparer.Ordinal);
    }

    /// <summary>The shop's profile, or null when it has none.</summary>
    public Task<ShopProfile?> FindAsync(string shopId, CancellationToken ct = default) =>
        db.ShopProfiles.AsNoTracking().FirstOrDefaultAsync(s => s.ShopId == shopId, ct);

    /// <summary>The shop's current return address, or null.</summary>
    public async Task<ReturnAddress?> ReturnAddressAsync(string shopId, CancellationToken ct = default) =>
        (await FindAsync(shopId, ct))?.ReturnAddress;
}

/// <summary>Shop names for pages that show shops by id, in one read.</summary>
public interface IShopNames
{
    /// <summary>The names of those of <paramref name="shopIds"/> that have one, in one read.</summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> shopIds, CancellationToken ct);
}

/// <summary>The return address a shop names today (Cases copies it onto a case that starts awaiting the return).</summary>
public interface IShopReturnAddresses
{
    Task<ReturnAddress?> CurrentAsync(AfterSalesDbContext db, string shopId, CancellationToken ct);
}

internal sealed class ShopReturnAddresses : IShopReturnAddresses
{
    public async Task<ReturnAddress?> CurrentAsync(AfterSalesDbContext db, string shopId, CancellationToken ct) =>
        await db.ShopProfiles.AsNoTracking().Where(s => s.ShopId == shopId).Select(s => s.ReturnAddress).FirstOrDefaultAsync(ct);
}
