using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;

namespace AfterSales.IntegrationTests.Fuzz;

/// <summary>
/// Values no well-behaved client sends: wrong JSON types, boundary numbers, empty, huge and hostile Unicode text
/// (NUL, RTL override, lone surrogates, emoji, CJK), deep nesting. None of them contains the words the leak check
/// looks for (<see cref="ResponseChecks"/>), so an answer that echoes one never looks like a leak.
/// </summary>
public static partial class Hostile
{
    private const string RawPrefix = "~~raw:";

    /// <summary>A JSON token written as is (a number no .NET type holds, deep nesting): a placeholder that <see cref="Serialize"/> swaps for the text.</summary>
    public static JsonNode Raw(string json) => JsonValue.Create(RawPrefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(json)) + "~~");

    [GeneratedRegex("\"~~raw:([A-Za-z0-9+/=]*)~~\"")]
    private static partial Regex RawToken();

    private static readonly JsonSerializerOptions Escaped = new();
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>JSON text of the value; <paramref name="relaxed"/> writes CJK and emoji as UTF-8 rather than \u escapes.</summary>
    public static string Serialize(JsonNode? node, bool relaxed)
    {
        var text = node?.ToJsonString(relaxed ? Relaxed : Escaped) ?? "null";
        return RawToken().Replace(text, m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)));
    }

    public static readonly string[] Texts =
    [
        "", " ", "\u0000", "a\u0000b", "\u0001", "\u001F", "\t\r\n", "\u007F", "\u0085", "\u202Eevil\u202C", "\u200F\u05E9\u05DC\u05D5\u05DD",
        "a\uD800b", "\uDC00", "\uD83D", "😀🙈", "👨‍👩‍👧‍👦", "售后服务退货退款", "ｆｕｌｌ　ｗｉｄｔｈ", "\u200B", "\uFEFF", "\u2028\u2029", "e\u0301",
        "' OR '1'='1", "\"; DROP TABLE cases; --", "<script>alert(1)</script>", "../../../../etc/passwd", "%00", "%s%s%n", "{{7*7}}",
        "${7*7}", "null", "true", "0", "-1", "NaN", "Infinity", "1e308", "2026-13-45T25:61:00+08:00", "0001-01-01T00:00:00+00:00",
        "9999-12-31T23:59:59+14:00", "yesterday", "\\", "\"", "/", "*", "?", "#", "&", "=", "+", "99999999999999999999999999",
        "00000000-0000-0000-0000-000000000000", "shop:", "category:", "platform", "AS", "1.999", "-0.001",
    ];

    /// <summary>About 100 KB each: ASCII, CJK (3 bytes a character), emoji (a surrogate pair each), and one with a NUL at its very end.</summary>
    public static readonly string[] Huge =
    [
        new('x', 100_000), string.Concat(Enumerable.Repeat("售后", 17_000)), string.Concat(Enumerable.Repeat("😀", 25_000)),
        new string('y', 99_999) + "\u0000",
    ];

    private const string Alphabet = "abcxyzABCXYZ0129 -_.:/,;'\"\\%+&=?#@!~中文售后ü€\u202E\u200B\u0000\u0007\t\n😀";

    /// <summary>Hostile text: a listed one, random characters from a hostile alphabet, or (rarely) a huge one.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (12, Gen.OneOf(Texts)),
        (6, Gen.Char[Alphabet].Array[0, 40].Select(chars => new string(chars))),
        (1, Gen.OneOf(Huge)));

    public static readonly string[] Numbers =
    [
        "0", "-1", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "1e308", "1e309", "-1e309",
        "4.9e-324", "0.1", "3.14159265358979323846264338327950288", "123456789012345678901234567890.12", "1.005", "-0", "1E+2",
        "0.000000001", "79228162514264337593543950336", "-79228162514264337593543950336", "12.345678901234567890",
    ];

    /// <summary>Nesting deeper than any parser's default (64): arrays or objects, 100 to 1 000 levels.</summary>
    public static readonly Gen<string> Deep = Gen.OneOf(100, 200, 1_000).SelectMany(depth => Gen.OneOf(
        new string('[', depth) + new string(']', depth),
        string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth),
        new string('[', depth)));

    /// <summary>Any hostile JSON value: text, a number token, a value of another JSON type, null, deep nesting.</summary>
    public static readonly Gen<JsonNode?> Value = Gen.Frequency(
        (8, Text.Select(s => (JsonNode?)JsonValue.Create(s))),
        (5, Gen.OneOf(Numbers).Select(n => (JsonNode?)Raw(n))),
        (4, Gen.OneOf<Func<JsonNode?>>(
            () => true, () => false, () => new JsonArray(), () => new JsonObject(), () => new JsonArray(1, "a", null),
            () => new JsonObject { ["a"] = 1 }, () => "text", () => 0, () => 1.5).Select(f => f())),
        (2, Gen.Const<JsonNode?>((JsonNode?)null)),
        (1, Deep.Select(d => (JsonNode?)Raw(d))));

    /// <summary>Percent-encodes UTF-8 text for a path segment or query value (a lone surrogate becomes U+FFFD's bytes).</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>Encoded forms no encoder makes: broken UTF-8, an encoded surrogate, dot segments, an encoded slash, control characters.</summary>
    public static readonly string[] RawSegments =
    [
        "%FF", "%C3%28", "%ED%A0%80", "%E2%82", "..", ".", "%2E%2E", "%2F", "a%2Fb", "%01", "%1F", "%7F", "%20", "+", "%25", "%E2%80%AE",
    ];
}
