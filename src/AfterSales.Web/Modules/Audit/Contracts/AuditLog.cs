using System.Runtime.CompilerServices;
using System.Text.Json;
using AfterSales.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Audit.Contracts;

/// <summary>
/// The one way in: <c>AuditLog.Append(db, …)</c> inside the caller's open transaction. Nothing is written yet:
/// the entry waits on the context until that transaction commits, and <c>AuditSealer</c> writes it as the
/// commit's last statement, so an entry exists if and only if its change committed. Data must never hold
/// personal data (names, phones, addresses): ids, versions, amounts and outcomes only.
/// </summary>
public static class AuditLog
{
    private static readonly ConditionalWeakTable<DbContext, AuditBuffer> Buffers = [];

    /// <summary>Appends an entry acted by the request's caller (its actor id and role).</summary>
    public static void Append(AfterSalesDbContext db, HttpContext http, string action, string? target, object? data, DateTimeOffset at)
    {
        var actor = RequestActor.Of(http);
        Append(db, actor.Id, Wire.Name(actor.Role), action, target, data, at);
    }

    /// <summary>Appends an entry to the caller's transaction; throws when there is none (an entry must share the change's fate).</summary>
    public static void Append(AfterSalesDbContext db, string actorId, string actorRole, string action, string? target, object? data,
        DateTimeOffset at, object? source = null)
    {
        // EF's transaction id, not the ADO transaction object: Npgsql reuses that object for the connection's next
        // transaction, so a retried change would have sealed its rolled-back attempt's entries too.
        var tx = db.Database.CurrentTransaction?.TransactionId
            ?? throw new InvalidOperationException("An audit entry is appended inside the transaction of the change it records.");
        var buffer = Buffers.GetValue(db, _ => new AuditBuffer());
        buffer.BindTo(tx);
        // A hook that runs twice before one commit (a retried step) must not record the same event twice.
        if (source is not null && !buffer.Sources.Add(source)) return;
        var json = data switch
        {
            null => null,
            string s => s,
            _ => JsonSerializer.Serialize(data, Json.Options),
        };
        buffer.Entries.Add(new PendingAuditEntry(AuditHashTime(at), actorId, actorRole, action, target, json));
    }

    /// <summary>The entries waiting for this transaction's commit, taken once (a pooled context is reused).</summary>
    internal static IReadOnlyList<PendingAuditEntry> Take(DbContext? context, Guid tx)
    {
        if (context is null || !Buffers.TryGetValue(context, out var buffer)) return [];
        var entries = buffer.Transaction == tx ? buffer.Entries.ToList() : [];
        buffer.BindTo(null);
        return entries;
    }

    private static DateTimeOffset AuditHashTime(DateTimeOffset at) => Domain.AuditHash.Normalize(at);

    private sealed class AuditBuffer
    {
        public Guid? Transaction { get; private set; }
        public List<PendingAuditEntry> Entries { get; } = [];
        public HashSet<object> Sources { get; } = new(ReferenceEqualityComparer.Instance);

        /// <summary>Entries of a transaction that rolled back (or was abandoned) are dropped when the next one starts using the context.</summary>
        public void BindTo(Guid? tx)
        {
            if (tx is not null && Transaction == tx) return;
            Transaction = tx;
            Entries.Clear();
            Sources.Clear();
        }
    }
}

internal sealed record PendingAuditEntry(DateTimeOffset OccurredAt, string ActorId, string ActorRole, string Action, string? Target, string? DataJson);
