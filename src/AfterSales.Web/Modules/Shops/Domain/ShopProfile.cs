namespace AfterSales.Web.Modules.Shops.Domain;

/// <summary>
/// A shop as the after-sales service knows it: its display name and return address. Orders and cases name shops by
/// id only; a shop without a profile is still a shop (it just has no name or address here yet).
/// </summary>
public sealed class ShopProfile
{
    private ShopProfile() { }

    public ShopProfile(string shopId) => ShopId = shopId;

    public string ShopId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public ReturnAddress? ReturnAddress { get; private set; }

    /// <summary>Bumped by every save: <c>If-Match</c> and the database both check it.</summary>
    public int Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    /// <summary>Replaces the name and address with already validated values (<see cref="ShopRules"/>).</summary>
    public void Update(string name, ReturnAddress? returnAddress, string by, DateTimeOffset now)
    {
        Name = name;
        ReturnAddress = returnAddress;
        UpdatedBy = by;
        UpdatedAt = now;
        Version++;
    }
}
