using AfterSales.Web.Data;
using AfterSales.Web.Modules.Orders.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Modules.Orders.Data;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.ToTable("orders");
        b.HasKey(o => o.OrderNo);
        b.Property(o => o.OrderNo).HasMaxLength(64);
        b.Property(o => o.ShopId).HasMaxLength(64);
        b.Property(o => o.ConsumerId).HasMaxLength(64);
        b.Property(o => o.PaymentMethod).HasMaxLength(32);
        b.Property(o => o.Currency).HasMaxLength(3);
        // Recipient: encrypted JSON, configured by OrderRecipientColumn (it needs the key ring).
        b.Property(o => o.Lines).AsJson();
        b.Property(o => o.Shipments).AsJson();
        b.HasIndex(o => new { o.ShopId, o.PlacedAt });
        b.HasIndex(o => new { o.ConsumerId, o.PlacedAt });
    }
}

/// <summary>The recipient is personal data: encrypted JSON under the key ring's protector (DOMAIN.md §10).</summary>
internal sealed class OrderRecipientColumn : IModelPart
{
    public void Configure(ModelBuilder model, Microsoft.AspNetCore.DataProtection.IDataProtector? protector) =>
        model.Entity<Order>().Property(o => o.Recipient)
            .HasConversion(PersonalDataColumn.Converter<Recipient>(protector), PersonalDataColumn.Comparer<Recipient>());
}
