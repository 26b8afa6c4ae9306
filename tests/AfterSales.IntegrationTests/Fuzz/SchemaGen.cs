using System.Globalization;
using CsCheck;

namespace AfterSales.IntegrationTests.Fuzz;

/// <summary>
/// CsCheck generators of values a schema of the OpenAPI document accepts, made plausible by the field's name where
/// the schema alone says too little (an <c>orderNo</c> is a real order most of the time, a <c>type</c> a case type,
/// a time is near the service's now), so that the unmutated requests reach the rules behind validation.
/// </summary>
public sealed class SchemaGen(FuzzWorld world, DateTimeOffset now)
{
    private const int MaxDepth = 8;

    private static readonly string[] Words = ["fuzz", "测试", "SF", "abc-123", "张三", "13812341234", "上海市浦东新区世纪大道1号", "ok", "SKU-PHONE", "mobile_phone"];

    private Gen<JsonNode?> Text(params string[] values) => Gen.OneOf(values).Select(v => (JsonNode?)JsonValue.Create(v));

    /// <summary>A value for <paramref name="schema"/>; <paramref name="field"/> is the property or parameter name ("" for a body).</summary>
    public Gen<JsonNode?> Valid(JsonObject schema, string field, int depth = 0)
    {
        if (depth > MaxDepth) return Gen.Const<JsonNode?>((JsonNode?)null);
        schema = world.Api.Resolve(schema);
        var alternatives = (schema["oneOf"] ?? schema["anyOf"])?.AsArray().Select(s => world.Api.Resolve(s)).ToList();
        if (alternatives is { Count: > 0 })
        {
            var concrete = alternatives.Where(a => a["type"]?.ToString() != "null").ToList();
            var choice = Gen.OneOf<JsonNode?>([.. (concrete.Count > 0 ? concrete : alternatives).Select(a => Valid(a, field, depth + 1))]);
            return concrete.Count < alternatives.Count ? Gen.Frequency<JsonNode?>((9, choice), (1, Gen.Const<JsonNode?>((JsonNode?)null))) : choice;
        }
        if (schema["enum"] is JsonArray values) return Gen.OneOf([.. values.Select(v => v?.ToString() ?? "")]).Select(v => (JsonNode?)JsonValue.Create(v));
        var types = schema["type"] switch
        {
            JsonArray a => a.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue v => [v.GetValue<string>()],
            _ => [],
        };
        var format = schema["format"]?.GetValue<string>();
        var nullable = types.Remove("null");
        // "integer or string with a digits pattern" is how the document writes an int; a bare {} is an amount.
        var type = types.Contains("integer") ? "integer" : types.Contains("number") || format is "double" or "float" || (types.Count == 0 && schema.Count == 0 && IsAmount(field)) ? "number"
            : types.Contains("array") ? "array" : types.Contains("object") || schema["properties"] is not null ? "object"
            : types.Contains("boolean") ? "boolean" : "string";
        var gen = type switch
        {
            "integer" => Integer(field),
            "number" => Gen.Int[0, 500_000].Select(c => (JsonNode?)JsonValue.Create(c / 100m)),
            "boolean" => Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
            "array" => Array(schema, field, depth),
            "object" => Object(schema, depth),
            _ => String(field, format),
        };
        return nullable ? Gen.Frequency<JsonNode?>((19, gen), (1, Gen.Const<JsonNode?>((JsonNode?)null))) : gen;
    }

    private static bool IsAmount(string field) => field.Contains("amount", StringComparison.OrdinalIgnoreCase) || field.Contains("refund", StringComparison.OrdinalIgnoreCase);

    private Gen<JsonNode?> Integer(string field) => field.ToLowerInvariant() switch
    {
        "stars" => Gen.Int[1, 5].Select(i => (JsonNode?)JsonValue.Create(i)),
        "lineno" => Gen.Int[1, 3].Select(i => (JsonNode?)JsonValue.Create(i)),
        "quantity" => Gen.Int[1, 2].Select(i => (JsonNode?)JsonValue.Create(i)),
        _ => world.Pool(field) is { Length: > 0 } pool && pool.All(p => long.TryParse(p, out _))
            ? Gen.OneOf(pool).Select(p => (JsonNode?)JsonValue.Create(long.Parse(p, CultureInfo.InvariantCulture)))
            : Gen.Int[0, 30].Select(i => (JsonNode?)JsonValue.Create(i)),
    };

