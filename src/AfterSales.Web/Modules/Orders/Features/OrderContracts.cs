using AfterSales.Web.Modules.Orders.Domain;

namespace AfterSales.Web.Modules.Orders.Features;

/// <summary>
/// The body of <c>PUT /api/v1/orders/{orderNo}</c>. Fields are nullable and times are strings so that every
/// problem is reported as a field error at once, instead of failing on the first bad token.
/// </summary>
public sealed record PutOrderRequest(
    string? ShopId, string? ConsumerId, RecipientDto? Recipient, string? PlacedAt, string? PaidAt,
    string? PaymentMethod, string? Currency, List<OrderLineDto>? Lines, List<ShipmentDto>? Shipments);

public sealed record RecipientDto(string? Name, string? Phone, string? Address);

public sealed record OrderLineDto(
    int? LineNo, string? Sku, string? Title, string? Category, int? Quantity, decimal? UnitPrice, decimal? PaidAmount,
    List<string>? Flags, string? SerialNumber, int? WarrantyMonths);

public sealed record ShipmentDto(string? Carrier, string? Waybill, List<int>? LineNos, string? ShippedAt, string? SignedAt);

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
