using System.Buffers.Text;
using System.Globalization;
using System.Text;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Features;
using AfterSales.Web.Modules.Cases.Features;
using AfterSales.Web.Modules.Orders.Domain;
using AfterSales.Web.SharedKernel;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Orders.Contracts;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Pages.Portal;

/// <summary>
/// The consumer's home: their orders and their after-sales requests, newest first, each list paged by its own keyset
/// cursor (no offsets: a page stays right while new orders arrive). DataScope narrows both to the signed-in consumer.
/// </summary>
public sealed class IndexModel(AfterSalesDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 10;

    public IReadOnlyList<Order> Orders { get; private set; } = [];
    public string? NextOrders { get; private set; }
    public IReadOnlyList<CaseView> Cases { get; private set; } = [];
    public string? NextCases { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(string? orders, string? cases, CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        var scope = await DataScope.OfAsync(HttpContext, db, ct);

        var orderQuery = scope.Orders(db.Orders.AsNoTracking());
        if (DecodeOrderCursor(orders) is { } after)
            orderQuery = orderQuery.Where(o => o.PlacedAt < after.PlacedAt
                || (o.PlacedAt == after.PlacedAt && string.Compare(o.OrderNo, after.OrderNo) < 0));
        var orderRows = await orderQuery.OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.OrderNo).Take(PageSize + 1).ToListAsync(ct);
        Orders = orderRows.Take(PageSize).ToList();
        NextOrders = orderRows.Count > PageSize ? EncodeOrderCursor(orderRows[PageSize - 1]) : null;

        var caseQuery = scope.Cases(db.Cases.AsNoTracking());
        if (Cursor.TryDecode(cases, out var afterId)) caseQuery = caseQuery.Where(c => c.Id < afterId);
        var caseRows = await caseQuery.Include(c => c.Clocks).Include(c => c.Timers).Include(c => c.Refunds).AsSplitQuery()
            .OrderByDescending(c => c.Id).Take(PageSize + 1).ToListAsync(ct);
        Cases = caseRows.Take(PageSize).Select(CaseView.From).ToList();
        NextCases = caseRows.Count > PageSize ? Cursor.Encode(caseRows[PageSize - 1].Id) : null;
    }

    // The orders' cursor: the last row's placing time and number (orders have no surrogate id), opaque base64url.
    private static string EncodeOrderCursor(Order o) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"o2|{o.PlacedAt.ToString("O", CultureInfo.InvariantCulture)}|{o.OrderNo}"));

    private static (DateTimeOffset PlacedAt, string OrderNo)? DecodeOrderCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        try
        {
            // The time keeps its offset: SQLite compares the stored value, offset included.
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|', 3);
            return parts.Length == 3 && parts[0] == "o2"
                && DateTimeOffset.TryParseExact(parts[1], "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                ? (at, parts[2]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