    private Gen<JsonNode?> Array(JsonObject schema, string field, int depth)
    {
        // Plural names of id lists (shopIds, lineNos) draw their items from the singular's pool.
        var item = Valid(schema["items"] as JsonObject ?? [], field.EndsWith('s') ? field[..^1] : field, depth + 1);
        return Gen.Int[0, 3].SelectMany(n => item.Array[n]).Select(items => (JsonNode?)new JsonArray(items));
    }

    private Gen<JsonNode?> Object(JsonObject schema, int depth)
    {
        var required = (schema["required"]?.AsArray() ?? []).Select(r => r!.GetValue<string>()).ToHashSet();
        Gen<List<KeyValuePair<string, JsonNode?>>> fields = Gen.Const(() => new List<KeyValuePair<string, JsonNode?>>());
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            var value = Valid(property as JsonObject ?? [], name, depth + 1);
            var present = required.Contains(name) ? Gen.Const(true) : Gen.Frequency<bool>((7, Gen.Const(true)), (3, Gen.Const(false)));
            fields = fields.SelectMany(list => present.SelectMany(p => p
                ? value.Select(v => (List<KeyValuePair<string, JsonNode?>>)[.. list, new(name, v)])
                : Gen.Const(list)));
        }
        if (schema["additionalProperties"] is JsonObject extra)
        {
            var key = Gen.OneOf("monday", "tuesday", "saturday", "sunday", "mobile_phone", "accessories");
            var value = Valid(extra, "", depth + 1);
            fields = fields.SelectMany(list => Gen.Int[0, 2].SelectMany(n => Gen.Select(key, value).Array[n])
                .Select(pairs => (List<KeyValuePair<string, JsonNode?>>)[.. list, .. pairs.DistinctBy(p => p.Item1).Select(p => new KeyValuePair<string, JsonNode?>(p.Item1, p.Item2))]));
        }
        return fields.Select(list => (JsonNode?)new JsonObject(list));
    }

    private Gen<JsonNode?> String(string field, string? format)
    {
        var name = field.ToLowerInvariant();
        Gen<JsonNode?> plain = name switch
        {
            "currency" => Text("CNY"),
            "url" => Text("https://hooks.example.com/fuzz", "http://127.0.0.1/hook"),
            "timezone" => Text("Asia/Shanghai", "UTC"),
            "type" => Text([.. world.Api.EnumOf("CaseType")]),
            "reason" => Text([.. world.Api.EnumOf("CaseReason"), "fuzz reason"]),
            "status" => Text([.. world.Api.EnumOf("CaseStatus")]),
            "role" or "roles" => Text([.. world.Api.EnumOf("ActorRole")]),
            "action" => Text([.. world.Api.EnumOf("CaseAction")]),
            "outcome" => Text("succeeded", "failed", "consumer", "merchant"),
            "event" or "events" => Text("case.created", "case.status_changed", "refund.succeeded"),
            "password" or "newpassword" => Text("Str0ng!Passw0rd-fuzz"),
            "username" when world.Pool(name).Length == 0 => Gen.Int[0, 99_999].Select(i => (JsonNode?)JsonValue.Create($"fuzz-user-{i}")),
            "holiday" or "workday" => Gen.Int[0, 365].Select(d => (JsonNode?)JsonValue.Create(now.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            _ when format == "uuid" => Gen.Int.Select(i => (JsonNode?)JsonValue.Create(new Guid(i, 0, 0, new byte[8]).ToString())),
            _ when format == "date-time" || name.EndsWith("at", StringComparison.Ordinal) || name is "from" or "to" =>
                Gen.Int[-30 * 24, 2 * 24].Select(h => (JsonNode?)JsonValue.Create(now.AddHours(h).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture))),
            _ => Gen.Frequency<JsonNode?>((3, Text(Words)), (1, Gen.Char["abcdefgh0123456789-"].Array[1, 12].Select(c => (JsonNode?)JsonValue.Create(new string(c))))),
        };
        return world.Pool(name) is { Length: > 0 } pool
            ? Gen.Frequency<JsonNode?>((3, Gen.OneOf(pool).Select(v => (JsonNode?)JsonValue.Create(v))), (1, plain))
            : plain;
    }
}
