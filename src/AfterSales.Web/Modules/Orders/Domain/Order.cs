namespace AfterSales.Web.Modules.Orders.Domain;

/// <summary>The facts a case is judged on (DOMAIN.md §2), pushed by the platform and replaced whole.</summary>
public sealed class Order
{
    private Order() { }

    public Order(string orderNo) => OrderNo = orderNo;

    public string OrderNo { get; private set; } = "";
    public string ShopId { get; private set; } = "";
    public string ConsumerId { get; private set; } = "";
    public Recipient Recipient { get; private set; } = new("", "", "");
    public DateTimeOffset PlacedAt { get; private set; }
    public DateTimeOffset PaidAt { get; private set; }
    public string PaymentMethod { get; private set; } = "";
    public string Currency { get; private set; } = "CNY";
    public List<OrderLine> Lines { get; private set; } = [];
    public List<Shipment> Shipments { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Bumped whenever a case or refund on this order is decided: it serializes those decisions.</summary>
    public long LockVersion { get; private set; }

    public void Replace(OrderData data, DateTimeOffset now)
    {
        if (CreatedAt == default) CreatedAt = now;
        UpdatedAt = now;
        ShopId = data.ShopId;
        ConsumerId = data.ConsumerId;
        Recipient = data.Recipient;
        PlacedAt = data.PlacedAt;
        PaidAt = data.PaidAt;
        PaymentMethod = data.PaymentMethod;
        Currency = data.Currency;
        Lines = [.. data.Lines];
        Shipments = [.. data.Shipments];
    }

    public OrderLine? Line(int lineNo) => Lines.Find(l => l.LineNo == lineNo);

    /// <summary>签收时间 of a line: the latest signed-for time among shipments carrying it.</summary>
    public DateTimeOffset? SignedAt(int lineNo) =>
        Shipments.Where(s => s.LineNos.Contains(lineNo) && s.SignedAt is not null).Max(s => s.SignedAt);
}

public sealed record Recipient(string Name, string Phone, string Address);

public sealed record OrderLine(
    int LineNo, string Sku, string Title, string Category, int Quantity, decimal UnitPrice, decimal PaidAmount,
    IReadOnlyList<string> Flags, string? SerialNumber, int? WarrantyMonths)
{
    public bool Has(string flag) => Flags.Contains(flag, StringComparer.Ordinal);
}

public sealed record Shipment(string Carrier, string Waybill, IReadOnlyList<int> LineNos, DateTimeOffset? ShippedAt, DateTimeOffset? SignedAt);

public sealed record OrderData(
    string ShopId, string ConsumerId, Recipient Recipient, DateTimeOffset PlacedAt, DateTimeOffset PaidAt,
    string PaymentMethod, string Currency, IReadOnlyList<OrderLine> Lines, IReadOnlyList<Shipment> Shipments);

/// <summary>Flags set at sale (DOMAIN.md §2); anything else is refused so that a typo cannot widen an exclusion.</summary>
public static class LineFlags
{
    public const string CustomMade = "customMade";
    public const string Perishable = "perishable";
    public const string DigitalUnsealed = "digitalUnsealed";
    public const string Periodical = "periodical";
    public const string DeclaredNonReturnable = "declaredNonReturnable";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        CustomMade, Perishable, DigitalUnsealed, Periodical, DeclaredNonReturnable,
    };
}
