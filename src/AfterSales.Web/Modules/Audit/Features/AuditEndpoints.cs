using System.Globalization;
using System.Text.RegularExpressions;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Audit.Contracts;
using AfterSales.Web.Modules.Audit.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Audit.Features;

/// <summary><c>/api/v1/audit</c> (API.md "Access"): read the log oldest first, and verify its chain. Platform only.</summary>
internal static partial class AuditEndpoints
{
    public const string Code = "audit.invalid";
    public const int MaxLimit = 500;

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(AuditSetup.ReadPolicy);
        g.MapGet("/", ListAsync).WithName("ListAuditEntries")
            .WithSummary("Audit entries oldest first (by position), optionally within [from, to) of occurredAt; paged with a cursor (limit 1–500, default 50).")
            .ProducesValidationProblem().ProducesProblem(403);
        g.MapPost("/verify", VerifyAsync).WithName("VerifyAuditLog")
            .WithSummary("Recompute the hash chain from position 1: valid, entries checked, and the position of the first missing, altered or unlinked entry.")
            .ProducesProblem(403);
        return api;
    }

    internal static async Task<Ok<Page<AuditEntryView>>> ListAsync(AfterSalesDbContext db, CancellationToken ct,
        string? from = null, string? to = null, string? limit = null, string? cursor = null)
    {
        var e = new FieldErrors();
        var start = Instant(e, "from", from);
        var end = Instant(e, "to", to);
        var take = 50;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > MaxLimit))
            e.Add("limit", AuditTexts.Get("LimitRange", MaxLimit));
        long after = 0;
        if (cursor is not null && !Cursor.TryDecode(cursor, out after)) e.Add("cursor", AuditTexts.Get("BadCursor"));
        e.ThrowIfAny(Code);

        var q = db.Set<AuditEntry>().AsNoTracking().Where(x => x.Position > after);
        if (start is { } s) q = q.Where(x => x.OccurredAt >= s);
        if (end is { } t) q = q.Where(x => x.OccurredAt < t);
        var rows = await q.OrderBy(x => x.Position).Take(take + 1).ToListAsync(ct);
        var page = rows.Take(take).Select(AuditEntryView.From).ToList();
        return TypedResults.Ok(new Page<AuditEntryView>(page, rows.Count > take ? Cursor.Encode(page[^1].Position) : null));
    }

    internal static async Task<Ok<AuditVerification>> VerifyAsync(AfterSalesDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await AuditVerifier.VerifyAsync(db, ct));

    private static DateTimeOffset? Instant(FieldErrors e, string field, string? value)
    {
        if (value is null) return null;
        // An instant needs its offset: a bare local time would be read in the server's zone.
        var hasOffset = value.EndsWith('Z') || value.EndsWith('z') || OffsetSuffix().IsMatch(value);
        // In UTC: PostgreSQL's timestamptz takes only offset 0 (Npgsql threw on +08:00, a 500).
        if (hasOffset && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return t.ToUniversalTime();
        e.Add(field, AuditTexts.Get("MalformedInstant"));
        return null;
    }

    [GeneratedRegex(@"[+-]\d{2}:?\d{2}$")]
    private static partial Regex OffsetSuffix();
}
