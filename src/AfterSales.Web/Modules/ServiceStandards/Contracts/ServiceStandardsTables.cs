using AfterSales.Web.Data;
using AfterSales.Web.Modules.ServiceStandards.Sla.Domain;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.ServiceStandards.Calendars.Domain;

namespace AfterSales.Web.Modules.ServiceStandards.Contracts;

/// <summary>
/// The ServiceStandards module's tables, named for code that reads them. The module maps them itself (its <c>Data/</c>); a module
/// above may read them, and changes rows only through the aggregates' own methods.
/// </summary>
public static class ServiceStandardsTables
{
    extension(AfterSalesDbContext db)
    {
        public DbSet<SlaPolicy> SlaPolicies => db.Set<SlaPolicy>();
        public DbSet<SlaRecomputeJob> SlaRecomputeJobs => db.Set<SlaRecomputeJob>();
        public DbSet<StoredCalendar> Calendars => db.Set<StoredCalendar>();
    }
}
