using AfterSales.Web.Data;
using AfterSales.Web.Modules.Audit.Contracts;
using AfterSales.Web.Modules.Audit.Domain;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Audit.Features;

/// <summary>Walks the chain from position 1, a batch at a time (keyset on the position), so memory stays flat on millions of rows.</summary>
internal static class AuditVerifier
{
    public const int DefaultBatch = 2000;

    public static async Task<AuditVerification> VerifyAsync(AfterSalesDbContext db, CancellationToken ct, int batch = DefaultBatch)
    {
        // The head first: entries sealed while we walk lie beyond it and are left for the next run, so a busy log
        // is never reported as truncated.
        var head = await db.Set<AuditChainHead>().AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, ct);
        long expected = 1, checkedCount = 0;
        var prev = AuditHash.Genesis;
        while (expected <= head.Position)
        {
            var last = expected - 1;
            var rows = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Position > last && e.Position <= head.Position)
                .OrderBy(e => e.Position).Take(batch).ToListAsync(ct);
            if (rows.Count == 0) break; // the tail was deleted
            foreach (var e in rows)
            {
                if (e.Position != expected) return new(false, checkedCount, expected); // a deleted row leaves its gap here
                checkedCount++;
                if (e.PrevHash != prev || !HashMatches(e)) return new(false, checkedCount, e.Position);
                prev = e.Hash;
                expected++;
            }
        }
        if (expected <= head.Position) return new(false, checkedCount, expected);
        // The last row rewritten with a fresh hash of its own would still link; the head remembers the real one.
        if (prev != head.Hash) return new(false, checkedCount, Math.Max(1, head.Position));
        return new(true, checkedCount, null);
    }

    private static bool HashMatches(AuditEntry e)
    {
        try
        {
            return AuditHash.Compute(e) == e.Hash;
        }
        catch (NotSupportedException)
        {
            return false; // an unknown format number is an edit too
        }
    }
}
