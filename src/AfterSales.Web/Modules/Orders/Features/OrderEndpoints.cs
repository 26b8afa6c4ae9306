using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Orders.Domain;
using AfterSales.Web.SharedKernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Orders.Features;

public static class OrderEndpoints
{
    public static RouteGroupBuilder MapOrders(this RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("Orders");
        orders.MapPut("/{orderNo}", PutAsync).WithName("PutOrder")
            .WithSummary("Create or replace an order (idempotent by orderNo): 201 created, 200 replaced.")
            .ProducesValidationProblem().ProducesProblem(409);
        orders.MapGet("/{orderNo}", GetAsync).WithName("GetOrder").ProducesProblem(404);
        return api;
    }

    private static async Task<Results<Created<OrderView>, Ok<OrderView>>> PutAsync(
        string orderNo, PutOrderRequest? body, AfterSalesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var data = OrderValidator.Validate(orderNo, body);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await db.Orders.FirstOrDefaultAsync(o => o.OrderNo == orderNo, ct);
        var created = order is null;
        if (order is null) db.Orders.Add(order = new Order(orderNo));
        else await EnsureCoveredLinesKeptAsync(db, orderNo, data, ct);
        order.Replace(data, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var view = OrderView.From(order);
        return created ? TypedResults.Created($"/api/v1/orders/{orderNo}", view) : TypedResults.Ok(view);
    }

    /// <summary>A replacement may not pull a line out from under an open or finished case.</summary>
    private static async Task EnsureCoveredLinesKeptAsync(AfterSalesDbContext db, string orderNo, OrderData data, CancellationToken ct)
    {
        var covering = await db.Cases.AsNoTracking()
            .Where(c => c.OrderNo == orderNo && c.Status != CaseStatus.Cancelled && c.Type != CaseType.Complaint)
            .Select(c => c.Lines).ToListAsync(ct);
        var e = new FieldErrors();
        foreach (var g in covering.SelectMany(l => l).GroupBy(l => l.LineNo))
        {
            var line = data.Lines.FirstOrDefault(l => l.LineNo == g.Key);
            if (line is null || line.Quantity < g.Sum(l => l.Quantity))
                e.Add("lines", $"line {g.Key} is covered by after-sales cases for quantity {g.Sum(l => l.Quantity)}");
        }
        e.ThrowIfAny("order.lines_in_use");
    }

    private static async Task<Results<Ok<OrderView>, NotFound>> GetAsync(string orderNo, AfterSalesDbContext db, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.OrderNo == orderNo, ct)
            ?? throw new DomainException("order.not_found");
        return TypedResults.Ok(OrderView.From(order));
    }
}
