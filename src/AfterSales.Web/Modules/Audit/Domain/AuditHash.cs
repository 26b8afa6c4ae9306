using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Web.Modules.Audit.Domain;

/// <summary>
/// The hash of an entry: lowercase hex SHA-256 over a canonical, versioned byte form, so that anyone can recompute
/// it outside the service. Format 1 is the UTF-8 of
/// <c>aftersales-audit/1\n</c> followed by each field as <c>&lt;byte length&gt;:&lt;value&gt;\n</c> (a null field as
/// <c>-\n</c>), in this order: position (invariant digits), occurredAt (<c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, UTC),
/// actor id, actor role, action, target, data (the stored JSON text, byte for byte), prevHash. Length prefixes, not
/// separators or a JSON writer: no value can shift bytes into its neighbour, and no serializer's escaping rules
/// (which may change between runtime versions) take part.
/// </summary>
public static class AuditHash
{
    public const int CurrentFormat = 1;

    /// <summary>The prevHash of position 1.</summary>
    public static readonly string Genesis = new('0', 64);

    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Compute(AuditEntry e) => e.Format switch
    {
        1 => Hex(SHA256.HashData(CanonicalV1(e.Position, e.OccurredAt, e.ActorId, e.ActorRole, e.Action, e.Target, e.DataJson, e.PrevHash))),
        _ => throw new NotSupportedException($"Audit hash format {e.Format} is unknown."),
    };

    public static byte[] CanonicalV1(long position, DateTimeOffset occurredAt, string actorId, string role, string action,
        string? target, string? data, string prevHash)
    {
        var b = new StringBuilder("aftersales-audit/1\n");
        foreach (var field in new[]
        {
            position.ToString(CultureInfo.InvariantCulture), occurredAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture),
            actorId, role, action, target, data, prevHash,
        })
        {
            if (field is null) b.Append("-\n");
            else b.Append(Encoding.UTF8.GetByteCount(field).ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }
        return Encoding.UTF8.GetBytes(b.ToString());
    }

    /// <summary>
    /// The instant as stored and hashed: UTC, whole milliseconds. Both engines keep at least that (PostgreSQL
    /// microseconds, the SQLite converter 0.1 ms), so what is read back hashes the same as what was written.
    /// </summary>
    public static DateTimeOffset Normalize(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
