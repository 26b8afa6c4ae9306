using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Modules.Cases.Data;

internal sealed class RatingConfiguration : IEntityTypeConfiguration<CaseRating>
{
    public void Configure(EntityTypeBuilder<CaseRating> b)
    {
        b.ToTable("case_ratings");
        b.HasKey(r => r.Id);
        // One rating per case, also under two clicks racing: the second insert fails on the index (case.already_rated).
        b.HasIndex(r => r.CaseId).IsUnique();
        b.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.CaseNo).HasMaxLength(32);
        b.Property(r => r.ConsumerId).HasMaxLength(64);
        b.Property(r => r.Comment).HasMaxLength(CaseRating.MaxComment);
    }
}
