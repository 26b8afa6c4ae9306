using AfterSales.Web.Data;

namespace AfterSales.Web.Modules.Orders.Contracts;

/// <summary>
/// How much of each order line after-sales cases already cover (open or finished, not cancelled; complaints cover no
/// goods). Orders asks before a pushed replacement shrinks a line; Cases, which knows the answer, registers it.
/// </summary>
public interface IOrderLineUsage
{
    /// <summary>Covered quantity by line number, for the lines any case covers.</summary>
    Task<IReadOnlyDictionary<int, int>> CoveredAsync(AfterSalesDbContext db, string orderNo, CancellationToken ct);
}
