using AfterSales.Web.Data;
using AfterSales.Web.Modules.Integration.Webhooks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Modules.Integration.Webhooks;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.ToTable("webhook_subscriptions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Url).HasMaxLength(2048);
        b.Property(s => s.Events).AsJson();
        // Encrypted (SecretColumn): a 128-character secret is about 300 characters of ciphertext.
        b.Property(s => s.Secret).HasMaxLength(1024);
        b.Property(s => s.PreviousSecret).HasMaxLength(1024);
        b.Property(s => s.CreatedBy).HasMaxLength(128);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("webhook_deliveries");
        b.HasKey(d => d.Id);
        b.Property(d => d.EventType).HasMaxLength(64);
        b.Property(d => d.Status).HasMaxLength(16).IsConcurrencyToken();
        b.Property(d => d.LastError).HasMaxLength(500);
        // Deleting a subscription ends its deliveries too: nothing is sent to a receiver that unsubscribed.
        b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        // One delivery per event and subscription, whatever a fan-out retry or a second node does.
        b.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();
        // The sender's query: due pending deliveries, oldest due first.
        b.HasIndex(d => new { d.Status, d.NextAttemptAt });
        b.HasIndex(d => new { d.SubscriptionId, d.Status, d.Id });
    }
}

/// <summary>The module's tables, without widening the shared context's list of sets.</summary>
internal static class WebhookSets
{
    public static DbSet<WebhookSubscription> Webhooks(this AfterSalesDbContext db) => db.Set<WebhookSubscription>();

    public static DbSet<WebhookDelivery> WebhookDeliveries(this AfterSalesDbContext db) => db.Set<WebhookDelivery>();
}

/// <summary>Signing secrets are encrypted at rest under the key ring's protector (their own purpose, SecretColumn).</summary>
internal sealed class WebhookSecretColumns : IModelPart
{
    public void Configure(ModelBuilder model, Microsoft.AspNetCore.DataProtection.IDataProtector? protector)
    {
        var secret = SecretColumn.Converter(protector);
        model.Entity<WebhookSubscription>(b =>
        {
            b.Property(s => s.Secret).HasConversion(secret);
            b.Property(s => s.PreviousSecret).HasConversion((Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter?)secret);
        });
    }
}
