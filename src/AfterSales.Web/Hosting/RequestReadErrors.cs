using System.Text.Json;
using System.Text.RegularExpressions;

namespace AfterSales.Web.Hosting;

/// <summary>
/// A request the framework could not read (issue 13): which field (its JSON path, the query or route parameter) and
/// what was expected, as field errors the problem writer translates — never the serializer's or the binder's own
/// message, which names .NET types (<c>AfterSales.Web.Modules…TokenRequest</c>, <c>System.Int32</c>).
/// </summary>
public static partial class RequestReadErrors
{
    /// <summary>The field name of the body as a whole (a JSON path's root).</summary>
    public const string Body = "$";

    public const string Required = "is required";
    public const string BodyRequired = "a JSON body is required";
    public const string NotJson = "is not valid JSON";
    public const string WrongFormat = "is not in the expected format";
    public const string Text = "must be text";
    public const string WholeNumber = "must be a whole number";
    public const string Number = "must be a number";
    public const string Amount = "must be an amount";
    public const string Boolean = "must be true or false";
    public const string DateTime = "must be a date and time with an offset";
    public const string Date = "must be a date";
    public const string List = "must be a list";
    public const string Object = "must be an object";
    public const string KnownValue = "must be one of the documented values";

    /// <summary>Every message here (for the resources and their tests).</summary>
    public static readonly string[] Messages =
        [Required, BodyRequired, NotJson, WrongFormat, Text, WholeNumber, Number, Amount, Boolean, DateTime, Date, List, Object, KnownValue];

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.(?: Path:|$)", RegexOptions.CultureInvariant)]
    private static partial Regex NotConverted();

    [GeneratedRegex(@"not in a supported (?<type>\w+) format", RegexOptions.CultureInvariant)]
    private static partial Regex NotSupportedFormat();

    [GeneratedRegex(@"missing required properties including: (?<names>.*?)\.?(?: Path:|$)", RegexOptions.CultureInvariant)]
    private static partial Regex MissingProperties();

    [GeneratedRegex(@"'(?<name>[^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^Failed to bind parameter ""(?<type>.*) (?<name>[^ ""]+)"" from", RegexOptions.CultureInvariant)]
    private static partial Regex BindFailed();

    [GeneratedRegex(@"^Required parameter ""(?<type>.*) (?<name>[^ ""]+)"" was not provided from (?<source>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex RequiredMissing();

    /// <summary>The field errors of a request that could not be read; null when no field can be named.</summary>
    public static Dictionary<string, string[]>? Describe(BadHttpRequestException b)
    {
        if (b.InnerException is JsonException j) return Describe(j);
        var message = b.Message;
        if (BindFailed().Match(message) is { Success: true } bind)
            return One(bind.Groups["name"].Value, ExpectedByName(bind.Groups["type"].Value));
        if (RequiredMissing().Match(message) is { Success: true } missing)
            return missing.Groups["source"].Value.Contains("body", StringComparison.Ordinal)
                ? One(Body, BodyRequired) : One(missing.Groups["name"].Value, Required);
        if (message.StartsWith("Implicit body inferred", StringComparison.Ordinal)) return One(Body, BodyRequired);
        return null;
    }

    public static Dictionary<string, string[]> Describe(JsonException j)
    {
        var field = FieldOf(j.Path);
        var message = j.Message;
        if (MissingProperties().Match(message) is { Success: true } missing)
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (Match m in Quoted().Matches(missing.Groups["names"].Value))
                errors[field == Body ? m.Groups["name"].Value : field + "." + m.Groups["name"].Value] = [Required];
            return errors.Count > 0 ? errors : One(field, Required);
        }
        if (NotConverted().Match(message) is { Success: true } converted) return One(field, ExpectedByType(converted.Groups["type"].Value, field));
        if (NotSupportedFormat().Match(message) is { Success: true } format) return One(field, ExpectedByName(format.Groups["type"].Value));
        if (message.StartsWith("An amount", StringComparison.Ordinal)) return One(field, Amount);
        return One(field, NotJson);
    }

    /// <summary><c>$.lines[0].sku</c> → <c>lines[0].sku</c>; <c>$['a b']</c> → <c>a b</c>; the root is <c>$</c>.</summary>
    public static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return Body;
        var p = path.StartsWith('$') ? path[1..] : path;
        p = Regex.Replace(p, @"\['(?<name>(?:[^']|'')*)'\]", m => "." + m.Groups["name"].Value.Replace("''", "'", StringComparison.Ordinal));
        return InputText.Shown(p.TrimStart('.'));
    }

