using AfterSales.Web.Data;
using AfterSales.Web.Modules.Audit.Domain;
using AfterSales.Web.Modules.Orders.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Orders.Contracts;
using AfterSales.Web.Modules.Audit.Contracts;

namespace AfterSales.Web.Modules.Orders.Features;

internal static class OrderEndpoints
{
    public static RouteGroupBuilder MapOrders(this RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("Orders");
        // Orders come from the platform's systems (the integration): only the platform writes them.
        orders.MapPut("/{orderNo}", PutAsync).WithName("PutOrder").RequireAuthorization(Access.Contracts.CasePolicies.Platform)
            .WithSummary("Create or replace an order (idempotent by orderNo): 201 created, 200 replaced.")
            .ProducesValidationProblem().ProducesProblem(409);
        orders.MapGet("/{orderNo}", GetAsync).WithName("GetOrder").ProducesProblem(404).RequireAuthorization(Access.Contracts.CasePolicies.Work);
        return api;
    }

    private static async Task<Results<Created<OrderView>, Ok<OrderView>>> PutAsync(
        string orderNo, PutOrderRequest? body, HttpContext http, AfterSalesDbContext db, TimeProvider clock,
        [Microsoft.AspNetCore.Mvc.FromServices] IOrderLineUsage usage, CancellationToken ct)
    {
        var data = OrderValidator.Validate(orderNo, body);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginWriteAsync(ct);
        var order = await db.Orders.FirstOrDefaultAsync(o => o.OrderNo == orderNo, ct);
        var created = order is null;
        if (order is null) db.Orders.Add(order = new Order(orderNo));
        else await EnsureCoveredLinesKeptAsync(db, usage, orderNo, data, ct);
        order.Replace(data, now);
        // Always rewritten, even when equal: a row stored before encryption (plain JSON) is sealed on its next push.
        db.Entry(order).Property(o => o.Recipient).IsModified = true;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        // The writer sent the recipient itself: the platform (or the owner) gets it back whole, anyone else masked; not a read to audit.
        var view = OrderView.From(order, masked: RecipientMask.ReaderOf(http.User, order) == RecipientMask.Reader.Masked);
        return created ? TypedResults.Created($"/api/v1/orders/{orderNo}", view) : TypedResults.Ok(view);
    }

    /// <summary>A replacement may not pull a line out from under an open or finished case.</summary>
    private static async Task EnsureCoveredLinesKeptAsync(AfterSalesDbContext db, IOrderLineUsage usage, string orderNo, OrderData data, CancellationToken ct)
    {
        var covered = await usage.CoveredAsync(db, orderNo, ct);
        var e = new FieldErrors();
        foreach (var (lineNo, quantity) in covered.OrderBy(c => c.Key))
        {
            var line = data.Lines.FirstOrDefault(l => l.LineNo == lineNo);
            if (line is null || line.Quantity < quantity)
                e.Add("lines", $"line {lineNo} is covered by after-sales cases for quantity {quantity}");
        }
        e.ThrowIfAny("order.lines_in_use");
    }

    /// <summary>
    /// The recipient is masked unless the caller is the owning consumer or the platform (<see cref="RecipientMask"/>);
    /// a whole read by the platform is recorded (<c>personal_data.read</c>) in the same transaction, so the data is only
    /// returned once the entry has committed. The owner reading their own order is not recorded.
    /// </summary>
    private static async Task<Results<Ok<OrderView>, NotFound>> GetAsync(
        string orderNo, HttpContext http, AfterSalesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var order = await (await Access.Contracts.DataScope.OfAsync(http, db, ct)).Orders(db.Orders.AsNoTracking())
            .FirstOrDefaultAsync(o => o.OrderNo == orderNo, ct) ?? throw new DomainException("order.not_found");
        var reader = RecipientMask.ReaderOf(http.User, order);
        if (reader == RecipientMask.Reader.Platform)
        {
            await using var tx = await db.Database.BeginWriteAsync(ct);
            AuditLog.Append(db, http, AuditActions.PersonalDataRead, orderNo, new { resource = "order", fields = new[] { "recipient" } }, clock.GetUtcNow());
            await tx.CommitAsync(ct);
        }
        return TypedResults.Ok(OrderView.From(order, masked: reader == RecipientMask.Reader.Masked));
    }
}
