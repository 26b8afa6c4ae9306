using System.Globalization;
using System.Text;

namespace AfterSales.Web.Modules.Cases.Domain;

/// <summary>
/// The name an evidence file is stored, listed and downloaded under (issue 13 point 7): the uploader's name is a label,
/// never trusted. What could mislead a reader or break a header goes — control characters (NUL, CR/LF), format
/// characters (bidi overrides such as U+202E, isolates, zero-width), line and paragraph separators, lone surrogates,
/// private-use and unassigned code points; directory parts (<c>/</c>, <c>\</c>) and <c>..</c>; quotes and the characters
/// no file system takes (<c>&lt;&gt;:|?*</c>). Letters of every script stay (中文 names round-trip), whitespace runs
/// become one space, and the name is cut to <see cref="MaxLength"/> characters at a character boundary, keeping its
/// extension. A name with nothing left becomes <c>attachment</c> with the extension the bytes showed.
/// </summary>
public static class AttachmentName
{
    public const int MaxLength = 100;
    private const int MaxExtension = 10;

    public static string Clean(string? name, string fallbackExtension)
    {
        var text = name ?? "";
        // The last path part only: "..\..\x.png" and "a/b.png" name x.png and b.png.
        var cut = text.LastIndexOfAny(['/', '\\']);
        if (cut >= 0) text = text[(cut + 1)..];

        var kept = new StringBuilder(text.Length);
        foreach (var rune in EnumerateRunes(text))
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned)
                continue;
            if (rune.Value is '"' or '<' or '>' or ':' or '|' or '?' or '*' or '/' or '\\') continue;
            if (Rune.IsWhiteSpace(rune))
            {
                if (kept.Length > 0 && kept[^1] != ' ') kept.Append(' ');
                continue;
            }
            if (rune.Value == '.' && kept.Length > 0 && kept[^1] == '.') continue; // ".." becomes "."
            kept.Append(rune.ToString());
        }
        var clean = kept.ToString().Normalize(NormalizationForm.FormC).Trim(' ', '.');
        if (clean.Length == 0) return "attachment" + fallbackExtension;
        return clean.Length <= MaxLength ? clean : Shorten(clean);
    }

    /// <summary>The text's runes; a lone surrogate is skipped.</summary>
    private static IEnumerable<Rune> EnumerateRunes(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) == System.Buffers.OperationStatus.Done)
            {
                yield return rune;
            }
            i += Math.Max(used, 1);
        }
    }

    private static string Shorten(string name)
    {
        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && name.Length - dot <= MaxExtension ? name[dot..] : "";
        var stem = name[..(name.Length - extension.Length)];
        var room = MaxLength - extension.Length;
        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(stem);
        while (elements.MoveNext())
        {
            var next = elements.ElementIndex + elements.GetTextElement().Length;
            if (next > room) break;
            end = next;
        }
        return stem[..end].TrimEnd(' ', '.') + extension;
    }
}
