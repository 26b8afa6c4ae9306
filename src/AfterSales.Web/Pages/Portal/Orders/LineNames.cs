using System.Globalization;
using System.Text.RegularExpressions;
using AfterSales.Web.Modules.Orders.Domain;

namespace AfterSales.Web.Pages.Portal.Orders;

/// <summary>
/// The eligibility reasons name an order line by its number ("第 1 行商品…", "Line 1: …"): right for the API, which
/// has no product names in its wording, but a consumer knows the goods, not the line numbers. On the request form the
/// leading line number becomes the product's title and SKU. portal.js does the same to its re-check's answer.
/// </summary>
public static partial class LineNames
{
    // The one place a reason names its line: at its start, in either language (Resources/Eligibility*.resx).
    [GeneratedRegex(@"^(?:第 (?<zh>\d+) 行(?:商品)?|Line (?<en>\d+))")]
    private static partial Regex LeadingLine();

    /// <summary>Each line's name as the form writes it ("商品「纯棉T恤」（SKU-1）" / "“Cotton T-shirt” (SKU-1)").</summary>
    public static IReadOnlyDictionary<int, string> Of(IEnumerable<OrderLine> lines, string format, string formatWithoutSku) =>
        lines.ToDictionary(l => l.LineNo, l => string.IsNullOrWhiteSpace(l.Sku)
            ? string.Format(CultureInfo.CurrentCulture, formatWithoutSku, l.Title)
            : string.Format(CultureInfo.CurrentCulture, format, l.Title, l.Sku));

    public static string Name(string message, IReadOnlyDictionary<int, string>? names)
    {
        var m = LeadingLine().Match(message);
        if (!m.Success || names is null) return message;
        var no = int.Parse(m.Groups["zh"].Success ? m.Groups["zh"].Value : m.Groups["en"].Value, CultureInfo.InvariantCulture);
        return names.TryGetValue(no, out var name) ? name + message[m.Length..] : message;
    }
}
