using System.Globalization;
using AfterSales.Web.Modules.Orders.Domain;
using static AfterSales.Web.Modules.Demo.Features.DemoCatalog;

namespace AfterSales.Web.Modules.Demo.Features;

internal enum Delivery { Signed, InTransit, NotShipped }

internal sealed record DemoLine(DemoProduct Product, int Quantity, decimal Paid);

internal sealed record DemoOrder(string Key, DemoShop Shop, int Consumer, double PlacedDaysAgo, Delivery Delivery, string Carrier,
    string Payment, DemoLine[] Lines);

/// <summary>
/// The demo orders, placed between a day and ten weeks before now. Paid amounts are after coupons (满减), so they
/// sit a little under price × quantity, as the platform pushes them. The keys are what the scenarios refer to.
/// </summary>
internal static class DemoOrders
{
    private static readonly TimeZoneInfo PlatformZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static DemoLine L(DemoProduct p, int quantity, decimal paid) => new(p, quantity, paid);

    public static readonly DemoOrder[] All =
    [
        new("D01", Digital, 0, 9, Delivery.Signed, "SF", "alipay", [L(Xiaomi14, 1, 3799.00m), L(PhoneCase, 1, 39.90m)]),
        new("D02", Digital, 1, 6, Delivery.Signed, "SF", "wechat_pay", [L(FreeBuds, 1, 429.00m)]),
        new("D03", Digital, 2, 6, Delivery.Signed, "SF", "alipay", [L(Charger67, 2, 188.00m)]),
        new("D04", Digital, 3, 8, Delivery.Signed, "SF", "wechat_pay", [L(Band, 1, 269.00m), L(OfficeKey, 1, 89.00m)]),
        new("D05", Digital, 4, 13, Delivery.Signed, "SF", "alipay", [L(IPhone15, 1, 5699.00m)]),
        new("D06", Digital, 5, 45, Delivery.Signed, "JD", "unionpay", [L(Nova12, 1, 2599.00m)]),
        new("D07", Digital, 6, 60, Delivery.Signed, "SF", "alipay", [L(Xiaomi14, 1, 3899.00m)]),
        new("D08", Digital, 7, 35, Delivery.Signed, "ZTO", "wechat_pay", [L(Charger65, 1, 139.00m)]),
        new("D09", Digital, 0, 50, Delivery.Signed, "JD", "alipay", [L(Nova12, 1, 2599.00m)]),
        new("D10", Digital, 1, 70, Delivery.Signed, "SF", "alipay", [L(IPhone15, 1, 5899.00m)]),
        new("D11", Digital, 2, 40, Delivery.Signed, "SF", "wechat_pay", [L(Xiaomi14, 1, 3999.00m)]),
        new("D12", Digital, 3, 30, Delivery.Signed, "ZTO", "alipay", [L(FreeBuds, 1, 449.00m)]),
        new("D13", Digital, 4, 55, Delivery.Signed, "JD", "unionpay", [L(Xiaomi14, 1, 3999.00m)]),
        new("D14", Digital, 5, 65, Delivery.Signed, "SF", "alipay", [L(Nova12, 1, 2649.00m)]),
        new("D15", Digital, 6, 48, Delivery.Signed, "SF", "wechat_pay", [L(FreeBuds, 1, 429.00m), L(Charger67, 1, 99.00m)]),
        new("D16", Digital, 7, 28, Delivery.Signed, "JD", "alipay", [L(IPhone15, 1, 5999.00m)]),
        new("D17", Digital, 0, 7, Delivery.Signed, "SF", "alipay", [L(WiredBuds, 1, 49.00m), L(PhoneCase, 1, 39.90m)]),
        new("D18", Digital, 1, 3, Delivery.InTransit, "ZTO", "wechat_pay", [L(Charger67, 1, 89.00m), L(WiredBuds, 2, 98.00m)]),
        new("F01", Fresh, 2, 2.2, Delivery.Signed, "SF", "wechat_pay", [L(Cherries, 1, 298.00m)]),
        new("F02", Fresh, 3, 5, Delivery.Signed, "SF", "alipay", [L(Crabs, 1, 468.00m)]),
        new("F03", Fresh, 4, 4, Delivery.Signed, "SF", "wechat_pay", [L(Mangoes, 2, 109.80m)]),
        new("F04", Fresh, 5, 9, Delivery.Signed, "SF", "alipay", [L(Cherries, 1, 288.00m)]),
        new("F05", Fresh, 6, 6, Delivery.Signed, "SF", "unionpay", [L(Lamb, 1, 139.00m), L(Oranges, 1, 49.90m)]),
        new("F06", Fresh, 7, 1.5, Delivery.NotShipped, "SF", "wechat_pay", [L(Oranges, 2, 89.80m)]),
        new("F07", Fresh, 0, 3, Delivery.Signed, "SF", "alipay", [L(Mangoes, 1, 59.90m), L(Lamb, 1, 129.00m)]),
        new("F08", Fresh, 1, 0.5, Delivery.NotShipped, "SF", "alipay", [L(Oranges, 1, 49.90m)]),
        new("A01", Apparel, 1, 5, Delivery.Signed, "ZTO", "alipay", [L(Tee, 2, 148.00m)]),
        new("A02", Apparel, 2, 8, Delivery.Signed, "ZTO", "wechat_pay", [L(DownCoat, 1, 859.00m)]),
        new("A03", Apparel, 3, 13, Delivery.Signed, "ZTO", "alipay", [L(Jeans, 1, 189.00m)]),
        new("A04", Apparel, 4, 20, Delivery.Signed, "SF", "alipay", [L(TailoredShirt, 1, 399.00m)]),
        new("A05", Apparel, 5, 6, Delivery.Signed, "SF", "wechat_pay", [L(Cardigan, 1, 259.00m)]),
        new("A06", Apparel, 6, 7, Delivery.Signed, "JD", "alipay", [L(Jeans, 1, 199.00m), L(Tee, 1, 79.00m)]),
        new("A07", Apparel, 7, 25, Delivery.Signed, "SF", "alipay", [L(DownCoat, 1, 899.00m)]),
        new("A08", Apparel, 0, 4, Delivery.Signed, "SF", "wechat_pay", [L(Cardigan, 1, 249.00m)]),
        new("A09", Apparel, 1, 9, Delivery.Signed, "SF", "alipay", [L(DownCoat, 1, 879.00m)]),
        // No case on purpose: the demo consumer's (王芳) first no-reason return, within the 7 days (README, browser tests).
        new("A10", Apparel, 0, 3, Delivery.Signed, "SF", "alipay", [L(Tee, 1, 75.00m), L(Jeans, 1, 189.00m)]),
        new("B01", Books, 2, 8, Delivery.Signed, "ZTO", "alipay", [L(ThreeBody, 1, 86.00m), L(Sapiens, 1, 63.00m)]),
        new("B02", Books, 3, 40, Delivery.Signed, "EMS", "wechat_pay", [L(ReaderMagazine, 1, 144.00m)]),
        new("B03", Books, 4, 30, Delivery.Signed, "EMS", "alipay", [L(GeoMagazine, 1, 360.00m)]),
        new("B04", Books, 5, 10, Delivery.InTransit, "ZTO", "wechat_pay", [L(ExamBook, 1, 56.80m), L(ThreeBody, 1, 88.00m)]),
    ];

