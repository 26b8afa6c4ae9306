using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Cases.Features;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Shops.Features;

/// <summary>
/// A case that starts awaiting the consumer's return without an address named for it takes its shop's current
/// return address, in the same transaction (merchant agreement, platform ruling, automatic agreement alike).
/// </summary>
public sealed class ReturnAddressHook : ICaseChangeHook
{
    public async Task BeforeSaveAsync(AfterSalesDbContext db, Case c, DateTimeOffset now, CancellationToken ct)
    {
        if (!c.WantsShopReturnAddress) return;
        var address = await db.ShopProfiles.AsNoTracking().Where(s => s.ShopId == c.ShopId).Select(s => s.ReturnAddress)
            .FirstOrDefaultAsync(ct);
        c.TakeShopReturnAddress(address);
    }
}
