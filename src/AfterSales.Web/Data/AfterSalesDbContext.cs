using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Orders.Domain;
using AfterSales.Web.Hosting.Idempotency;
using AfterSales.Web.Modules.Access.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Data;

/// <summary>
/// The one model of the service. Each engine has a subclass (<see cref="SqliteAfterSalesDbContext"/>,
/// <see cref="PostgresAfterSalesDbContext"/>) with its own migrations; the model itself is shared. Identity's users and
/// roles and the data protection keys are part of it (Modules/Access).
/// </summary>
public abstract class AfterSalesDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The key ring's protector for personal data (null for design-time tooling), see <see cref="PersonalDataColumn"/>.</summary>
    internal Microsoft.AspNetCore.DataProtection.IDataProtector? PersonalDataProtector { get; } =
        options.FindExtension<PersonalDataOptionsExtension>()?.Protector;

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Order> Orders => Set<Order>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<Refund> Refunds => Set<Refund>();
    public DbSet<TimelineEvent> Timeline => Set<TimelineEvent>();
    public DbSet<CaseMessage> Messages => Set<CaseMessage>();
    public DbSet<CaseAttachment> Attachments => Set<CaseAttachment>();
    public DbSet<Modules.Cases.Ratings.CaseRating> CaseRatings => Set<Modules.Cases.Ratings.CaseRating>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<CaseTimer> Timers => Set<CaseTimer>();
    public DbSet<Modules.Policies.Domain.PolicyVersion> Policies => Set<Modules.Policies.Domain.PolicyVersion>();
    public DbSet<Modules.ServiceStandards.Sla.Domain.SlaClock> SlaClocks => Set<Modules.ServiceStandards.Sla.Domain.SlaClock>();
    public DbSet<Modules.ServiceStandards.Sla.Domain.SlaPolicy> SlaPolicies => Set<Modules.ServiceStandards.Sla.Domain.SlaPolicy>();
    public DbSet<Modules.ServiceStandards.Sla.Features.SlaRecomputeJob> SlaRecomputeJobs => Set<Modules.ServiceStandards.Sla.Features.SlaRecomputeJob>();
    public DbSet<Modules.Routing.Domain.Queue> Queues => Set<Modules.Routing.Domain.Queue>();
    public DbSet<Modules.Routing.Domain.Skill> Skills => Set<Modules.Routing.Domain.Skill>();
    public DbSet<Modules.Routing.Domain.Agent> Agents => Set<Modules.Routing.Domain.Agent>();
    public DbSet<Modules.ServiceStandards.Calendars.StoredCalendar> Calendars => Set<Modules.ServiceStandards.Calendars.StoredCalendar>();
    public DbSet<Modules.Shops.Domain.ShopProfile> ShopProfiles => Set<Modules.Shops.Domain.ShopProfile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        IdentityTables.Name(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AfterSalesDbContext).Assembly);
        modelBuilder.Entity<Order>().Property(o => o.Recipient)
            .HasConversion(PersonalDataColumn.Converter(PersonalDataProtector), PersonalDataColumn.Comparer);
        var secret = SecretColumn.Converter(PersonalDataProtector);
        modelBuilder.Entity<Modules.Integration.Webhooks.Domain.WebhookSubscription>(b =>
        {
            b.Property(s => s.Secret).HasConversion(secret);
            b.Property(s => s.PreviousSecret).HasConversion((Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter?)secret);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        b.Properties<CaseType>().HaveConversion<WireEnumConverter<CaseType>>().HaveMaxLength(32);
        b.Properties<CaseReason>().HaveConversion<WireEnumConverter<CaseReason>>().HaveMaxLength(32);
        b.Properties<CaseStatus>().HaveConversion<WireEnumConverter<CaseStatus>>().HaveMaxLength(32);
        b.Properties<ActorRole>().HaveConversion<WireEnumConverter<ActorRole>>().HaveMaxLength(32);
        b.Properties<RefundStatus>().HaveConversion<WireEnumConverter<RefundStatus>>().HaveMaxLength(16);
        b.Properties<ReviewOrigin>().HaveConversion<WireEnumConverter<ReviewOrigin>>().HaveMaxLength(32);
    }

    /// <summary>Outbox messages raised by aggregates are saved with them, in the same transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<Case>().ToList())
            Outbox.AddRange(entry.Entity.DequeueOutbox());
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

/// <summary>Named monotonic counters (case numbers per day), incremented atomically in SQL.</summary>
public sealed class Counter
{
    public string Name { get; set; } = "";
    public long Value { get; set; }
}
