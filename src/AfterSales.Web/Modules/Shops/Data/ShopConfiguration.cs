using AfterSales.Web.Modules.Shops.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AfterSales.Web.Modules.Shops.Contracts;

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
