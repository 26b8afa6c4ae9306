namespace AfterSales.Web.Modules.Orders.Contracts;

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
