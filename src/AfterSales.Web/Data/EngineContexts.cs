using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Data;

/// <summary>The embedded default: a SQLite file in WAL mode.</summary>
public sealed class SqliteAfterSalesDbContext(DbContextOptions<SqliteAfterSalesDbContext> options) : AfterSalesDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        base.ConfigureConventions(b);
        // SQLite has neither decimal nor an ordered DateTimeOffset: store fen and UTC ticks.
        b.Properties<decimal>().HaveConversion<FenConverter>();
        b.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>The production engine for one or several nodes.</summary>
public sealed class PostgresAfterSalesDbContext(DbContextOptions<PostgresAfterSalesDbContext> options) : AfterSalesDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        base.ConfigureConventions(b);
        b.Properties<decimal>().HavePrecision(18, 2);
    }
}
