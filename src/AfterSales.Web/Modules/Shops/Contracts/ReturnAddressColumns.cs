using AfterSales.Web.Modules.Shops.Domain;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Modules.Shops.Contracts;

/// <summary>The columns of a return address, the same on a shop and on the case it was copied to.</summary>
public static class ReturnAddressColumns
{
    public static void Configure(ComplexPropertyBuilder<ReturnAddress> a)
    {
        a.Property(x => x.ContactName).HasMaxLength(ShopRules.MaxContact);
        a.Property(x => x.Phone).HasMaxLength(ShopRules.MaxPhone);
        a.Property(x => x.Address).HasMaxLength(ShopRules.MaxAddress);
        a.Property(x => x.PostalCode).HasMaxLength(ShopRules.PostalCodeLength);
    }
}
