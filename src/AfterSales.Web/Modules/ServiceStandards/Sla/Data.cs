using AfterSales.Web.Data;
using AfterSales.Web.Modules.ServiceStandards.Sla.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Modules.ServiceStandards.Sla;

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> b)
    {
        b.ToTable("sla_policies");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasMaxLength(64);
        b.Property(p => p.Name).HasMaxLength(128);
        b.Property(p => p.CalendarId).HasMaxLength(64);
        b.Property(p => p.UpdatedBy).HasMaxLength(128);
        b.Property(p => p.WarningShare).HasPrecision(5, 4);
        b.Property(p => p.ShopIds).AsJson();
        b.Property(p => p.Targets).AsJson();
        b.Property(p => p.Escalations).AsJson();
        b.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class SlaRecomputeJobConfiguration : IEntityTypeConfiguration<SlaRecomputeJob>
{
    public void Configure(EntityTypeBuilder<SlaRecomputeJob> b)
    {
        b.ToTable("sla_recompute_jobs");
        b.HasKey(j => j.Id);
        b.Property(j => j.Reason).HasMaxLength(200);
        b.Property(j => j.Status).HasMaxLength(16);
        b.Property(j => j.LeaseOwner).HasMaxLength(32);
        b.HasIndex(j => j.Status);
    }
}
