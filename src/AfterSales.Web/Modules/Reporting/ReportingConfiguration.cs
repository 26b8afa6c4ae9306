using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Modules.Reporting;

/// <summary>
/// The dashboard counts cases opened in a date range: without this index every chart would scan the whole cases
/// table (millions of rows in production). The clocks already have one on (metric, started_at).
/// </summary>
internal sealed class CaseReportingConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b) => b.HasIndex(c => c.CreatedAt);
}
