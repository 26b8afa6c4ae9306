using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.ServiceStandards.Sla.Domain;
using AfterSales.Web.Modules.ServiceStandards.Sla.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Modules.ServiceStandards.Sla;

internal sealed class SlaClockConfiguration : IEntityTypeConfiguration<SlaClock>
{
    public void Configure(EntityTypeBuilder<SlaClock> b)
    {
        b.ToTable("sla_clocks");
        b.HasKey(k => k.Id);
        b.Property(k => k.Metric).HasMaxLength(32);
        b.Property(k => k.CalendarId).HasMaxLength(64);
        b.Property(k => k.State).HasConversion<WireEnumConverter<SlaState>>().HasMaxLength(16);
        b.Property(k => k.WarningShare).HasPrecision(5, 4);
        b.Property(k => k.Pauses).AsJson();
        b.Ignore(k => k.IsStopped);
        b.Ignore(k => k.IsPaused);
        b.Ignore(k => k.AwaitsVerdict);
        b.HasIndex(k => new { k.CaseId, k.Metric, k.Seq }).IsUnique();
        // Reporting: attainment per metric over a period.
        b.HasIndex(k => new { k.Metric, k.StartedAt });
    }
}

internal sealed class CaseClocksConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b) =>
        b.HasMany(c => c.Clocks).WithOne().HasForeignKey(k => k.CaseId).OnDelete(DeleteBehavior.Cascade);
}

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
