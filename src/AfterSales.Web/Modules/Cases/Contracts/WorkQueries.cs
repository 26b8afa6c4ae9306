using System.Text.Json;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Cases.Contracts;

/// <summary>A page of a workspace list: its rows, the count of each tab (under the same filters), the next page's cursor.</summary>
public sealed record WorkPage(List<WorkRow> Rows, Dictionary<string, int> Counts, string? NextCursor);

/// <summary>
/// The merchant list's filters, as values: the type and reason (wire names already read), an SKU on the order, and
/// the creation instants [<paramref name="From"/>, <paramref name="Until"/>).
/// </summary>
public sealed record CaseListFilter(CaseType? Type = null, CaseReason? Reason = null, string? Sku = null, DateTimeOffset? From = null,
    DateTimeOffset? Until = null);

/// <summary>
/// The workspace lists (the desk's inbox by SLA risk, the merchant's cases by status), read through the caller's
/// <see cref="DataScope"/>: a case outside it never appears, not even in a count.
/// </summary>
public sealed class WorkQueries(AfterSalesDbContext db)
{
    /// <summary>The desk's tabs: mine, waiting to be taken, platform review, all open.</summary>
    public static readonly string[] DeskTabs = ["mine", "waiting", "review", "all"];

    private static readonly CaseStatus[] Done = [CaseStatus.Refunded, CaseStatus.Resolved, CaseStatus.Closed, CaseStatus.Cancelled];

    /// <summary>The desk's open cases in <paramref name="tab"/>, by SLA risk, with every tab's count.</summary>
    public async Task<WorkPage> DeskAsync(HttpContext http, string tab, string? cursor, int pageSize, CancellationToken ct)
    {
        var actor = RequestActor.Of(http);
        var open = (await DataScope.OfAsync(http, db, ct)).Cases(db.Cases.AsNoTracking()).Where(c => !Done.Contains(c.Status));
        var counts = new Dictionary<string, int>();
        foreach (var key in DeskTabs) counts[key] = await InTab(open, key, actor.Id).CountAsync(ct);
        var ranked = RiskOrder.After(RiskOrder.Rank(InTab(open, tab, actor.Id)), cursor);
        var page = await RiskOrder.Order(ranked).Take(pageSize + 1).ToListAsync(ct);
        var next = page.Count > pageSize ? RiskOrder.Encode(page[pageSize - 1]) : null;
        var rows = await WorkRow.ForPageAsync(db, page.Take(pageSize).Select(r => r.Case).ToList(), actor.Role, ct);
        return new WorkPage(rows, counts, next);
    }

    private static IQueryable<Case> InTab(IQueryable<Case> open, string tab, string me) => tab switch
    {
        "mine" => open.Where(c => c.Assignee == me),
        // Waiting for an agent, as routing counts it (Case.AwaitsStaff): platform review and unanswered complaints.
        "waiting" => open.Where(c => c.Assignee == null && (c.Status == CaseStatus.PlatformReview
            || (c.Type == CaseType.Complaint && c.Status == CaseStatus.Opened))),
        "review" => open.Where(c => c.Status == CaseStatus.PlatformReview),
        _ => open,
    };

    /// <summary>
    /// The merchant's cases under <paramref name="filter"/>, newest first, in the tab whose statuses are
    /// <paramref name="statuses"/> (empty: all), with every tab's count (one grouped count).
    /// </summary>
    public async Task<WorkPage> ShopAsync(HttpContext http, CaseListFilter filter, IReadOnlyList<(string Key, CaseStatus[] Statuses)> tabs,
        CaseStatus[] statuses, string? cursor, int pageSize, CancellationToken ct)
    {
        var filtered = Apply((await DataScope.OfAsync(http, db, ct)).Cases(db.Cases.AsNoTracking()), filter);
        var byStatus = await filtered.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var counts = tabs.ToDictionary(t => t.Key, t => byStatus.Where(s => t.Statuses.Length == 0 || t.Statuses.Contains(s.Key)).Sum(s => s.Count));
        var query = statuses.Length == 0 ? filtered : filtered.Where(c => statuses.Contains(c.Status));
        if (Cursor.TryDecode(cursor, out var after)) query = query.Where(c => c.Id < after);
        var page = await query.OrderByDescending(c => c.Id).Take(pageSize + 1).ToListAsync(ct);
        var next = page.Count > pageSize ? Cursor.Encode(page[pageSize - 1].Id) : null;
        var rows = await WorkRow.ForPageAsync(db, page.Take(pageSize).ToList(), ActorRole.Merchant, ct);
        return new WorkPage(rows, counts, next);
    }

    private IQueryable<Case> Apply(IQueryable<Case> cases, CaseListFilter f)
    {
        if (f.Type is { } type) cases = cases.Where(c => c.Type == type);
        if (f.Reason is { } reason) cases = cases.Where(c => c.Reason == reason);
        // Compared as instants so the index on the column serves.
        if (f.From is { } start) cases = cases.Where(c => c.CreatedAt >= start);
        if (f.Until is { } end) cases = cases.Where(c => c.CreatedAt < end);
        if (!string.IsNullOrWhiteSpace(f.Sku))
        {
            // Order lines are one JSON text column (JsonColumn): match the serialized "sku" exactly, as a subquery
            // in the same statement, so the filter runs in the database on both engines.
            var pattern = "%" + LikeEscape(JsonSerializer.Serialize(new { sku = f.Sku.Trim() }, Json.Options).Trim('{', '}')) + "%";
            var orders = db.Database.SqlQuery<string>($"SELECT \"OrderNo\" AS \"Value\" FROM \"orders\" WHERE \"Lines\" LIKE {pattern} ESCAPE '\\'");
            cases = cases.Where(c => orders.Contains(c.OrderNo));
        }
        return cases;
    }

    private static string LikeEscape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
