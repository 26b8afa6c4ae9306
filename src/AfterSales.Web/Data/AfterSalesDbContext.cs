using AfterSales.Web.Hosting.Idempotency;
using AfterSales.Web.Modules.Access.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Data;

/// <summary>
/// The one model of the service. Each engine has a subclass (<see cref="SqliteAfterSalesDbContext"/>,
/// <see cref="PostgresAfterSalesDbContext"/>) with its own migrations; the model itself is shared. The context knows
/// no module: each module maps its own tables (its <c>IEntityTypeConfiguration</c>s, or an
/// <see cref="IModelPart"/> where a column is encrypted) and names them for its code with an
/// <c>extension(AfterSalesDbContext)</c> block of its own. The one exception is Identity's user type, which the base
/// class needs as its generic argument (Modules/Access).
/// </summary>
public abstract class AfterSalesDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The key ring's protector for personal data (null for design-time tooling), see <see cref="PersonalDataColumn"/>.</summary>
    internal Microsoft.AspNetCore.DataProtection.IDataProtector? PersonalDataProtector { get; } =
        options.FindExtension<PersonalDataOptionsExtension>()?.Protector;

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Counter> Counters => Set<Counter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AfterSalesDbContext).Assembly);
        foreach (var part in ModelParts.Parts) part.Configure(modelBuilder, PersonalDataProtector);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder b) => ModelParts.StoreWireEnums(b);

    /// <summary>Outbox messages raised by aggregates are saved with them, in the same transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<IOutboxSource>().ToList())
            AddRange(entry.Entity.DequeueOutbox());
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

/// <summary>Named monotonic counters (case numbers per day), incremented atomically in SQL.</summary>
public sealed class Counter
{
    public string Name { get; set; } = "";
    public long Value { get; set; }
}
