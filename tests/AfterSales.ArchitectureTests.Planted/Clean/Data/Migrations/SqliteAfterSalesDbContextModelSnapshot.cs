using Clean.Modules.Access.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Clean.Data.Migrations;

/// <summary>A model snapshot that names the user type, as designer and snapshot files may (rule 3's allowance).</summary>
internal sealed class SqliteAfterSalesDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder) => modelBuilder.Entity<AppUser>();
}
