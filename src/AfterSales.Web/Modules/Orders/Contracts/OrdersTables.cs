using AfterSales.Web.Data;
using AfterSales.Web.Modules.Orders.Domain;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Orders.Contracts;

/// <summary>
/// The Orders module's tables, named for code that reads them. The module maps them itself (its <c>Data/</c>); a module
/// above may read them, and changes rows only through the aggregates' own methods.
/// </summary>
public static class OrdersTables
{
    extension(AfterSalesDbContext db)
    {
        public DbSet<Order> Orders => db.Set<Order>();
    }
}
