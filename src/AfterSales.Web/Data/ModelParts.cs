using System.Reflection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Data;

/// <summary>
/// A module's mapping of columns that are encrypted with the key ring's protector (personal data, secrets): unlike an
/// <c>IEntityTypeConfiguration</c> it needs the context's protector, so the context hands it over.
/// </summary>
public interface IProtectedColumns
{
    void Configure(ModelBuilder model, IDataProtector? protector);
}

/// <summary>Finds the modules' model parts once, by reflection over this assembly, so the context names no module.</summary>
internal static class ModelParts
{
    public static readonly IReadOnlyList<IProtectedColumns> Protected = [.. typeof(ModelParts).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IProtectedColumns).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IProtectedColumns)Activator.CreateInstance(t, nonPublic: true)!)];

    private static readonly IReadOnlyList<(Type Enum, int MaxLength)> WireEnums = [.. typeof(ModelParts).Assembly.GetTypes()
        .Where(t => t.IsEnum && t.GetCustomAttribute<StoredByWireNameAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (t, t.GetCustomAttribute<StoredByWireNameAttribute>()!.MaxLength))];

    /// <summary>Every enum marked <see cref="StoredByWireNameAttribute"/> is stored as its wire name (text), never its number.</summary>
    public static void StoreWireEnums(ModelConfigurationBuilder b)
    {
        foreach (var (type, maxLength) in WireEnums)
            b.Properties(type).HaveConversion(typeof(WireEnumConverter<>).MakeGenericType(type)).HaveMaxLength(maxLength);
    }
}
