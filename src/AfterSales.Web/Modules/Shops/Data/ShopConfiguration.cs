using AfterSales.Web.Modules.Shops.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Modules.Shops.Data;

internal sealed class ShopConfiguration : IEntityTypeConfiguration<ShopProfile>
{
    public void Configure(EntityTypeBuilder<ShopProfile> b)
    {
        b.ToTable("shops");
        b.HasKey(s => s.ShopId);
        b.Property(s => s.ShopId).HasMaxLength(64);
        b.Property(s => s.Name).HasMaxLength(ShopRules.MaxName);
        b.Property(s => s.UpdatedBy).HasMaxLength(64);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.ComplexProperty(s => s.ReturnAddress, a => ReturnAddressColumns.Configure(a));
    }
}

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
