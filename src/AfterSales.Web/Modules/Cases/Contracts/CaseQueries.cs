using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Cases.Features;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Cases.Contracts;

/// <summary>One case as its page shows it: the case, its timeline, messages, evidence and the actions on offer now.</summary>
public sealed record CaseFile(CaseView Case, IReadOnlyList<TimelineView> Timeline, IReadOnlyList<MessageView> Messages,
    IReadOnlyList<AttachmentView> Attachments, IReadOnlyList<ActionOption> Actions);

/// <summary>
/// The cases the web pages read, through the same reads (and <see cref="DataScope"/>) as the API: a case outside the
/// person's scope is <c>case.not_found</c> or simply absent from a list, as if it did not exist.
/// </summary>
public sealed class CaseQueries(AfterSalesDbContext db)
{
    /// <summary>The person's scope (computed once per request).</summary>
    public Task<DataScope> ScopeAsync(HttpContext http, CancellationToken ct) => DataScope.OfAsync(http, db, ct);

    /// <summary>The case with what its page shows, as <c>GET …</c>, <c>…/timeline</c>, <c>…/messages</c>, <c>…/attachments</c> and <c>…/actions</c> answer.</summary>
    public async Task<CaseFile> FileAsync(HttpContext http, string caseNo, CancellationToken ct)
    {
        var scope = await ScopeAsync(http, ct);
        var role = RequestActor.Of(http).Role;
        var c = await CaseAccess.LoadAsync(db, caseNo, scope, ct, track: false);
        var timeline = await QueryCases.TimelineOfAsync(caseNo, scope, db, ct);
        var messages = await Messages.ListOfAsync(caseNo, role, scope, db, ct);
        var files = await Attachments.ListOfAsync(caseNo, scope, db, ct);
        return new CaseFile(CaseView.From(c), timeline, messages, files, QueryCases.ActionsOf(c, role));
    }

    /// <summary>The consumer's other cases in the person's scope, newest first.</summary>
    public async Task<List<Case>> OthersOfConsumerAsync(HttpContext http, string consumerId, string exceptCaseNo, int most, CancellationToken ct) =>
        await (await ScopeAsync(http, ct)).Cases(db.Cases.AsNoTracking())
            .Where(c => c.ConsumerId == consumerId && c.CaseNo != exceptCaseNo)
            .OrderByDescending(c => c.Id).Take(most).ToListAsync(ct);

    /// <summary>The cases of an order in the person's scope, newest first.</summary>
    public async Task<List<Case>> OfOrderAsync(HttpContext http, string orderNo, CancellationToken ct) =>
        await (await ScopeAsync(http, ct)).Cases(db.Cases.AsNoTracking()).Where(c => c.OrderNo == orderNo)
            .OrderByDescending(c => c.Id).ToListAsync(ct);

    /// <summary>The cases whose case number or order number is <paramref name="q"/>, in the person's scope, newest first.</summary>
    public async Task<List<Case>> SearchAsync(HttpContext http, string q, int most, CancellationToken ct) =>
        await (await ScopeAsync(http, ct)).Cases(db.Cases.AsNoTracking())
            .Where(c => c.CaseNo == q || c.OrderNo == q)
            .OrderByDescending(c => c.Id).Take(most).ToListAsync(ct);

    /// <summary>A page of the person's cases, newest first, as whole views (clocks, timers, refunds); the next page's cursor.</summary>
    public async Task<(IReadOnlyList<CaseView> Cases, string? Next)> PageAsync(HttpContext http, string? cursor, int pageSize, CancellationToken ct)
    {
        var query = (await ScopeAsync(http, ct)).Cases(db.Cases.AsNoTracking());
        if (Cursor.TryDecode(cursor, out var afterId)) query = query.Where(c => c.Id < afterId);
        var rows = await query.Include(c => c.Clocks).Include(c => c.Timers).Include(c => c.Refunds).AsSplitQuery()
            .OrderByDescending(c => c.Id).Take(pageSize + 1).ToListAsync(ct);
        return (rows.Take(pageSize).Select(CaseView.From).ToList(), rows.Count > pageSize ? Cursor.Encode(rows[pageSize - 1].Id) : null);
    }

    /// <summary>The consumer's rating of the case, or null (the case itself is <c>case.not_found</c> outside the scope).</summary>
    public async Task<RatingView?> RatingAsync(HttpContext http, string caseNo, CancellationToken ct) =>
        await RateCase.FindAsync(caseNo, await ScopeAsync(http, ct), db, ct);
}
