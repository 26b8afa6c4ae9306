using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Web.Modules.Integration.Webhooks.Domain;

/// <summary>
/// <c>AfterSales-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "&lt;t&gt;.&lt;body&gt;"&gt;[,v1=…]</c> (API.md
/// "Events out"), Stripe's scheme: the timestamp is signed with the body so a captured request cannot be replayed
/// later with a new time; a receiver accepts when any <c>v1</c> matches one of its secrets (two during a rotation's
/// overlap) and t is recent.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "AfterSales-Signature";
    public const string EventIdHeader = "AfterSales-Event-Id";
    public const string EventTypeHeader = "AfterSales-Event-Type";

    public static string Compute(string secret, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    public static string HeaderValue(long timestamp, string body, IEnumerable<string> secrets) =>
        "t=" + timestamp.ToString(CultureInfo.InvariantCulture)
        + string.Concat(secrets.Select(s => ",v1=" + Compute(s, timestamp, body)));

    /// <summary>What a receiver does: true when a <c>v1</c> of the header is the HMAC of the body with this secret.</summary>
    public static bool Verify(string headerValue, string body, string secret)
    {
        var parts = headerValue.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToList();
        var t = parts.FirstOrDefault(p => p[0] == "t");
        if (t is null || !long.TryParse(t[1], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)) return false;
        var expected = Encoding.ASCII.GetBytes(Compute(secret, timestamp, body));
        return parts.Where(p => p[0] == "v1")
            .Any(p => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(p[1]), expected));
    }
}
