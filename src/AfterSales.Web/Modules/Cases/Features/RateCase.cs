using AfterSales.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Cases.Domain;

namespace AfterSales.Web.Modules.Cases.Features;

/// <summary>
/// <c>POST /api/v1/cases/{caseNo}/rating</c> and <c>GET</c>: the owning consumer rates a finished case once. The
/// role gate (consumer) is the endpoint's policy; the scope (their own cases) is DataScope, so another consumer's
/// case is not found (404) exactly like a missing one.
/// </summary>
internal static class RateCase
{
    public static async Task<Created<RatingView>> HandleAsync(string caseNo, RateCaseRequest? body, HttpContext http,
        AfterSalesDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/cases/{caseNo}/rating", await RunAsync(caseNo, body, await DataScope.OfAsync(http, db, ct), db, clock, ct));

    /// <summary>The same use case with the rater's scope named (the endpoint's policy lets only consumers in).</summary>
    public static async Task<RatingView> RunAsync(string caseNo, RateCaseRequest? body, DataScope scope, AfterSalesDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        // Scope first: a stranger learns nothing about the case, not even that their body was wrong.
        var c = await CaseAccess.LoadAsync(db, caseNo, scope, ct, track: false);
        var e = new FieldErrors();
        if (body?.Stars is not (>= 1 and <= 5)) e.Add("stars", "an integer from 1 to 5");
        if (body?.Comment is { Length: > CaseRating.MaxComment }) e.Add("comment", $"at most {CaseRating.MaxComment} characters");
        e.ThrowIfAny("rating.invalid");
        if (await db.CaseRatings.AnyAsync(r => r.CaseId == c.Id, ct)) throw new DomainException("case.already_rated");
        var rating = CaseRating.For(c, body!.Stars!.Value, body.Comment, clock.GetUtcNow());
        db.CaseRatings.Add(rating);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two ratings raced past the check: the unique index let one in; the other is told so.
            db.Entry(rating).State = EntityState.Detached;
            if (await db.CaseRatings.AsNoTracking().AnyAsync(r => r.CaseId == c.Id, ct)) throw new DomainException("case.already_rated");
            throw;
        }
        return RatingView.From(rating);
    }

    /// <summary>The case's rating, or 204 when it has none yet (the case itself is 404 outside the caller's scope).</summary>
    public static async Task<Results<Ok<RatingView>, NoContent>> GetAsync(string caseNo, HttpContext http, AfterSalesDbContext db, CancellationToken ct)
    {
        var rating = await FindAsync(caseNo, await DataScope.OfAsync(http, db, ct), db, ct);
        return rating is null ? TypedResults.NoContent() : TypedResults.Ok(rating);
    }

    public static async Task<RatingView?> FindAsync(string caseNo, DataScope scope, AfterSalesDbContext db, CancellationToken ct)
    {
        var id = await CaseAccess.IdOfAsync(db, caseNo, scope, ct);
        var rating = await db.CaseRatings.AsNoTracking().FirstOrDefaultAsync(r => r.CaseId == id, ct);
        return rating is null ? null : RatingView.From(rating);
    }
}
