using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Orders.Contracts;
using AfterSales.Web.Modules.Orders.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Web.Pages.Portal;

/// <summary>
/// The consumer's home: their orders and their after-sales requests, newest first, each list paged by its own keyset
/// cursor (no offsets: a page stays right while new orders arrive). The person's scope narrows both to the signed-in consumer.
/// </summary>
public sealed class IndexModel(OrderQueries orderQueries, CaseQueries caseQueries, TimeProvider clock) : PageModel
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
        (Orders, NextOrders) = await orderQueries.PageAsync(HttpContext, orders, PageSize, ct);
        (Cases, NextCases) = await caseQueries.PageAsync(HttpContext, cases, PageSize, ct);
    }
}
