using AfterSales.Web.Modules.Shops.Domain;

namespace AfterSales.Web.Modules.Cases.Domain;

/// <summary>
/// Where the consumer sends the goods back: copied onto the case when it starts awaiting the return (the merchant's
/// agreement, a platform ruling, the automatic agreement), so that later edits of the shop's address do not change
/// what the consumer was told. A case agreed while its shop had no address keeps none.
/// </summary>
public sealed partial class Case
{
    // Set by the change that moved the case to awaiting_return without an address given; the shop module's hook
    // fills it from the shop's profile before the save (TakeShopReturnAddress), in the same transaction.
    private bool _wantsShopReturnAddress;

    public ReturnAddress? ReturnAddress { get; private set; }

    /// <summary>Whether this unit of work moved the case to awaiting_return and still waits for the shop's address.</summary>
    public bool WantsShopReturnAddress => _wantsShopReturnAddress;

    /// <summary>The shop's current address (or null when it has none), taken once by the change that asked for it.</summary>
    public void TakeShopReturnAddress(ReturnAddress? shopAddress)
    {
        if (!_wantsShopReturnAddress) return;
        _wantsShopReturnAddress = false;
        ReturnAddress = shopAddress;
    }

    /// <summary>On entering awaiting_return: the address given for this case, or the shop's (asked for).</summary>
    private void AwaitReturnTo(ReturnAddress? given)
    {
        ReturnAddress = given;
        _wantsShopReturnAddress = given is null;
    }
}
