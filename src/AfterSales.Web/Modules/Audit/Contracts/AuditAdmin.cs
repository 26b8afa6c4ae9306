using System.Text.Json;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Audit.Domain;
using AfterSales.Web.Modules.Audit.Features;

namespace AfterSales.Web.Modules.Audit.Contracts;

public sealed record AuditEntryView(long Position, DateTimeOffset OccurredAt, string Actor, string Role, string Action, string? Target,
    JsonElement? Data, string PrevHash, string Hash)
{
    public static AuditEntryView From(AuditEntry e) => new(e.Position, e.OccurredAt, e.ActorId, e.ActorRole, e.Action, e.Target,
        e.DataJson is null ? null : JsonDocument.Parse(e.DataJson).RootElement.Clone(), e.PrevHash, e.Hash);
}

/// <param name="Valid">Every entry up to the head is present, links to the one before and hashes to its stored hash.</param>
/// <param name="Checked">Entries read, up to and including the first broken one.</param>
/// <param name="FirstBrokenAt">The position of the first entry that is missing, was altered, or does not link to its predecessor.</param>
public sealed record AuditVerification(bool Valid, long Checked, long? FirstBrokenAt);

/// <summary>The audit log for the admin page: <c>GET /api/v1/audit</c>'s read and <c>POST /api/v1/audit/verify</c>'s check.</summary>
public sealed class AuditAdmin(AfterSalesDbContext db)
{
    /// <summary>
    /// A page of the log oldest first, with the API's checks of its arguments (instants with an offset, the limit, the
    /// cursor: 400 <c>request.invalid</c> with field errors otherwise).
    /// </summary>
    public async Task<Page<AuditEntryView>> ListAsync(string? from, string? to, string? limit, string? cursor, CancellationToken ct) =>
        (await AuditEndpoints.ListAsync(db, ct, from, to, limit, cursor)).Value!;

    /// <summary>Walks the whole chain.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct) => (await AuditEndpoints.VerifyAsync(db, ct)).Value!;
}
