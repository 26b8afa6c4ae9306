using AfterSales.Web.Data;
using AfterSales.Web.Modules.Policies.Domain;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Policies.Contracts;

/// <summary>
/// The Policies module's tables, named for code that reads them. The module maps them itself (its <c>Data/</c>); a module
/// above may read them, and changes rows only through the aggregates' own methods.
/// </summary>
public static class PoliciesTables
{
    extension(AfterSalesDbContext db)
    {
        public DbSet<PolicyVersion> Policies => db.Set<PolicyVersion>();
    }
}
