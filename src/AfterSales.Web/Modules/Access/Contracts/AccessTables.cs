using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Domain;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Access.Contracts;

/// <summary>
/// The Access module's tables, named for code that reads them. The module maps them itself (its <c>Data/</c>); a module
/// above may read them, and changes rows only through the aggregates' own methods.
/// </summary>
public static class AccessTables
{
    extension(AfterSalesDbContext db)
    {
        public DbSet<ApiKey> ApiKeys => db.Set<ApiKey>();
    }
}
