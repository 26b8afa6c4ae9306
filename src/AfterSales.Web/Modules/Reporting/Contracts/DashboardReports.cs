using AfterSales.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Reporting.Contracts;

/// <summary>
/// The dashboard's reads: the grouped figures of its charts and the cases behind a bar. One DbContext runs one query
/// at a time: the caller awaits each before the next.
/// </summary>
public sealed class DashboardReports(AfterSalesDbContext db)
{
    public Task<List<CaseGroup>> CaseGroupsAsync(DashboardRange range, string? shop, CancellationToken ct) =>
        DashboardQueries.CaseGroupsAsync(db, range, shop, ct);

    public Task<List<ClockFigure>> ClocksAsync(DashboardRange range, string? shop, CancellationToken ct) =>
        DashboardQueries.ClocksAsync(db, range, shop, ct);

    public Task<List<TimeFigure>> TimesAsync(DashboardRange range, string? shop, CancellationToken ct) =>
        DashboardQueries.TimesAsync(db, range, shop, ct);

    public Task<List<QueueFigure>> QueuesAsync(DateTimeOffset now, CancellationToken ct) => DashboardQueries.QueuesAsync(db, now, ct);

    /// <summary>How many cases the filter selects.</summary>
    public Task<int> CountAsync(CaseFilter filter, CancellationToken ct) => filter.Apply(db).CountAsync(ct);

    /// <summary>The filter's cases newest first: the first <paramref name="take"/> with an id below <paramref name="beforeId"/> (null: from the newest).</summary>
    public Task<List<CaseRow>> RowsAsync(CaseFilter filter, long? beforeId, int take, CancellationToken ct)
    {
        var query = filter.Apply(db);
        if (beforeId is { } b) query = query.Where(c => c.Id < b);
        return CaseRow.Of(query.OrderByDescending(c => c.Id).Take(take)).ToListAsync(ct);
    }
}
