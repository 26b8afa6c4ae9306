using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Modules.Cases.Features;

/// <summary>Reading cases: one, a filtered keyset page (newest first), the timeline, the actions on offer.</summary>
internal static class QueryCases
{
    public static async Task<Ok<CaseView>> GetAsync(string caseNo, HttpContext http, AfterSalesDbContext db, CancellationToken ct)
    {
        var c = await CaseAccess.LoadAsync(db, caseNo, await DataScope.OfAsync(http, db, ct), ct, track: false);
        http.Response.Headers.ETag = CaseAccess.ETagOf(c);
        return TypedResults.Ok(CaseView.From(c));
    }

    public static async Task<Ok<Page<CaseSummary>>> ListAsync(HttpContext http, AfterSalesDbContext db, CancellationToken ct,
        string? status = null, string? type = null, string? shopId = null, string? assignee = null, bool? breached = null,
        string? q = null, string? queue = null, int? limit = null, string? cursor = null)
    {
        var e = new FieldErrors();
        var query = (await DataScope.OfAsync(http, db, ct)).Cases(db.Cases.AsNoTracking());
        if (status is not null)
        {
            if (Wire.TryParse<CaseStatus>(status, out var s)) query = query.Where(c => c.Status == s);
            else e.Add("status", "one of " + string.Join(", ", Wire.Names<CaseStatus>()));
        }
        if (type is not null)
        {
            if (Wire.TryParse<CaseType>(type, out var t)) query = query.Where(c => c.Type == t);
            else e.Add("type", "one of " + string.Join(", ", Wire.Names<CaseType>()));
        }
        if (limit is < 1 or > 200) e.Add("limit", "1 to 200");
        long after = 0;
        if (cursor is not null && !Cursor.TryDecode(cursor, out after)) e.Add("cursor", "not a cursor returned by this list");
        e.ThrowIfAny();
        if (shopId is not null) query = query.Where(c => c.ShopId == shopId);
        if (assignee is not null) query = query.Where(c => c.Assignee == assignee);
        if (queue is not null) query = query.Where(c => c.Queue == queue);
        if (breached is not null) query = query.Where(c => c.SlaBreached == breached);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(c => c.CaseNo == q || c.OrderNo == q);
        if (cursor is not null) query = query.Where(c => c.Id < after);
        var take = limit ?? 50;
        var rows = await query.OrderByDescending(c => c.Id).Take(take + 1)
            .Select(c => new { c.Id, Summary = new CaseSummary(c.CaseNo, c.Type, c.Reason, c.Status, c.OrderNo, c.ShopId, c.Assignee, c.Priority, c.RequestedAmount, c.CreatedAt, c.UpdatedAt) })
            .ToListAsync(ct);
        var next = rows.Count > take ? Cursor.Encode(rows[take - 1].Id) : null;
        return TypedResults.Ok(new Page<CaseSummary>(rows.Take(take).Select(r => r.Summary).ToList(), next));
    }

    public static async Task<Ok<List<TimelineView>>> TimelineAsync(string caseNo, HttpContext http, AfterSalesDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await TimelineOfAsync(caseNo, await DataScope.OfAsync(http, db, ct), db, ct));

    public static async Task<List<TimelineView>> TimelineOfAsync(string caseNo, DataScope scope, AfterSalesDbContext db, CancellationToken ct)
    {
        var id = await CaseAccess.IdOfAsync(db, caseNo, scope, ct);
        var events = await db.Timeline.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Id).ToListAsync(ct);
        return events.Select(TimelineView.From).ToList();
    }

    /// <summary>What the caller may do now, read from the same table the aggregate's guards use.</summary>
    public static async Task<Ok<List<ActionOption>>> ActionsAsync(string caseNo, HttpContext http, AfterSalesDbContext db, CancellationToken ct)
    {
        var c = await CaseAccess.LoadAsync(db, caseNo, await DataScope.OfAsync(http, db, ct), ct, track: false);
        return TypedResults.Ok(ActionsOf(c, RequestActor.Of(http).Role));
    }

    /// <summary>The actions <paramref name="role"/> may take on the case now (what <c>GET …/actions</c> answers).</summary>
    public static List<ActionOption> ActionsOf(Case c, ActorRole role) =>
        CaseRules.Available(c, role)
            .GroupBy(r => r.Action).Select(g => g.First())
            .Select(r => new ActionOption(r.Action, r.Fields.Select(f => new ActionField(f.TrimEnd('?'), !f.EndsWith('?'))).ToList()))
            .ToList();
}
