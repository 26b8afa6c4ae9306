using Microsoft.EntityFrameworkCore;
using Planted.Modules.Alpha.Domain;

namespace Planted.Data;

/// <summary>
/// Rule 3, broken: the platform maps a module's entity. The allowance for the real DbContext covers its Identity
/// user type only, so this stays a violation although the context has the allowed name.
/// </summary>
public class AfterSalesDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Widget> Widgets => Set<Widget>();
}

/// <summary>An engine subclass, as in the real Data namespace: rule 5 forbids it to page models as well.</summary>
public sealed class SqliteAfterSalesDbContext(DbContextOptions<SqliteAfterSalesDbContext> options) : AfterSalesDbContext(options);
