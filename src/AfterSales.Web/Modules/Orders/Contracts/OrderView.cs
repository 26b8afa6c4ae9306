using AfterSales.Web.Modules.Orders.Domain;

namespace AfterSales.Web.Modules.Orders.Contracts;

public sealed record OrderView(
    string OrderNo, string ShopId, string ConsumerId, Recipient Recipient, DateTimeOffset PlacedAt, DateTimeOffset PaidAt,
    string PaymentMethod, string Currency, decimal TotalPaid, IReadOnlyList<OrderLine> Lines, IReadOnlyList<Shipment> Shipments,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The order as the API shows it; <paramref name="masked"/> masks the recipient (<see cref="RecipientMask"/>).</summary>
    public static OrderView From(Order o, bool masked) => new(o.OrderNo, o.ShopId, o.ConsumerId,
        masked ? RecipientMask.Apply(o.Recipient) : o.Recipient, o.PlacedAt, o.PaidAt,
        o.PaymentMethod, o.Currency, o.Lines.Sum(l => l.PaidAmount), o.Lines, o.Shipments, o.CreatedAt, o.UpdatedAt);
}
