namespace AfterSales.Web.SharedKernel;

/// <summary>
/// Optimistic concurrency for edited settings (calendars, SLA policies), as cases have it: a PUT with a stale
/// <c>If-Match</c> is 412 and changes nothing; without the header the PUT replaces (last writer wins).
/// </summary>
public static class IfMatch
{
    public static void Check(HttpContext http, int currentVersion, string code)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(header) || header == "*") return;
        var current = $"\"{currentVersion}\"";
        if (!header.Split(',').Select(v => v.Trim()).Any(v => v == current || v == "W/" + current))
            throw new DomainException(code, null, new Dictionary<string, object?> { ["currentVersion"] = currentVersion });
    }
}
