using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Data;

/// <summary>
/// Small value collections that are always read with their owner (order lines, case lines, allocations)
/// are one JSON text column: one row read, no joins, the same on both engines.
/// </summary>
public static class JsonColumn
{
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) where T : class
    {
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Json.Options),
            s => JsonSerializer.Deserialize<T>(s, Json.Options)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Json.Options) == JsonSerializer.Serialize(b, Json.Options),
                v => JsonSerializer.Serialize(v, Json.Options).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Json.Options), Json.Options)!));
        return property;
    }
}
