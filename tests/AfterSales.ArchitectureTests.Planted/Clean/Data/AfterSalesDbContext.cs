using Clean.Modules.Access.Domain;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Clean.Data;

/// <summary>
/// Mirrors the real context: Identity needs the user type as the generic argument, the platform's one documented
/// dependency on a module.
/// </summary>
public class AfterSalesDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options);

/// <summary>The engine subclasses share the allowance.</summary>
public sealed class SqliteAfterSalesDbContext(DbContextOptions<SqliteAfterSalesDbContext> options) : AfterSalesDbContext(options);
