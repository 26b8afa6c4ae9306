using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace AfterSales.Web.SharedKernel;

/// <summary>
/// The wire names of enums (<c>refund_only</c>, <c>no_reason_7day</c>): one source for JSON, routes and
/// database columns, taken from <see cref="JsonStringEnumMemberNameAttribute"/>.
/// </summary>
public static class Wire
{
    private static readonly ConcurrentDictionary<Type, (Dictionary<string, object> ByName, Dictionary<object, string> ByValue)> Cache = new();

    public static string Name<T>(T value) where T : struct, Enum => Maps(typeof(T)).ByValue[value];

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        if (text is not null && Maps(typeof(T)).ByName.TryGetValue(text, out var v))
        {
            value = (T)v;
            return true;
        }
        value = default;
        return false;
    }

    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse<T>(text, out var v) ? v : throw new FormatException($"Unknown {typeof(T).Name} '{text}'.");

    public static IEnumerable<string> Names<T>() where T : struct, Enum => Maps(typeof(T)).ByName.Keys;

    private static (Dictionary<string, object> ByName, Dictionary<object, string> ByValue) Maps(Type t) => Cache.GetOrAdd(t, static type =>
    {
        var byName = new Dictionary<string, object>(StringComparer.Ordinal);
        var byValue = new Dictionary<object, string>();
        foreach (var f in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var name = f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name;
            var v = f.GetValue(null)!;
            byName[name] = v;
            byValue[v] = name;
        }
        return (byName, byValue);
    });
}

/// <summary>Stores an enum's columns by its wire name (text of at most <see cref="MaxLength"/>) wherever it appears in the model.</summary>
[AttributeUsage(AttributeTargets.Enum)]
public sealed class StoredByWireNameAttribute(int maxLength) : Attribute
{
    public int MaxLength { get; } = maxLength;
}
