using AfterSales.Web.Data;
using AfterSales.Web.Modules.Policies.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Modules.Policies.Data;

internal sealed class PolicyVersionConfiguration : IEntityTypeConfiguration<PolicyVersion>
{
    public void Configure(EntityTypeBuilder<PolicyVersion> b)
    {
        b.ToTable("policy_versions");
        b.HasKey(p => p.Id);
        b.Property(p => p.Scope).HasMaxLength(128);
        b.Property(p => p.CreatedBy).HasMaxLength(128);
        b.Property(p => p.Settings).AsJson();
        b.HasIndex(p => new { p.Scope, p.Version }).IsUnique();
    }
}
