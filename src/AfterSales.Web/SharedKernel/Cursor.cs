using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace AfterSales.Web.SharedKernel;

/// <summary>Opaque keyset cursor: the last id of the page, base64url so that clients do not build it.</summary>
public static class Cursor
{
    public static string Encode(long id) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes("c1:" + id.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string? cursor, out long id)
    {
        id = 0;
        if (string.IsNullOrEmpty(cursor)) return false;
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith("c1:", StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out id);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
