using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Orders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Cases.Features;

/// <summary>Orders' question of what cases cover, answered from the cases of the order.</summary>
internal sealed class OrderLineUsage : IOrderLineUsage
{
    public async Task<IReadOnlyDictionary<int, int>> CoveredAsync(AfterSalesDbContext db, string orderNo, CancellationToken ct)
    {
        var covering = await db.Cases.AsNoTracking()
            .Where(c => c.OrderNo == orderNo && c.Status != CaseStatus.Cancelled && c.Type != CaseType.Complaint)
            .Select(c => c.Lines).ToListAsync(ct);
        return covering.SelectMany(l => l).GroupBy(l => l.LineNo).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
    }
}
