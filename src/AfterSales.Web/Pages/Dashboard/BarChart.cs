namespace AfterSales.Web.Pages.Dashboard;

/// <summary>One bar: its label, its length, the number written beside it (never colour alone) and the cases behind it.</summary>
public sealed record Bar(string Label, double Value, string ValueText, string? Href, string Tone = "");

/// <summary>A horizontal bar chart drawn as SVG on the server (the CSP allows no inline script), with its numbers as a table.</summary>
public sealed record BarChart(string Id, string Title, string Note, IReadOnlyList<Bar> Bars, string CsvHref)
{
    public const int Width = 640;
    public const int LabelWidth = 190;
    public const int RowHeight = 28;
    public const int BarMax = 300;

    public int Height => Math.Max(1, Bars.Count) * RowHeight + 4;

    public double Max => Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);

    /// <summary>The bar's length; a bar of a non-zero value is at least 2 px so that it is seen.</summary>
    public double LengthOf(Bar b) => Max <= 0 || b.Value <= 0 ? 0 : Math.Max(2, b.Value / Max * BarMax);

    /// <summary>SVG text is not wrapped: long names (queues) are cut here and given whole in the bar's title.</summary>
    public static string Short(string label) => label.Length <= 14 ? label : label[..13] + "…";
}