    /// <summary>Builds the orders relative to <paramref name="now"/>: shipped the same day, signed for a day or two later.</summary>
    public static Dictionary<string, Order> Build(DateTimeOffset now, Random rng)
    {
        var result = new Dictionary<string, Order>(StringComparer.Ordinal);
        foreach (var (spec, index) in All.Select((s, i) => (s, i + 1)))
        {
            var placed = now.AddDays(-spec.PlacedDaysAgo);
            var day = TimeZoneInfo.ConvertTime(placed, PlatformZone).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            var order = new Order($"DD{day}{index:D6}");
            var who = Consumers[spec.Consumer];
            var lines = spec.Lines.Select((l, i) => new OrderLine(i + 1, l.Product.Sku, l.Product.Title, l.Product.Category, l.Quantity,
                l.Product.Price, l.Paid, l.Product.Flags, l.Product.SerialPrefix is { } p ? p + DemoCatalog.Digits(rng, 10) : null,
                l.Product.WarrantyMonths)).ToList();
            var data = new OrderData(spec.Shop.Id, who.Id, new Recipient(who.Name, who.Phone, who.Address), placed,
                placed.AddMinutes(2), spec.Payment, "CNY", lines, Shipments(spec, lines, placed, rng));
            order.Replace(data, placed.AddMinutes(3));
            result.Add(spec.Key, order);
        }
        return result;
    }

    /// <summary>Times of the parcel: fresh food leaves within hours, the rest the next morning; 中通 is the slowest.</summary>
    public static (DateTimeOffset Shipped, DateTimeOffset Signed) Schedule(DemoOrder spec, DateTimeOffset placed)
    {
        var shipped = placed.AddHours(spec.Shop == Fresh ? 6 : 16);
        var transit = spec.Carrier switch { "SF" => 26, "JD" => 22, _ => 50 };
        return (shipped, shipped.AddHours(transit));
    }

    private static List<Shipment> Shipments(DemoOrder spec, List<OrderLine> lines, DateTimeOffset placed, Random rng)
    {
        // Activation codes are delivered online, never in the parcel.
        var parcel = lines.Where(l => !l.Has(Orders.Domain.LineFlags.DigitalUnsealed)).Select(l => l.LineNo).ToList();
        if (spec.Delivery == Delivery.NotShipped || parcel.Count == 0) return [];
        var (shipped, signed) = Schedule(spec, placed);
        return [new Shipment(spec.Carrier, Waybill(spec.Carrier, rng), parcel, shipped, spec.Delivery == Delivery.Signed ? signed : null)];
    }
}
