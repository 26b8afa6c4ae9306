using System.Text;
using System.Text.RegularExpressions;

namespace AfterSales.UnitTests.Localization;

/// <summary>
/// Reads the field-level messages the source writes: the second argument of <c>e.Add(field, message)</c> /
/// <c>errors.Add</c>, the message of <c>law.Add(message)</c> and the values of <c>["field"] = ["message"]</c> in a
/// <c>ValidationFailedException</c>'s dictionary. A message made of string literals (plain or <c>$"…"</c>) is turned
/// into a sample: every interpolation hole and every non-literal part becomes "1", which the normaliser treats as it
/// treats a number, a quoted value or a field name at run time. Messages that are not literals (resource lookups such
/// as <c>Text("Required")</c>, Identity's descriptions) are already in the request's language and are skipped; a bare
/// constant name is followed to its <c>string X = "…"</c> in the same file.
/// </summary>
internal static partial class FieldMessageSources
{
    public sealed record Found(string Sample, string File);

    [GeneratedRegex(@"\b(?:e|errors|law)\.Add\(")]
    private static partial Regex AddCall();

    [GeneratedRegex(@"\[""\w+""\]\s*=\s*\[")]
    private static partial Regex DictionaryEntry();

    public static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AfterSales.slnx"))) return Path.Combine(dir.FullName, "src");
        throw new InvalidOperationException("AfterSales.slnx not found above " + AppContext.BaseDirectory);
    }

    public static List<Found> All()
    {
        var root = SourceRoot();
        var found = new List<Found>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            var src = File.ReadAllText(file);
            var name = Path.GetRelativePath(root, file);
            foreach (Match m in AddCall().Matches(src))
            {
                var start = m.Index + m.Length;
                if (!m.Value.StartsWith("law", StringComparison.Ordinal))
                {
                    var comma = SkipExpression(src, start, ',');
                    if (comma >= src.Length || src[comma] != ',') continue;
                    start = comma + 1;
                }
                var end = SkipExpression(src, start, ',');
                if (Sample(src[start..end], src) is { } s) found.Add(new Found(s, name));
            }
            foreach (Match m in DictionaryEntry().Matches(src))
            {
                var start = m.Index + m.Length;
                var end = SkipExpression(src, start, ',');
                if (Sample(src[start..end], src) is { } s) found.Add(new Found(s, name));
            }
        }
        return found;
    }

    private static string? Sample(string expression, string src)
    {
        var x = expression.Trim();
        if (!x.StartsWith('"') && !x.StartsWith("$\"", StringComparison.Ordinal))
        {
            if (!Regex.IsMatch(x, @"^[A-Z]\w*$")) return null;
            var decl = Regex.Match(src, @"string " + x + @"\s*=\s*(?=\$?"")");
            if (!decl.Success) return null;
            var start = decl.Index + decl.Length;
            return Sample(src[start..SkipExpression(src, start, ';')], src);
        }
        var sb = new StringBuilder();
        for (var i = 0; i < x.Length;)
        {
            var c = x[i];
            if (char.IsWhiteSpace(c) || c == '+') { i++; continue; }
            if (c == '"' || (c == '$' && x[i + 1] == '"')) i = Literal(x, i, sb);
            else { i = SkipExpression(x, i, '+'); sb.Append('1'); }
        }
        return sb.ToString();
    }

    /// <summary>Reads a C# string literal at <paramref name="i"/> (plain, verbatim or interpolated) into <paramref name="sb"/>; returns the index after it.</summary>
    private static int Literal(string s, int i, StringBuilder? sb)
    {
        bool interpolated = false, verbatim = false;
        for (; s[i] != '"'; i++)
        {
            if (s[i] == '$') interpolated = true;
            else if (s[i] == '@') verbatim = true;
        }
        i++; // the opening quote
        while (true)
        {
            var c = s[i];
            if (!verbatim && c == '\\')
            {
                sb?.Append(s[i + 1] switch { 'n' => '\n', 't' => '\t', var e => e });
                i += 2;
                continue;
            }
            if (c == '"')
            {
                if (verbatim && i + 1 < s.Length && s[i + 1] == '"') { sb?.Append('"'); i += 2; continue; }
                return i + 1;
            }
            if (interpolated && c == '{')
            {
                if (s[i + 1] == '{') { sb?.Append('{'); i += 2; continue; }
                i = SkipExpression(s, i + 1, '}') + 1;
                sb?.Append('1');
                continue;
            }
            if (interpolated && c == '}' && s[i + 1] == '}') { sb?.Append('}'); i += 2; continue; }
            sb?.Append(c);
            i++;
        }
    }

    /// <summary>The index of the first <paramref name="stop"/> (or unbalanced closing bracket) outside nested brackets and literals.</summary>
    private static int SkipExpression(string s, int i, char stop)
    {
        var depth = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '\'')
            {
                var j = i + 1;
                while (s[j] != '\'') j += s[j] == '\\' ? 2 : 1;
                i = j + 1;
                continue;
            }
            if (c == '"' || ((c == '$' || c == '@') && i + 1 < s.Length && s[i + 1] is '"' or '@' or '$'))
            {
                i = Literal(s, i, null);
                continue;
            }
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0) return i;
                depth--;
            }
            else if (c == stop && depth == 0) return i;
            i++;
        }
        return i;
    }
}
