using System.Text;

namespace AfterSales.Web.Modules.Reporting.Contracts;

/// <summary>
/// CSV as RFC 4180 and Excel read it: UTF-8 with a byte-order mark (else Excel shows Chinese as mojibake), CRLF, and
/// fields quoted when they hold a comma, quote or line break. A field that starts like a formula is prefixed with an
/// apostrophe, so that a description typed by a consumer cannot run in a supervisor's spreadsheet.
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";
    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: true);

    public static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    private static string Field(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' && !double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out _))
            v = "'" + v;
        return v.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }

    /// <summary>A whole small file (aggregates): BOM, header, rows.</summary>
    public static byte[] File(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var sb = new StringBuilder(Line(header));
        foreach (var r in rows) sb.Append(Line(r));
        return [.. Encoding.GetPreamble(), .. Encoding.GetBytes(sb.ToString())];
    }
}
