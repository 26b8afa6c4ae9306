using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Shops.Contracts;

namespace AfterSales.Web.Modules.Cases.Features;

/// <summary>
/// A case that starts awaiting the consumer's return without an address named for it takes its shop's current
/// return address, in the same transaction (merchant agreement, platform ruling, automatic agreement alike).
/// </summary>
internal sealed class ReturnAddressHook(IShopReturnAddresses shops) : ICaseChangeHook
{
    public int Order => CaseHookOrder.ReturnAddress;

    public async Task BeforeSaveAsync(AfterSalesDbContext db, Case c, DateTimeOffset now, CancellationToken ct)
    {
        if (!c.WantsShopReturnAddress) return;
        var address = await shops.CurrentAsync(db, c.ShopId, ct);
        c.TakeShopReturnAddress(address);
    }
}
