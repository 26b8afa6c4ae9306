using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AfterSales.Web.SharedKernel;

/// <summary>One set of JSON options for the API, the timeline data and the outbox payloads.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        if (!o.Converters.OfType<MoneyJsonConverter>().Any()) o.Converters.Add(new MoneyJsonConverter());
        return o;
    }
}

/// <summary>Every decimal in this API is money: written with two places (<c>199.00</c>).</summary>
public sealed class MoneyJsonConverter : JsonConverter<decimal>
{
    // A JsonException, not a FormatException: only the former becomes 400 request.malformed (the serializer
    // rethrows its own reader's format errors as JSON errors, but not a converter's).
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? decimal.TryParse(reader.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new JsonException("An amount must be a decimal number, e.g. 199.00.")
            : reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteRawValue(Money.Normalize(value).ToString("0.00", CultureInfo.InvariantCulture), skipInputValidation: true);
}
