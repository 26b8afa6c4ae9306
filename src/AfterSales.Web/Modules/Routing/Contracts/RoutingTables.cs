using AfterSales.Web.Data;
using AfterSales.Web.Modules.Routing.Domain;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Routing.Contracts;

/// <summary>
/// The Routing module's tables, named for code that reads them. The module maps them itself (its <c>Data/</c>); a module
/// above may read them, and changes rows only through the aggregates' own methods.
/// </summary>
public static class RoutingTables
{
    extension(AfterSalesDbContext db)
    {
        public DbSet<Queue> Queues => db.Set<Queue>();
        public DbSet<Skill> Skills => db.Set<Skill>();
        public DbSet<Agent> Agents => db.Set<Agent>();
    }
}
