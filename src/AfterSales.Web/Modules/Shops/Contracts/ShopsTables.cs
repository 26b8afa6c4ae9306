using AfterSales.Web.Data;
using AfterSales.Web.Modules.Shops.Domain;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Shops.Contracts;

/// <summary>
/// The Shops module's tables, named for code that reads them. The module maps them itself (its <c>Data/</c>); a module
/// above may read them, and changes rows only through the aggregates' own methods.
/// </summary>
public static class ShopsTables
{
    extension(AfterSalesDbContext db)
    {
        public DbSet<ShopProfile> ShopProfiles => db.Set<ShopProfile>();
    }
}
