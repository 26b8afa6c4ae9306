using System.Globalization;
using System.Text;

namespace AfterSales.Web.Pages.Dashboard;

/// <summary>One bar: its label, its length, the number written beside it (never colour alone) and the cases behind it.</summary>
public sealed record Bar(string Label, double Value, string ValueText, string? Href, string Tone = "");

/// <summary>
/// A horizontal bar chart drawn as SVG on the server (the CSP allows no inline script), with its numbers as a table.
/// SVG text neither wraps nor measures itself, so the layout is computed here from estimated text widths (a CJK
/// character ≈ 1 em, anything else ≈ 0.6 em): the label column is as wide as the longest label (up to
/// <see cref="MaxLabelWidth"/>; longer labels are cut with "…" and given whole in the bar's title), and the
/// viewBox is widened so that the number at the end of the longest bar stays inside it, in zh-CN and en-US alike.
/// </summary>
public sealed record BarChart(string Id, string Title, string Note, IReadOnlyList<Bar> Bars, string CsvHref)
{
    /// <summary>The font size of <c>svg.bars</c> in dashboard.css, in viewBox units.</summary>
    public const double FontSize = 13;

    public const int MinWidth = 640;
    public const int RowHeight = 28;
    public const int MinLabelWidth = 60;
    public const int MaxLabelWidth = 260;

    /// <summary>Space between a label and its bar, and between a bar's end and its number.</summary>
    public const int LabelGap = 8;
    public const int ValueGap = 6;

    /// <summary>The longest bar is never shorter than this, however long the texts around it.</summary>
    public const int MinBarMax = 200;

    public int Height => Math.Max(1, Bars.Count) * RowHeight + 4;

    public double Max => Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);

    /// <summary>Where bars start: the longest label's width and the gap, within the bounds.</summary>
    public int LabelWidth => Math.Clamp((int)Math.Ceiling(Bars.Select(b => TextWidth(b.Label)).DefaultIfEmpty(0).Max()) + LabelGap,
        MinLabelWidth, MaxLabelWidth);

    /// <summary>Room after the longest bar for its number (and a little margin).</summary>
    public int ValueWidth => ValueGap + (int)Math.Ceiling(Bars.Select(b => TextWidth(b.ValueText)).DefaultIfEmpty(0).Max()) + 4;

    /// <summary>The longest bar's length: what is left of <see cref="MinWidth"/>, at least <see cref="MinBarMax"/>.</summary>
    public int BarMax => Math.Max(MinBarMax, MinWidth - LabelWidth - ValueWidth);

    /// <summary>The viewBox width: labels, the longest bar and its number all fit.</summary>
    public int Width => LabelWidth + BarMax + ValueWidth;

    /// <summary>The bar's length; a bar of a non-zero value is at least 2 px so that it is seen.</summary>
    public double LengthOf(Bar b) => Max <= 0 || b.Value <= 0 ? 0 : Math.Max(2, b.Value / Max * BarMax);

    /// <summary>The label as drawn: whole when it fits the label column, else cut to fit with "…".</summary>
    public string LabelOf(Bar b) => Fit(b.Label, LabelWidth - LabelGap);

    /// <summary>A text's estimated width in viewBox units at <see cref="FontSize"/>.</summary>
    public static double TextWidth(string text)
    {
        var em = 0.0;
        foreach (var rune in text.EnumerateRunes()) em += IsWide(rune) ? 1.0 : 0.6;
        return em * FontSize;
    }

    /// <summary>The text cut at a character boundary so that it and "…" fit in <paramref name="width"/>.</summary>
    public static string Fit(string text, double width)
    {
        if (TextWidth(text) <= width) return text;
        var room = width - TextWidth("…");
        var kept = new StringBuilder();
        var used = 0.0;
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            var element = e.GetTextElement();
            var w = TextWidth(element);
            if (used + w > room) break;
            kept.Append(element);
            used += w;
        }
        return kept.ToString().TrimEnd() + "…";
    }

    /// <summary>East Asian wide and full-width characters (CJK, kana, Hangul, full-width forms): about 1 em.</summary>
    private static bool IsWide(Rune r) => r.Value is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0x303E or >= 0x3041 and <= 0x33FF
        or >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xA000 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3
        or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6
        or >= 0x20000 and <= 0x3FFFD;
}
