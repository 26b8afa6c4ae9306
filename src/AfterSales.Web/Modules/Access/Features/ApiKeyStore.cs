using System.Security.Cryptography;
using System.Text;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Domain;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Access.Contracts;

namespace AfterSales.Web.Modules.Access.Features;

/// <summary>Managed integration keys: made from 256 random bits, found by their SHA-256, last use recorded at most once a minute.</summary>
internal sealed class ApiKeyStore(TimeProvider clock)
{
    /// <summary>Last use is written at most this often per key, so that a busy key does not cost a write per request.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    public static (string KeyId, string Key, string Hash) NewKey()
    {
        var keyId = "key_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var key = ApiKey.Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (keyId, key, HashOf(key));
    }

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>
    /// The live key for a presented value, or null (unknown or revoked: revocation holds from the next request, as
    /// every request reads the row). Looking up by hash leaks nothing useful: the hash of a guess says nothing about
    /// a real key.
    /// </summary>
    public async Task<ApiKey?> FindLiveAsync(AfterSalesDbContext db, string presented, CancellationToken ct)
    {
        if (!presented.StartsWith(ApiKey.Prefix, StringComparison.Ordinal) || presented.Length > 100) return null;
        var hash = HashOf(presented);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash, ct);
        if (key is null || key.RevokedAt is not null) return null;
        var now = clock.GetUtcNow();
        if (key.LastUsedAt is not { } last || now - last >= LastUseResolution)
        {
            var before = now - LastUseResolution;
            // Conditional: of concurrent first requests in a minute, one writes; the rest change no row.
            // The audit log records key use at the same resolution, in the same transaction as the last-use mark.
            await using var tx = await db.Database.BeginWriteAsync(ct);
            var marked = await db.ApiKeys.Where(k => k.KeyId == key.KeyId && (k.LastUsedAt == null || k.LastUsedAt <= before))
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
            if (marked == 1)
                Audit.Contracts.AuditLog.Append(db, key.KeyId, key.Roles.FirstOrDefault() ?? "none", Audit.Domain.AuditActions.ApiKeyUsed, key.KeyId,
                    new { name = key.Name }, now);
            await tx.CommitAsync(ct);
        }
        return key;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
