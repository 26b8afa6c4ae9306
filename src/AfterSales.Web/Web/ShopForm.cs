using AfterSales.Web.Modules.Shops.Domain;
using AfterSales.Web.Modules.Shops.Contracts;

namespace AfterSales.Web.Web;

/// <summary>One shop's settings form (name and return address), as the pages post it and show it again.</summary>
public sealed class ShopForm
{
    public string ShopId { get; set; } = "";
    public int Version { get; set; }
    public string? Name { get; set; }
    public string? ContactName { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public PutShopRequest ToRequest() => new(Name, new ReturnAddressInput(ContactName, Phone, Address, PostalCode));

    public static ShopForm For(string shopId, ShopProfile? p) => new()
    {
        ShopId = shopId, Version = p?.Version ?? 0, Name = p?.Name, ContactName = p?.ReturnAddress?.ContactName,
        Phone = p?.ReturnAddress?.Phone, Address = p?.ReturnAddress?.Address, PostalCode = p?.ReturnAddress?.PostalCode,
        UpdatedAt = p?.UpdatedAt,
    };
}

/// <summary>A shop form on a page, with the field errors of its last refused post (the API's field names).</summary>
public sealed record ShopFormView(ShopForm Form, IReadOnlyDictionary<string, string[]> Errors, UiProblem? Problem)
{
    public IEnumerable<string> ErrorsOf(string field) =>
        Errors.Where(e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Value);
}
