using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Cases.Contracts;

/// <summary>
/// The Cases module's tables, named for code that reads them. The module maps them itself (its <c>Data/</c>); a module
/// above may read them, and changes rows only through the aggregates' own methods.
/// </summary>
public static class CasesTables
{
    extension(AfterSalesDbContext db)
    {
        public DbSet<Case> Cases => db.Set<Case>();
        public DbSet<Refund> Refunds => db.Set<Refund>();
        public DbSet<TimelineEvent> Timeline => db.Set<TimelineEvent>();
        public DbSet<CaseMessage> Messages => db.Set<CaseMessage>();
        public DbSet<CaseAttachment> Attachments => db.Set<CaseAttachment>();
        public DbSet<CaseRating> CaseRatings => db.Set<CaseRating>();
        public DbSet<OutboxMessage> Outbox => db.Set<OutboxMessage>();
        public DbSet<CaseTimer> Timers => db.Set<CaseTimer>();
        public DbSet<SlaClock> SlaClocks => db.Set<SlaClock>();
    }
}