    private static Dictionary<string, string[]> One(string field, string message) =>
        new(StringComparer.Ordinal) { [field] = [message] };

    // The serializer names a CLR type (Type.ToString()): the value's own, or the record whose constructor takes it (then the
    // field's path leads from that type to the value's). Resolve it to say what kind of JSON value was expected.
    private static string ExpectedByType(string name, string field)
    {
        var nullable = Regex.Match(name, @"^System\.Nullable`1\[(?<inner>.+)\]$");
        if (nullable.Success) name = nullable.Groups["inner"].Value;
        var named = Type.GetType(name) ?? typeof(RequestReadErrors).Assembly.GetType(name);
        var type = named is null ? null : Walk(named, field == Body ? [] : field.Split('.'));
        if (type is null) return name.EndsWith("[]", StringComparison.Ordinal) || name.Contains("List`", StringComparison.Ordinal)
            || name.Contains("Enumerable`", StringComparison.Ordinal) || name.Contains("Collection`", StringComparison.Ordinal) ? List
            : name.Contains("Dictionary`", StringComparison.Ordinal) ? Object : WrongFormat;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return KnownValue;
        return Type.GetTypeCode(type) switch
        {
            TypeCode.String or TypeCode.Char => Text,
            TypeCode.Boolean => Boolean,
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 or TypeCode.UInt64 => WholeNumber,
            TypeCode.Decimal => Amount,
            TypeCode.Single or TypeCode.Double => Number,
            TypeCode.DateTime => DateTime,
            _ when type == typeof(DateTimeOffset) => DateTime,
            _ when type == typeof(DateOnly) => Date,
            _ when type.IsArray || (type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
                && !typeof(System.Collections.IDictionary).IsAssignableFrom(type)) => List,
            _ when type.IsClass || (type.IsValueType && !type.IsPrimitive && type.Namespace?.StartsWith("AfterSales", StringComparison.Ordinal) == true) => Object,
            _ => WrongFormat,
        };
    }

    // The type at the end of the path (properties matched as the serializer matches them, [n] an item), trying the
    // whole path first and then ever shorter tails of it; null if none leads anywhere.
    private static Type? Walk(Type from, string[] segments)
    {
        for (var skip = 0; skip <= segments.Length; skip++)
        {
            Type? t = from;
            foreach (var segment in segments.Skip(skip))
            {
                var m = Regex.Match(segment, @"^(?<name>[^\[]*)(?<items>(?:\[\d+\])*)$");
                if (!m.Success) { t = null; break; }
                var name = m.Groups["name"].Value;
                if (name.Length > 0)
                    t = t.GetProperty(name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase)?.PropertyType;
                for (var i = 0; t is not null && i < Regex.Count(m.Groups["items"].Value, @"\["); i++) t = ItemOf(t);
                if (t is null) break;
            }
            if (t is not null) return t;
        }
        return null;
    }

    private static Type? ItemOf(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        if (t.IsArray) return t.GetElementType();
        return t.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(t) ? t.GetGenericArguments()[^1] : null;
    }

    // The binder names the parameter's type as C# writes it (int, long?, DateTimeOffset, CaseStatus).
    private static string ExpectedByName(string name) => name.TrimEnd('?') switch
    {
        "int" or "long" or "short" or "byte" or "uint" or "ulong" or "ushort" or "sbyte" or "Int32" or "Int64" or "Int16" => WholeNumber,
        "decimal" or "Decimal" => Amount,
        "double" or "float" or "Double" or "Single" => Number,
        "bool" or "Boolean" => Boolean,
        "DateTimeOffset" or "DateTime" => DateTime,
        "DateOnly" => Date,
        "string" or "String" => Text,
        _ => WrongFormat,
    };
}
