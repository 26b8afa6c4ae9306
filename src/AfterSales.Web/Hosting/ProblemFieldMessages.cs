using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace AfterSales.Web.Hosting;

/// <summary>
/// The one translation seam for field-level validation messages. The use cases write them in English
/// (<c>FieldErrors.Add(field, "at most 200 characters")</c>: the API's contract); this turns such a message into its
/// template (numbers, quoted values, field names and the list after "one of" / "known:" become placeholders, e.g.
/// <c>at most {0} characters</c>), looks the template up in <c>Resources/FieldMessages.resx</c> and formats it in the
/// asked language. English stays exactly as written; a message without an entry (one a module already wrote in the
/// request's language, e.g. Identity's or the calendars') is returned unchanged. Field names get labels
/// (<c>Field_&lt;name&gt;</c>; <c>lines[0].quantity</c> reads "第 1 行 数量").
/// </summary>
public static partial class FieldMessageText
{
    private static readonly ResourceManager Texts = new("AfterSales.Web.Resources.FieldMessages", typeof(FieldMessageText).Assembly);

    /// <summary>A message as its lookup key and the values taken out of it.</summary>
    public sealed record Template(string Key, IReadOnlyList<string> Args, IReadOnlyList<bool> ArgIsField);

    // Alternatives in order: the rest after "one of " / "known: " (a list of codes), a quoted value, a camelCase
    // field name (not one inside a route such as {agentId}), a number (not part of a word such as v1 or 01T10).
    [GeneratedRegex(@"(?<=\b(?:one of|known:) )(?<list>.+)$|'(?<quoted>[^']*)'|(?<![\w.{/])(?<field>[a-z]+[A-Z][A-Za-z]*)(?![\w}])|(?<![\w.])(?<number>\d+(?:\.\d+)?)(?![\w.])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Holes();

    [GeneratedRegex(@"^(?<name>[^\[\]]+)\[(?<index>\d+)\]$", RegexOptions.CultureInvariant)]
    private static partial Regex Indexed();

    public static Template Normalize(string message)
    {
        var args = new List<string>();
        var isField = new List<bool>();
        var key = Holes().Replace(message, m =>
        {
            var n = args.Count;
            if (m.Groups["quoted"].Success) { args.Add(m.Groups["quoted"].Value); isField.Add(false); return $"'{{{n}}}'"; }
            var g = m.Groups["list"].Success ? m.Groups["list"] : m.Groups["field"].Success ? m.Groups["field"] : m.Groups["number"];
            args.Add(g.Value);
            isField.Add(m.Groups["field"].Success);
            return $"{{{n}}}";
        });
        return new Template(key, args, isField);
    }

    /// <summary>The message in the culture's language. English (the language the code writes) is returned as it is.</summary>
    public static string Translate(string message, CultureInfo culture)
    {
        if (IsEnglish(culture) || string.IsNullOrEmpty(message)) return message;
        var set = SetOf(culture);
        if (set is null) return message;
        if (set.GetString(message) is { } exact) return Format(culture, exact, []);
        var t = Normalize(message);
        if (set.GetString(t.Key) is not { } format) return message;
        var args = t.Args.Select((a, i) => t.ArgIsField[i] ? Label(a, culture) : a).ToArray<object?>();
        return Format(culture, format, args);
    }

    /// <summary>Every message of every field in the culture's language (the field names, the API's keys, unchanged).</summary>
    public static Dictionary<string, string[]> Translate(IEnumerable<KeyValuePair<string, string[]>> errors, CultureInfo culture) =>
        errors.ToDictionary(e => e.Key, e => e.Value.Select(m => Translate(m, culture)).ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// A field as a person reads it: <c>lines[0].quantity</c> → "第 1 行 数量" / "Line 1 Quantity"; a name without a
    /// label stays as it is.
    /// </summary>
    public static string Label(string field, CultureInfo culture)
    {
        if (Text("Field_" + field, culture) is { } whole) return whole;
        var parts = new List<string>();
        foreach (var segment in field.Split('.'))
        {
            if (Indexed().Match(segment) is { Success: true } m)
            {
                var name = m.Groups["name"].Value;
                var n = (int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
                parts.Add(Text($"Field_{name}[]", culture) is { } item ? Format(culture, item, [n])
                    : Format(culture, Text("Field_Indexed", culture) ?? "{0} #{1}", [Text("Field_" + name, culture) ?? name, n]));
            }
            else parts.Add(Text("Field_" + segment, culture) ?? segment);
        }
        return string.Join(" ", parts);
    }

    private static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    // The culture's own entries (zh-CN, then zh), never the English neutral ones: a message without a translation
    // stays as it came.
    private static ResourceSet? SetOf(CultureInfo culture)
    {
        for (var c = culture; c.Name.Length > 0; c = c.Parent)
            if (Texts.GetResourceSet(c, createIfNotExists: true, tryParents: false) is { } set) return set;
        return null;
    }

    private static string? Text(string key, CultureInfo culture) => Texts.GetString(key, culture);

    private static string Format(CultureInfo culture, string format, object?[] args)
    {
        try { return string.Format(culture, format, args); }
        catch (FormatException) { return format; }
    }

    /// <summary>For the tests: whether a message has an entry in the culture's own resources.</summary>
    public static bool HasEntry(string message, CultureInfo culture)
    {
        var set = SetOf(culture);
        return set is not null && (set.GetString(message) is not null || set.GetString(Normalize(message).Key) is not null);
    }

    /// <summary>For the tests: the message formatted from the English entries with its own values (must give it back).</summary>
    public static string? English(string message)
    {
        var set = Texts.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false);
        if (set?.GetString(message) is { } exact) return Format(CultureInfo.InvariantCulture, exact, []);
        var t = Normalize(message);
        return set?.GetString(t.Key) is { } f ? Format(CultureInfo.InvariantCulture, f, [.. t.Args]) : null;
    }
}
