using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AfterSales.Web.Data;

/// <summary>Lets <c>dotnet ef</c> build each engine's context without starting the web host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAfterSalesDbContext>
{
    public SqliteAfterSalesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAfterSalesDbContext>().UseSqlite(DatabaseSetup.DefaultSqlite).Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAfterSalesDbContext>
{
    public PostgresAfterSalesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAfterSalesDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=aftersales_design;Username=aftersales;Password=aftersales").Options);
}
