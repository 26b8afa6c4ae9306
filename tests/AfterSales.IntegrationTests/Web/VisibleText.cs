using System.Text.RegularExpressions;

namespace AfterSales.IntegrationTests.Web;

/// <summary>What a person reads on a page: the text between tags, entities decoded; attributes (title, href, value) left out.</summary>
public static partial class VisibleText
{
    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Code();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("\\s+")]
    private static partial Regex Space();

    public static string Of(string html) =>
        Space().Replace(WebUtility.HtmlDecode(Tag().Replace(Code().Replace(html, " "), " ")), " ");
}
