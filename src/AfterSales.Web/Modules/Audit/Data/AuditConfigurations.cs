using AfterSales.Web.Modules.Audit.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Modules.Audit.Data;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        // The position is the key: the database itself refuses two entries at one position.
        b.HasKey(e => e.Position);
        b.Property(e => e.Position).ValueGeneratedNever();
        b.Property(e => e.ActorId).HasMaxLength(128);
        b.Property(e => e.ActorRole).HasMaxLength(32);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.Target).HasMaxLength(200);
        b.Property(e => e.DataJson).HasColumnType("text");
        b.Property(e => e.PrevHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => e.OccurredAt);
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> b)
    {
        b.ToTable("audit_chain_head");
        b.HasKey(h => h.Id);
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.Hash).HasMaxLength(64);
        // Created with the schema, so sealing only ever locks and updates it, never races to insert it.
        b.HasData(new AuditChainHead { Id = AuditChainHead.SingletonId, Position = 0, Hash = AuditHash.Genesis });
    }
}
