using AfterSales.Web.Data;
using AfterSales.Web.Modules.Routing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Modules.Routing.Data;

internal sealed class QueueConfiguration : IEntityTypeConfiguration<Queue>
{
    public void Configure(EntityTypeBuilder<Queue> b)
    {
        b.ToTable("routing_queues");
        b.HasKey(q => q.Id);
        b.Property(q => q.Id).HasMaxLength(64);
        b.Property(q => q.Name).HasMaxLength(100);
        b.Property(q => q.RequiredSkill).HasMaxLength(64);
        // Matching rules are read whole with their queue, never queried inside: JSON text, as case lines are.
        b.Property(q => q.CaseTypes).AsJson();
        b.Property(q => q.ShopIds).AsJson();
    }
}

internal sealed class SkillConfiguration : IEntityTypeConfiguration<Skill>
{
    public void Configure(EntityTypeBuilder<Skill> b)
    {
        b.ToTable("routing_skills");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).HasMaxLength(64);
        b.Property(s => s.Name).HasMaxLength(100);
    }
}

internal sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> b)
    {
        b.ToTable("routing_agents");
        b.HasKey(a => a.AgentId);
        b.Property(a => a.AgentId).HasMaxLength(64);
        b.Property(a => a.Name).HasMaxLength(100);
        b.Property(a => a.Skills).AsJson();
    }
}
