using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Cases.Contracts;

public sealed record RefundResultRequest(string? Outcome, string? ExternalRef, string? Message);

/// <summary>
/// <c>POST /api/v1/refunds/{refundId}/result</c> from the payment system. Repeating it changes nothing; two
/// copies racing each other are settled by the case version: the loser reloads and sees a repeat.
/// </summary>
public static class RefundResults
{
    public static async Task<Ok<RefundView>> PostAsync(Guid refundId, RefundResultRequest? body, HttpContext http,
        AfterSalesDbContext db, TimeProvider clock, CaseHooks hooks, CancellationToken ct)
    {
        var e = new FieldErrors();
        RefundStatus outcome = default;
        if (body?.Outcome is not ("succeeded" or "failed")) e.Add("outcome", "succeeded or failed");
        else outcome = Wire.Parse<RefundStatus>(body.Outcome);
        if (string.IsNullOrWhiteSpace(body?.ExternalRef)) e.Add("externalRef", "required");
        else if (body.ExternalRef.Length > 128) e.Add("externalRef", "at most 128 characters");
        if (body?.Message is { Length: > 500 }) e.Add("message", "at most 500 characters");
        e.ThrowIfAny();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return TypedResults.Ok(await RecordAsync(refundId, outcome, body!, RequestActor.Of(http), db, clock, hooks, ct));
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Records one result in its own transaction; the payment sandbox of the demo (Modules/Demo) calls it too.</summary>
    internal static async Task<RefundView> RecordAsync(Guid refundId, RefundStatus outcome, RefundResultRequest body, Actor actor,
        AfterSalesDbContext db, TimeProvider clock, CaseHooks hooks, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginWriteAsync(ct);
        var caseId = await db.Refunds.Where(r => r.Id == refundId).Select(r => (long?)r.CaseId).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("refund.not_found");
        var c = await CaseAccess.LoadAsync(db, caseId, ct);
        var now = clock.GetUtcNow();
        c.RecordRefundResult(refundId, outcome, body.ExternalRef!, body.Message, actor, now);
        await hooks.RunAsync(db, c, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return RefundView.From(c.Refunds.First(r => r.Id == refundId));
    }
}
