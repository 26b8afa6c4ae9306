using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AfterSales.Web.Data;

/// <summary>
/// Personal data at rest (DOMAIN.md §10): the order's recipient column holds <c>pd1:</c> + the Data Protection
/// ciphertext of its JSON. Values written before encryption (plain JSON, starting with <c>{</c>) stay readable and
/// are encrypted when the order is next written. Keys are Data Protection's own (stored in <c>data_protection_keys</c>,
/// rolled every 90 days); a ciphertext names its key, so old values stay readable after a roll.
/// </summary>
public static class PersonalDataColumn
{
    public const string Purpose = "AfterSales.PersonalData.v1";
    public const string Prefix = "pd1:";

    /// <summary>The protector of one service instance (its key ring), handed to the model through the context options.</summary>
    public static IDataProtector ProtectorFrom(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    public static DbContextOptionsBuilder UsePersonalDataProtector(this DbContextOptionsBuilder options, IDataProtector protector)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new PersonalDataOptionsExtension(protector));
        // One model per key ring: the converter holds the protector (see PersonalDataModelCacheKeyFactory).
        options.ReplaceService<IModelCacheKeyFactory, PersonalDataModelCacheKeyFactory>();
        return options;
    }

    /// <summary>
    /// Makes sure a key exists before any transaction needs one: creating the first key writes to
    /// <c>data_protection_keys</c> on another connection, which would wait for a SQLite write lock held by the caller.
    /// </summary>
    public static void EnsureKey(IServiceProvider services) => ProtectorFrom(services).Protect("key-check"u8.ToArray());

    public static ValueConverter<T, string> Converter<T>(IDataProtector? protector) where T : class => new(
        r => Seal(protector, r),
        s => Open<T>(protector, s));

    /// <summary>Values compared as records (the personal data types are immutable records).</summary>
    public static ValueComparer<T> Comparer<T>() where T : class => new((a, b) => Equals(a, b), r => r.GetHashCode(), r => r);

    public static string Seal<T>(IDataProtector? protector, T r)
    {
        var json = JsonSerializer.Serialize(r, Json.Options);
        // Without a protector (design-time tooling only) the value is written as it was before: plain JSON.
        return protector is null ? json : Prefix + protector.Protect(json);
    }

    public static T Open<T>(IDataProtector? protector, string stored)
    {
        if (stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            if (protector is null) throw new InvalidOperationException("The recipient is encrypted and this context has no personal-data protector.");
            stored = protector.Unprotect(stored[Prefix.Length..]);
        }
        return JsonSerializer.Deserialize<T>(stored, Json.Options)!;
    }
}

/// <summary>Carries the protector from the service's container to <see cref="AfterSalesDbContext.OnModelCreating"/>.</summary>
internal sealed class PersonalDataOptionsExtension(IDataProtector protector) : IDbContextOptionsExtension
{
    public IDataProtector Protector { get; } = protector;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;
        public override string LogFragment => "";
        // Every instance shares EF's internal services; only the model differs (by the cache key).
        public override int GetServiceProviderHashCode() => 0;
        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;
        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["AfterSales:PersonalData"] = "1";
    }
}

/// <summary>
/// EF caches the model per context type; the recipient converter holds a protector, so the cache is also keyed by it.
/// In a deployed service that is one model; a test process running several services (each with its own database and
/// key ring) gets one per service.
/// </summary>
internal sealed class PersonalDataModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), (context as AfterSalesDbContext)?.PersonalDataProtector, designTime);
}
