using System.Reflection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Data;

/// <summary>
/// A module's part of the model that an <c>IEntityTypeConfiguration</c> cannot express: columns encrypted with the key
/// ring's protector (personal data, secrets), which need the context's protector, and Identity's table names.
/// </summary>
public interface IModelPart
{
    void Configure(ModelBuilder model, IDataProtector? protector);
}

/// <summary>
/// A database interceptor every context of the service carries (the audit log's sealer): found by reflection, one
/// shared instance, so that the context setup names no module.
/// </summary>
public interface IServiceWideInterceptor : Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor;

/// <summary>Data that ships with the schema (the statutory calendars): ensured in every database after its migrations.</summary>
public interface IShippedData
{
    Task EnsureAsync(AfterSalesDbContext db, DateTimeOffset now, CancellationToken ct);
}

/// <summary>Finds the modules' model parts once, by reflection over this assembly, so the context names no module.</summary>
internal static class ModelParts
{
    // One read of the assembly's types for every kind of part, in a stable order; first, since the fields below read it.
    private static readonly Type[] Types = [.. typeof(ModelParts).Assembly.GetTypes().OrderBy(t => t.FullName, StringComparer.Ordinal)];

    public static readonly IReadOnlyList<IModelPart> Parts = [.. Instances<IModelPart>()];

    public static readonly Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] Interceptors = [.. Instances<IServiceWideInterceptor>()];

    public static readonly IReadOnlyList<IShippedData> Shipped = [.. Instances<IShippedData>()];

    private static IEnumerable<T> Instances<T>() => Types
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(T).IsAssignableFrom(t))
        .Select(t => (T)Activator.CreateInstance(t, nonPublic: true)!);

    private static readonly IReadOnlyList<(Type Enum, int MaxLength)> WireEnums = [.. Types
        .Where(t => t.IsEnum && t.GetCustomAttribute<StoredByWireNameAttribute>() is not null)
        .Select(t => (t, t.GetCustomAttribute<StoredByWireNameAttribute>()!.MaxLength))];

    /// <summary>Every enum marked <see cref="StoredByWireNameAttribute"/> is stored as its wire name (text), never its number.</summary>
    public static void StoreWireEnums(ModelConfigurationBuilder b)
    {
        foreach (var (type, maxLength) in WireEnums)
            b.Properties(type).HaveConversion(typeof(WireEnumConverter<>).MakeGenericType(type)).HaveMaxLength(maxLength);
    }
}
